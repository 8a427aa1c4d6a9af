// Chord diagram as pure geometry: d3-chord lays out the matrix and d3-shape/d3-chord
// turn it into SVG path strings, with no DOM, so the build renders the complete SVG
// and the browser can redraw it with the same function after a re-query. One geometry
// serves both widths: wide, the names stand beside the circle; narrow, the figure crops
// to the circle and a number beside each arc keys it to a list (chord-markup.ts).
import { chord, chordDirected, ribbon, ribbonArrow, type Chord, type ChordGroup } from 'd3-chord';
import { pathRound } from 'd3-path';
import { arc } from 'd3-shape';

export interface ChordNode {
  id: string;
  name: string;
  colour: string;
}

export interface ChordLink {
  source: string;
  target: string;
  value: number;
}

export interface ChordLayoutOptions {
  /** true: migration (a link is a flow source → target); false: overlap (symmetric). */
  directed: boolean;
  outerRadius?: number;
  thickness?: number;
  padAngle?: number;
  /** Room around the circle for labels, in SVG units. */
  labelMargin?: { x: number; y: number };
  /** Narrow view: room beside the circle for the arcs' numbers, in SVG units. */
  keyMargin?: number;
}

export interface ChordArc {
  id: string;
  name: string;
  colour: string;
  /** Overlap: sum of its pair counts; migration: people flowing out plus in. */
  value: number;
  startAngle: number;
  endAngle: number;
  path: string;
  /** The name beside the arc (wide view): one line, or two for a long name; y is the block's middle. */
  label: { x: number; y: number; anchor: 'start' | 'end'; show: boolean; lines: string[] };
  /** The arc's number beside it (narrow view), 1 upwards clockwise from the top. */
  key: { n: number; x: number; y: number };
}

export interface ChordRibbon {
  source: string;
  target: string;
  /** People in the link (overlap: in both; migration: source → target). */
  value: number;
  /** Overlap only: the same people seen from the target (always equal). */
  reverseValue: number;
  colour: string;
  path: string;
}

export interface ChordLayout {
  width: number;
  height: number;
  /** viewBox with the circle's centre at 0,0. */
  viewBox: string;
  outerRadius: number;
  innerRadius: number;
  /** The narrow view's part of the viewBox: the circle and its numbers, full height. */
  crop: { width: number; height: number };
  arcs: ChordArc[];
  ribbons: ChordRibbon[];
}

const DIGITS = 1;
/** Vertical room one label line needs, in SVG units (14px text). */
const LABEL_GAP = 17;
/** A name longer than this wraps onto two lines, so the label margin stays narrow. */
const LABEL_WRAP = 16;
/** The arcs' numbers: distance outside the circle and the room one needs along it. */
const KEY_OFFSET = 26;
const KEY_ROOM = 34;

/**
 * A label's lines: a name up to LABEL_WRAP characters stays whole; a longer one breaks
 * at the space nearest its middle ("Hardware-Software Co-Design" → two lines).
 */
export function wrapLabel(name: string, max = LABEL_WRAP): string[] {
  if (name.length <= max) return [name];
  const mid = name.length / 2;
  let best = -1;
  for (let i = name.indexOf(' '); i >= 0; i = name.indexOf(' ', i + 1)) {
    if (best < 0 || Math.abs(i - mid) < Math.abs(best - mid)) best = i;
  }
  return best < 0 ? [name] : [name.slice(0, best), name.slice(best + 1)];
}

/** Square matrix in `nodes` order; links naming unknown nodes or with value ≤ 0 are ignored. */
export function linkMatrix(nodes: readonly ChordNode[], links: readonly ChordLink[], directed: boolean): number[][] {
  const index = new Map(nodes.map((n, i) => [n.id, i]));
  const m = nodes.map(() => nodes.map(() => 0));
  for (const l of links) {
    const i = index.get(l.source);
    const j = index.get(l.target);
    if (i === undefined || j === undefined || !(l.value > 0)) continue;
    // A self-link (migration stayers) has no ribbon to draw: it would swamp the flows.
    if (i === j) continue;
    m[i]![j]! += l.value;
    if (!directed) m[j]![i]! += l.value;
  }
  return m;
}

