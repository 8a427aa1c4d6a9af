// The members a rank or an "only" claim compares, read from the published tables the
// way <Metric> reads each one (src/node/metric.ts, metric-talent.ts), so a verdict's
// numbers are the ones the article prints: every category or project (scope_quarters),
// every pair of categories (overlaps: category_overlap; pair talent pools:
// talent_pools), every flow between two categories (category_migration), every named
// pool, every organization of a scope (company_share).
import { flowId, pairId, type Member, type Population } from '../lib/claims.ts';
import type { ClaimScope, PopulationSpec } from '../lib/claim-props.ts';
import { FIGURES, formatFigure, type FigureDef, type FigureFormat } from '../lib/figures.ts';
import { MetricError, openFolderFor, scopeFigureOf } from './metric.ts';
import { FEWER_THAN_3 } from './metric-talent.ts';
import type { PublishedData } from './published-data.ts';

/** Organizations that are no company: webmail and noreply addresses, and unmapped domains. */
export const NOT_COMPANIES: readonly string[] = ['Unknown', 'Other'];

export interface ReadPopulation {
  population: Population;
  /** How a member is quoted beside the claim: its label in a list and its <Metric> scope. */
  quoteOf(id: string): { label: string; scope: ClaimScope };
}

export async function readPopulation(figure: string, quarter: string, articleQuarter: string | undefined, spec: PopulationSpec, format: FigureFormat | undefined): Promise<ReadPopulation> {
  const def = FIGURES[figure]!;
  const data = await openFolderFor(quarter, articleQuarter);
  await covers(data, figure, quarter);
  const cats = await data.query('categories', {});
  const names = new Map(cats.map((c) => [c.category_id, c.name]));
  if (spec.within !== undefined && !names.has(spec.within)) {
    throw new MetricError(`${spec.noun === 'organizations' ? 'category' : 'within'}="${spec.within}" is not a category in ${quarter} (known categories: ${cats.map((c) => c.category_id).join(', ')})`);
  }
  const text = (value: number) => formatFigure(def, { value }, format);
  const ids = cats.map((c) => c.category_id);
  const involves = (a: string, b: string) => spec.within === undefined || a === spec.within || b === spec.within;
  /** Every unordered pair of categories (involving `within`), as [a, b] with a < b. */
  const unordered = () => ids.flatMap((a) => ids.filter((b) => a < b && involves(a, b)).map((b) => [a, b] as const));
  const pairQuote = (id: string) => {
    const [a, b] = id.split(' \u2194 ') as [string, string];
    return { label: `${names.get(a) ?? a} and ${names.get(b) ?? b}`, scope: { category: a, other: b } };
  };
  const flowQuote = (id: string) => {
    const [from, to] = id.split(' \u2192 ') as [string, string];
    return { label: `${names.get(from) ?? from} to ${names.get(to) ?? to}`, scope: { from, to } };
  };

  switch (spec.noun) {
    case 'categories':
    case 'projects':
      return scopes(data, def, figure, quarter, spec, format, names);
    case 'pairs': {
      if (figure === 'overlap') {
        // A pair with nobody in common has no row: its overlap is 0, as <Metric> reads it.
        const rows = await data.query('overlap-matrix', { quarter });
        const people = new Map(rows.map((r) => [pairId(r.category_a, r.category_b), r.people]));
        const members = unordered().map(([a, b]): Member => {
          const v = people.get(pairId(a, b)) ?? 0;
          return { id: pairId(a, b), value: v, text: text(v), missing: null };
        });
        return { population: { ...spec, members }, quoteOf: pairQuote };
      }
      // Pair talent pools: a pool of fewer than 3 people has no row, and is known to be below 3.
      const rows = (await data.query('talent-pools', {})).filter((r) => r.quarter === quarter && r.pool_type === 'pair');
      const people = new Map(rows.map((r) => [r.pool_id, r.people]));
      const members = unordered().map(([a, b]): Member => {
        const v = people.get(`${a}+${b}`);
        return v === undefined ? { id: pairId(a, b), value: null, text: FEWER_THAN_3, missing: 'a pool of fewer than 3 people is not published', below: 3 } : { id: pairId(a, b), value: v, text: text(v), missing: null };
      });
      return { population: { ...spec, members }, quoteOf: pairQuote };
    }
    case 'flows': {
      // Stayers (from = to) are no flow; a flow with nobody has no row and is 0.
      const rows = await data.query('migration-matrix', { quarter });
      const moved = new Map(rows.map((r) => [flowId(r.from_category, r.to_category), r.people]));
      const net = def.source === 'net_migration';
      const members = ids.flatMap((a) =>
        ids
          .filter((b) => a !== b && involves(a, b))
          .map((b): Member => {
            const v = (moved.get(flowId(a, b)) ?? 0) - (net ? (moved.get(flowId(b, a)) ?? 0) : 0);
            return { id: flowId(a, b), value: v, text: text(v), missing: null };
          }),
      );
      return { population: { ...spec, members }, quoteOf: flowQuote };
    }
    case 'pools': {
      // Named pools published in any quarter of the folder; one without a row this quarter had fewer than 3 people.
      const rows = (await data.query('talent-pools', {})).filter((r) => r.pool_type === 'named');
      const pools = [...new Set(rows.map((r) => r.pool_id))];
      const now = new Map(rows.filter((r) => r.quarter === quarter).map((r) => [r.pool_id, r.people]));
      const members = pools.map((id): Member => {
        const v = now.get(id);
        return v === undefined ? { id, value: null, text: FEWER_THAN_3, missing: 'a pool of fewer than 3 people is not published', below: 3 } : { id, value: v, text: text(v), missing: null };
      });
      const label = new Map(rows.map((r) => [r.pool_id, r.name ?? r.pool_id]));
      return { population: { ...spec, members }, quoteOf: (id) => ({ label: label.get(id) ?? id, scope: { pool: id } }) };
    }
    case 'organizations': {
      // Shares of the organizations that are companies: "the largest employer" is never the webmail addresses.
      const rows = (await data.query('company-share', { quarter, scopeId: spec.within ?? 'all' })).filter((r) => r.quarter === quarter && !NOT_COMPANIES.includes(r.organization));
      const members = rows.map((r): Member => ({ id: r.organization, value: r.share, text: text(r.share), missing: null }));
      return { population: { ...spec, members }, quoteOf: (id) => ({ label: id, scope: { org: id, ...(spec.within ? { category: spec.within } : {}) } }) };
    }
  }
}

