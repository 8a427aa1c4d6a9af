// Build-time runner of the registry's read queries over one published quarter folder
// (the Node side of src/lib/published-reader.ts).
// One in-memory DuckDB per folder for the whole build, with a view per Parquet file
// (the names the queries read), so every component on every page shares it.
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import type { PublishedReader } from '../lib/published-reader.ts';
import { bindParams, sqlOf, viewsRead, type ParamsOf, type QueryName, type RowOf } from '../lib/query-registry.ts';
import { isQuarter } from '../lib/quarters.ts';
import { sqlString } from '../lib/sql-literal.ts';
import { readRows } from './duckdb-rows.ts';
import { publishedQuarters, quarterFolder, repoRelative } from './paths.ts';

export class PublishedDataError extends Error {
  override name = 'PublishedDataError';
}

/** The build's PublishedReader: one folder, its views, and its columns for the explore page. */
export interface PublishedData extends PublishedReader {
  folder: string;
  views: readonly string[];
  /** A view's columns as DuckDB types them (the explore page lists them); none when the folder lacks it. */
  columns(view: string): Promise<Column[]>;
}

export interface Column {
  name: string;
  type: string;
}

interface Cache {
  folders: Map<string, Promise<PublishedData>>;
}

// On globalThis, not module scope: Vite may evaluate this module more than once in a
// build (several chunks, SSR environments), and one DuckDB per folder is the point.
const CACHE_KEY = Symbol.for('deep-signal.published-data');
function cache(): Cache {
  const g = globalThis as unknown as Record<symbol, Cache | undefined>;
  return (g[CACHE_KEY] ??= { folders: new Map() });
}

export function missingQuarterMessage(quarter: string): string {
  if (!isQuarter(quarter)) return `"${quarter}" is not a quarter: write it like 2024-q3`;
  const have = publishedQuarters();
  const list = have.length > 0 ? `published quarters: ${have.join(', ')}` : 'no quarter is published yet';
  return `no published data for ${quarter} (${list}); run \`npm run publish-data -- ${quarter}\` to publish it`;
}

/** A folder lacks tables a query reads: it was published before they existed. */
export function missingTableMessage(quarter: string, folder: string, tables: readonly string[]): string {
  const list = tables.map((t) => `${t}.parquet`).join(', ');
  return (
    `${folder} has no ${list}: it was published before ${tables.length > 1 ? 'these tables' : 'that table'} existed; ` +
    `publish it again with \`npm run publish-data -- ${quarter} --force --why "adds ${tables.join(', ')}"\` (after \`npm run ingest\`)`
  );
}

/** Opens (once per build) the published folder of `quarter`. */
export function openPublished(quarter: string): Promise<PublishedData> {
  const folder = quarterFolder(quarter);
  const folders = cache().folders;
  let data = folders.get(folder);
  if (!data) {
    data = open(quarter, folder);
    folders.set(folder, data);
    // A failed open must not poison the cache: the next page may come after a publish.
    data.catch(() => folders.delete(folder));
  }
  return data;
}

async function open(quarter: string, folder: string): Promise<PublishedData> {
  if (!isQuarter(quarter) || !existsSync(join(folder, 'manifest.json'))) {
    throw new PublishedDataError(missingQuarterMessage(quarter));
  }
  return openFolder(folder, quarter);
}

/**
 * Reads a published folder outside the site's build: new-report drafting from any
 * folder, publish reading back the files it has just written (before its manifest
 * exists). Not cached, since the folder may be written again: close it when done.
 */
export async function readPublishedFolder(folder: string, quarter: string): Promise<PublishedData & { close(): void }> {
  if (!isQuarter(quarter)) throw new PublishedDataError(missingQuarterMessage(quarter));
  if (!existsSync(folder)) throw new PublishedDataError(`${repoRelative(folder)} does not exist`);
  return openFolder(folder, quarter);
}

async function openFolder(folder: string, quarter: string): Promise<PublishedData & { close(): void }> {
  const files = readdirSync(folder).filter((f) => f.endsWith('.parquet')).sort();
  const instance = await DuckDBInstance.create(':memory:');
  const conn = await instance.connect();
  const views: string[] = [];
  for (const f of files) {
    const view = f.slice(0, -'.parquet'.length);
    if (!/^[a-z_][a-z0-9_]*$/.test(view)) continue;
    await conn.run(`CREATE VIEW ${view} AS SELECT * FROM read_parquet(${sqlString(join(folder, f))})`);
    views.push(view);
  }
  const results = new Map<string, Promise<unknown[]>>();
  let queue: Promise<unknown> = Promise.resolve();
  const where = repoRelative(folder);
  // One connection, one statement at a time: pages render concurrently.
  const serial = <T>(work: () => Promise<T>): Promise<T> => {
    const done = queue.then(work);
    queue = done.catch(() => undefined);
    return done;
  };

  return {
    quarter,
    folder,
    views,
    query<N extends QueryName>(name: N, params: ParamsOf<N>): Promise<RowOf<N>[]> {
      // A folder published before a table existed lacks its file: say so and how to fix
      // it, rather than let the engine report a missing table.
      const missing = viewsRead(name).filter((v) => !views.includes(v));
      if (missing.length > 0) return Promise.reject(new PublishedDataError(missingTableMessage(quarter, where, missing)));
      const values = bindParams(name, params);
      const key = `${name}\u0000${JSON.stringify(values)}`;
      let rows = results.get(key);
      if (!rows) {
        rows = serial(() => run(conn, name, values, where));
        results.set(key, rows);
      }
      return rows as Promise<RowOf<N>[]>;
    },
    columns(view: string): Promise<Column[]> {
      if (!views.includes(view)) return Promise.resolve([]);
      return serial(async () =>
        (await readRows<{ column_name: string; column_type: string }>(conn, `DESCRIBE SELECT * FROM ${view}`)).map((r) => ({ name: r.column_name, type: r.column_type })),
      );
    },
    close(): void {
      conn.closeSync();
      instance.closeSync();
    },
  };
}

async function run(conn: DuckDBConnection, name: QueryName, values: (string | number | boolean)[], where: string): Promise<unknown[]> {
  try {
    return await readRows(conn, sqlOf(name), values);
  } catch (e) {
    throw new PublishedDataError(`query '${name}' over ${where} failed: ${(e as Error).message}`);
  }
}
