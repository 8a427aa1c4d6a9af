// runIngest end to end on real git repositories: what lands in the warehouse, that
// clones and exports of the same histories build the same warehouse, that
// incremental runs (new commits, a changed .mailmap, rewritten history) end where a
// fresh ingest ends, and that a run killed half-way recovers to the same result.
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { IngestOptions, IngestSummary } from '../../../scripts/ingest/ingest-run.ts';
import { Staging } from '../../../scripts/ingest/staging.ts';
import { removeTmp } from '../../helpers/git-repo.ts';
import {
  buildEcosystem, exportAll, expectSameWarehouse, ingest, P, personLabels, query, type Ecosystem,
} from '../../helpers/registry-fixture.ts';

describe('runIngest: what the warehouse holds', () => {
  let eco: Ecosystem;
  let fromClones: IngestSummary;
  let whClones: string;
  let whExports: string;

  beforeAll(async () => {
    eco = await buildEcosystem();
    whClones = join(eco.root, 'wh-clones');
    whExports = join(eco.root, 'wh-exports');
    fromClones = await ingest(eco, whClones, { clonesDir: eco.clonesDir });
    const exportsDir = join(eco.root, 'exports');
    exportAll(eco, exportsDir);
    await ingest(eco, whExports, { exportsDir });
  });
  afterAll(() => removeTmp(eco.root));

  it('ingests every available repository, names the missing one, and warns about the empty one and the replaced date', () => {
    expect([...fromClones.ingested].sort()).toEqual(['acme/empty', 'acme/engine', 'acme/engine-fork', 'gamma/compiler']);
    expect(fromClones.missing).toEqual(['lost/gone']);
    expect(fromClones.notFound).toEqual([{ repo: 'lost/gone', tried: [join(eco.clonesDir, 'lost__gone'), join(eco.clonesDir, 'lost', 'gone')] }]);
    // e9's author date of 1999 is replaced by its committer date: said once per history holding it.
    const replaced = (repo: string) => ({
      message: 'author date 1999-01-01T00:00:00+00:00 is before 2005-04-01 (git\'s first release); the committer date 2024-08-15T10:00:00+00:00 is used instead',
      location: { file: join(eco.clonesDir, repo), line: expect.any(Number), commit: eco.sha.e9 },
    });
    expect([...fromClones.warnings].sort((a, b) => a.location.file.localeCompare(b.location.file))).toEqual([
      { message: 'empty history: no commits', location: { file: join(eco.clonesDir, 'acme__empty') } },
      replaced('acme__engine'),
      replaced('acme__engine-fork'),
    ]);
    // The fork's clone repeats the engine's ten commits: staged twice, counted once.
    expect(fromClones.commits).toBe(10 + 11 + 3);
    expect(fromClones.build?.file).toBe(join(whClones, 'warehouse.duckdb'));
  });

  it('keeps each commit once, in its home repository: the fork gets only its own', async () => {
    const rows = await query(whClones, 'SELECT repo, category_id, list(sha ORDER BY sha) AS shas FROM commits GROUP BY ALL ORDER BY repo');
    const { sha } = eco;
    expect(rows).toEqual([
      { repo: 'acme/engine', category_id: 'llm-serving', shas: [sha.e1, sha.e2, sha.e3, sha.e4, sha.em, sha.e5, sha.e6, sha.e7, sha.e8, sha.e9].sort() },
      { repo: 'acme/engine-fork', category_id: 'llm-serving', shas: [sha.f1] },
      { repo: 'gamma/compiler', category_id: 'ml-compilers', shas: [sha.g1, sha.g2, sha.g3].sort() },
    ]);
  });

  it('marks merges, bots, agent-assisted commits and fallback dates', async () => {
    const rows = await query(whClones, `SELECT sha, is_merge, is_bot, agent_assisted, date_flag, strftime(ts, '%Y-%m-%d %H:%M:%S') AS ts, quarter, week::INTEGER AS week FROM commits`);
    const by = new Map(rows.map((r) => [r.sha as string, r]));
    const { sha } = eco;
    const flagged = (key: 'is_merge' | 'is_bot' | 'agent_assisted'): string[] => rows.filter((r) => r[key]).map((r) => r.sha as string).sort();
    expect(flagged('is_merge')).toEqual([sha.em]);
    expect(flagged('is_bot')).toEqual([sha.e2, sha.g3].sort());
    expect(flagged('agent_assisted')).toEqual([sha.e3, sha.e5, sha.g2].sort());
    expect(by.get(sha.e9)).toMatchObject({ date_flag: 'author_before_2005', ts: '2024-08-15 10:00:00', quarter: '2024-q3' });
    // Quarter boundaries are UTC: 23:30 at -02:00 on 30 June is July; 05:00 at +14:00 on 1 July is June.
    expect(by.get(sha.e6)).toMatchObject({ ts: '2024-07-01 01:30:00', quarter: '2024-q3', week: 0, date_flag: null });
    expect(by.get(sha.e7)).toMatchObject({ ts: '2024-06-30 15:00:00', quarter: '2024-q2', week: 12 });
    const files = await query(whClones, `SELECT files_changed::INTEGER AS f, lines_added::INTEGER AS a FROM commits WHERE sha = '${sha.e8}'`);
    expect(files).toEqual([{ f: 2, a: 1 }]);
  });

  it('credits humans only: no merge, no bot; agents credit the human committer; co-authors share', async () => {
    const labels = await personLabels(whClones);
    const rows = await query(whClones, 'SELECT sha, person_id, weight FROM commit_credits');
    const credits = new Map<string, string[]>();
    for (const r of rows) {
      const who = `${labels.get(Number(r.person_id)) ?? `#${String(r.person_id)}`}:${Number(r.weight).toFixed(3)}`;
      credits.set(r.sha as string, [...(credits.get(r.sha as string) ?? []), who].sort());
    }
    const { sha } = eco;
    expect(Object.fromEntries([...credits].sort())).toEqual(
      Object.fromEntries(
        [
          [sha.e1, ['ann:1.000']],
          [sha.e3, ['bob:1.000']],
          [sha.e4, ['ann:1.000']],
          [sha.e5, ['carol:1.000']],
          [sha.e6, ['dee:1.000']],
          [sha.e7, ['dee:1.000']],
          // "Co-authored-by: Jane Doe" has no address and no Jane Doe is seen in the
          // repository: she is nobody to credit (data/README.md "Credit rules").
          [sha.e8, ['ann:0.500', 'bob:0.500']],
          [sha.e9, ['carol:1.000']],
          [sha.f1, ['eve:1.000']],
          [sha.g1, ['carol:1.000']],
          [sha.g2, ['bob:1.000']],
        ].sort(),
      ),
    );
  });

  it('merges identities: .mailmap, and GitHub noreply id+login with login', async () => {
    const rows = await query(whClones, 'SELECT email, person_id FROM identities');
    const person = (email: string): unknown[] => [...new Set(rows.filter((r) => r.email === email).map((r) => r.person_id))];
    expect(person('ann@acme.io')).toHaveLength(1);
    expect(person('ann.old@gmail.com')).toEqual(person('ann@acme.io'));
    expect(person('12345+deedev@users.noreply.github.com')).toHaveLength(1);
    expect(person('deedev@users.noreply.github.com')).toEqual(person('12345+deedev@users.noreply.github.com'));
    expect(person('bob@beta.io')).not.toEqual(person('ann@acme.io'));
    const people = await query(whClones, `SELECT p.is_bot, p.is_agent FROM people p JOIN identities i USING (person_id) WHERE i.email = '${P.dependabot.email}'`);
    expect(people).toEqual([{ is_bot: true, is_agent: false }]);
  });

  it('builds the registry tables', async () => {
    expect(await query(whClones, 'SELECT category_id, sort_order FROM categories ORDER BY sort_order')).toEqual([
      { category_id: 'llm-serving', sort_order: 1 },
      { category_id: 'ml-compilers', sort_order: 2 },
    ]);
    const repos = await query(whClones, 'SELECT repo, status, upstream, ingested FROM repos ORDER BY repo');
    expect(repos).toEqual([
      { repo: 'acme/empty', status: 'ingested', upstream: null, ingested: true },
      { repo: 'acme/engine', status: 'ingested', upstream: null, ingested: true },
      { repo: 'acme/engine-fork', status: 'ingested', upstream: 'acme/engine', ingested: true },
      { repo: 'gamma/compiler', status: 'ingested', upstream: null, ingested: true },
      { repo: 'lost/gone', status: 'unavailable', upstream: null, ingested: false },
    ]);
  });

  it('builds the same warehouse from the clones and from their exports', async () => {
    await expectSameWarehouse(whExports, whClones);
  });
});

