// The plain facts at the top of a project page, as numbers and words: status, rank in
// its category, forks, first and last activity. Pure, so tests can pin exact values.
import type { AtlasRepoRow, AtlasSeriesRow } from './atlas-rows.ts';
import { formatDate } from './format.ts';
import { quarterLabel } from './quarters.ts';

export interface Rank {
  rank: number;
  of: number;
  quarter: string;
}

/**
 * The repository's rank by contributors among its category's projects active in the
 * quarter (top_projects' rank: ties broken by commits, then name), or null when it had
 * no commit then.
 */
export function rankInCategory(repo: AtlasRepoRow, repoSeries: ReadonlyMap<string, readonly AtlasSeriesRow[]>, quarter: string): Rank | null {
  const own = repoSeries.get(repo.repo)?.find((r) => r.quarter === quarter);
  if (!own || own.rank_in_category === null) return null;
  let of = 0;
  // Only ranked projects count: a row with bot or merge commits alone has no rank.
  for (const rows of repoSeries.values()) if (rows.some((r) => r.quarter === quarter && r.category_id === repo.category_id && r.rank_in_category !== null)) of++;
  return { rank: own.rank_in_category, of, quarter };
}

/** Repositories that name this one as their upstream (forks and mirrors), by name. */
export function forksOf(repo: string, repos: readonly AtlasRepoRow[]): string[] {
  return repos.filter((r) => r.upstream === repo).map((r) => r.repo).sort((a, b) => a.localeCompare(b));
}

export type StatusKind = 'observed' | 'stopped' | 'unavailable';

export function statusOf(repo: AtlasRepoRow): { kind: StatusKind; text: string } {
  if (!repo.ingested) return { kind: 'unavailable', text: 'Listed, history not available' };
  if (repo.tracked_until) return { kind: 'stopped', text: `Tracked until ${formatDate(repo.tracked_until)}` };
  return { kind: 'observed', text: 'Observed to the end of the data' };
}

export function lastActivityText(repo: AtlasRepoRow, folderFirst: string): string {
  if (!repo.ingested) return 'not available';
  if (repo.last_active_quarter) return quarterLabel(repo.last_active_quarter);
  return `none since ${quarterLabel(folderFirst)}`;
}
