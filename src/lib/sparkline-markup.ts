// Small multiples of sparklines over a folder's quarters, as markup (src/lib/markup.ts):
// one cell per series with its name, the line, its first and last values and the
// quarter axis. <TalentPools> and <OverlapTrend> draw with it, and the table twin
// beside it, so every trend chart of the site reads the same way as <CategoryTrend>:
// a partial last quarter dashed and hollow, a quarter without a value a gap.
import { m, type Markup } from './markup.ts';
import { quarterShortLabel } from './quarters.ts';
import { trendExtent, trendLayout } from './trend-layout.ts';

export interface SparkSeries {
  /** data-series of the cell: what tests and readers' tools find it by. */
  id: string;
  /** The cell's heading (text, or swatches and names). */
  name: Markup[] | string;
  colour: string;
  /** One value per quarter; null is a gap (no published value). */
  values: (number | null)[];
  /** Quarters whose point is drawn hollow with a ring (a caveat the caption explains). */
  flagged?: boolean[];
  /** The chart's accessible text: what the line says in words. */
  label: string;
}

export interface SparkOptions {
  quarters: readonly string[];
  /** Index of a partial quarter (dashed, hollow), or -1. */
  partialIndex: number;
  format: (v: number) => string;
  /** Start the y-axis at zero (counts). */
  zero?: boolean;
  /** One y-scale for every cell (compare levels) instead of one each (compare shapes). */
  shared?: boolean;
}

const SIZE = { width: 180, height: 64, pad: { top: 18, right: 4, bottom: 6, left: 4 } };

export function sparkMultiples(series: readonly SparkSeries[], o: SparkOptions): Markup {
  const shared = trendExtent(series.map((s) => s.values), o.zero ?? true);
  return m('ul', { class: 'ds-spark' }, series.map((s) => sparkCell(s, o, o.shared ? shared : trendExtent([s.values], o.zero ?? true))));
}

function sparkCell(s: SparkSeries, o: SparkOptions, domain: [number, number]): Markup {
  const complete = s.values.map((v, i) => (i === o.partialIndex ? null : v));
  const solid = trendLayout(complete, { ...SIZE, domain });
  const all = trendLayout(s.values, { ...SIZE, domain });
  const partialPoint = all.points.find((p) => p.index === o.partialIndex);
  const before = solid.points.filter((p) => p.index < o.partialIndex).at(-1);
  const first = solid.first;
  const last = solid.last;
  const rings = solid.points.filter((p) => s.flagged?.[p.index]);
  const base = solid.baseline;
  const label = (x: number, y: number, v: number, anchor: string) =>
    m('text', { class: 'ds-spark__value', x, y: y - 6, 'text-anchor': anchor }, o.format(v));
  const firstQ = o.quarters[0];
  const lastQ = o.quarters.at(-1);
  return m(
    'li',
    { class: 'ds-spark__cell', style: `--cat: ${s.colour}`, 'data-series': s.id },
    m('p', { class: 'ds-spark__name' }, s.name),
    m(
      'svg',
      { class: 'ds-spark__chart', viewBox: `0 0 ${SIZE.width} ${SIZE.height}`, width: SIZE.width, height: SIZE.height, role: 'img', 'aria-label': s.label },
      m('line', { class: 'ds-spark__base', x1: SIZE.pad.left, x2: SIZE.width - SIZE.pad.right, y1: base, y2: base }),
      solid.path ? m('path', { class: 'ds-spark__line', d: solid.path }) : null,
      partialPoint && before ? m('path', { class: 'ds-spark__line ds-spark__line--partial', d: `M${before.x},${before.y}L${partialPoint.x},${partialPoint.y}` }) : null,
      rings.map((p) => m('circle', { class: 'ds-spark__ring', cx: p.x, cy: p.y, r: 4 })),
      first ? [m('circle', { class: 'ds-spark__dot', cx: first.x, cy: first.y, r: 2.5 }), label(first.x, first.y, first.value, 'start')] : null,
      last && last !== first ? [m('circle', { class: 'ds-spark__dot', cx: last.x, cy: last.y, r: 2.5 }), label(last.x, last.y, last.value, partialPoint ? 'middle' : 'end')] : null,
      partialPoint ? m('circle', { class: 'ds-spark__dot ds-spark__dot--partial', cx: partialPoint.x, cy: partialPoint.y, r: 2.5 }) : null,
    ),
    firstQ && lastQ
      ? m(
          'p',
          { class: 'ds-spark__axis', 'aria-hidden': 'true' },
          m('span', {}, quarterShortLabel(firstQ)),
          m('span', {}, `${quarterShortLabel(lastQ)}${o.partialIndex >= 0 ? ' (partial)' : ''}`),
        )
      : null,
  );
}

/**
 * A category's swatch and name. The swatch stays with the name's first word (a line
 * never starts with the name alone), and a long name may still wrap between words.
 */
/** A category's swatch and name; a link to its atlas page when `href` is given. */
export function swatchName(name: string, colour: string, href?: string): Markup {
  const [first = '', ...rest] = name.split(' ');
  return m(
    href ? 'a' : 'span',
    { class: 'ds-spark__cat', ...(href ? { href } : {}) },
    m('span', { class: 'ds-spark__lead' }, m('span', { class: 'ds-swatch', style: `--cat: ${colour}`, 'aria-hidden': 'true' }), first),
    rest.length > 0 ? ` ${rest.join(' ')}` : null,
  );
}
