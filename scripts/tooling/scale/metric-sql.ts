// The engine's metric SQL, in the order the engine runs it, and the macros it needs:
// the bench's "metrics alone" step and the object-store demo run the very files the
// warehouse build runs, through the engine's own SQL-folder reader.
import { readFileSync } from 'node:fs';
import { dependencyOrder, readSqlDir, SQL_MACROS_FILE } from '../../common/sql-tables.ts';
import { METRICS_SQL_DIR } from '../../metrics/metrics.ts';

export interface MetricFile {
  name: string;
  sql: string;
}

/** SQL the engine runs on a connection before its tables (the scope-label macros). */
export function sqlPrelude(): string {
  return readFileSync(SQL_MACROS_FILE, 'utf8');
}

export function metricFiles(dir = METRICS_SQL_DIR): MetricFile[] {
  return dependencyOrder(readSqlDir(dir)).map(({ name, sql }) => ({ name, sql }));
}
