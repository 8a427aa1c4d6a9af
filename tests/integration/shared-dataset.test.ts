// Integration over the real dataset in ../shared/data: the whole ingest, the
// warehouse invariants, and two repositories' figures recounted independently
// from their raw exports. The dataset lives beside the repo on developer
// machines and in CI, never on a user's machine: without it this file skips.
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import { loadRegistry } from '../../scripts/registry/registry.ts';
import { runIngest, type IngestSummary } from '../../scripts/ingest/ingest-run.ts';
import { publishQuarter } from '../../scripts/publish/publish.ts';
import { parseCsvTable } from '../../scripts/common/csv.ts';
import { Progress } from '../../scripts/common/progress.ts';
import { PUBLISHED_DIR_ENV } from '../../src/node/paths.ts';
import { openPublished } from '../../src/node/published-data.ts';
import { chordCounts, recountMigration, recountOverlap, type PersonActivity } from '../helpers/threshold-recount.ts';

const SHARED = fileURLToPath(new URL('../../../shared/data/', import.meta.url));
const available = existsSync(join(SHARED, 'gitlogs'));
if (!available) console.warn(`skipping the dataset integration test: ${SHARED} is absent (it exists on developer machines and in CI)`);

/** Non-merge commits of one export whose author date falls in [from, to) UTC: a recount that shares no code with the engine. */
function recount(repo: string, from: string, to: string): number {
  const text = gunzipSync(readFileSync(join(SHARED, 'gitlogs', `${repo.replace('/', '__')}.gitlog.gz`))).toString('utf8');
  const lo = Date.parse(from);
  const hi = Date.parse(to);
  let n = 0;
  for (const record of text.split('\x1e').slice(1)) {
    const f = record.slice(0, record.indexOf('\n')).split('\x1f');
    const t = Date.parse(f[6]!);
    if (f[1]!.split(' ').filter(Boolean).length < 2 && t >= lo && t < hi) n++;
  }
  return n;
}

