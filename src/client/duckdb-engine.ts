/// <reference types="vite/client" />
// The one module that knows which engine runs browser queries: DuckDB-WASM 1.28.0
// (DuckDB 0.9.1), the last release with Parquet built in, so nothing is downloaded
// from DuckDB's extension site. Upgrading (a newer DuckDB-WASM plus the signed parquet
// extension served by the site via custom_extension_repository) changes this file only;
// query-runner.ts sees the Engine interface.
//
// Loaded only by the dynamic import in query-runner.ts, so Vite makes it (and
// apache-arrow, which it pulls in) a separate chunk fetched on first intent.
import { AsyncDuckDB, DuckDBDataProtocol, selectBundle, VoidLogger, type DuckDBBundles, type DuckDBConfig } from '@duckdb/duckdb-wasm';
import ehWasm from '@duckdb/duckdb-wasm/dist/duckdb-eh.wasm?url';
import ehWorker from '@duckdb/duckdb-wasm/dist/duckdb-browser-eh.worker.js?url';
import mvpWasm from '@duckdb/duckdb-wasm/dist/duckdb-mvp.wasm?url';
import mvpWorker from '@duckdb/duckdb-wasm/dist/duckdb-browser-mvp.worker.js?url';
import { batchTable, type BatchLike } from './batch-table.ts';
import type { ArrowTableLike, Engine } from './query-runner.ts';
import { stoppable, type StopMeans } from './query-stop.ts';
import { originGuardedWorkerSource } from './worker-origin-guard.ts';

/**
 * Run right after connecting: 0.9.1 would otherwise fetch known extensions (json, httpfs …)
 * from extensions.duckdb.org. (Its Parquet object cache was measured and does not pay:
 * later queries p95 69 → 72 ms, the same requests; bench:web, 2026-12-06.)
 */
export const OFFLINE_SETTINGS = ['SET autoinstall_known_extensions=false', 'SET autoload_known_extensions=false'] as const;

/** Exported so the parity test opens its Node DuckDB-WASM exactly like the page does. */
export const DB_CONFIG: DuckDBConfig = {
  // Parquet is read in place, by the byte ranges a query needs. Some static hosts
  // (GitHub Pages behind some CDNs) answer a ranged HEAD without a 206; there the files
  // (each a few hundred KB at most) are fetched whole rather than the chart breaking.
  filesystem: { allowFullHTTPReads: true },
  // DECIMAL would arrive as raw 128-bit words; the build's runner gives numbers.
  query: { castDecimalToDouble: true },
};

/**
 * How long a cancel may take before the worker is ended instead. 0.9.1 takes a cancel
 * only between two polls of a streamed query (conn.send): joins, sorts, window functions
 * and recursive CTEs answer within about a second. One long call inside an operator
 * (list_sort of a list of millions) answers only when it is done, and a query run with
 * conn.query or a prepared statement never takes one: those need the worker ended.
 */
export const CANCEL_GRACE_MS = 2000;

export async function createEngine(): Promise<Engine> {
  // Self-hosted: Vite emits these under _astro/ with hashed names. No CDN bundles, and
  // no coi build (threads need cross-origin isolation headers a static host may lack).
  const bundles: DuckDBBundles = {
    mvp: { mainModule: absolute(mvpWasm), mainWorker: absolute(mvpWorker) },
    eh: { mainModule: absolute(ehWasm), mainWorker: absolute(ehWorker) },
  };
  const bundle = await selectBundle(bundles);
  if (!bundle.mainWorker) throw new Error('DuckDB-WASM: the selected bundle has no worker');
  // Started through a wrapper that keeps every request of the engine on this site.
  const wrapper = URL.createObjectURL(new Blob([originGuardedWorkerSource(location.origin, bundle.mainWorker)], { type: 'text/javascript' }));
  const worker = new Worker(wrapper);
  URL.revokeObjectURL(wrapper);
  const db = new AsyncDuckDB(new VoidLogger(), worker);
  try {
    await db.instantiate(bundle.mainModule, bundle.pthreadWorker);
    await db.open(DB_CONFIG);
    const conn = await db.connect();
    for (const sql of OFFLINE_SETTINGS) await conn.query(sql);

    let closed = false;
    // One statement at a time: a streamed query is many messages (start, polls, fetches),
    // and a statement sent between them would take over the connection.
    let tail: Promise<unknown> = Promise.resolve();
    const serial = <T>(step: () => Promise<T>): Promise<T> => {
      const run = tail.then(() => {
        // A terminated AsyncDuckDB logs an error and never answers: refuse instead.
        if (closed) throw new Error('DuckDB was stopped with the query it was running; open a new engine');
        return step();
      });
      tail = run.catch(() => undefined);
      return run;
    };
    const means: StopMeans = {
      cancel: () => conn.cancelSent(),
      async kill() {
        closed = true;
        // Requests in flight are never answered; stoppable() rejects the query itself.
        await db.terminate();
      },
      graceMs: CANCEL_GRACE_MS,
    };
    const streamed = async (sql: string, signal: AbortSignal): Promise<ArrowTableLike> => {
      const reader = await conn.send(sql);
      // Read before the batches: a reader that reaches the end forgets its schema.
      const schema = (await reader.open()).schema as unknown as ArrowTableLike['schema'];
      const batches: BatchLike[] = [];
      // send() returns once DuckDB has the whole result; each batch of it is then a round
      // trip to the worker, and a result of millions of rows takes many: a stop ends the
      // fetching between two (the next query on the connection drops the rest).
      while (!signal.aborted) {
        const next = await reader.next();
        if (next.done) break;
        batches.push(next.value as unknown as BatchLike);
      }
      return batchTable(schema, batches);
    };

    return {
      get closed() {
        return closed;
      },
      registerFile: (name, url) =>
        serial(async () => {
          if (new URL(url).origin !== location.origin) throw new Error(`refusing to read ${url}: published files are served by this site`);
          await db.registerFileURL(name, url, DuckDBDataProtocol.HTTP, false);
        }),
      exec: (sql) =>
        serial(async () => {
          await conn.query(sql);
        }),
      query: (sql, params, options) =>
        serial(async () => {
          const signal = options?.signal;
          if (signal) {
            // Only conn.send takes a cancel in 1.28, and it takes no parameters.
            if (params.length > 0) throw new Error('a stoppable query takes no parameters');
            signal.throwIfAborted();
            return stoppable(streamed(sql, signal), signal, means);
          }
          const stmt = await conn.prepare(sql);
          try {
            return (await stmt.query(...params)) as unknown as ArrowTableLike;
          } finally {
            await stmt.close();
          }
        }),
    };
  } catch (e) {
    await db.terminate();
    throw e;
  }
}

function absolute(url: string): string {
  // The worker resolves relative URLs against its own location, not the page's.
  return new URL(url, location.href).href;
}
