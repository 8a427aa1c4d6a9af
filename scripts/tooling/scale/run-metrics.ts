// Runs every metric table's SQL once more against a built warehouse, as its own
// process, so the bench can give the metrics step its own CPU time and peak memory
// (inside the ingest they share a process with identity resolution). The warehouse
// is attached read-only; the tables are made in a scratch database beside it and
// thrown away.
//   node scripts/tooling/scale/run-metrics.ts --warehouse <dir>
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { DuckDBInstance } from '@duckdb/node-api';
import { metricFiles, sqlPrelude } from './metric-sql.ts';
import { metricsMemoryLimit, tableBuildOptions } from '../../common/duckdb-limits.ts';

const { values } = parseArgs({ options: { warehouse: { type: 'string' } } });
if (!values.warehouse) throw new Error('--warehouse <dir> is required');
const scratch = join(values.warehouse, 'metrics-bench.duckdb');
rmSync(scratch, { force: true });
rmSync(`${scratch}.wal`, { force: true });
// The build's own settings for its metric pass (memory limit, spill folder, no insertion order), so the step measures what the ingest runs.
const db = await DuckDBInstance.create(scratch, { ...tableBuildOptions(join(values.warehouse, '.metrics-spill')), memory_limit: metricsMemoryLimit() });
const conn = await db.connect();
try {
  await conn.run(`ATTACH '${join(values.warehouse, 'warehouse.duckdb').replaceAll("'", "''")}' AS w (READ_ONLY)`);
  // Unqualified names find the new metric tables first, then the warehouse's inputs.
  await conn.run("SET search_path = 'main,w.main'");
  const prelude = sqlPrelude();
  if (prelude) await conn.run(prelude);
  const t0 = performance.now();
  for (const f of metricFiles()) {
    const t = performance.now();
    await conn.run(`CREATE TABLE main.${f.name} AS ${f.sql}`);
    process.stdout.write(`${f.name}\t${((performance.now() - t) / 1000).toFixed(2)}\n`);
  }
  process.stdout.write(`metrics total\t${((performance.now() - t0) / 1000).toFixed(2)}\n`);
} finally {
  conn.closeSync();
  db.closeSync();
  rmSync(scratch, { force: true });
  rmSync(`${scratch}.wal`, { force: true });
  rmSync(join(values.warehouse, '.metrics-spill'), { recursive: true, force: true });
}
