// The published fixture's talent tables (talent_pools, core_team, scope_newcomers,
// new_projects), as literal rows or derived from its scope_quarters rows by rules simple
// enough to check by hand. published-fixture.ts writes them beside the other tables.
import { prevQuarter } from '../../src/lib/quarters.ts';
import { QUARTERS } from './published-fixture-data.ts';

type Value = string | number | boolean | null;
type Row = Record<string, Value | undefined>;

/**
 * [pool_type, pool_id, name, categories, min_commits, people per QUARTERS (null: fewer
 * than 3, no row)]. 2024-q3 is the article quarter: serving + kernels grew from 8 to 36
 * people, compilers + kernels shrank out of publication (no row from 2024-q3).
 */
export const POOLS: [string, string, string | null, string | null, number, (number | null)[]][] = [
  ['breadth', 'three-plus', 'Active in three or more categories', null, 1, [10, 11, 12, 13, 15, 17, 19, 21, 24, 25]],
  ['named', 'serving-kernels', 'Serving engineers with kernel depth', 'gpu-kernels,llm-serving', 1, [8, 9, 11, 14, 18, 22, 27, 31, 36, 38]],
  ['named', 'full-stack', 'Kernels, compilers and serving', 'gpu-kernels,llm-serving,ml-compilers', 1, [3, 3, 4, 4, 5, 5, 6, 6, 7, 7]],
  ['pair', 'gpu-kernels+llm-serving', null, 'gpu-kernels,llm-serving', 1, [8, 9, 11, 14, 18, 22, 27, 31, 36, 38]],
  ['pair', 'gpu-kernels+ml-compilers', null, 'gpu-kernels,ml-compilers', 1, [6, 6, 5, 5, 4, 4, 3, 3, null, null]],
  ['pair', 'llm-serving+training-frameworks', null, 'llm-serving,training-frameworks', 1, [20, 22, 25, 27, 30, 33, 35, 36, 40, 41]],
  ['pair', 'ml-compilers+training-frameworks', null, 'ml-compilers,training-frameworks', 1, [15, 14, 14, 13, 12, 12, 11, 10, 9, 9]],
  ['pair', 'edge-ml+gpu-kernels', null, 'edge-ml,gpu-kernels', 1, [null, null, null, null, null, null, null, null, null, 3]],
];

/** [pool_id, quarter, in_stopped_histories]: serving + training rests on a stopped history in 2024-q3 (9 of 40). */
export const POOL_STOPPED: [string, string, number][] = [['llm-serving+training-frameworks', '2024-q3', 9]];

export function talentPoolRows(): Row[] {
  const out: Row[] = [];
  // Every quarter has a year behind it in the warehouse the fixture stands for.
  QUARTERS.forEach((quarter, i) => {
    for (const [pool_type, pool_id, name, categories, min_commits, series] of POOLS) {
      const people = series[i];
      if (people === null || people === undefined) continue;
      const stopped = POOL_STOPPED.find(([p, q]) => p === pool_id && q === quarter)?.[2] ?? null;
      out.push({
        quarter, from_quarter: prevQuarter(quarter, 3), pool_type, pool_id, name, categories, min_commits, people,
        in_stopped_histories: stopped, observed: stopped === null || stopped < 0.2 * people,
      });
    }
  });
  return out;
}

const small = (n: number): number | null => (n >= 3 ? n : null);

/**
 * core_team from scope_quarters rows with people: half the credit is made by 8% of the
 * contributors, four fifths by 35%, and 10% are steady (rounded); sizes under 3 are
 * empty, as the engine publishes them. gpu-kernels 2024-q3 (80 people): 6, 28, 8;
 * edge-ml 2024-q3 (12 people): empty, 4, empty.
 */
export function coreTeamRows(scopeRows: Row[]): Row[] {
  return scopeRows
    .filter((r) => (r.contributors as number) > 0)
    .map((r) => {
      const c = r.contributors as number;
      return {
        scope_type: r.scope_type, scope_id: r.scope_id, category_id: r.category_id, quarter: r.quarter, seq: r.seq, partial: r.partial, observed: r.observed,
        contributors: c, credit: (r.commits as number) * 0.95,
        core_50: small(Math.round(c * 0.08)), core_80: small(Math.round(c * 0.35)), steady_contributors: small(Math.round(c * 0.1)),
      };
    });
}

/** new_projects: each repository in its first quarter with people; newcomers are half its contributors (rounded). */
export function newProjectRows(scopeRows: Row[]): Row[] {
  const repos = scopeRows.filter((r) => r.scope_type === 'repo');
  const first = new Map<string, Row>();
  for (const r of repos) if ((r.contributors as number) > 0 && !first.has(r.scope_id as string)) first.set(r.scope_id as string, r);
  const rows = [...first.values()];
  const out: Row[] = [];
  for (const quarter of QUARTERS) {
    const here = rows
      .filter((r) => r.quarter === quarter)
      .sort((a, b) => (b.contributors as number) - (a.contributors as number) || (b.commits as number) - (a.commits as number) || String(a.scope_id).localeCompare(String(b.scope_id)));
    here.forEach((r, i) =>
      out.push({
        quarter, seq: r.seq, repo: r.scope_id, category_id: r.category_id, commits: r.commits, contributors: r.contributors,
        newcomers: Math.round((r.contributors as number) / 2), rank: i + 1,
      }),
    );
  }
  return out;
}

/** scope_newcomers from the category and 'all' rows of scope_quarters and new_projects' rows. */
export function newcomerRows(scopeRows: Row[], projects: Row[]): Row[] {
  return scopeRows
    .filter((r) => r.scope_type !== 'repo')
    .map((r) => {
      const c = r.contributors as number;
      const mine = projects.filter((p) => p.quarter === r.quarter && (r.scope_type === 'all' || p.category_id === r.scope_id));
      return {
        scope_type: r.scope_type, scope_id: r.scope_id, quarter: r.quarter, seq: r.seq, partial: r.partial, observed: r.observed,
        contributors: c, new_contributors: r.new_contributors, new_to_ecosystem: r.new_to_ecosystem,
        newcomer_share: c > 0 ? (r.new_contributors as number) / c : null,
        ecosystem_newcomer_share: c > 0 ? (r.new_to_ecosystem as number) / c : null,
        new_projects: mine.length,
        new_project_contributors: mine.reduce((t, p) => t + (p.contributors as number), 0),
      };
    });
}
