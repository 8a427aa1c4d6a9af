// The explore console's database on DuckDB 0.9.1 (the browser's engine), over each
// published folder: every example query runs and returns rows, results read back as
// plain cells, and once loaded the database reads no file or URL, whatever the SQL.
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { consoleDb, type ConsoleDb } from '../../../src/client/console-db.ts';
import { readResult } from '../../../src/client/result-table.ts';
import { EXAMPLE_QUERIES } from '../../../src/lib/explore-examples.ts';
import { checkReadOnly } from '../../../src/client/sql-guard.ts';
import { nodeWasmEngine } from './node-wasm.ts';

const published = join(import.meta.dirname, '../../../data/published');
const quarters = readdirSync(published).filter((q) => /^\d{4}-q[1-4]$/.test(q)).sort();

describe.each(quarters)('explore console over %s', (quarter) => {
  let db: ConsoleDb;
  beforeAll(async () => {
    db = await consoleDb(nodeWasmEngine, quarter, pathToFileURL(join(published, quarter)).href + '/');
  }, 60_000);

  it.each(EXAMPLE_QUERIES.map((e) => [e.label, e.sql]))('example "%s" passes the guard and returns rows', async (_label, sql) => {
    const check = checkReadOnly(sql);
    expect(check.ok).toBe(true);
    const result = readResult(await db.query(check.ok ? check.sql : ''));
    expect(result.rows.length).toBeGreaterThan(0);
    expect(result.rows.flat().every((v) => v === null || ['string', 'number', 'boolean'].includes(typeof v))).toBe(true);
  });

  it('reads back times, BIGINTs and lists as plain cells', async () => {
    const r = readResult(await db.query("SELECT start_ts, count(*) OVER () AS n, [1, 2] AS l, DATE '2024-07-01' AS d FROM quarters ORDER BY seq LIMIT 1"));
    expect(r.columns).toEqual(['start_ts', 'n', 'l', 'd']);
    expect(r.rows[0]![0]).toMatch(/^\d{4}-\d{2}-01T00:00:00Z$/);
    expect(typeof r.rows[0]![1]).toBe('number');
    expect(r.rows[0]![2]).toBe('[1,2]');
    expect(r.rows[0]![3]).toBe('2024-07-01');
  });

  it('reads no file once loaded, and cannot be switched back', async () => {
    await expect(db.query(`SELECT * FROM read_parquet('console/${quarter}/scope_quarters.parquet')`)).rejects.toThrow(/disabled/i);
    await expect(db.query("SELECT * FROM read_csv_auto('https://example.com/x.csv')")).rejects.toThrow();
    await expect(db.query('SET enable_external_access = true')).rejects.toThrow();
  });
});