describe('runIngest: incremental runs end where a fresh ingest ends', () => {
  let eco: Ecosystem;
  let wh: string;
  let fresh = 0;

  /** A full ingest of the same sources into a new warehouse. */
  async function freshIngest(source: Pick<IngestOptions, 'clonesDir' | 'exportsDir'>): Promise<string> {
    const dir = join(eco.root, `wh-fresh-${++fresh}`);
    await ingest(eco, dir, source);
    return dir;
  }

  const partsOf = (dir: string, repo: string): string[] => new Staging(dir).readState(repo)!.parts;

  beforeAll(async () => {
    eco = await buildEcosystem();
    wh = join(eco.root, 'wh');
  });
  afterAll(() => removeTmp(eco.root));

  it('clones: a second run finds every repository unchanged and does no work', async () => {
    const first = await ingest(eco, wh, { clonesDir: eco.clonesDir });
    expect(first.ingested).toHaveLength(4);
    const stateFile = join(wh, 'staging', 'acme__engine', 'state.json');
    const before = statSync(stateFile).mtimeMs;
    const second = await ingest(eco, wh, { clonesDir: eco.clonesDir });
    expect(second.ingested).toEqual([]);
    expect([...second.unchanged].sort()).toEqual(['acme/empty', 'acme/engine', 'acme/engine-fork', 'gamma/compiler']);
    expect(second.commits).toBe(0);
    expect(statSync(stateFile).mtimeMs).toBe(before);
    // Nothing the warehouse is built from changed, so it is not rebuilt either.
    expect(first.build).not.toBeNull();
    expect(second.build).toBeNull();
  });

  it('clones: new commits are staged as a second part, and only they', async () => {
    const e10 = eco.engine.commit({ author: P.bob, date: '2024-08-20T10:00:00+00:00', message: 'More', files: { 'src/more.py': 'm\n' } });
    const e11 = eco.engine.commit({ author: P.carol, date: '2024-08-21T10:00:00+00:00', message: 'Even more', files: { 'src/more.py': 'mm\n' } });
    const run = await ingest(eco, wh, { clonesDir: eco.clonesDir });
    expect(run.ingested).toEqual(['acme/engine']);
    expect(run.commits).toBe(2);
    expect(partsOf(wh, 'acme/engine')).toEqual(['part-0001', 'part-0002']);
    const staged = await stagedShas(wh, 'acme/engine', 'part-0002');
    expect(staged).toEqual([e10, e11].sort());
    await expectSameWarehouse(wh, await freshIngest({ clonesDir: eco.clonesDir }));
  });

  it('clones: a changed .mailmap re-reads the whole history', async () => {
    eco.engine.commit({
      author: P.ann, date: '2024-08-22T10:00:00+00:00', message: 'Map Bob',
      files: { '.mailmap': 'Ann Author <ann@acme.io> <ann.old@gmail.com>\nRobert Beta <bob@beta.io> Bob Beta <bob@beta.io>\n' },
    });
    await ingest(eco, wh, { clonesDir: eco.clonesDir });
    expect(partsOf(wh, 'acme/engine')).toHaveLength(1);
    const names = await query(wh, `SELECT author_name_mm FROM raw_commits WHERE sha = '${eco.sha.e3}' AND repo = 'acme/engine'`);
    expect(names).toEqual([{ author_name_mm: 'Robert Beta' }]);
    await expectSameWarehouse(wh, await freshIngest({ clonesDir: eco.clonesDir }));
  });

  it('clones: rewritten history (reset, amend) is ingested again from scratch', async () => {
    const gone = eco.engine.head();
    eco.engine.git(['reset', '-q', '--hard', 'HEAD~2']);
    const amended = eco.engine.amend({ author: P.bob, date: '2024-08-20T11:00:00+00:00', message: 'More, amended', files: { 'src/more.py': 'amended\n' } });
    const run = await ingest(eco, wh, { clonesDir: eco.clonesDir });
    expect(run.ingested).toEqual(['acme/engine']);
    expect(partsOf(wh, 'acme/engine')).toHaveLength(1);
    const shas = (await query(wh, "SELECT sha FROM commits WHERE repo = 'acme/engine'")).map((r) => r.sha);
    expect(shas).toContain(amended);
    expect(shas).not.toContain(gone);
    await expectSameWarehouse(wh, await freshIngest({ clonesDir: eco.clonesDir }));
  });

  it('exports: unchanged, appended, re-mapped and rewritten exports all end as a fresh ingest', async () => {
    const exportsDir = join(eco.root, 'exports');
    const whx = join(eco.root, 'whx');
    exportAll(eco, exportsDir);
    await ingest(eco, whx, { exportsDir });
    const again = await ingest(eco, whx, { exportsDir });
    expect(again.ingested).toEqual([]);
    expect(again.unchanged).toHaveLength(4);

    const file = join(exportsDir, 'acme__engine.gitlog.gz');
    const added = eco.engine.commit({ author: P.carol, date: '2024-08-25T10:00:00+00:00', message: 'Appended', files: { 'src/appended.py': 'a\n' } });
    eco.engine.exportTo(file);
    const appended = await ingest(eco, whx, { exportsDir });
    expect(appended.ingested).toEqual(['acme/engine']);
    expect(appended.commits).toBe(1);
    expect(partsOf(whx, 'acme/engine')).toEqual(['part-0001', 'part-0002']);
    expect(await stagedShas(whx, 'acme/engine', 'part-0002')).toEqual([added]);
    await expectSameWarehouse(whx, await freshIngest({ exportsDir }));

    eco.engine.commit({
      author: P.ann, date: '2024-08-26T10:00:00+00:00', message: 'Map Carol',
      files: { '.mailmap': 'Ann Author <ann@acme.io> <ann.old@gmail.com>\nCarol G. <carol@gamma.io> Carol Gamma <carol@gamma.io>\n' },
    });
    eco.engine.exportTo(file);
    await ingest(eco, whx, { exportsDir });
    expect(partsOf(whx, 'acme/engine')).toHaveLength(1);
    await expectSameWarehouse(whx, await freshIngest({ exportsDir }));

    eco.engine.git(['reset', '-q', '--hard', 'HEAD~3']);
    eco.engine.amend({ author: P.bob, date: '2024-08-27T10:00:00+00:00', message: 'Rewritten', files: { 'src/rewritten.py': 'r\n' } });
    eco.engine.exportTo(file);
    await ingest(eco, whx, { exportsDir });
    expect(partsOf(whx, 'acme/engine')).toHaveLength(1);
    await expectSameWarehouse(whx, await freshIngest({ exportsDir }));
    expect(readdirSync(join(whx, 'staging', '.tmp'))).toEqual([]);
  });
});

async function stagedShas(warehouseDir: string, repo: string, part: string): Promise<string[]> {
  const file = join(new Staging(warehouseDir).repoDir(repo), part, 'commits.parquet');
  const db = await DuckDBInstance.create(':memory:');
  const conn = await db.connect();
  try {
    const rows = (await conn.runAndReadAll(`SELECT sha FROM read_parquet('${file}') ORDER BY sha`)).getRowObjectsJS();
    return rows.map((r) => String(r.sha));
  } finally {
    conn.closeSync();
    db.closeSync();
  }
}

