// Row shapes of the read queries in ./queries (what query-registry's names return).
// Integer columns arrive as numbers (the build converts BIGINT; the browser's Arrow
// INTEGER columns are numbers already), timestamps as ISO strings.

export interface HeadlineRow {
  quarter: string;
  partial: boolean;
  observed: boolean;
  tracked_repos: number;
  ingested_repos: number;
  active_repos: number;
  commits: number;
  contributors: number;
  new_contributors: number;
  new_to_ecosystem: number;
  active_repos_prev: number;
  commits_prev: number;
  contributors_prev: number;
  active_repos_qoq: number | null;
  commits_qoq: number | null;
  contributors_qoq: number | null;
  /** Repositories the like-for-like QoQ leaves out ("a/b, c/d"), or null. */
  qoq_basis_excludes: string | null;
}

export interface SnapshotRow {
  category_id: string;
  name: string;
  emoji: string;
  colour: string;
  sort_order: number;
  quarter: string;
  partial: boolean;
  observed: boolean;
  commits: number;
  contributors: number;
  active_repos: number;
  new_contributors: number;
  commits_prev: number;
  contributors_prev: number;
  active_repos_prev: number;
  commits_qoq: number | null;
  contributors_qoq: number | null;
  active_repos_qoq: number | null;
  qoq_basis_excludes: string | null;
  churn_rate: number | null;
  top_repo: string | null;
  top_repo_share: number | null;
  tracked_repos: number;
}

export interface TopProjectRow {
  repo: string;
  category_id: string;
  category_name: string;
  colour: string;
  contributors: number;
  new_contributors: number;
  returning_contributors: number;
  commits: number;
  rank_in_category: number;
  rank_overall: number;
  new_project: boolean;
}

export interface OverlapRow {
  category_a: string;
  category_b: string;
  people: number;
}

/** category-pair: one row for any two categories; moved is a → b, moved_back b → a. */
export interface CategoryPairRow {
  quarter: string;
  category_a: string;
  category_b: string;
  overlap: number;
  moved: number;
  moved_back: number;
}

export interface MigrationRow {
  from_category: string;
  to_category: string;
  people: number;
}

export interface TrendRow {
  category_id: string;
  name: string;
  colour: string;
  sort_order: number;
  quarter: string;
  seq: number;
  partial: boolean;
  observed: boolean;
  value: number | null;
}

/** A scope_quarters row: every published figure of one scope and quarter. */
export interface ScopeQuarterRow {
  scope_type: 'repo' | 'category' | 'all';
  scope_id: string;
  category_id: string | null;
  quarter: string;
  seq: number;
  partial: boolean;
  observed: boolean;
  top_repo: string | null;
  [figure: string]: string | number | boolean | null;
}

export interface CompanyShareRow {
  quarter: string;
  scope_type: 'category' | 'all';
  scope_id: string;
  organization: string;
  credit: number;
  share: number;
  rank: number;
}

export interface CategoryRow {
  category_id: string;
  name: string;
  emoji: string;
  colour: string;
  sort_order: number;
}

export interface QuarterRow {
  quarter: string;
  seq: number;
  start_ts: string;
  end_ts: string;
  partial: boolean;
}

export interface RepoRow {
  repo: string;
  category_id: string;
  status: 'ingested' | 'unavailable';
  ingested: boolean;
  first_quarter: string | null;
  /** Last day observed of a history that stops early (YYYY-MM-DD), else null. */
  tracked_until: string | null;
}
