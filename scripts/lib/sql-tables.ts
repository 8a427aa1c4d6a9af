// Runs a folder of SQL files, one SELECT per file, each creating the table its
// file is named after. Dependencies are read off the SQL itself (a file that
// mentions another file's table runs after it), so adding a metric is adding a file.
import { readdirSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import type { DuckDBConnection } from '@duckdb/node-api';

export interface SqlTable {
  name: string;
  file: string;
  sql: string;
}

export function readSqlDir(dir: string): SqlTable[] {
  return readdirSync(dir)
    .filter((f) => f.endsWith('.sql'))
    .sort()
    .map((f) => {
      const file = join(dir, f);
      return { name: basename(f, '.sql'), file, sql: readFileSync(file, 'utf8') };
    });
}

function stripComments(sql: string): string {
  return sql.replace(/--[^\n]*/g, ' ').replace(/\/\*[\s\S]*?\*\//g, ' ');
}

/** Orders tables so each runs after those it reads; throws on a cycle, naming the files. */
export function dependencyOrder(tables: SqlTable[]): SqlTable[] {
  const byName = new Map(tables.map((t) => [t.name, t]));
  const deps = new Map<string, string[]>();
  for (const t of tables) {
    const body = stripComments(t.sql);
    deps.set(
      t.name,
      tables.filter((o) => o.name !== t.name && new RegExp(`\\b${o.name}\\b`).test(body)).map((o) => o.name),
    );
  }
  const out: SqlTable[] = [];
  const state = new Map<string, 'visiting' | 'done'>();
  const visit = (name: string, path: string[]): void => {
    if (state.get(name) === 'done') return;
    if (state.get(name) === 'visiting') {
      throw new Error(`SQL dependency cycle: ${[...path, name].map((n) => byName.get(n)!.file).join(' → ')}`);
    }
    state.set(name, 'visiting');
    for (const d of deps.get(name)!) visit(d, [...path, name]);
    state.set(name, 'done');
    out.push(byName.get(name)!);
  };
  for (const t of tables) visit(t.name, []);
  return out;
}

export interface TableTiming {
  name: string;
  ms: number;
  rows: number;
}

export async function runSqlTables(
  conn: DuckDBConnection,
  tables: SqlTable[],
  onTable?: (t: TableTiming) => void,
): Promise<TableTiming[]> {
  const timings: TableTiming[] = [];
  for (const t of dependencyOrder(tables)) {
    const started = performance.now();
    try {
      await conn.run(`CREATE OR REPLACE TABLE ${t.name} AS ${t.sql.trim().replace(/;\s*$/, '')}`);
    } catch (e) {
      throw new Error(`${t.file}: ${(e as Error).message}`);
    }
    const count = await conn.runAndReadAll(`SELECT count(*)::INTEGER AS n FROM ${t.name}`);
    const timing = { name: t.name, ms: performance.now() - started, rows: Number(count.getRows()[0]![0]) };
    timings.push(timing);
    onTable?.(timing);
  }
  return timings;
}