describe.skipIf(!available)('the real dataset (../shared/data)', () => {
  let work: string;
  let summary: IngestSummary;
  let db: DuckDBInstance;
  let conn: DuckDBConnection;
  const q = async <T,>(sql: string): Promise<T[]> => (await conn.runAndReadAll(sql)).getRowObjectsJS() as T[];

  beforeAll(async () => {
    work = mkdtempSync(join(tmpdir(), 'deep-signal-dataset-'));
    const registry = await loadRegistry();
    summary = await runIngest({ registry, warehouseDir: join(work, 'warehouse'), exportsDir: join(SHARED, 'gitlogs'), progress: new Progress() });
    db = await DuckDBInstance.create(join(work, 'warehouse', 'warehouse.duckdb'), { access_mode: 'READ_ONLY' });
    conn = await db.connect();
  }, 600_000);

  afterAll(() => {
    conn?.closeSync();
    db?.closeSync();
    if (work) rmSync(work, { recursive: true, force: true });
  });

  it('ingests every available history completely', async () => {
    const facts = parseCsvTable(readFileSync(join(SHARED, 'tracked-repos.csv'), 'utf8'), 'tracked-repos.csv').rows.map((r) => r.values);
    const ingested = facts.filter((r) => r.status === 'ingested');
    expect(summary.failed).toEqual([]);
    // Every history that stops early is curated in the registry (tracked_until or 'dormant:').
    expect(summary.stale).toEqual([]);
    expect(summary.ingested.length).toBe(ingested.length);
    expect(summary.missing.sort()).toEqual(facts.filter((r) => r.status === 'unavailable').map((r) => r.repo!).sort());
    // Every record of every export is staged: the dataset's own commit counts.
    const staged = await q<{ repo: string; n: number }>('SELECT repo, count(*)::INTEGER AS n FROM raw_commits GROUP BY repo');
    const byRepo = new Map(staged.map((r) => [r.repo, r.n]));
    for (const r of ingested) expect(byRepo.get(r.repo!), r.repo).toBe(Number(r.commits));
  });

  it('counts each SHA once, and never for a fork when its upstream holds it', async () => {
    const [d] = await q<{ distinct_shas: number; homed: number }>(
      'SELECT (SELECT count(DISTINCT sha) FROM raw_commits)::INTEGER AS distinct_shas, (SELECT count(*) FROM commits)::INTEGER AS homed',
    );
    expect(d!.homed).toBeLessThanOrEqual(d!.distinct_shas);
    const [dup] = await q<{ n: number }>('SELECT count(*)::INTEGER AS n FROM (SELECT sha FROM commits GROUP BY sha HAVING count(*) > 1)');
    expect(dup!.n).toBe(0);
    const [forks] = await q<{ n: number }>(
      `SELECT count(*)::INTEGER AS n FROM commits c JOIN repos r ON r.repo = c.repo
       WHERE r.upstream IS NOT NULL AND EXISTS (SELECT 1 FROM raw_commits u WHERE u.sha = c.sha AND u.repo = r.upstream)`,
    );
    expect(forks!.n).toBe(0);
  });

  it('counts each change once: no patch identity is home in two repositories', async () => {
    const [dup] = await q<{ n: number }>('SELECT count(*)::INTEGER AS n FROM (SELECT change_id FROM commit_provenance WHERE is_home GROUP BY 1 HAVING count(*) > 1)');
    expect(dup!.n).toBe(0);
    // Every commit of every history is judged, and every one that is not home says why.
    const [all] = await q<{ raw: number; judged: number; unexplained: number }>(
      `SELECT (SELECT count(*) FROM raw_commits)::INTEGER AS raw, count(*)::INTEGER AS judged,
              count(*) FILTER (WHERE NOT is_home AND reason NOT SIMILAR TO '(counted_in|uncredited)_[a-z_]+')::INTEGER AS unexplained
       FROM commit_provenance`,
    );
    expect(all!.judged).toBe(all!.raw);
    expect(all!.unexplained).toBe(0);
  });

  it('leaves ggml and whisper.cpp only their own work: no synced copy of a llama.cpp change counts there', async () => {
    const rows = await q<{ repo: string; held: number; own: number; copies_home: number }>(
      `SELECT p.repo, count(*)::INTEGER AS held, count(*) FILTER (WHERE p.is_home)::INTEGER AS own,
              count(*) FILTER (WHERE p.is_home AND regexp_matches(c.subject, '\\(llama/\\d+\\)'))::INTEGER AS copies_home
       FROM commit_provenance p JOIN raw_commits c USING (sha, repo)
       WHERE p.repo IN ('ggml-org/ggml', 'ggml-org/whisper.cpp') AND NOT p.is_merge AND c.ts >= '2026-04-01' AND c.ts < '2026-07-01'
       GROUP BY 1 ORDER BY 1`,
    );
    expect(rows).toHaveLength(2);
    for (const r of rows) {
      expect(r.copies_home, r.repo).toBe(0);
      // Most of what these histories hold in 2026-q2 is llama.cpp's work, synced.
      expect(r.own, r.repo).toBeLessThan(r.held / 3);
    }
  });

  it('leaves a single fork of an unavailable upstream only its own work (intel-xpu-backend-for-triton)', async () => {
    const [r] = await q<{ home: number; intel_share: number }>(
      `SELECT count(*)::INTEGER AS home, avg((lower(c.author_email) LIKE '%intel.com')::INTEGER)::DOUBLE AS intel_share
       FROM commit_provenance p JOIN raw_commits c USING (sha, repo)
       WHERE p.repo = 'intel/intel-xpu-backend-for-triton' AND p.is_home AND NOT p.is_merge AND c.ts >= '2026-04-01' AND c.ts < '2026-07-01'`,
    );
    expect(r!.home).toBeGreaterThan(0);
    // What stays is Intel's own work, written by Intel's people.
    expect(r!.intel_share).toBeGreaterThan(0.9);
  });

  it('keeps the lifecycle invariants in every scope and quarter', async () => {
    expect(await q('SELECT * FROM lifecycle_violations LIMIT 5')).toEqual([]);
    const [bad] = await q<{ n: number }>(
      `SELECT count(*)::INTEGER AS n FROM scope_quarters
       WHERE contributors <> new_contributors + retained + reactivated OR contributors_prev <> retained + churned`,
    );
    expect(bad!.n).toBe(0);
  });

  it('matches an independent recount of two repositories in 2024-q3', async () => {
    for (const repo of ['huggingface/peft', 'pytorch/ao']) {
      const [row] = await q<{ commits: number; merge_commits: number; bot_commits: number }>(
        `SELECT commits, merge_commits, bot_commits FROM scope_quarters WHERE scope_type = 'repo' AND scope_id = '${repo}' AND quarter = '2024-q3'`,
      );
      expect(row!.commits + row!.bot_commits, repo).toBe(recount(repo, '2024-07-01T00:00:00Z', '2024-10-01T00:00:00Z'));
    }
  });

  it('reproduces the committed published files byte for byte (a change to them is a restatement)', async () => {
    const root = fileURLToPath(new URL('../../data/published/', import.meta.url));
    for (const quarter of ['2024-q3', '2026-q2']) {
      const out = join(work, 'published-repro');
      const result = await publishQuarter({
        quarter, warehouseFile: join(work, 'warehouse', 'warehouse.duckdb'), publishedDir: out,
        engine: { version: 'test', parser: 'test', classifiers: 'test' }, datasetFingerprint: 'test', today: '2026-01-01',
      });
      const differ = Object.keys(result.manifest.files).filter((f) => !readFileSync(join(out, quarter, f)).equals(readFileSync(join(root, quarter, f))));
      expect(differ, `${quarter}: rebuilt files that differ from data/published/${quarter}/ (restate with npm run publish-data -- ${quarter} --force --why <file>)`).toEqual([]);
    }
  }, 120_000);

  it('publishes a quarter with no personal data in it', async () => {
    const out = join(work, 'published');
    const result = await publishQuarter({
      quarter: '2024-q3', warehouseFile: join(work, 'warehouse', 'warehouse.duckdb'), publishedDir: out,
      engine: { version: 'test', parser: 'test', classifiers: 'test' }, datasetFingerprint: 'test', today: '2026-01-01',
    });
    expect(result.manifest.quarters).toHaveLength(9);
    expect(result.manifest.headline.contributors).toBeGreaterThan(0);
    const pdb = await DuckDBInstance.create(':memory:');
    const pc = await pdb.connect();
    for (const file of Object.keys(result.manifest.files)) {
      // Every text column of every published file, searched for anything address-like.
      const path = join(out, '2024-q3', file);
      const cols = (await pc.runAndReadAll(`SELECT column_name FROM (DESCRIBE SELECT * FROM read_parquet('${path}')) WHERE column_type = 'VARCHAR'`)).getRows().map((r) => String(r[0]));
      for (const col of cols) {
        const hits = (await pc.runAndReadAll(`SELECT "${col}" FROM read_parquet('${path}') WHERE regexp_matches("${col}", '[^\\s@]+@[^\\s@]+\\.[a-z]{2,}') LIMIT 1`)).getRows();
        expect(hits, `${file}.${col}`).toEqual([]);
      }
    }
    const identities = await q<{ name: string }>("SELECT DISTINCT name FROM identities WHERE length(name) > 8 AND name LIKE '% %' LIMIT 2000");
    const text = (await pc.runAndReadAll(`SELECT string_agg(DISTINCT organization, '|') AS s FROM read_parquet('${join(out, '2024-q3', 'company_share.parquet')}')`)).getRows()[0]![0] as string;
    for (const { name } of identities) expect(text.includes(name), name).toBe(false);
    pc.closeSync();
    pdb.closeSync();
  });

  it('publishes no person-level table, and the chord at each threshold is a recount from person_activity', async () => {
    const out = join(work, 'published-thresholds');
    const quarter = '2026-q2';
    const result = await publishQuarter({
      quarter, warehouseFile: join(work, 'warehouse', 'warehouse.duckdb'), publishedDir: out,
      engine: { version: 'test', parser: 'test', classifiers: 'test' }, datasetFingerprint: 'test', today: '2026-01-01',
    });
    expect(Object.keys(result.manifest.files)).not.toContain('activity.parquet');
    const pdb = await DuckDBInstance.create(':memory:');
    const pc = await pdb.connect();
    const people = (await q<{ n: number }>('SELECT count(DISTINCT person_id)::INTEGER AS n FROM person_activity'))[0]!.n;
    for (const [file, f] of Object.entries(result.manifest.files)) {
      const cols = (await pc.runAndReadAll(`SELECT column_name FROM (DESCRIBE SELECT * FROM read_parquet('${join(out, quarter, file)}'))`)).getRows().map((r) => String(r[0]));
      for (const col of cols) expect(col, `${file}.${col}`).not.toMatch(/person|^(author|committer|email|login|identity)(_|$)/i);
      // Nine quarters of every table together hold fewer rows than there are people: none is a row per person.
      expect(f.rows, file).toBeLessThan(people);
    }
    pc.closeSync();
    pdb.closeSync();

    const activity = await q<PersonActivity>('SELECT person_id::INTEGER AS person, category_id, quarter, credit, commits::INTEGER AS commits FROM person_activity WHERE quarter IS NOT NULL');
    const quarters = (await q<{ quarter: string }>('SELECT quarter FROM quarters ORDER BY seq')).map((r) => r.quarter);
    const order = (await q<{ category_id: string }>('SELECT category_id FROM categories ORDER BY sort_order')).map((r) => r.category_id);
    process.env[PUBLISHED_DIR_ENV] = out;
    const data = await openPublished(quarter);
    expect(await chordCounts(data, 'overlap', result.manifest.quarters)).toEqual(recountOverlap(activity, result.manifest.quarters));
    expect(await chordCounts(data, 'migration', result.manifest.quarters)).toEqual(recountMigration(activity, quarters, order, result.manifest.quarters));
  }, 120_000);
});
