// Row shapes of the atlas queries (src/lib/queries/atlas-*.sql), apart from
// query-rows.ts so the atlas pages' data contract reads in one place.

import type { WorkMixRow } from './query-rows.ts';

export interface AtlasRepoRow {
  repo: string;
  category_id: string;
  status: 'ingested' | 'unavailable';
  ingested: boolean;
  /** The repository this one is a fork or mirror of, when the registry names one. */
  upstream: string | null;
  first_quarter: string | null;
  /** Last day observed of a history that stops early (YYYY-MM-DD), else null. */
  tracked_until: string | null;
  /** Newest quarter of the folder with a commit; null when none in the window. */
  last_active_quarter: string | null;
  /** The registry's note: why a history is unavailable, stops early or is dormant. */
  note: string | null;
  /** First and last counted commit up to the folder's quarter (YYYY-MM-DD), else null. */
  first_commit: string | null;
  last_commit: string | null;
}

/** One scope (repository or category) in one quarter where it had a row. */
export interface AtlasSeriesRow {
  scope_id: string;
  category_id: string | null;
  quarter: string;
  seq: number;
  partial: boolean;
  observed: boolean;
  commits: number;
  contributors: number;
  active_repos: number;
  new_contributors: number;
  new_to_ecosystem: number;
  retained: number;
  reactivated: number;
  churned: number;
  churn_rate: number | null;
  retention: number | null;
  mean_active_weeks: number | null;
  test_line_share: number | null;
  commits_qoq: number | null;
  contributors_qoq: number | null;
  top_repo: string | null;
  top_repo_share: number | null;
  core_50: number | null;
  core_80: number | null;
  /** Categories only (scope_newcomers); null for repositories. */
  newcomer_share: number | null;
  /** Repositories only: rank by contributors within the category in the quarter. */
  rank_in_category: number | null;
}

/** atlas-work-mix: a work-mix row (as work-mix gives it) of one scope among many. */
export type AtlasWorkMixRow = WorkMixRow & { scope_id: string };

/** atlas-repo-overlap: people of a repository also active in another category (null: under 3). */
export interface AtlasRepoOverlapRow {
  repo: string;
  quarter: string;
  seq: number;
  other_category: string;
  people: number | null;
}

export interface AtlasCompanyRow {
  /** A category id or a repository (owner/name). */
  scope_id: string;
  quarter: string;
  seq: number;
  organization: string;
  credit: number;
  share: number;
  rank: number;
}
