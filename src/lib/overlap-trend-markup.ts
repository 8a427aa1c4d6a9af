// <OverlapTrend>: the overlap of category pairs (people active in both in the same
// quarter, category_overlap as published) over the folder's quarters. The model picks
// the pairs (one pair, a category's pairs, or the largest overall); the markup is a
// summary sentence, one sparkline per pair and a table twin. Pure, for the build.
import { categoryPath, underBase } from './atlas-paths.ts';
import { formatInteger } from './format.ts';
import { shortCategoryName } from './labels.ts';
import { m, type Markup } from './markup.ts';
import { prevQuarter, quarterLabel, quarterShortLabel } from './quarters.ts';
import type { CategoryRow, OverlapTrendRow } from './query-rows.ts';
import { sparkMultiples, swatchName, type SparkSeries } from './sparkline-markup.ts';
import { twinTable } from './twin-markup.ts';

export interface OverlapPair {
  a: string;
  b: string;
  /** People per quarter of the folder (0 where the published table has no row). */
  values: number[];
}

export interface OverlapTrendModel {
  quarter: string;
  quarters: string[];
  partialIndex: number;
  pairs: OverlapPair[];
  categories: ReadonlyMap<string, CategoryRow>;
}

export interface OverlapTrendOptions {
  quarter: string;
  category?: string;
  other?: string;
  limit: number;
}

export function overlapTrendModel(rows: readonly OverlapTrendRow[], quarters: readonly { quarter: string; partial: boolean }[], cats: readonly CategoryRow[], o: OverlapTrendOptions): OverlapTrendModel {
  const qs = quarters.map((q) => q.quarter);
  const key = (a: string, b: string) => [a, b].sort().join('|');
  const values = new Map<string, number[]>();
  for (const r of rows) {
    const k = key(r.category_a, r.category_b);
    const v = values.get(k) ?? qs.map(() => 0);
    const i = qs.indexOf(r.quarter);
    if (i >= 0) v[i] = r.people;
    values.set(k, v);
  }
  const i = qs.indexOf(o.quarter);
  let keys: string[];
  if (o.category !== undefined && o.other !== undefined) keys = [key(o.category, o.other)];
  else {
    keys = [...values.keys()]
      .filter((k) => o.category === undefined || k.split('|').includes(o.category))
      .sort((x, y) => (values.get(y)![i] ?? 0) - (values.get(x)![i] ?? 0) || x.localeCompare(y))
      .slice(0, o.limit);
  }
  const pairs = keys.map((k) => {
    const [a, b] = k.split('|') as [string, string];
    // The category asked about first reads first.
    const [first, second] = o.category !== undefined && b === o.category ? [b, a] : [a, b];
    return { a: first, b: second, values: values.get(k) ?? qs.map(() => 0) };
  });
  return { quarter: o.quarter, quarters: qs, partialIndex: quarters.findIndex((q) => q.partial), pairs, categories: new Map(cats.map((c) => [c.category_id, c])) };
}

function catName(model: OverlapTrendModel, id: string): string {
  return shortCategoryName(model.categories.get(id)?.name ?? id);
}

export function overlapTrendSummary(model: OverlapTrendModel): string {
  const i = model.quarters.indexOf(model.quarter);
  const top = model.pairs[0];
  if (!top) return `No two categories had people in common in ${quarterLabel(model.quarter)}.`;
  const n = top.values[i] ?? 0;
  const j = model.quarters.indexOf(prevQuarter(model.quarter, 4));
  const before = j >= 0 ? ` (${formatInteger(top.values[j] ?? 0)} a year before, in ${quarterLabel(model.quarters[j]!)})` : '';
  const lead = model.pairs.length > 1 ? 'The largest overlap shown: ' : '';
  return `${lead}${formatInteger(n)} ${n === 1 ? 'person was' : 'people were'} active in both ${catName(model, top.a)} and ${catName(model, top.b)} in ${quarterLabel(model.quarter)}${before}.`;
}

/** `base`: the site's base URL, for the links to each category's atlas page. */
export function overlapTrendContent(model: OverlapTrendModel, t: { caption: string; base: string }): Markup[] {
  const colour = (id: string) => model.categories.get(id)?.colour ?? 'currentColor';
  const series = model.pairs.map((p): SparkSeries => {
    const first = p.values[0] ?? 0;
    const last = p.values.at(-1) ?? 0;
    const label = `${catName(model, p.a)} and ${catName(model, p.b)}: ${formatInteger(first)} people in both in ${quarterLabel(model.quarters[0]!)}, ${formatInteger(last)} in ${quarterLabel(model.quarters.at(-1)!)}.`;
    return {
      id: `${p.a}+${p.b}`,
      name: [
        swatchName(catName(model, p.a), colour(p.a), underBase(t.base, categoryPath(p.a))),
        m('span', { class: 'ds-spark__joiner' }, ' & '),
        swatchName(catName(model, p.b), colour(p.b), underBase(t.base, categoryPath(p.b))),
      ],
      colour: colour(p.a),
      values: p.values,
      label,
    };
  });
  const columns = [{ label: 'Categories' }, ...model.quarters.map((q, i) => ({ label: `${quarterShortLabel(q)}${i === model.partialIndex ? ' (partial)' : ''}`, numeric: true }))];
  const rows = model.pairs.map((p) => ({
    head: `${catName(model, p.a)} & ${catName(model, p.b)}`,
    attrs: { 'data-pair': `${p.a}+${p.b}` },
    cells: p.values.map((v) => ({ text: formatInteger(v), value: v })),
  }));
  return [
    m('p', { class: 'ds-talent__summary' }, overlapTrendSummary(model)),
    model.pairs.length > 0 ? sparkMultiples(series, { quarters: model.quarters, partialIndex: model.partialIndex, format: (v) => formatInteger(v), zero: true }) : null,
    ...twinTable(t.caption, columns, rows, 'No two categories had people in common.'),
  ].filter((x): x is Markup => x !== null);
}
