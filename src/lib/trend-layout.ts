// Sparklines for small multiples: one line per series over the same quarters, as path
// strings, with the first and last points exposed for their value labels.
import { line } from 'd3-shape';

export interface TrendLayoutOptions {
  width?: number;
  height?: number;
  /** Inner padding so end dots and strokes are not clipped. */
  pad?: { top: number; right: number; bottom: number; left: number };
  /** Shared y-domain across multiples (compare levels) or per series (compare shapes). */
  domain?: readonly [number, number];
  /** Start the y-axis at zero (counts) rather than at the series' minimum (ratios). */
  zero?: boolean;
}

export interface TrendPoint {
  index: number;
  value: number;
  x: number;
  y: number;
}

export interface TrendLayout {
  width: number;
  height: number;
  /** Empty when the series has fewer than one defined value. */
  path: string;
  points: TrendPoint[];
  first: TrendPoint | null;
  last: TrendPoint | null;
  min: number;
  max: number;
  /** y of the domain's lower bound, for a baseline. */
  baseline: number;
}

export function trendExtent(series: readonly (readonly (number | null)[])[], zero = true): [number, number] {
  const values = series.flat().filter((v): v is number => v !== null && Number.isFinite(v));
  if (values.length === 0) return [0, 1];
  const lo = zero ? Math.min(0, ...values) : Math.min(...values);
  const hi = Math.max(...values);
  return lo === hi ? [lo, lo + (lo === 0 ? 1 : Math.abs(lo))] : [lo, hi];
}

export function trendLayout(values: readonly (number | null)[], opts: TrendLayoutOptions = {}): TrendLayout {
  const width = opts.width ?? 160;
  const height = opts.height ?? 48;
  const pad = opts.pad ?? { top: 6, right: 6, bottom: 6, left: 6 };
  const [lo, hi] = opts.domain ?? trendExtent([values], opts.zero ?? true);
  const n = values.length;
  const innerW = width - pad.left - pad.right;
  const innerH = height - pad.top - pad.bottom;
  const xAt = (i: number) => pad.left + (n <= 1 ? innerW / 2 : (i / (n - 1)) * innerW);
  const yAt = (v: number) => pad.top + innerH - ((v - lo) / (hi - lo || 1)) * innerH;

  const points: TrendPoint[] = [];
  values.forEach((v, i) => {
    if (v !== null && Number.isFinite(v)) points.push({ index: i, value: v, x: round(xAt(i)), y: round(yAt(v)) });
  });
  // Gaps (quarters with no defined value) break the line rather than bridging them.
  const gen = line<number | null>()
    .defined((v) => v !== null && Number.isFinite(v))
    .x((_, i) => xAt(i))
    .y((v) => yAt(v ?? 0))
    .digits(1);
  return {
    width,
    height,
    path: points.length > 0 ? gen(values as (number | null)[]) ?? '' : '',
    points,
    first: points[0] ?? null,
    last: points.at(-1) ?? null,
    min: lo,
    max: hi,
    baseline: round(yAt(lo)),
  };
}

function round(n: number): number {
  return Math.round(n * 10) / 10;
}
