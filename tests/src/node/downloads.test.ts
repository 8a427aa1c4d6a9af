// The downloadable data: a CSV per published table with the same rows, a data
// dictionary that names every published column (and nothing else), written identically
// on every build.
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadDictionary } from '../../../src/node/data-dictionary.ts';
import { writeDownloads } from '../../../src/node/downloads.ts';
import { usePublishedFixture } from '../../helpers/published-fixture.ts';

const ROOT = resolve(import.meta.dirname, '../../..');
let published: string;
let out: string;

beforeAll(async () => {
  published = await usePublishedFixture();
  out = mkdtempSync(join(tmpdir(), 'ds-downloads-'));
});
afterAll(() => rmSync(out, { recursive: true, force: true }));

async function columns(file: string): Promise<string[]> {
  const db = await DuckDBInstance.create(':memory:');
  const conn = await db.connect();
  const rows = (await conn.runAndReadAll(`DESCRIBE SELECT * FROM read_parquet('${file}')`)).getRowObjectsJS() as { column_name: string }[];
  conn.closeSync();
  db.closeSync();
  return rows.map((r) => r.column_name);
}

describe('downloads', () => {
  it('writes a CSV per table with every row, the dictionary and the manifest', async () => {
    // One CSV per table of the fixture folder (every Parquet file published-fixture.ts writes).
    expect(await writeDownloads(out, ['2024-q3'])).toBe(readdirSync(join(published, '2024-q3')).filter((f) => f.endsWith('.parquet')).length);
    const dir = join(out, 'data', '2024-q3');
    const manifest = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')) as { files: Record<string, { rows: number }> };
    for (const [file, f] of Object.entries(manifest.files)) {
      const csv = readFileSync(join(dir, file.replace('.parquet', '.csv')), 'utf8').trimEnd().split('\n');
      expect(csv.length - 1, file).toBe(f.rows);
    }
    expect(readFileSync(join(dir, 'repos.csv'), 'utf8').split('\n')[0]).toBe('repo,category_id,status,upstream,tracked_until,ingested,first_quarter,note,first_commit,last_commit');
    const dict = JSON.parse(readFileSync(join(dir, 'dictionary.json'), 'utf8')) as { quarter: string; tables: { name: string; rows: number; sha256: string }[] };
    expect(dict.quarter).toBe('2024-q3');
    expect(dict.tables.map((t) => t.name).sort()).toEqual(Object.keys(manifest.files).map((f) => f.replace('.parquet', '')).sort());
    expect(readFileSync(join(dir, 'dictionary.md'), 'utf8')).toMatch(/^# Deep Signal data, 2024-q3\n[\s\S]*\n## scope_quarters\n[\s\S]*\| churn_rate \| churned \/ contributors_prev\. \|/);
  });

  it('writes the same bytes twice', async () => {
    const again = mkdtempSync(join(tmpdir(), 'ds-downloads-'));
    try {
      await writeDownloads(again, ['2024-q3']);
      for (const f of readdirSync(join(out, 'data', '2024-q3'))) {
        expect(readFileSync(join(again, 'data', '2024-q3', f)).equals(readFileSync(join(out, 'data', '2024-q3', f))), f).toBe(true);
      }
    } finally {
      rmSync(again, { recursive: true, force: true });
    }
  });

  it('the dictionary names exactly the columns of every published file (committed data and fixture)', async () => {
    const dict = new Map(loadDictionary().tables.map((t) => [t.name, t.columns.map((c) => c.name)]));
    for (const root of [join(ROOT, 'data', 'published'), published]) {
      for (const q of readdirSync(root).filter((d) => /^\d{4}-q[1-4]$/.test(d))) {
        for (const f of readdirSync(join(root, q)).filter((x) => x.endsWith('.parquet'))) {
          const table = f.replace('.parquet', '');
          expect(dict.get(table), `${q}/${f} is not in data/dictionary.yaml`).toEqual(await columns(join(root, q, f)));
        }
      }
    }
  });

  it('writes no cell a spreadsheet would run as a formula', async () => {
    // A published folder whose text holds formula-like values (a hostile repo name, say).
    const dir = mkdtempSync(join(tmpdir(), 'ds-evil-'));
    const q = join(dir, '2024-q3');
    const db = await DuckDBInstance.create(':memory:');
    const conn = await db.connect();
    const { mkdirSync, writeFileSync } = await import('node:fs');
    mkdirSync(q, { recursive: true });
    await conn.run(`COPY (SELECT * FROM (VALUES ('=HYPERLINK("http://x")', 1), ('-2+3', -2), ('plain', 3)) t(repo, n)) TO '${join(q, 'repos.parquet')}' (FORMAT parquet)`);
    conn.closeSync();
    db.closeSync();
    const manifest = JSON.parse(readFileSync(join(published, '2024-q3', 'manifest.json'), 'utf8')) as { files: Record<string, unknown> };
    manifest.files = { 'repos.parquet': { rows: 3, bytes: 1, sha256: 'x' } };
    writeFileSync(join(q, 'manifest.json'), JSON.stringify(manifest));
    const before = process.env.DEEP_SIGNAL_PUBLISHED_DIR;
    process.env.DEEP_SIGNAL_PUBLISHED_DIR = dir;
    try {
      const target = mkdtempSync(join(tmpdir(), 'ds-evil-out-'));
      await writeDownloads(target, ['2024-q3']);
      const csv = readFileSync(join(target, 'data', '2024-q3', 'repos.csv'), 'utf8');
      expect(csv).toBe(`repo,n\n"'=HYPERLINK(""http://x"")",1\n'-2+3,-2\nplain,3\n`);
      rmSync(target, { recursive: true, force: true });
    } finally {
      process.env.DEEP_SIGNAL_PUBLISHED_DIR = before;
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
