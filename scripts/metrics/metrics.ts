// The metric tables: scripts/metrics/sql/*.sql (one SELECT per file, file name =
// table name), run against the warehouse in dependency order.
import { fileURLToPath } from 'node:url';
import type { DuckDBConnection } from '@duckdb/node-api';
import { dependencyOrder, readSqlDir, runSqlTables, type SqlTable } from '../common/sql-tables.ts';

export const METRICS_SQL_DIR = fileURLToPath(new URL('./sql/', import.meta.url));

export interface ComputeMetricsOptions {
  onTable?: (name: string, ms: number, rows: number) => void;
  /** Another folder of metric SQL (tests); defaults to scripts/metrics/sql. */
  dir?: string;
}

export function readMetricFiles(dir: string = METRICS_SQL_DIR): SqlTable[] {
  return readSqlDir(dir);
}

/** Metric table names in the order computeMetrics creates them. */
export function metricTableNames(dir: string = METRICS_SQL_DIR): string[] {
  return dependencyOrder(readSqlDir(dir)).map((t) => t.name);
}

export async function computeMetrics(conn: DuckDBConnection, opts: ComputeMetricsOptions = {}): Promise<void> {
  await runSqlTables(conn, readSqlDir(opts.dir ?? METRICS_SQL_DIR), (t) => opts.onTable?.(t.name, t.ms, t.rows));
}
