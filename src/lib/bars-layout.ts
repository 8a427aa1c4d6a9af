// Horizontal stacked bars as plain geometry (rectangles and tick positions), so the
// build renders the SVG and the browser can re-lay it out after a re-query.
import { scaleLinear } from 'd3-scale';

export interface BarSegmentInput {
  key: string;
  value: number;
}

export interface BarInput {
  id: string;
  label: string;
  segments: readonly BarSegmentInput[];
}

export interface BarsLayoutOptions {
  width?: number;
  barHeight?: number;
  gap?: number;
  /** Room left of the bars for the row label. */
  labelWidth?: number;
  /** Room right of the longest bar for its total. */
  valueWidth?: number;
  /** Room below the bars for the axis. */
  axisHeight?: number;
  tickCount?: number;
}

export interface BarSegment {
  key: string;
  value: number;
  x: number;
  width: number;
}

export interface BarRow {
  id: string;
  label: string;
  total: number;
  y: number;
  height: number;
  segments: BarSegment[];
  /** Where the total is written: just past the bar's end. */
  valueX: number;
}

export interface BarsLayout {
  width: number;
  height: number;
  plotX: number;
  plotWidth: number;
  plotHeight: number;
  rows: BarRow[];
  ticks: { value: number; x: number }[];
}

export function barsLayout(bars: readonly BarInput[], opts: BarsLayoutOptions = {}): BarsLayout {
  const width = opts.width ?? 640;
  const barHeight = opts.barHeight ?? 22;
  const gap = opts.gap ?? 8;
  const labelWidth = opts.labelWidth ?? 210;
  const valueWidth = opts.valueWidth ?? 56;
  const axisHeight = opts.axisHeight ?? 24;
  const plotWidth = Math.max(40, width - labelWidth - valueWidth);
  const totals = bars.map((b) => b.segments.reduce((s, x) => s + Math.max(0, x.value), 0));
  const x = scaleLinear()
    .domain([0, Math.max(1, ...totals)])
    .range([0, plotWidth])
    .nice(opts.tickCount ?? 4);

  const rows: BarRow[] = bars.map((b, i) => {
    const y = i * (barHeight + gap);
    let at = 0;
    const segments = b.segments.map((s) => {
      const v = Math.max(0, s.value);
      const seg = { key: s.key, value: s.value, x: round(labelWidth + x(at)), width: round(x(at + v) - x(at)) };
      at += v;
      return seg;
    });
    return { id: b.id, label: b.label, total: totals[i]!, y, height: barHeight, segments, valueX: round(labelWidth + x(at) + 6) };
  });
  const plotHeight = Math.max(0, bars.length * (barHeight + gap) - gap);
  return {
    width,
    height: plotHeight + axisHeight,
    plotX: labelWidth,
    plotWidth,
    plotHeight,
    rows,
    ticks: x.ticks(opts.tickCount ?? 4).map((v) => ({ value: v, x: round(labelWidth + x(v)) })),
  };
}

function round(n: number): number {
  return Math.round(n * 10) / 10;
}
