// A restatement note says in words why the figures moved, and what changed in the
// inputs (dataset, engine, rules), before the table of figures.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DuckDBInstance } from '@duckdb/node-api';
import { inputChanges, restatementDiff } from '../../../scripts/publish/restatement.ts';
import { MINUS } from '../../../src/lib/format.ts';
import type { Manifest } from '../../../src/lib/manifest.ts';

const base: Manifest = {
  quarter: '2024-q3',
  published: '2026-11-23',
  engine: { version: '0.1.0', parser: 'gitlog-v1.2', classifiers: 'aaa' },
  dataset: { snapshot: '2026-08-23T00:00:00Z', repos_tracked: 250, repos_ingested: 219, repos_unavailable: 31, fingerprint: 'f1' },
  quarters: ['2024-q3'],
  partial: false,
  headline: { commits: 100, contributors: 10 },
  files: { 'scope_quarters.parquet': { rows: 1, bytes: 1, sha256: 'x' } },
};
const next: Manifest = {
  ...base,
  published: '2026-12-06',
  engine: { ...base.engine, classifiers: 'bbb', provenance: 'v1-123' },
  dataset: { ...base.dataset, repos_tracked: 486, repos_ingested: 446, repos_unavailable: 40, fingerprint: 'f2' },
  headline: { commits: 90, contributors: 9 },
  files: { 'scope_quarters.parquet': { rows: 1, bytes: 1, sha256: 'y' } },
};

describe('restatement notes', () => {
  it('list what changed in the inputs, read off the two manifests', () => {
    expect(inputChanges(base, next)).toEqual([
      'Dataset: 250 → 486 tracked repositories (219 → 446 with history, 31 → 40 unavailable).',
      'Classifier lists and rules aaa → bbb (data/identities/, path and work-kind rules).',
      'Provenance rules none (SHA only) → v1-123 (data/provenance/, change identity and homes).',
    ]);
    expect(inputChanges(base, base)).toEqual([]);
  });

  it('open with the reason in words, then the inputs, then the figures', async () => {
    const db = await DuckDBInstance.create(':memory:');
    const conn = await db.connect();
    const empty = mkdtempSync(join(tmpdir(), 'restate-'));
    const r = await restatementDiff(conn, base, next, empty, empty, 'Copies of one change are counted once.');
    conn.closeSync();
    db.closeSync();
    const text = r.text;
    expect(text.indexOf('## Why the figures changed')).toBeGreaterThan(0);
    expect(text.indexOf('Copies of one change are counted once.')).toBeGreaterThan(text.indexOf('## Why'));
    expect(text.indexOf('## What changed in the inputs')).toBeGreaterThan(text.indexOf('Copies of one change'));
    // For readers: figure names, the whole set named, the site's quarter and number formats.
    expect(text.indexOf(`| Commits | All tracked repositories | Q3 2024 | 100 | 90 | ${MINUS}10 (${MINUS}10.0%) |`)).toBeGreaterThan(text.indexOf('## Figures'));
    expect(text).not.toMatch(/\| headline \||commits_qoq|all:all/);
  });
});
