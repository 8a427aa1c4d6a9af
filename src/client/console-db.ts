// The explore console's database: its own DuckDB (not the report runner's), holding
// copies of one quarter's published tables and nothing else. Copies, not views over
// the files, because external access is then switched off for good: no query typed
// into the console can read a file, a URL or another origin, or switch it back on.
import { LATER_VIEWS, PUBLISHED_VIEWS } from '../lib/query-registry.ts';
import type { ArrowTableLike, Engine } from './query-runner.ts';

export interface ConsoleDb {
  quarter: string;
  query(sql: string): Promise<ArrowTableLike>;
}

/** Loads every published table of the folder into `engine`, then locks it down. */
export async function consoleDb(engine: Engine, quarter: string, folderUrl: string): Promise<ConsoleDb> {
  for (const view of PUBLISHED_VIEWS) {
    const file = `console/${quarter}/${view}.parquet`;
    try {
      await engine.registerFile(file, new URL(`${view}.parquet`, folderUrl).href);
      await engine.exec(`CREATE TABLE ${view} AS SELECT * FROM read_parquet('${file}')`);
    } catch (e) {
      // A folder published before a later table existed has no file for it: the console
      // goes without that table. Every other table must load.
      if (!LATER_VIEWS.includes(view)) throw e;
    }
  }
  await engine.exec('SET enable_external_access = false');
  return { quarter, query: (sql) => engine.query(sql, []) };
}

export async function openConsoleDb(quarter: string, folderUrl: string): Promise<ConsoleDb> {
  const { createEngine } = await import('./duckdb-engine.ts');
  return consoleDb(await createEngine(), quarter, folderUrl);
}
