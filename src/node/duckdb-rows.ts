// Rows out of @duckdb/node-api as the browser's Arrow rows give them: numbers, strings,
// booleans, ISO dates. Every Node reader of DuckDB results goes through here, so the
// build, the scripts and the parity test compare like with like.
import type { DuckDBConnection } from '@duckdb/node-api';

export type PlainRow = Record<string, unknown>;

/** Runs `sql` (with $1, $2 … bound to `values`) and returns plain rows. */
export async function readRows<T = PlainRow>(conn: DuckDBConnection, sql: string, values?: readonly (string | number | boolean)[]): Promise<T[]> {
  const reader = await conn.runAndReadAll(sql, values ? [...values] : undefined);
  return reader.getRowObjectsJS().map(plainRow) as T[];
}

/** The first row of `sql`, or undefined when it returns none. */
export async function readRow<T = PlainRow>(conn: DuckDBConnection, sql: string, values?: readonly (string | number | boolean)[]): Promise<T | undefined> {
  return (await readRows<T>(conn, sql, values))[0];
}

export function plainRow(row: Record<string, unknown>): PlainRow {
  const out: PlainRow = {};
  for (const [k, v] of Object.entries(row)) out[k] = plainValue(v);
  return out;
}

function plainValue(v: unknown): unknown {
  if (typeof v === 'bigint') {
    // A silently rounded count would be a wrong figure: refuse instead.
    if (v > BigInt(Number.MAX_SAFE_INTEGER) || v < BigInt(Number.MIN_SAFE_INTEGER)) throw new RangeError(`integer ${v} is too large for a JS number`);
    return Number(v);
  }
  if (v instanceof Date) return v.toISOString();
  if (Array.isArray(v)) return v.map(plainValue);
  return v;
}