export function chordLayout(nodes: readonly ChordNode[], links: readonly ChordLink[], opts: ChordLayoutOptions): ChordLayout {
  const outerRadius = opts.outerRadius ?? 290;
  const innerRadius = outerRadius - (opts.thickness ?? 16);
  const padAngle = opts.padAngle ?? 0.03;
  const margin = opts.labelMargin ?? { x: 160, y: 48 };
  const keyMargin = opts.keyMargin ?? 50;
  const width = 2 * (outerRadius + margin.x);
  const height = 2 * (outerRadius + margin.y);

  // Nodes with no links would still take a pad and a zero-width arc: leave them out.
  const full = linkMatrix(nodes, links, opts.directed);
  const keep = nodes.map((_, i) => full[i]!.some((v) => v > 0) || full.some((row) => row[i]! > 0));
  const shown = nodes.filter((_, i) => keep[i]);
  const matrix = full.filter((_, i) => keep[i]).map((row) => row.filter((_, j) => keep[j]));

  const layout = (opts.directed ? chordDirected() : chord())
    .padAngle(shown.length > 1 ? padAngle : 0)
    .sortSubgroups((a, b) => b - a);
  const chords = layout(matrix);

  const arcPath = arc<ChordGroup>().innerRadius(innerRadius).outerRadius(outerRadius).digits(DIGITS);
  const keyAngles = spreadAngles(
    chords.groups.map((g) => (g.startAngle + g.endAngle) / 2),
    KEY_ROOM / (outerRadius + KEY_OFFSET),
  );
  const arcs: ChordArc[] = chords.groups.map((g, i) => {
    const node = shown[g.index]!;
    const mid = (g.startAngle + g.endAngle) / 2;
    const r = outerRadius + 8;
    const keyAngle = keyAngles[i]!;
    const keyR = outerRadius + KEY_OFFSET;
    return {
      id: node.id,
      name: node.name,
      colour: node.colour,
      value: g.value,
      startAngle: g.startAngle,
      endAngle: g.endAngle,
      path: arcPath(g) ?? '',
      label: {
        x: round(Math.sin(mid) * r),
        y: round(-Math.cos(mid) * r),
        anchor: mid < Math.PI ? 'start' : 'end',
        // Every drawn arc is named, however thin: spreadLabels makes the room.
        show: true,
        lines: wrapLabel(node.name),
      },
      key: { n: i + 1, x: round(Math.sin(keyAngle) * keyR), y: round(-Math.cos(keyAngle) * keyR) },
    };
  });

  spreadLabels(arcs, LABEL_GAP, outerRadius + margin.y - LABEL_GAP / 2, outerRadius + 8);

  const ribbons: ChordRibbon[] = chords.map((c: Chord) => {
    const s = shown[c.source.index]!;
    const t = shown[c.target.index]!;
    const p = pathRound(DIGITS);
    // d3 draws onto any object with the path methods; a rounding d3-path keeps the
    // HTML small. The typings only name canvas contexts.
    const ctx = p as unknown as CanvasRenderingContext2D;
    const radius = innerRadius - 1;
    if (opts.directed) {
      ribbonArrow<Chord, Chord['source']>().radius(radius).headRadius(Math.min(10, radius / 10)).context(ctx)(c);
    } else {
      ribbon<Chord, Chord['source']>().radius(radius).context(ctx)(c);
    }
    return {
      source: s.id,
      target: t.id,
      value: c.source.value,
      reverseValue: c.target.value,
      // Flows take the colour they leave from; an overlap takes its larger partner's.
      colour: opts.directed || (arcs[c.source.index]?.value ?? 0) >= (arcs[c.target.index]?.value ?? 0) ? s.colour : t.colour,
      path: p.toString(),
    };
  });
  ribbons.sort((a, b) => b.value - a.value || a.source.localeCompare(b.source) || a.target.localeCompare(b.target));

  return {
    width,
    height,
    viewBox: `${-width / 2} ${-height / 2} ${width} ${height}`,
    outerRadius,
    innerRadius,
    crop: { width: 2 * (outerRadius + keyMargin), height },
    arcs,
    ribbons,
  };
}

