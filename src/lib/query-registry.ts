// The typed registry of read queries: every SQL text a page runs, at build time over
// the published Parquet (src/node) and later in the browser over the same files
// (DuckDB-WASM 1.28 = DuckDB 0.9.1, so no JSON functions and no newer syntax). Each
// query reads views named like the published files and takes positional parameters
// $1, $2 … in the order `params` lists them.
import categoriesSql from './queries/categories.sql?raw';
import categoryPairSql from './queries/category-pair.sql?raw';
import categoryTrendSql from './queries/category-trend.sql?raw';
import companyShareSql from './queries/company-share.sql?raw';
import headlineSql from './queries/headline.sql?raw';
import metricSql from './queries/metric.sql?raw';
import migrationAtThresholdSql from './queries/migration-at-threshold.sql?raw';
import migrationMatrixSql from './queries/migration-matrix.sql?raw';
import overlapAtThresholdSql from './queries/overlap-at-threshold.sql?raw';
import overlapMatrixSql from './queries/overlap-matrix.sql?raw';
import quartersSql from './queries/quarters.sql?raw';
import reposSql from './queries/repos.sql?raw';
import scopeFiguresSql from './queries/scope-figures.sql?raw';
import snapshotSql from './queries/snapshot.sql?raw';
import topProjectsSql from './queries/top-projects.sql?raw';
import talentPoolsSql from './queries/talent-pools.sql?raw';
import coreTeamSql from './queries/core-team.sql?raw';
import newcomersSql from './queries/newcomers.sql?raw';
import newProjectsSql from './queries/new-projects.sql?raw';
import workMixSql from './queries/work-mix.sql?raw';
import overlapTrendSql from './queries/overlap-trend.sql?raw';
import commitSizesSql from './queries/commit-sizes.sql?raw';
import changePeopleSql from './queries/change-people.sql?raw';
import atlasReposSql from './queries/atlas-repos.sql?raw';
import atlasScopeSeriesSql from './queries/atlas-scope-series.sql?raw';
import atlasWorkMixSql from './queries/atlas-work-mix.sql?raw';
import atlasRepoOverlapSql from './queries/atlas-repo-overlap.sql?raw';
import atlasCompanyMixSql from './queries/atlas-company-mix.sql?raw';
import type { AtlasCompanyRow, AtlasRepoOverlapRow, AtlasRepoRow, AtlasSeriesRow, AtlasWorkMixRow } from './atlas-rows.ts';
import { maskSql } from './sql-lexer.ts';
import type {
  CategoryPairRow,
  ChangePeopleRow,
  CommitSizeRow,
  CategoryRow,
  CompanyShareRow,
  CoreTeamRow,
  HeadlineRow,
  MigrationRow,
  NewcomersRow,
  NewProjectRow,
  OverlapRow,
  OverlapTrendRow,
  QuarterRow,
  RepoRow,
  ScopeQuarterRow,
  SnapshotRow,
  TalentPoolRow,
  TopProjectRow,
  TrendRow,
  WorkMixRow,
} from './query-rows.ts';

export type ParamValue = string | number | boolean;

export interface QueryDef<Row, P extends readonly string[]> {
  readonly name: string;
  readonly sql: string;
  /** Parameter names in positional order: params[0] binds $1. */
  readonly params: P;
  readonly description: string;
  /** Type-level only: the row shape (never set). */
  readonly row?: Row;
}

// Curried so the row type is given and the parameter tuple is inferred literally.
function query<Row>() {
  return <const P extends readonly string[]>(name: string, sql: string, params: P, description: string): QueryDef<Row, P> => ({
    name,
    sql,
    params,
    description,
  });
}

/** Published view names (one per Parquet file) the queries may read. */
export const PUBLISHED_VIEWS = [
  'categories',
  'category_migration',
  'category_migration_thresholds',
  'category_overlap',
  'category_overlap_thresholds',
  'change_people',
  'commit_sizes',
  'company_share',
  'core_team',
  'new_projects',
  'quarters',
  'repos',
  'scope_newcomers',
  'scope_quarters',
  'talent_pools',
  'top_projects',
  'work_composition',
] as const;

