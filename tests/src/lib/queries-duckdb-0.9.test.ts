// Every registered query also runs in the browser, on DuckDB-WASM 1.28 (DuckDB 0.9.1).
// Run each through that engine's Node build over the fixture and compare with what the
// build (node-api, DuckDB 1.5) returns for the same parameters.
import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { bindParams, QUERIES, sqlOf, type ParamValue, type QueryName } from '../../../src/lib/query-registry.ts';
import { openPublished } from '../../../src/node/published-data.ts';
import { usePublishedFixture } from '../../helpers/published-fixture.ts';

interface WasmTable {
  toArray(): { toJSON(): Record<string, unknown> }[];
}
interface WasmConnection {
  query(sql: string): WasmTable;
  prepare(sql: string): { query(...params: ParamValue[]): WasmTable; close(): void };
}
interface WasmDb {
  instantiate(): Promise<void>;
  connect(): WasmConnection;
  registerFileBuffer(name: string, buffer: Uint8Array): void;
}

const require = createRequire(import.meta.url);
let root = '';
const engines = new Map<string, { db: WasmDb; conn: WasmConnection }>();

async function wasmFor(folder: string): Promise<WasmConnection> {
  const hit = engines.get(folder);
  if (hit) return hit.conn;
  const duckdb = require('@duckdb/duckdb-wasm/dist/duckdb-node-blocking.cjs');
  const dist = dirname(require.resolve('@duckdb/duckdb-wasm/dist/duckdb-node-blocking.cjs'));
  const db: WasmDb = await duckdb.createDuckDB(
    {
      mvp: { mainModule: join(dist, 'duckdb-mvp.wasm'), mainWorker: join(dist, 'duckdb-node-mvp.worker.cjs') },
      eh: { mainModule: join(dist, 'duckdb-eh.wasm'), mainWorker: join(dist, 'duckdb-node-eh.worker.cjs') },
    },
    new duckdb.VoidLogger(),
    duckdb.NODE_RUNTIME,
  );
  await db.instantiate();
  const conn = db.connect();
  const dir = join(root, folder);
  for (const f of readdirSync(dir).filter((x) => x.endsWith('.parquet'))) {
    db.registerFileBuffer(f, new Uint8Array(readFileSync(join(dir, f))));
    conn.query(`CREATE VIEW ${f.slice(0, -8)} AS SELECT * FROM read_parquet('${f}')`);
  }
  engines.set(folder, { db, conn });
  return conn;
}

/** Arrow gives timestamps as epoch ms and may give BIGINT; node-api rows are ISO strings and numbers. */
function normal(rows: Record<string, unknown>[], like: Record<string, unknown>[]): Record<string, unknown>[] {
  return rows.map((r, i) =>
    Object.fromEntries(
      Object.entries(r).map(([k, v]) => {
        const ref = like[i]?.[k];
        if (typeof v === 'bigint') return [k, Number(v)];
        if (typeof v === 'number' && typeof ref === 'string') return [k, new Date(v).toISOString()];
        return [k, v];
      }),
    ),
  );
}

const CASES: [QueryName, Record<string, ParamValue>][] = [
  ['headline', { quarter: '2024-q3' }],
  ['snapshot', { quarter: '2024-q3' }],
  ['top-projects', { quarter: '2024-q3', category: 'all', limit: 5 }],
  ['top-projects', { quarter: '2024-q3', category: 'llm-serving', limit: 10 }],
  ['overlap-matrix', { quarter: '2024-q3' }],
  ['migration-matrix', { quarter: '2024-q3' }],
  ['overlap-from-activity', { quarter: '2024-q3', minCommits: 1 }],
  ['overlap-from-activity', { quarter: '2024-q3', minCommits: 2 }],
  ['migration-from-activity', { quarter: '2024-q3', minCommits: 1 }],
  ['migration-from-activity', { quarter: '2024-q3', minCommits: 3 }],
  ['category-trend', { metric: 'contributors' }],
  ['category-trend', { metric: 'churn_rate' }],
  ['metric', { quarter: '2024-q3', scopeType: 'category', scopeId: 'gpu-kernels' }],
  ['metric', { quarter: '2024-q3', scopeType: 'all', scopeId: 'all' }],
  ['company-share', { quarter: '2024-q3', scopeId: 'all' }],
  ['categories', {}],
  ['quarters', {}],
  ['repos', {}],
];

beforeAll(async () => {
  root = await usePublishedFixture();
});

describe('registry queries on DuckDB 0.9.1 (the browser engine)', () => {
  it('runs on the wasm build it ships', async () => {
    const conn = await wasmFor('2024-q3');
    expect(conn.query('SELECT version() AS v').toArray()[0]!.toJSON().v).toBe('v0.9.1');
  });

  it('covers every registered query', () => {
    expect(new Set(CASES.map(([n]) => n))).toEqual(new Set(Object.keys(QUERIES)));
  });

  it.each(CASES)('%s %o returns what the build gets', async (name, params) => {
    const conn = await wasmFor('2024-q3');
    const build = (await (await openPublished('2024-q3')).query(name, params as never)) as Record<string, unknown>[];
    const stmt = conn.prepare(sqlOf(name));
    const rows = stmt.query(...bindParams(name, params as never)).toArray().map((r) => r.toJSON());
    stmt.close();
    expect(build.length).toBeGreaterThan(0);
    const got = normal(rows, build);
    for (let i = 0; i < build.length; i++) {
      for (const [k, v] of Object.entries(build[i]!)) {
        if (typeof v === 'number' && !Number.isInteger(v)) expect(got[i]![k], `${name} row ${i} ${k}`).toBeCloseTo(v, 9);
        else expect(got[i]![k], `${name} row ${i} ${k}`).toEqual(v);
      }
    }
    expect(got).toHaveLength(build.length);
  });
});