/**
 * Angles moved apart until neighbours (around the circle, the last next to the first)
 * are at least `gap` apart, each moving as little as it can: the arcs' numbers of thin
 * neighbouring arcs would otherwise print over each other.
 */
export function spreadAngles(angles: readonly number[], gap: number): number[] {
  const n = angles.length;
  if (n < 2 || gap * n >= 2 * Math.PI) return angles.map((a) => a);
  const order = angles.map((a, i) => ({ a, i })).sort((x, y) => x.a - y.a);
  const out = order.map((o) => o.a);
  for (let pass = 0; pass < 50; pass++) {
    let moved = false;
    for (let k = 0; k < n; k++) {
      const next = (k + 1) % n;
      const b = out[next]! + (next === 0 ? 2 * Math.PI : 0);
      const deficit = gap - (b - out[k]!);
      if (deficit > 1e-9) {
        out[k]! -= deficit / 2;
        out[next]! += deficit / 2;
        moved = true;
      }
    }
    if (!moved) break;
  }
  const result = new Array<number>(n);
  order.forEach((o, k) => (result[o.i] = out[k]!));
  return result;
}

/** Sum of arc spans plus pads; 2π whenever anything is drawn (a test checks it). */
export function angleCovered(layout: ChordLayout, padAngle = 0.03): number {
  const n = layout.arcs.length;
  if (n === 0) return 0;
  return layout.arcs.reduce((s, a) => s + (a.endAngle - a.startAngle), 0) + (n > 1 ? padAngle * n : 0);
}

/**
 * Small neighbouring arcs put their labels on top of each other. On each side of the
 * circle, push shown labels apart vertically (top to bottom), then back up from the
 * bottom edge if that ran out of room; a two-line label takes two lines' room. Given
 * the labels' radius, a label pushed to a height where it would lie over the circle
 * slides out along it, so text never covers the arcs (labels near the top and bottom
 * are the ones that move).
 */
export function spreadLabels(arcs: ChordArc[], gap: number, limit: number, radius?: number): void {
  const half = (a: ChordArc) => ((a.label.lines?.length ?? 1) * gap) / 2;
  for (const anchor of ['start', 'end'] as const) {
    const side = arcs.filter((a) => a.label.show && a.label.anchor === anchor).sort((a, b) => a.label.y - b.label.y);
    for (let i = 1; i < side.length; i++) {
      const prev = side[i - 1]!;
      const cur = side[i]!;
      const room = half(prev) + half(cur);
      if (cur.label.y < prev.label.y + room) cur.label.y = round(prev.label.y + room);
    }
    for (let i = side.length - 1; i >= 0; i--) {
      const cur = side[i]!;
      const max = i === side.length - 1 ? limit - half(cur) + gap / 2 : side[i + 1]!.label.y - half(side[i + 1]!) - half(cur);
      if (cur.label.y > max) cur.label.y = round(max);
    }
    if (radius === undefined) continue;
    for (const a of side) {
      const { label } = a;
      // The line nearest the circle's middle is the one that must clear it.
      const nearest = Math.max(0, Math.abs(label.y) - half(a) + gap / 2);
      if (nearest >= radius) continue;
      const edge = Math.sqrt(radius * radius - nearest * nearest);
      if (Math.abs(label.x) < edge) label.x = round(anchor === 'start' ? edge : -edge);
    }
  }
}

function round(n: number): number {
  return Math.round(n * 10) / 10;
}
