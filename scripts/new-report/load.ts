// Reads what the drafted findings need from one published quarter folder (its Parquet,
// never the warehouse): the folder is what the article will quote, so the findings
// can only name figures the article can show.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import type { ChangeData } from '../../src/lib/explain-inputs.ts';
import { prevQuarter } from '../../src/lib/quarters.ts';
import type { PUBLISHED_VIEWS } from '../../src/lib/query-registry.ts';
import { loadChangeData } from '../../src/node/content-checks/change-data.ts';
import { sqlString } from '../ingest/staging.ts';

export interface ScopeFigures {
  scope_type: 'all' | 'category' | 'repo';
  scope_id: string;
  quarter: string;
  partial: boolean;
  observed: boolean;
  commits: number;
  contributors: number;
  agent_assisted_commits: number;
  prev_contributors: number;
  new_contributors: number;
  churn_rate: number | null;
  retention: number | null;
  top_repo: string | null;
  top_repo_share: number | null;
  commits_qoq: number | null;
  contributors_qoq: number | null;
}

export interface FindingsInput {
  quarter: string;
  prev: string;
  partial: boolean;
  categories: { id: string; name: string }[];
  /** 'all' and category rows for the quarter and the one before. */
  scopes: ScopeFigures[];
  /** Repositories whose first counted commit is in the quarter, with their figures in it. */
  newRepos: { repo: string; category_id: string; contributors: number; commits: number }[];
  overlap: { quarter: string; a: string; b: string; people: number }[];
  migration: { from: string; to: string; people: number }[];
  /** What explains the quarter's changes (the artefact guard); none for a partial quarter. */
  explain?: ChangeData;
  /** The quarter a year before, which the trailing-year figures (pools, work mix) are compared with. */
  yearAgo: string;
  /** The categories' commits by kind of work (fix and feature only), in the quarter and a year before. */
  workMix?: WorkMixRow[];
  /** The largest projects by contributors in the quarter (a few more than drafted, to see ties). */
  topRepos: RepoFigures[];
  /** The projects with the most people new to them in the quarter. */
  topNewcomerRepos: RepoFigures[];
  /** Each category's organisation with the largest share of commit credit, Unknown and Other aside. */
  leadingOrgs?: { category: string; organization: string; share: number; unknown_share: number | null }[];
  // The tables below came later (LATER_VIEWS): a folder published before them lacks them, and
  // the findings that need them are not drafted until the quarter is published again.
  /** talent_pools in the quarter and a year before, with the named pools of the whole folder. */
  pools?: PoolRow[];
  /** core_team in the quarter. */
  coreTeams?: CoreTeamRow[];
  /** scope_newcomers in the quarter (categories and 'all'). */
  newcomers?: NewcomerRow[];
  /** new_projects rows in the quarter (what <NewProjects /> lists). */
  newProjects?: number;
}

export interface WorkMixRow {
  category: string;
  quarter: string;
  work_kind: 'fix' | 'feature';
  share: number;
  /** All the category's commits in that quarter, whatever their kind. */
  total: number;
}

export interface RepoFigures {
  repo: string;
  category_id: string;
  contributors: number;
  new_contributors: number;
}

export interface PoolRow {
  quarter: string;
  pool_type: 'pair' | 'breadth' | 'named';
  pool_id: string;
  name: string | null;
  categories: string | null;
  people: number;
  observed: boolean;
}

export interface CoreTeamRow {
  scope_type: 'all' | 'category' | 'repo';
  scope_id: string;
  contributors: number;
  core_50: number | null;
  steady_contributors: number | null;
}

export interface NewcomerRow {
  scope_type: 'all' | 'category';
  scope_id: string;
  contributors: number;
  new_contributors: number;
  newcomer_share: number | null;
  new_projects: number;
}

export interface FolderManifest {
  quarter: string;
  published: string;
  partial: boolean;
  quarters: string[];
  dataset: { snapshot: string };
}

export function readFolderManifest(folder: string): FolderManifest | null {
  const file = join(folder, 'manifest.json');
  return existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as FolderManifest) : null;
}

async function rows<T>(conn: DuckDBConnection, sql: string): Promise<T[]> {
  const out = (await conn.runAndReadAll(sql)).getRowObjectsJS() as Record<string, unknown>[];
  return out.map((r) => Object.fromEntries(Object.entries(r).map(([k, v]) => [k, typeof v === 'bigint' ? Number(v) : v])) as T);
}

