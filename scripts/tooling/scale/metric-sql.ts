// The engine's metric SQL as files (one SELECT per file, file name = table name),
// read from the repository and ordered so that each table comes after the tables it
// reads. Read as files on purpose: the bench and the object-store demo run the very
// SQL the warehouse build runs, without going through the engine's modules.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));

export interface MetricFile {
  name: string;
  sql: string;
}

/** The folder of the metric SQL (scripts/metrics/sql since the stage folders; scripts/sql/metrics before). */
export function metricSqlDir(): string {
  for (const d of ['scripts/metrics/sql', 'scripts/sql/metrics']) if (existsSync(join(ROOT, d))) return join(ROOT, d);
  throw new Error('metric SQL folder not found (scripts/metrics/sql)');
}

function code(sql: string): string {
  // Comments and string literals do not make dependencies.
  return sql.replace(/--[^\n]*/g, ' ').replace(/\/\*[\s\S]*?\*\//g, ' ').replace(/'(?:[^']|'')*'/g, "''");
}

/**
 * SQL the engine runs on a connection before its tables (temporary macros such as
 * scope_type_of, in scripts/common/*.sql): the metric SQL calls them.
 */
export function sqlPrelude(): string {
  const dir = join(ROOT, 'scripts', 'common');
  if (!existsSync(dir)) return '';
  return readdirSync(dir).filter((f) => f.endsWith('.sql')).sort().map((f) => readFileSync(join(dir, f), 'utf8')).join('\n');
}

export function metricFiles(dir = metricSqlDir()): MetricFile[] {
  const files = readdirSync(dir).filter((f) => f.endsWith('.sql')).sort().map((f) => ({ name: f.slice(0, -4), sql: readFileSync(join(dir, f), 'utf8').trim().replace(/;\s*$/, '') }));
  const names = files.map((f) => f.name);
  const deps = new Map(files.map((f) => [f.name, names.filter((n) => n !== f.name && new RegExp(`\\b${n}\\b`).test(code(f.sql)))]));
  const done = new Set<string>();
  const ordered: MetricFile[] = [];
  while (ordered.length < files.length) {
    const ready = files.filter((f) => !done.has(f.name) && deps.get(f.name)!.every((d) => done.has(d)));
    if (!ready.length) throw new Error(`metric SQL dependency cycle among ${files.filter((f) => !done.has(f.name)).map((f) => f.name).join(', ')}`);
    for (const f of ready) {
      ordered.push(f);
      done.add(f.name);
    }
  }
  return ordered;
}
