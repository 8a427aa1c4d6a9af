// Expected figures for the browser tests, read straight from the published Parquet
// with @duckdb/node-api and written as simply as possible (not through the registry
// SQL the page runs), so a test compares the page with the data, not with itself.
import { readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import { ROOT } from './site.ts';

/** The folders the site under test was built from: DEEP_SIGNAL_PUBLISHED_DIR, as for the build, else data/published. */
export const PUBLISHED = process.env.DEEP_SIGNAL_PUBLISHED_DIR ? resolve(ROOT, process.env.DEEP_SIGNAL_PUBLISHED_DIR) : join(ROOT, 'data', 'published');

export function publishedQuarters(): string[] {
  return readdirSync(PUBLISHED).filter((q) => /^\d{4}-q[1-4]$/.test(q)).sort();
}

let conn: Promise<DuckDBConnection> | undefined;

export async function rows(sql: string): Promise<Record<string, unknown>[]> {
  conn ??= DuckDBInstance.create(':memory:').then((db) => db.connect());
  const reader = await (await conn).runAndReadAll(sql);
  return reader.getRowObjectsJS().map((r) => Object.fromEntries(Object.entries(r).map(([k, v]) => [k, typeof v === 'bigint' ? Number(v) : v])));
}

const file = (quarter: string, table: string) => `'${join(PUBLISHED, quarter, `${table}.parquet`)}'`;

export interface CategoryFigures {
  category_id: string;
  commits: number;
  contributors: number;
  active_repos: number;
}

/** Every category of the folder (the quarter's own by default) with the quarter's figures (0 where it had no activity). */
export async function categoryFigures(quarter: string, folder: string = quarter): Promise<CategoryFigures[]> {
  return (await rows(`
    SELECT c.category_id,
      coalesce(s.commits, 0) AS commits, coalesce(s.contributors, 0) AS contributors, coalesce(s.active_repos, 0) AS active_repos
    FROM read_parquet(${file(folder, 'categories')}) c
    LEFT JOIN read_parquet(${file(folder, 'scope_quarters')}) s
      ON s.scope_type = 'category' AND s.scope_id = c.category_id AND s.quarter = '${quarter}'
    ORDER BY c.sort_order`)) as unknown as CategoryFigures[];
}

export async function allFigures(quarter: string): Promise<{ commits: number; contributors: number; active_repos: number }> {
  const [r] = await rows(`SELECT commits, contributors, active_repos FROM read_parquet(${file(quarter, 'scope_quarters')}) WHERE scope_type = 'all' AND quarter = '${quarter}'`);
  return r as { commits: number; contributors: number; active_repos: number };
}

/**
 * Pairs of categories the chord links at a commit threshold, read straight from the
 * published counts: category_overlap at 1 (what the build draws), the threshold table
 * above it. No person-level rows are published to recount from.
 */
export async function overlapPairs(quarter: string, minCommits: number): Promise<number> {
  const [r] = await rows(
    minCommits === 1
      ? `SELECT count(*)::INTEGER AS n FROM read_parquet(${file(quarter, 'category_overlap')}) WHERE quarter = '${quarter}' AND category_a <> category_b`
      : `SELECT count(*)::INTEGER AS n FROM read_parquet(${file(quarter, 'category_overlap_thresholds')})
         WHERE quarter = '${quarter}' AND min_commits = ${minCommits} AND category_a <> category_b`,
  );
  return Number(r!.n);
}

export async function topProjects(quarter: string, category: string, limit: number): Promise<{ repo: string; contributors: number }[]> {
  return (await rows(`
    SELECT repo, contributors FROM read_parquet(${file(quarter, 'top_projects')})
    WHERE quarter = '${quarter}' AND category_id = '${category}' AND rank_in_category <= ${limit}
    ORDER BY rank_in_category`)) as { repo: string; contributors: number }[];
}