export async function loadFindingsInput(folder: string, manifest: FolderManifest): Promise<FindingsInput> {
  const q = manifest.quarter;
  const prev = prevQuarter(q);
  const yearAgo = prevQuarter(q, 4);
  const file = (name: string) => sqlString(join(folder, `${name}.parquet`));
  const has = (name: (typeof PUBLISHED_VIEWS)[number]) => existsSync(join(folder, `${name}.parquet`));
  const instance = await DuckDBInstance.create(':memory:');
  const conn = await instance.connect();
  try {
    const both = `quarter IN (${sqlString(q)}, ${sqlString(prev)})`;
    const categories = await rows<{ id: string; name: string }>(conn, `SELECT category_id AS id, name FROM read_parquet(${file('categories')}) ORDER BY sort_order`);
    const scopes = await rows<ScopeFigures>(
      conn,
      `SELECT scope_type, scope_id, quarter, partial, observed, commits, contributors, agent_assisted_commits, prev_contributors, new_contributors,
              churn_rate, retention, top_repo, top_repo_share, commits_qoq, contributors_qoq
       FROM read_parquet(${file('scope_quarters')}) WHERE scope_type <> 'repo' AND ${both} ORDER BY scope_type, scope_id, quarter`,
    );
    const newRepos = await rows<FindingsInput['newRepos'][number]>(
      conn,
      `SELECT r.repo, r.category_id, s.contributors, s.commits
       FROM read_parquet(${file('repos')}) r
       JOIN read_parquet(${file('scope_quarters')}) s ON s.scope_type = 'repo' AND s.scope_id = r.repo AND s.quarter = ${sqlString(q)}
       WHERE r.ingested AND r.first_quarter = ${sqlString(q)}
       ORDER BY s.contributors DESC, s.commits DESC, r.repo`,
    );
    const overlap = await rows<FindingsInput['overlap'][number]>(
      conn,
      `SELECT quarter, category_a AS a, category_b AS b, people FROM read_parquet(${file('category_overlap')}) WHERE ${both} ORDER BY quarter, a, b`,
    );
    const migration = await rows<FindingsInput['migration'][number]>(
      conn,
      `SELECT from_category AS "from", to_category AS "to", people FROM read_parquet(${file('category_migration')})
       WHERE quarter = ${sqlString(q)} ORDER BY "from", "to"`,
    );
    // A partial quarter quotes no change, so there is nothing to explain.
    const explain = manifest.partial ? undefined : await loadChangeData(folder, q);
    const yearPair = `quarter IN (${sqlString(q)}, ${sqlString(yearAgo)})`;
    const workMix = has('work_composition')
      ? await rows<WorkMixRow>(
          conn,
          `SELECT scope_id AS category, quarter, work_kind, share, total FROM (
             SELECT *, SUM(commits) OVER (PARTITION BY scope_id, quarter) AS total FROM read_parquet(${file('work_composition')})
             WHERE scope_type = 'category' AND ${yearPair})
           WHERE work_kind IN ('fix', 'feature') ORDER BY category, work_kind, quarter`,
        )
      : undefined;
    // Ranked as the claim components rank projects: every repository with a history, by its scope_quarters figure.
    const repoFigures = (order: string) =>
      rows<RepoFigures>(
        conn,
        `SELECT r.repo, r.category_id, s.contributors, s.new_contributors
         FROM read_parquet(${file('repos')}) r
         JOIN read_parquet(${file('scope_quarters')}) s ON s.scope_type = 'repo' AND s.scope_id = r.repo AND s.quarter = ${sqlString(q)}
         WHERE r.ingested ORDER BY ${order}, r.repo LIMIT 4`,
      );
    const topRepos = await repoFigures('s.contributors DESC');
    const topNewcomerRepos = await repoFigures('s.new_contributors DESC');
    const leadingOrgs = has('company_share')
      ? await rows<NonNullable<FindingsInput['leadingOrgs']>[number]>(
          conn,
          `WITH c AS (SELECT * FROM read_parquet(${file('company_share')}) WHERE scope_type = 'category' AND quarter = ${sqlString(q)})
           SELECT scope_id AS category, organization, share,
                  (SELECT u.share FROM c u WHERE u.scope_id = c.scope_id AND u.organization = 'Unknown') AS unknown_share
           FROM c WHERE organization NOT IN ('Unknown', 'Other')
           QUALIFY row_number() OVER (PARTITION BY scope_id ORDER BY share DESC, organization) = 1
           ORDER BY category`,
        )
      : undefined;
    // Folders published before these tables: the findings that need them wait for a republish.
    const pools = has('talent_pools')
      ? await rows<PoolRow>(
          conn,
          `SELECT quarter, pool_type, pool_id, name, categories, people, observed FROM read_parquet(${file('talent_pools')})
           WHERE ${yearPair}
              -- A named pool with no row in the quarter had fewer than 3 people: the folder's other quarters name it.
              OR (pool_type = 'named' AND pool_id NOT IN (SELECT pool_id FROM read_parquet(${file('talent_pools')}) WHERE quarter = ${sqlString(q)}))
           ORDER BY quarter, pool_type, people DESC, pool_id`,
        )
      : undefined;
    const coreTeams = has('core_team')
      ? await rows<CoreTeamRow>(
          conn,
          `SELECT scope_type, scope_id, contributors, core_50, steady_contributors FROM read_parquet(${file('core_team')}) WHERE quarter = ${sqlString(q)} ORDER BY scope_type, scope_id`,
        )
      : undefined;
    const newcomers = has('scope_newcomers')
      ? await rows<NewcomerRow>(
          conn,
          `SELECT scope_type, scope_id, contributors, new_contributors, newcomer_share, new_projects FROM read_parquet(${file('scope_newcomers')})
           WHERE quarter = ${sqlString(q)} ORDER BY scope_type, scope_id`,
        )
      : undefined;
    const newProjects = has('new_projects')
      ? (await rows<{ n: number }>(conn, `SELECT count(*) AS n FROM read_parquet(${file('new_projects')}) WHERE quarter = ${sqlString(q)}`))[0]!.n
      : undefined;
    return {
      quarter: q,
      prev,
      yearAgo,
      partial: manifest.partial,
      categories,
      scopes,
      newRepos,
      overlap,
      migration,
      topRepos,
      topNewcomerRepos,
      ...(explain ? { explain } : {}),
      ...(workMix ? { workMix } : {}),
      ...(leadingOrgs ? { leadingOrgs } : {}),
      ...(pools ? { pools } : {}),
      ...(coreTeams ? { coreTeams } : {}),
      ...(newcomers ? { newcomers } : {}),
      ...(newProjects !== undefined ? { newProjects } : {}),
    };
  } finally {
    conn.closeSync();
    instance.closeSync();
  }
}
