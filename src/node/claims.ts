// Decides a claim component's claim at build time: reads the figures it compares the
// way <Metric> reads them (src/node/metric.ts: one scope through resolveMetric, every
// category or project through the same scope_quarters reading) and evaluates them
// (src/lib/claims.ts). The component and the editor check both call it, so the page
// cannot print a claim the check refused.
import { evaluateCompare, evaluateOnly, evaluateRank, evaluateThreshold, flowId, pairId, type Member, type Verdict } from '../lib/claims.ts';
import { evaluateStreak } from '../lib/claim-streak.ts';
import type { ClaimRequest, ClaimScope } from '../lib/claim-props.ts';
import type { FigureFormat } from '../lib/figures.ts';
import { quarterLabel } from '../lib/quarters.ts';
import { readPopulation } from './claim-population.ts';
import { MetricError, openFolderFor, resolveMetric, type MetricRequest } from './metric.ts';

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
      const pop = await readPopulation(figure, quarter, articleQuarter, req.population, format);
      return { verdict: evaluateRank(req.claim, pop.population), quotes: [quote(quarter, req.scope)] };
    }
    case 'Only': {
      const pop = await readPopulation(figure, quarter, articleQuarter, req.population, format);
      const known = new Set(pop.population.members.map((m) => m.id));
      // An unknown member is the verdict's to name; it has nothing to quote.
      const quotes = req.claim.members.filter((id) => known.has(id)).map((id) => {
        const q = pop.quoteOf(id);
        return quote(quarter, q.scope, q.label);
      });
      return { verdict: evaluateOnly(req.claim, pop.population), quotes };
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
    case 'Streak': {
      const series = await history(figure, quarter, articleQuarter, req.scope, format);
      const verdict = evaluateStreak(req.claim, scopeName(figure, req.scope), series);
      // The run as claimed: its first quarter's figure and each one after it.
      const shown = series.slice(-(req.claim.quarters + 1)).filter((m) => m.value !== null);
      return { verdict, quotes: shown.map((m) => quote(m.id, req.scope, quarterLabel(m.id))) };
    }
  }
}

/** How a scope is named in a verdict: "gpu-kernels", "NVIDIA in gpu-kernels", "a ↔ b", "a → b", "pool serving-kernels". */
function scopeName(figure: string, scope: ClaimScope): string {
  if (scope.from !== undefined && scope.to !== undefined) return `${figure === 'net_migration' ? 'net ' : ''}${flowId(scope.from, scope.to)}`;
  if (scope.category !== undefined && scope.other !== undefined) return `${figure === 'talent_pool' ? 'pool ' : ''}${pairId(scope.category, scope.other)}`;
  const place = scope.pool !== undefined ? `pool ${scope.pool}` : `${scope.org ? `${scope.org} in ` : ''}${scope.category ?? scope.repo ?? 'the tracked set'}`;
  return scope.kind !== undefined ? `${place} (${scope.kind})` : place;
}

/** One scope's figure through resolveMetric itself, labelled for the verdict ("gpu-kernels", "the tracked set in 2025-q2"). */
async function member(figure: string, quarter: string, articleQuarter: string | undefined, scope: ClaimScope, format: FigureFormat | undefined, withQuarter: boolean): Promise<Member> {
  const m = await resolveMetric({ figure, quarter, ...(articleQuarter ? { articleQuarter } : {}), ...scope, ...(format ? { format } : {}) });
  const who = scopeName(figure, scope);
  return { id: withQuarter ? `${who} in ${quarter}` : who, value: typeof m.value === 'number' ? m.value : null, text: m.text, missing: m.missing ?? (m.value === null ? m.text : null) };
}

/**
 * The scope's figure in every quarter of the folder up to `quarter`, oldest first, each
 * member's id its quarter. A partial quarter is never compared as if complete, and a
 * quarter the scope has no figure for (nobody active yet) has no value.
 */
async function history(figure: string, quarter: string, articleQuarter: string | undefined, scope: ClaimScope, format: FigureFormat | undefined): Promise<Member[]> {
  const data = await openFolderFor(quarter, articleQuarter);
  const quarters = await data.query('quarters', {});
  const end = quarters.findIndex((q) => q.quarter === quarter);
  if (end < 0) throw new MetricError(`no figure '${figure}' in ${quarter} (the ${data.quarter} folder covers ${quarters[0]?.quarter ?? '?'} to ${quarters.at(-1)?.quarter ?? '?'})`);
  const folder = data.quarter;
  return Promise.all(
    quarters.slice(0, end + 1).map(async (q): Promise<Member> => {
      if (q.partial) return { id: q.quarter, value: null, text: 'partial quarter', missing: 'partial quarter, not compared' };
      try {
        const m = await member(figure, q.quarter, folder, scope, format, false);
        return { ...m, id: q.quarter };
      } catch (e) {
        // The claim's own quarter must have the figure: its error says what to write.
        if (!(e instanceof MetricError) || q.quarter === quarter) throw e;
        return { id: q.quarter, value: null, text: '\u2013', missing: 'no figure in that quarter' };
      }
    }),
  );
}
