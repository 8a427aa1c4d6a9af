// DuckDB-WASM 1.28's Node build (DuckDB 0.9.1, the browser's engine) behind the
// runner's Engine interface, opened with the page's config and offline settings.
// Files are registered as buffers: the Node runtime has no HTTP.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DB_CONFIG, OFFLINE_SETTINGS } from '../../../src/client/duckdb-engine.ts';
import type { ArrowTableLike, Engine } from '../../../src/client/query-runner.ts';
import type { ParamValue } from '../../../src/lib/query-registry.ts';

interface BlockingTable extends ArrowTableLike {
  toArray(): { toJSON(): Record<string, unknown> }[];
}
interface BlockingDb {
  instantiate(): Promise<void>;
  open(config: unknown): void;
  connect(): {
    query(sql: string): BlockingTable;
    prepare(sql: string): { query(...params: ParamValue[]): BlockingTable; close(): void };
  };
  registerFileBuffer(name: string, buffer: Uint8Array): void;
}

/** The engine and the DuckDB version it runs (the parity test asserts it is the browser's). */
export async function openNodeWasm(): Promise<{ engine: Engine; version: string }> {
  const require = createRequire(import.meta.url);
  const entry = require.resolve('@duckdb/duckdb-wasm/dist/duckdb-node-blocking.cjs');
  const duckdb = require(entry);
  const dist = dirname(entry);
  const db: BlockingDb = await duckdb.createDuckDB(
    {
      mvp: { mainModule: join(dist, 'duckdb-mvp.wasm'), mainWorker: join(dist, 'duckdb-node-mvp.worker.cjs') },
      eh: { mainModule: join(dist, 'duckdb-eh.wasm'), mainWorker: join(dist, 'duckdb-node-eh.worker.cjs') },
    },
    new duckdb.VoidLogger(),
    duckdb.NODE_RUNTIME,
  );
  await db.instantiate();
  db.open(DB_CONFIG);
  const conn = db.connect();
  for (const sql of OFFLINE_SETTINGS) conn.query(sql);
  const version = String(conn.query('SELECT version() AS v').toArray()[0]!.toJSON().v);
  const engine: Engine = {
    async registerFile(name, url) {
      db.registerFileBuffer(name, new Uint8Array(readFileSync(fileURLToPath(url))));
    },
    async exec(sql) {
      conn.query(sql);
    },
    async query(sql, params) {
      const stmt = conn.prepare(sql);
      try {
        return stmt.query(...params);
      } finally {
        stmt.close();
      }
    },
  };
  return { engine, version };
}

export async function nodeWasmEngine(): Promise<Engine> {
  return (await openNodeWasm()).engine;
}
