// <TalentPools>: which pools to show and what they say (talentPoolsModel), and the
// figure's markup (talentPoolsContent): a summary sentence, one sparkline per pool over
// the folder's quarters and a table twin. Pure, so the build writes it once; a pool
// quarter without a published row (0 to 2 people, the small-cell rule) is a gap and
// reads "fewer than 3", never 0.
import { formatInteger } from './format.ts';
import { categoryPath, underBase } from './atlas-paths.ts';
import { shortCategoryName } from './labels.ts';
import { m, type Markup } from './markup.ts';
import { prevQuarter, quarterLabel, quarterShortLabel } from './quarters.ts';
import type { CategoryRow, TalentPoolRow } from './query-rows.ts';
import { sparkMultiples, swatchName, type SparkSeries } from './sparkline-markup.ts';
import { twinTable } from './twin-markup.ts';

export interface PoolSeries {
  id: string;
  type: TalentPoolRow['pool_type'];
  /** The named pool's name, or null (pairs are named by their categories). */
  name: string | null;
  categories: string[];
  minCommits: number;
  /** People per quarter of the folder; null: fewer than 3 (no row). */
  values: (number | null)[];
  /** Quarters where a fifth or more of the pool was active in a history that stops. */
  flagged: boolean[];
}

export interface TalentPoolsModel {
  quarter: string;
  quarters: string[];
  partialIndex: number;
  pools: PoolSeries[];
  /** People in three or more categories in the year to the quarter; null when not published. */
  breadth: number | null;
  categories: ReadonlyMap<string, CategoryRow>;
}

export interface TalentPoolsOptions {
  quarter: string;
  /** Pool ids to show, in this order ('a+b' in either order, a named pool's id, 'three-plus'). */
  pools?: readonly string[];
  /** 'pairs' (default) or 'named': which pools to rank when `pools` is not given. */
  show?: 'pairs' | 'named';
  /** Only pairs with this category. */
  category?: string;
  limit: number;
}

/** A pair's id as the engine writes it: the two category ids in order, joined by '+'. */
export function pairId(a: string, b: string): string {
  return [a, b].sort().join('+');
}

/** Throws (with the pools the folder has) when `pools` names one it lacks. */
export function talentPoolsModel(rows: readonly TalentPoolRow[], quarters: readonly { quarter: string; partial: boolean }[], cats: readonly CategoryRow[], o: TalentPoolsOptions): TalentPoolsModel {
  const qs = quarters.map((q) => q.quarter);
  const byId = new Map<string, TalentPoolRow[]>();
  for (const r of rows) byId.set(r.pool_id, [...(byId.get(r.pool_id) ?? []), r]);
  const now = (id: string) => byId.get(id)?.find((r) => r.quarter === o.quarter)?.people ?? 0;
  let ids: string[];
  if (o.pools && o.pools.length > 0) {
    ids = o.pools.map((p) => (p.includes('+') ? pairId(...(p.split('+') as [string, string])) : p));
    const unknown = ids.filter((id) => !byId.has(id));
    if (unknown.length > 0) {
      const named = [...byId.keys()].filter((id) => !id.includes('+')).sort();
      throw new Error(
        `no pool ${unknown.map((u) => `'${u}'`).join(', ')} in the ${o.quarter} data (named pools: ${named.join(', ') || 'none'}; pairs are written 'category+other'; a pool of fewer than 3 people in every quarter has no row)`,
      );
    }
  } else {
    const type = o.show === 'named' ? 'named' : 'pair';
    ids = [...byId.entries()]
      .filter(([, rs]) => rs[0]!.pool_type === type && (o.category === undefined || (rs[0]!.categories ?? '').split(',').includes(o.category)))
      .map(([id]) => id)
      .sort((a, b) => now(b) - now(a) || a.localeCompare(b))
      .slice(0, o.limit);
  }
  const pools = ids.map((id): PoolSeries => {
    const rs = byId.get(id)!;
    const at = (q: string) => rs.find((r) => r.quarter === q);
    return {
      id,
      type: rs[0]!.pool_type,
      name: rs[0]!.name,
      categories: (rs[0]!.categories ?? '').split(',').filter(Boolean),
      minCommits: rs[0]!.min_commits,
      values: qs.map((q) => at(q)?.people ?? null),
      flagged: qs.map((q) => at(q)?.observed === false),
    };
  });
  const breadth = o.pools?.length ? null : (byId.get('three-plus')?.find((r) => r.quarter === o.quarter)?.people ?? null);
  return { quarter: o.quarter, quarters: qs, partialIndex: quarters.findIndex((q) => q.partial), pools, breadth, categories: new Map(cats.map((c) => [c.category_id, c])) };
}

