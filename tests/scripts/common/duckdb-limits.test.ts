import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { afterEach, describe, expect, it } from 'vitest';
import { DEFAULT_MEMORY_LIMIT, duckdbLimits, MEMORY_LIMIT_ENV, METRICS_MEMORY_LIMIT, metricsMemoryLimit, tableBuildOptions } from '../../../scripts/common/duckdb-limits.ts';

const dirs: string[] = [];
afterEach(() => {
  delete process.env[MEMORY_LIMIT_ENV];
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

async function settings(spill: string): Promise<{ limit: string; temp: string }> {
  const db = await DuckDBInstance.create(':memory:', duckdbLimits(spill));
  const conn = await db.connect();
  const [row] = (await conn.runAndReadAll("SELECT current_setting('memory_limit') AS limit, current_setting('temp_directory') AS temp")).getRowObjectsJS() as { limit: string; temp: string }[];
  conn.closeSync();
  db.closeSync();
  return row!;
}

describe('duckdbLimits', () => {
  it('caps DuckDB at the default limit and spills to the given folder, which it creates', async () => {
    const root = mkdtempSync(join(tmpdir(), 'ds-limits-'));
    dirs.push(root);
    const spill = join(root, 'spill');
    const s = await settings(spill);
    expect(existsSync(spill)).toBe(true);
    expect(s.temp).toBe(spill);
    // DuckDB reports the limit in its own units (GiB): 3GB = 3 000 000 000 bytes ≈ 2.79 GiB.
    expect(DEFAULT_MEMORY_LIMIT).toBe('3GB');
    expect(s.limit).toBe('2.7 GiB');
  });

  it('takes DEEP_SIGNAL_MEMORY_LIMIT for another machine', async () => {
    const root = mkdtempSync(join(tmpdir(), 'ds-limits-'));
    dirs.push(root);
    process.env[MEMORY_LIMIT_ENV] = '512MB';
    expect((await settings(join(root, 'spill'))).limit).toBe('488.2 MiB');
  });

  it('the table-building options keep the cap and drop the insertion-order promise, and an ORDER BY still orders', async () => {
    const root = mkdtempSync(join(tmpdir(), 'ds-limits-'));
    dirs.push(root);
    const db = await DuckDBInstance.create(':memory:', tableBuildOptions(join(root, 'spill')));
    const conn = await db.connect();
    const [row] = (await conn.runAndReadAll("SELECT current_setting('memory_limit') AS limit, current_setting('preserve_insertion_order') AS ordered")).getRowObjectsJS() as { limit: string; ordered: boolean }[];
    await conn.run('CREATE TABLE t AS SELECT (i * 7919) % 100003 AS v FROM range(200000) r(i)');
    const sorted = (await conn.runAndReadAll('SELECT v FROM t ORDER BY v DESC LIMIT 3')).getRows().map((r) => Number(r[0]));
    conn.closeSync();
    db.closeSync();
    expect(row).toEqual({ limit: '2.7 GiB', ordered: false });
    expect(sorted).toEqual([100002, 100002, 100001]);
  });

  it('gives the metric pass more room, unless the machine limit is set', () => {
    expect(metricsMemoryLimit()).toBe(METRICS_MEMORY_LIMIT);
    expect(Number.parseFloat(METRICS_MEMORY_LIMIT)).toBeGreaterThan(Number.parseFloat(DEFAULT_MEMORY_LIMIT));
    process.env[MEMORY_LIMIT_ENV] = '512MB';
    expect(metricsMemoryLimit()).toBe('512MB');
  });
});
