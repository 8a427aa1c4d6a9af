// "Beyond one machine", the part that runs here: the unchanged metric SQL run by a
// fresh DuckDB over Parquet parts laid out exactly as they would be in object storage
// (s3://<bucket>/<prefix>/...), and checked row for row against the warehouse.
//
//   <root>/staging/<OWNER__NAME>/part-NNNN/{commits,coauthors}.parquet   what ingest shards write
//   <root>/warehouse/<table>/repo=<owner/name>/data_0.parquet             the build's tables, per repository
//   <root>/warehouse/<table>/data_0.parquet                               (tables without a repo column)
//
// Replace <root> with s3://bucket/prefix (httpfs) or use MotherDuck and nothing else
// changes: the views below are the only place the location appears.
//   node scripts/tooling/scale/object-store-metrics.ts --warehouse <dir> --root <dir>
import { cpSync, mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import { metricFiles, sqlPrelude } from './metric-sql.ts';

const q = (s: string): string => `'${s.replaceAll("'", "''")}'`;

async function rows(conn: DuckDBConnection, sql: string): Promise<unknown[][]> {
  return (await conn.runAndReadAll(sql)).getRows();
}

export async function objectStoreMetrics(warehouseDir: string, root: string, log: (s: string) => void = () => {}): Promise<{ tables: number; rows: number; mismatches: string[]; seconds: number }> {
  rmSync(root, { recursive: true, force: true });
  mkdirSync(join(root, 'warehouse'), { recursive: true });
  // 1. The staged parts, as the ingest shards would upload them (same relative keys).
  cpSync(join(warehouseDir, 'staging'), join(root, 'staging'), { recursive: true, filter: (src) => !src.endsWith('state.json') && !src.includes('/.tmp') });
  const metrics = metricFiles();
  const metricNames = new Set(metrics.map((m) => m.name));
  const src = await DuckDBInstance.create(join(warehouseDir, 'warehouse.duckdb'), { access_mode: 'READ_ONLY' });
  const w = await src.connect();
  // 2. The build's tables the metric SQL reads, per repository where they have one.
  const tables = (await rows(w, "SELECT table_name FROM duckdb_tables() WHERE schema_name = 'main' ORDER BY 1")).map((r) => String(r[0])).filter((t) => !metricNames.has(t));
  for (const t of tables) {
    const hasRepo = (await rows(w, `SELECT count(*) FROM duckdb_columns() WHERE table_name = ${q(t)} AND column_name = 'repo'`))[0]![0] !== 0n;
    const dir = join(root, 'warehouse', t);
    // An empty table still gets a file: its schema is what the views need.
    const empty = (await rows(w, `SELECT count(*) FROM ${t}`))[0]![0] === 0n;
    if (hasRepo && !empty) await w.run(`COPY ${t} TO ${q(dir)} (FORMAT parquet, COMPRESSION zstd, PARTITION_BY (repo))`);
    else {
      mkdirSync(dir, { recursive: true });
      await w.run(`COPY ${t} TO ${q(join(dir, 'data_0.parquet'))} (FORMAT parquet, COMPRESSION zstd)`);
    }
  }
  w.closeSync();
  src.closeSync();
  // 3. A fresh engine that knows only the layout: every input a view over the parts.
  const db = await DuckDBInstance.create(':memory:');
  const conn = await db.connect();
  const prelude = sqlPrelude();
  if (prelude) await conn.run(prelude);
  await conn.run(`CREATE VIEW raw_commits AS SELECT * FROM read_parquet(${q(join(root, 'staging', '*', 'part-*', 'commits.parquet'))})`);
  for (const t of tables) {
    if (t === 'raw_commits') continue;
    await conn.run(`CREATE VIEW ${t} AS SELECT * FROM read_parquet(${q(join(root, 'warehouse', t, '**', '*.parquet'))}, hive_partitioning = true, union_by_name = true)`);
  }
  const t0 = performance.now();
  for (const m of metrics) {
    const t = performance.now();
    await conn.run(`CREATE TABLE ${m.name} AS ${m.sql}`);
    log(`  ${m.name.padEnd(30)} ${((performance.now() - t) / 1000).toFixed(2)} s`);
  }
  const seconds = (performance.now() - t0) / 1000;
  // 4. Row for row against the warehouse's own metric tables.
  await conn.run(`ATTACH ${q(join(warehouseDir, 'warehouse.duckdb'))} AS w (READ_ONLY)`);
  const mismatches: string[] = [];
  let total = 0;
  for (const m of metrics) {
    const [n] = (await rows(conn, `SELECT count(*) FROM w.main.${m.name}`))[0]!;
    const [d] = (await rows(conn, `SELECT count(*) FROM ((SELECT * FROM main.${m.name} EXCEPT ALL SELECT * FROM w.main.${m.name}) UNION ALL (SELECT * FROM w.main.${m.name} EXCEPT ALL SELECT * FROM main.${m.name}))`))[0]!;
    total += Number(n);
    if (Number(d) !== 0) mismatches.push(`${m.name}: ${Number(d)} rows differ`);
  }
  const [staged] = (await rows(conn, 'SELECT count(*) = (SELECT count(*) FROM w.main.raw_commits) FROM raw_commits'))[0]!;
  if (staged !== true) mismatches.push('raw_commits: the staged parts do not hold the warehouse raw commits');
  conn.closeSync();
  db.closeSync();
  return { tables: metrics.length, rows: total, mismatches, seconds };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { values } = parseArgs({ options: { warehouse: { type: 'string' }, root: { type: 'string', default: '/tmp/scale-objectstore' } } });
  if (!values.warehouse) throw new Error('--warehouse <dir> is required');
  const r = await objectStoreMetrics(values.warehouse, values.root!, (s) => process.stderr.write(`${s}\n`));
  process.stdout.write(`${JSON.stringify(r, null, 2)}\n`);
  if (r.mismatches.length) process.exitCode = 1;
}