function catName(model: TalentPoolsModel, id: string): string {
  return shortCategoryName(model.categories.get(id)?.name ?? id);
}

/** "GPU Kernels and LLM Serving", "Serving engineers with kernel depth", "three or more categories". */
export function poolName(model: TalentPoolsModel, p: PoolSeries): string {
  if (p.type === 'breadth') return 'three or more categories';
  if (p.type === 'named' && p.name) return p.name;
  const names = p.categories.map((c) => catName(model, c));
  return names.length === 2 ? `${names[0]} and ${names[1]}` : names.join(', ');
}

const count = (v: number | null) => (v === null ? 'fewer than 3' : formatInteger(v));

/** The year-on-year reading of one pool: this year's people against the year before (no overlap). */
function yearOnYear(model: TalentPoolsModel, p: PoolSeries): string {
  const i = model.quarters.indexOf(model.quarter);
  const j = model.quarters.indexOf(prevQuarter(model.quarter, 4));
  const cur = p.values[i] ?? null;
  if (j < 0 || cur === null) return '';
  const before = p.values[j] ?? null;
  if (before === null) return `, up from fewer than 3 a year before`;
  return cur === before ? ', as many as a year before' : `, ${cur > before ? 'up' : 'down'} from ${formatInteger(before)} a year before`;
}

export function talentPoolsSummary(model: TalentPoolsModel): string {
  const year = `in the year to ${quarterLabel(model.quarter)}`;
  const i = model.quarters.indexOf(model.quarter);
  const top = model.pools.find((p) => p.values[i] !== null);
  const breadth = model.breadth === null ? '' : ` ${formatInteger(model.breadth)} people worked in three or more categories.`;
  if (!top) return `No pool shown had 3 or more people ${year}.${breadth}`;
  const n = top.values[i]!;
  const who = top.type === 'pair' ? `${formatInteger(n)} people worked in both ${poolName(model, top)}` : `${poolName(model, top)}: ${formatInteger(n)} people`;
  return `${model.pools.length > 1 ? 'The largest pool shown: ' : ''}${who} ${year}${yearOnYear(model, top)}.${breadth}`;
}

function heading(model: TalentPoolsModel, p: PoolSeries, base: string): Markup[] | string {
  if (p.type !== 'pair') return poolName(model, p);
  const [a, b] = p.categories as [string, string];
  const colour = (id: string) => model.categories.get(id)?.colour ?? 'currentColor';
  const href = (id: string) => underBase(base, categoryPath(id));
  return [swatchName(catName(model, a), colour(a), href(a)), m('span', { class: 'ds-spark__joiner' }, ' & '), swatchName(catName(model, b), colour(b), href(b))];
}

/** `base`: the site's base URL, for the links to each category's atlas page. */
export function talentPoolsContent(model: TalentPoolsModel, t: { caption: string; base: string }): Markup[] {
  const series = model.pools.map((p): SparkSeries => {
    const shown = p.values.map((v, i) => ({ v, q: model.quarters[i]! })).filter((x) => x.v !== null);
    const a = shown[0];
    const b = shown.at(-1);
    const label =
      `${poolName(model, p)}: ` +
      (a && b ? `${formatInteger(a.v!)} people in the year to ${quarterLabel(a.q)}, ${formatInteger(b.v!)} in the year to ${quarterLabel(b.q)}` : 'fewer than 3 people in every quarter') +
      (shown.length < p.values.length ? '; fewer than 3 in the quarters not shown' : '') +
      '.';
    return { id: p.id, name: heading(model, p, t.base), colour: model.categories.get(p.categories[0] ?? '')?.colour ?? 'var(--ds-accent)', values: p.values, flagged: p.flagged, label };
  });
  const columns = [{ label: 'Pool' }, ...model.quarters.map((q, i) => ({ label: `${quarterShortLabel(q)}${i === model.partialIndex ? ' (partial)' : ''}`, numeric: true }))];
  const rows = model.pools.map((p) => ({
    head: poolName(model, p),
    attrs: { 'data-pool': p.id },
    cells: p.values.map((v, i) => ({ text: v === null ? '<3' : `${formatInteger(v)}${p.flagged[i] ? '\u2020' : ''}`, value: v })),
  }));
  return [
    m('p', { class: 'ds-talent__summary' }, talentPoolsSummary(model)),
    model.pools.length > 0 ? sparkMultiples(series, { quarters: model.quarters, partialIndex: model.partialIndex, format: count as (v: number) => string, zero: true }) : null,
    ...twinTable(t.caption, columns, rows, 'No pool to show.'),
  ].filter((x): x is Markup => x !== null);
}
