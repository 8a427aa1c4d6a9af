// Reads what the drafted findings need from one published quarter folder (its Parquet,
// never the warehouse): the folder is what the article will quote, so the findings
// can only name figures the article can show.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import type { ChangeData } from '../../../src/lib/explain-inputs.ts';
import { prevQuarter } from '../../../src/lib/quarters.ts';
import { loadChangeData } from '../../../src/node/content-checks/change-data.ts';
import { sqlString } from '../staging.ts';

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
  const file = (name: string) => sqlString(join(folder, `${name}.parquet`));
  const instance = await DuckDBInstance.create(':memory:');
  const conn = await instance.connect();
  try {
    const both = `quarter IN (${sqlString(q)}, ${sqlString(prev)})`;
    const categories = await rows<{ id: string; name: string }>(conn, `SELECT category_id AS id, name FROM read_parquet(${file('categories')}) ORDER BY sort_order`);
    const scopes = await rows<ScopeFigures>(
      conn,
      `SELECT scope_type, scope_id, quarter, partial, observed, commits, contributors, agent_assisted_commits, prev_contributors,
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
    return { quarter: q, prev, partial: manifest.partial, categories, scopes, newRepos, overlap, migration, ...(explain ? { explain } : {}) };
  } finally {
    conn.closeSync();
    instance.closeSync();
  }
}
