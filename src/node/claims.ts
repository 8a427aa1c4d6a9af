// Decides a claim component's claim at build time: reads the figures it compares the
// way <Metric> reads them (src/node/metric.ts: one scope through resolveMetric, every
// category or project through the same scope_quarters reading) and evaluates them
// (src/lib/claims.ts). The component and the editor check both call it, so the page
// cannot print a claim the check refused.
import { evaluateCompare, evaluateOnly, evaluateRank, evaluateThreshold, type Member, type Population, type Verdict } from '../lib/claims.ts';
import type { ClaimRequest, ClaimScope, PopulationSpec } from '../lib/claim-props.ts';
import { FIGURES, formatFigure, type FigureFormat } from '../lib/figures.ts';
import { MetricError, openFolderFor, resolveMetric, scopeFigureOf, type MetricRequest } from './metric.ts';
import type { PublishedData } from './published-data.ts';

/** A figure the claim quotes beside the editor's words, as <Metric> props; label names it in a list. */
export interface QuotedFigure {
  label?: string;
  metric: Omit<MetricRequest, 'articleQuarter'>;
}

export interface ResolvedClaim {
  verdict: Verdict;
  quotes: QuotedFigure[];
}

export async function resolveClaim(req: ClaimRequest, quarter: string, articleQuarter?: string): Promise<ResolvedClaim> {
  const { figure, format } = req;
  const quote = (q: string, scope: ClaimScope, label?: string): QuotedFigure => ({ ...(label ? { label } : {}), metric: { figure, quarter: q, ...scope, ...(format ? { format } : {}) } });
  switch (req.component) {
    case 'Rank': {
      const pop = await population(figure, quarter, articleQuarter, req.population, format);
      return { verdict: evaluateRank(req.claim, pop.population), quotes: [quote(quarter, req.scope)] };
    }
    case 'Only': {
      const pop = await population(figure, quarter, articleQuarter, req.population, format);
      const key = req.population.noun === 'categories' ? 'category' : 'repo';
      return { verdict: evaluateOnly(req.claim, pop.population), quotes: req.claim.members.map((id) => quote(quarter, { [key]: id }, pop.names.get(id) ?? id)) };
    }
    case 'Compare': {
      const otherQuarter = req.otherQuarter ?? quarter;
      const twoQuarters = otherQuarter !== quarter;
      const [a, b] = await Promise.all([
        member(figure, quarter, articleQuarter, req.scope, format, twoQuarters),
        member(figure, otherQuarter, articleQuarter, req.other, format, twoQuarters),
      ]);
      return { verdict: evaluateCompare(req.claim, a, b), quotes: [quote(quarter, req.scope), quote(otherQuarter, req.other)] };
    }
    case 'Threshold':
      return { verdict: evaluateThreshold(req.claim, await member(figure, quarter, articleQuarter, req.scope, format, false)), quotes: [quote(quarter, req.scope)] };
  }
}

/** One scope's figure through resolveMetric itself, labelled for the verdict ("gpu-kernels", "the tracked set in 2025-q2"). */
async function member(figure: string, quarter: string, articleQuarter: string | undefined, scope: ClaimScope, format: FigureFormat | undefined, withQuarter: boolean): Promise<Member> {
  const m = await resolveMetric({ figure, quarter, ...(articleQuarter ? { articleQuarter } : {}), ...scope, ...(format ? { format } : {}) });
  const place = scope.pool !== undefined ? `pool ${scope.pool}` : `${scope.org ? `${scope.org} in ` : ''}${scope.category ?? scope.repo ?? 'the tracked set'}`;
  const who = scope.kind !== undefined ? `${place} (${scope.kind})` : place;
  return { id: withQuarter ? `${who} in ${quarter}` : who, value: typeof m.value === 'number' ? m.value : null, text: m.text, missing: m.missing ?? null };
}

/** Every category, or every project with a history (of one category), with its figure in the quarter. */
async function population(
  figure: string,
  quarter: string,
  articleQuarter: string | undefined,
  spec: PopulationSpec,
  format: FigureFormat | undefined,
): Promise<{ population: Population; names: Map<string, string> }> {
  const def = FIGURES[figure]!;
  const data = await openFolderFor(quarter, articleQuarter);
  await covers(data, figure, quarter);
  const cats = await data.query('categories', {});
  const names = new Map(cats.map((c) => [c.category_id, c.name]));
  if (spec.within !== undefined && !names.has(spec.within)) {
    throw new MetricError(`within="${spec.within}" is not a category in ${quarter} (known categories: ${cats.map((c) => c.category_id).join(', ')})`);
  }
  // Projects without a history (unavailable) have no figures to compare: the tracked set is what the data covers.
  const ids =
    spec.noun === 'categories'
      ? cats.map((c) => c.category_id)
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
  return { population: { ...spec, members }, names };
}

async function covers(data: PublishedData, figure: string, quarter: string): Promise<void> {
  const quarters = await data.query('quarters', {});
  if (!quarters.some((q) => q.quarter === quarter)) {
    throw new MetricError(`no figure '${figure}' in ${quarter} (the ${data.quarter} folder covers ${quarters[0]?.quarter ?? '?'} to ${quarters.at(-1)?.quarter ?? '?'})`);
  }
}
