// The tables of one published quarter and their columns, as DuckDB reads them from the
// Parquet files: the explore page lists them beside its SQL console.
import { existsSync } from 'node:fs';
import { DuckDBInstance } from '@duckdb/node-api';
import { LATER_VIEWS, PUBLISHED_VIEWS } from '../lib/query-registry.ts';
import { quarterFolder } from './paths.ts';

export interface Column {
  name: string;
  type: string;
}

/** Table name → its columns, in the registry's order; a table the folder predates is left out. */
export async function publishedSchema(quarter: string): Promise<Map<string, Column[]>> {
  const db = await DuckDBInstance.create(':memory:');
  const conn = await db.connect();
  const out = new Map<string, Column[]>();
  for (const table of PUBLISHED_VIEWS) {
    // A folder published before a later table existed lists the tables it has.
    if (LATER_VIEWS.includes(table) && !existsSync(`${quarterFolder(quarter)}/${table}.parquet`)) continue;
    const file = `${quarterFolder(quarter)}/${table}.parquet`.replaceAll("'", "''");
    const rows = (await conn.runAndReadAll(`DESCRIBE SELECT * FROM read_parquet('${file}')`)).getRowObjectsJS();
    out.set(table, rows.map((r) => ({ name: String(r.column_name), type: String(r.column_type) })));
  }
  conn.closeSync();
  return out;
}