/** Every category, or every project with a history (of one category), with its figure in the quarter. */
async function scopes(data: PublishedData, def: FigureDef, figure: string, quarter: string, spec: PopulationSpec, format: FigureFormat | undefined, names: Map<string, string>): Promise<ReadPopulation> {
  // Projects without a history (unavailable) have no figures to compare: the tracked set is what the data covers.
  const ids =
    spec.noun === 'categories'
      ? [...names.keys()]
      : (await data.query('repos', {})).filter((r) => r.ingested && (spec.within === undefined || r.category_id === spec.within)).map((r) => r.repo);
  const rows = await data.query('scope-figures', { quarter, scopeType: spec.noun === 'categories' ? 'category' : 'repo' });
  const byId = new Map(rows.map((r) => [r.scope_id, r]));
  if (rows[0] && !(figure in rows[0])) throw new MetricError(`the published scope_quarters of ${data.quarter} has no column '${figure}'`);
  const members = ids.map((id): Member => {
    const row = byId.get(id);
    if (row) {
      const f = scopeFigureOf(figure, def, row, format);
      return { id, value: typeof f.value === 'number' ? f.value : null, text: f.text, missing: f.missing };
    }
    // No row: nothing happened there in the quarter. A count of that is 0; anything else is undefined.
    if (def.kind === 'count') return { id, value: 0, text: formatFigure(def, { value: 0 }, format), missing: null };
    return { id, value: null, text: '\u2013', missing: 'no activity in the quarter' };
  });
  const key = spec.noun === 'categories' ? 'category' : 'repo';
  return { population: { ...spec, members }, quoteOf: (id) => ({ label: names.get(id) ?? id, scope: { [key]: id } }) };
}

export async function covers(data: PublishedData, figure: string, quarter: string): Promise<void> {
  const quarters = await data.query('quarters', {});
  if (!quarters.some((q) => q.quarter === quarter)) {
    throw new MetricError(`no figure '${figure}' in ${quarter} (the ${data.quarter} folder covers ${quarters[0]?.quarter ?? '?'} to ${quarters.at(-1)?.quarter ?? '?'})`);
  }
}