/**
 * Views added after quarters were first published: a folder published before them
 * lacks their files until it is published again, so readers of every view (the
 * explore console) load these only where the folder has them.
 */
export const LATER_VIEWS: readonly (typeof PUBLISHED_VIEWS)[number][] = ['change_people', 'commit_sizes', 'core_team', 'new_projects', 'scope_newcomers', 'talent_pools'];

/** Figures category-trend can draw (its CASE list; a test keeps the two equal). */
export const TREND_METRICS = [
  'contributors',
  'commits',
  'active_repos',
  'new_contributors',
  'new_to_ecosystem',
  'agent_assisted_commits',
  'churn_rate',
  'retention',
  'mean_active_weeks',
  'one_week_share',
  'test_line_share',
  'top_repo_share',
  'newcomer_share',
] as const;
export type TrendMetric = (typeof TREND_METRICS)[number];

export const QUERIES = {
  headline: query<HeadlineRow>()('headline', headlineSql, ['quarter'], 'Tracked repos, commits and contributors of the whole tracked set in a quarter, with changes.'),
  snapshot: query<SnapshotRow>()('snapshot', snapshotSql, ['quarter'], 'Per category: commits, contributors, active repos and their quarter-on-quarter change.'),
  'top-projects': query<TopProjectRow>()(
    'top-projects',
    topProjectsSql,
    ['quarter', 'category', 'limit'],
    "Repositories by contributors (new vs returning), overall (category 'all') or within a category.",
  ),
  'overlap-matrix': query<OverlapRow>()('overlap-matrix', overlapMatrixSql, ['quarter'], 'People active in two categories in the quarter (published, any activity).'),
  'migration-matrix': query<MigrationRow>()('migration-matrix', migrationMatrixSql, ['quarter'], 'Primary-category flows from the previous quarter into this one (published).'),
  'overlap-at-threshold': query<OverlapRow>()(
    'overlap-at-threshold',
    overlapAtThresholdSql,
    ['quarter', 'minCommits'],
    'People with at least minCommits commits in each of two categories (published counts; minCommits one of the chord thresholds).',
  ),
  'migration-at-threshold': query<MigrationRow>()(
    'migration-at-threshold',
    migrationAtThresholdSql,
    ['quarter', 'minCommits'],
    'Primary-category flows of people with at least minCommits commits in both quarters (published counts; minCommits one of the chord thresholds).',
  ),
  'category-pair': query<CategoryPairRow>()(
    'category-pair',
    categoryPairSql,
    ['quarter', 'categoryA', 'categoryB'],
    'People active in both of two categories, and moving between them either way, in a quarter (one row, zeros when none).',
  ),
  'category-trend': query<TrendRow>()('category-trend', categoryTrendSql, ['metric'], 'One figure per category over every quarter of the folder.'),
  metric: query<ScopeQuarterRow>()('metric', metricSql, ['quarter', 'scopeType', 'scopeId'], 'Every figure of one scope in a quarter and the quarter before.'),
  'scope-figures': query<ScopeQuarterRow>()(
    'scope-figures',
    scopeFiguresSql,
    ['quarter', 'scopeType'],
    "Every figure of every scope of one type ('category' or 'repo') in a quarter, for claims that compare them.",
  ),
  'company-share': query<CompanyShareRow>()(
    'company-share',
    companyShareSql,
    ['quarter', 'scopeId'],
    "Commit credit by organization for 'all' or a category, in a quarter and the quarter before.",
  ),
  categories: query<CategoryRow>()('categories', categoriesSql, [], 'Category ids, names, emoji and colours in reading order.'),
  quarters: query<QuarterRow>()('quarters', quartersSql, [], 'The quarters the folder covers, oldest first.'),
  repos: query<RepoRow>()('repos', reposSql, [], 'Tracked repositories with category and availability.'),
  'talent-pools': query<TalentPoolRow>()('talent-pools', talentPoolsSql, [], 'People active in every category of a pool within the trailing year, every published pool and quarter.'),
  'core-team': query<CoreTeamRow>()(
    'core-team',
    coreTeamSql,
    ['quarter', 'scopeType', 'scopeId'],
    'Core team sizes (half and 80% of commit credit) and steady contributors of one scope, in a quarter and the quarter before.',
  ),
  newcomers: query<NewcomersRow>()(
    'newcomers',
    newcomersSql,
    ['quarter', 'scopeType', 'scopeId'],
    "Newcomer shares and projects new to the tracked set of 'all' or a category, in a quarter and the quarter before.",
  ),
  'new-projects': query<NewProjectRow>()('new-projects', newProjectsSql, ['quarter'], 'Projects new to the tracked set in the folder up to a quarter, with their figures then and in that quarter.'),
  'work-mix': query<WorkMixRow>()('work-mix', workMixSql, ['scopeType', 'scopeId'], 'Shares of each kind of work in one scope over every quarter of the folder.'),
  // The artefact guard (src/node/content-checks/change-data.ts): what explains a quoted change.
  'commit-sizes': query<CommitSizeRow>()('commit-sizes', commitSizesSql, ['quarter'], 'Commits, lines and the largest commit of every repository, in a quarter and the quarter before.'),
  'change-people': query<ChangePeopleRow>()(
    'change-people',
    changePeopleSql,
    ['quarter'],
    'People behind each category change into a quarter (counts), and those a category or an overlap has through one repository only.',
  ),
  'overlap-trend': query<OverlapTrendRow>()('overlap-trend', overlapTrendSql, [], 'People active in both of two categories, every pair over every quarter of the folder.'),
  // The atlas (/projects/, /categories/): one query per table for all pages, memoised per build.
  'atlas-repos': query<AtlasRepoRow>()('atlas-repos', atlasReposSql, [], 'Every tracked repository with its upstream, first counted quarter and last quarter with a commit.'),
  'atlas-scope-series': query<AtlasSeriesRow>()('atlas-scope-series', atlasScopeSeriesSql, ['scopeType'], "Trend figures of every scope of one type ('repo' or 'category') over every quarter of the folder."),
  'atlas-work-mix': query<AtlasWorkMixRow>()('atlas-work-mix', atlasWorkMixSql, ['scopeType'], "Kinds of work of every scope of one type ('repo' or 'category') over every quarter of the folder."),
  'atlas-repo-overlap': query<AtlasRepoOverlapRow>()('atlas-repo-overlap', atlasRepoOverlapSql, [], "People of each repository also active in another category, per quarter (cells under 3 empty)."),
  'atlas-company-mix': query<AtlasCompanyRow>()('atlas-company-mix', atlasCompanyMixSql, ['scopeType'], "Commit credit by organization of every scope of one type ('repo' or 'category') over every quarter of the folder."),
} as const;

