// The explore console's database: its own DuckDB (not the report runner's), holding
// copies of one quarter's published tables and nothing else. Copies, not views over
// the files, because external access is then switched off for good: no query typed
// into the console can read a file, a URL or another origin, or switch it back on.
import { LATER_VIEWS, PUBLISHED_VIEWS } from '../lib/query-registry.ts';
import type { ArrowTableLike, Engine } from './query-runner.ts';

export interface ConsoleDb {
  quarter: string;
  /** False when stopping a query ended the engine: the next query loads the tables into a new one first. */
  readonly loaded: boolean;
  /** Loads the tables into a new engine if a stop ended the last one (so a time limit counts the query alone). */
  reload(): Promise<void>;
  /**
   * Aborting `signal` stops the query: it rejects with the signal's reason once the
   * database is free again. A query waits for the one before it, which a stop ends.
   */
  query(sql: string, signal?: AbortSignal): Promise<ArrowTableLike>;
}

/** Loads every published table of the folder into `engine`, then locks it down. */
async function loadTables(engine: Engine, quarter: string, folderUrl: string): Promise<void> {
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
}

/**
 * The console's database over an engine from `open`. A query that could only be stopped
 * by ending the engine leaves it closed; the next query then opens another and loads
 * the tables again (from the browser's cache), so the reader just runs the next query.
 */
export async function consoleDb(open: () => Promise<Engine>, quarter: string, folderUrl: string): Promise<ConsoleDb> {
  let engine: Engine | null = null;
  let loading: Promise<Engine> | null = null;
  const load = (): Promise<Engine> => {
    if (engine && !engine.closed) return Promise.resolve(engine);
    engine = null;
    if (!loading) {
      const p = (async () => {
        const fresh = await open();
        await loadTables(fresh, quarter, folderUrl);
        engine = fresh;
        return fresh;
      })();
      loading = p;
      // A failed load does not stick: the next query tries again.
      void p.then(
        () => (loading = null),
        () => (loading = null),
      );
    }
    return loading;
  };
  await load();

  let last: Promise<unknown> = Promise.resolve();
  return {
    quarter,
    get loaded() {
      return engine !== null && !engine.closed;
    },
    async reload() {
      await last;
      await load();
    },
    query(sql, signal) {
      const run = last.then(async () => {
        signal?.throwIfAborted();
        return (await load()).query(sql, [], signal ? { signal } : undefined);
      });
      last = run.catch(() => undefined);
      return run;
    },
  };
}

export async function openConsoleDb(quarter: string, folderUrl: string): Promise<ConsoleDb> {
  const { createEngine } = await import('./duckdb-engine.ts');
  return consoleDb(createEngine, quarter, folderUrl);
}
