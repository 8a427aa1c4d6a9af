// The synthetic history generator behind `npm run bench:scale`, kept honest at its
// tiny size: the real ingest reads its exports without a warning, the same seed
// gives the same bytes, and the shape the benchmark relies on is there (heavy-tailed
// sizes, forks sharing SHAs, sync copies, bots, agents, co-authors, merges, long paths).
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { DuckDBInstance } from '@duckdb/node-api';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureDataset, type Dataset } from '../../../../scripts/tooling/scale/generate.ts';
import { makePlan } from '../../../../scripts/tooling/scale/plan.ts';
import { SIZES } from '../../../../scripts/tooling/scale/sizes.ts';

const ROOT = join(import.meta.dirname, '../../../..');

function digest(dir: string): string {
  const h = createHash('sha256');
  for (const f of readdirSync(dir).sort()) h.update(f).update(gunzipSync(readFileSync(join(dir, f))));
  return h.digest('hex');
}

describe('synthetic histories (tiny)', () => {
  let tmp: string;
  let ds: Dataset;
  let text: string;
  let ingestOutput: string;
  let staged: { commits: number; coauthors: number; agents: number; shas: number };

  beforeAll(async () => {
    tmp = mkdtempSync(join(tmpdir(), 'scale-test-'));
    const quiet = (): void => {};
    ds = await ensureDataset({ size: 'tiny', out: join(tmp, 'a'), jobs: 1, log: quiet });
    text = readdirSync(ds.gitlogs).map((f) => gunzipSync(readFileSync(join(ds.gitlogs, f))).toString('utf8')).join('');
    const warehouse = join(tmp, 'w');
    // The real CLI, as the bench runs it: staging only.
    ingestOutput = execFileSync(process.execPath, ['scripts/ingest.ts', '--from', ds.gitlogs, '--registry', ds.registry, '--warehouse', warehouse, '--no-build'], {
      cwd: ROOT, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, CI: '1' },
    });
    const db = await DuckDBInstance.create(':memory:');
    const conn = await db.connect();
    const one = async (sql: string): Promise<number> => Number((await conn.runAndReadAll(sql)).getRows()[0]![0]);
    const parts = join(warehouse, 'staging', '*', 'part-*');
    staged = {
      commits: await one(`SELECT count(*) FROM read_parquet('${parts}/commits.parquet')`),
      shas: await one(`SELECT count(DISTINCT sha) FROM read_parquet('${parts}/commits.parquet')`),
      coauthors: await one(`SELECT count(*) FROM read_parquet('${parts}/coauthors.parquet')`),
      agents: await one(`SELECT count(*) FROM read_parquet('${parts}/coauthors.parquet') WHERE email = 'noreply@anthropic.com' OR email LIKE '%Copilot%'`),
    };
    conn.closeSync();
    db.closeSync();
  }, 60_000);

  afterAll(() => rmSync(tmp, { recursive: true, force: true }));

  it('is read by the real ingest, every commit staged, without a warning', () => {
    expect(staged.commits).toBe(ds.manifest.commits);
    expect(ingestOutput).not.toMatch(/⚠|warning|error|failed/i);
    // Forks carry their upstream's commits under the same SHAs: fewer distinct SHAs than rows.
    expect(staged.shas).toBeLessThan(staged.commits);
    expect(staged.coauthors).toBeGreaterThan(0);
    expect(staged.agents).toBeGreaterThan(0);
  });

  it('gives the same bytes for the same seed, and other bytes for another', async () => {
    const again = await ensureDataset({ size: 'tiny', out: join(tmp, 'b'), jobs: 2, log: () => {} });
    expect(digest(again.gitlogs)).toBe(digest(ds.gitlogs));
    const other = await ensureDataset({ size: 'tiny', seed: 2, out: join(tmp, 'c'), jobs: 1, log: () => {} });
    expect(digest(other.gitlogs)).not.toBe(digest(ds.gitlogs));
  });

  it('has the shape the benchmark relies on', () => {
    const records = text.split('\x1e').slice(1);
    const headers = records.map((r) => r.slice(0, r.indexOf('\n')).split('\x1f'));
    expect(headers.every((h) => h.length === 12 && /^[0-9a-f]{40}$/.test(h[0]!))).toBe(true);
    const share = (p: (h: string[]) => boolean): number => headers.filter(p).length / headers.length;
    expect(share((h) => h[1]!.split(' ').length >= 2)).toBeGreaterThan(0.04); // merges
    expect(share((h) => h[11] !== '')).toBeGreaterThan(0.05); // co-authors
    expect(share((h) => h[2]!.endsWith('[bot]'))).toBeGreaterThan(0.005); // bots
    expect(share((h) => h[7] === 'GitHub')).toBeGreaterThan(0.3); // web merges
    expect(text).toMatch(/\(llama\/\d+\)\x1f/); // sync copies in ggml / whisper.cpp
    const paths = text.split('\n').filter((l) => /^(\d+|-)\t(\d+|-)\t/.test(l)).map((l) => l.split('\t')[2]!.length);
    expect(Math.max(...paths)).toBeGreaterThan(100);
    const registry = readFileSync(join(ds.registry, 'tracked-repos.csv'), 'utf8');
    expect(registry).toMatch(/,ingested,[a-z-]+\/[a-z-]+-\d+,/); // a fork names its upstream
    expect(registry).toMatch(/,unavailable,/);
  });

  it('sizes are heavy-tailed at every size, a 100k+ history from 3x on, several from 10 M commits', () => {
    for (const spec of Object.values(SIZES)) {
      const own = makePlan(spec, 1).repos.filter((r) => r.status === 'ingested').map((r) => r.own).sort((a, b) => b - a);
      expect(own[0]! / own[Math.floor(own.length / 2)]!).toBeGreaterThan(5);
      if (spec.commits >= 4e6) expect(own[0]!).toBeGreaterThan(100_000);
      if (spec.commits >= 1e7) expect(own[2]!).toBeGreaterThan(100_000);
    }
  });

  it('plans every history at every size with commits and people (3x once planned one of -7 commits)', () => {
    for (const spec of Object.values(SIZES)) {
      const plan = makePlan(spec, 1);
      const ingested = plan.repos.filter((r) => r.status === 'ingested');
      expect(ingested.filter((r) => !(r.own >= 1)).map((r) => `${spec.name} ${r.repo}: ${r.own}`)).toEqual([]);
      expect(ingested.filter((r) => r.contributors.length === 0 || r.core < 1).map((r) => `${spec.name} ${r.repo}`)).toEqual([]);
    }
  });
});