export type QueryName = keyof typeof QUERIES;
export type RowOf<N extends QueryName> = (typeof QUERIES)[N] extends QueryDef<infer R, readonly string[]> ? R : never;
export type ParamsOf<N extends QueryName> = { [K in (typeof QUERIES)[N]['params'][number]]: ParamValue };

export function isQueryName(name: string): name is QueryName {
  return Object.hasOwn(QUERIES, name);
}

/** Named values → the positional array for $1, $2 …; a missing value is a caller bug. */
export function bindParams<N extends QueryName>(name: N, values: ParamsOf<N>): ParamValue[] {
  const spec: QueryDef<unknown, readonly string[]> = QUERIES[name];
  const named = values as Record<string, ParamValue | undefined>;
  return spec.params.map((p) => {
    const v = named[p];
    if (v === undefined || v === null) throw new Error(`query '${name}' needs a value for '${p}' (params: ${spec.params.join(', ') || 'none'})`);
    return v;
  });
}

/**
 * The published views a query reads (names in code, not in comments or strings), so a
 * runner can say which table a folder lacks instead of failing inside the engine.
 */
export function viewsRead(name: QueryName): string[] {
  const masked = maskSql(QUERIES[name].sql);
  const code = typeof masked === 'string' ? masked : QUERIES[name].sql;
  return PUBLISHED_VIEWS.filter((v) => new RegExp(`\\b${v}\\b`).test(code));
}

/** The SQL text as both runtimes should run it: no trailing semicolon or blank lines. */
export function sqlOf(name: QueryName): string {
  return QUERIES[name].sql.trim().replace(/;\s*$/, '');
}
