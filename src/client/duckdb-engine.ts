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
import type { ArrowTableLike, Engine } from './query-runner.ts';
import { originGuardedWorkerSource } from './worker-origin-guard.ts';

/** Run right after connecting: 0.9.1 would otherwise fetch known extensions (json, httpfs …) from extensions.duckdb.org. */
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

    return {
      async registerFile(name, url) {
        if (new URL(url).origin !== location.origin) throw new Error(`refusing to read ${url}: published files are served by this site`);
        await db.registerFileURL(name, url, DuckDBDataProtocol.HTTP, false);
      },
      async exec(sql) {
        await conn.query(sql);
      },
      async query(sql, params) {
        const stmt = await conn.prepare(sql);
        try {
          return (await stmt.query(...params)) as unknown as ArrowTableLike;
        } finally {
          await stmt.close();
        }
      },
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
