// Runs a folder of SQL files, one SELECT per file, each creating the table its
// file is named after. Dependencies are read off the SQL itself (a file that
// mentions another file's table runs after it), so adding a metric is adding a
// file, never editing a list.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { DuckDBConnection } from '@duckdb/node-api';
import { maskSql } from '../../src/lib/sql-lexer.ts';

export interface SqlTable {
  name: string;
  file: string;
  /** The SELECT, trimmed, without a trailing semicolon. */
  sql: string;
}

const TABLE_NAME = /^[a-z_][a-z0-9_]*$/;

export function readSqlDir(dir: string): SqlTable[] {
  return readdirSync(dir)
    .filter((f) => f.endsWith('.sql'))
    .sort()
    .map((f) => {
      const name = f.slice(0, -'.sql'.length);
      const file = join(dir, f);
      if (!TABLE_NAME.test(name)) throw new Error(`${file}: file name must be a table name (lower case, digits, _)`);
      return { name, file, sql: readFileSync(file, 'utf8').trim().replace(/;\s*$/, '') };
    });
}

/**
 * The SQL with comments and string literals blanked, so that an index comment saying
 * "checked by lifecycle_violations" or a literal 'top_projects' is not a dependency.
 */
function codeOnly(sql: string, file: string): string {
  const masked = maskSql(sql);
  if (typeof masked !== 'string') throw new Error(`${file}: ${masked.error}`);
  return masked;
}

/** The other tables of the set a file reads (whole-word matches outside comments and strings). */
export function dependencies(table: SqlTable, names: readonly string[]): string[] {
  const code = codeOnly(table.sql, table.file);
  return names.filter((n) => n !== table.name && new RegExp(`\\b${n}\\b`).test(code));
}

/** Tables in an order where each comes after those it reads; ties by name; a cycle names every stuck file. */
export function dependencyOrder(tables: readonly SqlTable[]): SqlTable[] {
  const names = tables.map((t) => t.name);
  const deps = new Map(tables.map((t) => [t.name, new Set(dependencies(t, names))]));
  const ordered: SqlTable[] = [];
  const done = new Set<string>();
  let pending = [...tables];
  while (pending.length > 0) {
    const ready = pending.filter((t) => [...deps.get(t.name)!].every((d) => done.has(d)));
    if (ready.length === 0) {
      const stuck = pending.map((t) => `${t.file} (reads ${[...deps.get(t.name)!].filter((d) => !done.has(d)).join(', ')})`).join('; ');
      throw new Error(`SQL dependency cycle: ${stuck}`);
    }
    for (const t of ready) {
      ordered.push(t);
      done.add(t.name);
    }
    pending = pending.filter((t) => !done.has(t.name));
  }
  return ordered;
}

export interface TableTiming {
  name: string;
  ms: number;
  rows: number;
}

/** The macros every table of every stage may use (scope labels, exact credit sums), as one file of statements. */
export const SQL_MACROS_FILE = fileURLToPath(new URL('./sql-macros.sql', import.meta.url));

/** Creates the shared macros on `conn` (temporary: each run creates them again). */
export async function createSqlMacros(conn: DuckDBConnection): Promise<void> {
  await conn.run(readFileSync(SQL_MACROS_FILE, 'utf8'));
}

export async function runSqlTables(conn: DuckDBConnection, tables: SqlTable[], onTable?: (t: TableTiming) => void): Promise<TableTiming[]> {
  await createSqlMacros(conn);
  const timings: TableTiming[] = [];
  for (const t of dependencyOrder(tables)) {
    const started = performance.now();
    let rows: number;
    try {
      await conn.run(`CREATE OR REPLACE TABLE ${t.name} AS\n${t.sql}`);
      const reader = await conn.runAndReadAll(`SELECT count(*)::INTEGER AS n FROM ${t.name}`);
      rows = Number(reader.getRows()[0]?.[0] ?? 0);
    } catch (err) {
      throw new Error(`${t.file}: ${err instanceof Error ? err.message : String(err)}`, { cause: err });
    }
    const timing = { name: t.name, ms: performance.now() - started, rows };
    timings.push(timing);
    onTable?.(timing);
  }
  return timings;
}
