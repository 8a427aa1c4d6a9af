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

/** talent-pools: one published pool in one quarter (pools under 3 people have no row). */
export interface TalentPoolRow {
  quarter: string;
  seq: number;
  partial: boolean;
  /** First quarter of the trailing year the row counts. */
  from_quarter: string;
  pool_type: 'pair' | 'breadth' | 'named';
  /** 'a+b' for a pair, 'three-plus', or the editor's id. */
  pool_id: string;
  name: string | null;
  /** Category ids joined by ',' (in id order); null for 'breadth'. */
  categories: string | null;
  min_commits: number;
  people: number;
  /** People active within the year in a history that stops early; null under 3. */
  in_stopped_histories: number | null;
  observed: boolean;
}

/** core-team: a core_team row (sizes of 1 or 2 are null). */
export interface CoreTeamRow {
  scope_type: 'repo' | 'category' | 'all';
  scope_id: string;
  category_id: string | null;
  quarter: string;
  seq: number;
  partial: boolean;
  observed: boolean;
  contributors: number;
  credit: number;
  core_50: number | null;
  core_80: number | null;
  steady_contributors: number | null;
}

/** newcomers: a scope_newcomers row. */
export interface NewcomersRow {
  scope_type: 'category' | 'all';
  scope_id: string;
  quarter: string;
  seq: number;
  partial: boolean;
  observed: boolean;
  contributors: number;
  new_contributors: number;
  new_to_ecosystem: number;
  newcomer_share: number | null;
  ecosystem_newcomer_share: number | null;
  new_projects: number;
  new_project_contributors: number;
}

/** new-projects: a project new to the tracked set, its first quarter and the asked one. */
export interface NewProjectRow {
  first_quarter: string;
  first_seq: number;
  repo: string;
  category_id: string;
  category_name: string;
  colour: string;
  first_commits: number;
  first_contributors: number;
  /** Of first_contributors, those whose first credit anywhere in the tracked set was then. */
  first_newcomers: number;
  rank: number;
  commits: number;
  contributors: number;
  /** Last day observed of a history that stops early (YYYY-MM-DD), else null. */
  tracked_until: string | null;
}

/** work-mix: one kind of work in one quarter of a scope (share null: no commits at all). */
export interface WorkMixRow {
  quarter: string;
  seq: number;
  partial: boolean;
  work_kind: string;
  kind_order: number;
  commits: number;
  share: number | null;
  total_commits: number;
}

/** overlap-trend: one category pair's overlap in one quarter. */
export interface OverlapTrendRow {
  quarter: string;
  seq: number;
  partial: boolean;
  category_a: string;
  category_b: string;
  people: number;
}

/** commit-sizes: one repository in one quarter. */
export interface CommitSizeRow {
  repo: string;
  quarter: string;
  commits: number;
  lines: number;
  largest_commit_lines: number | null;
}

/** change-people: a category's (or 'all') people, or those it has through one repository only. */
export interface ChangePeopleRow {
  scope_id: string;
  other_category: string | null;
  repo: string | null;
  people: number | null;
  people_prev: number | null;
}
