import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { afterEach, describe, expect, it } from 'vitest';
import { DEFAULT_MEMORY_LIMIT, duckdbLimits, MEMORY_LIMIT_ENV } from '../../../scripts/common/duckdb-limits.ts';

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
});
