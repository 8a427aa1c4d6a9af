// The staging area: parts and state files that survive a kill at any instant (down
// to `node scripts/ingest.ts` killed with SIGKILL half-way), and the text → Parquet
// conversion that must carry every field through unchanged.
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { csvPartToParquet, fileFingerprint, repoSlug, Staging, type RepoState } from '../../../scripts/ingest/staging.ts';
import { sqlString } from '../../../src/lib/sql-literal.ts';
import { commitRows } from '../../../scripts/ingest/staging-rows.ts';
import { ingestRepo } from '../../../scripts/ingest/ingest-repo.ts';
import type { RawCommit } from '../../../scripts/common/types.ts';
import { GitRepo, makeTmp, removeTmp } from '../../helpers/git-repo.ts';
import { buildEcosystem, expectSameWarehouse, NOW, type Ecosystem } from '../../helpers/registry-fixture.ts';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));

let tmp: string;
let db: DuckDBInstance;
let conn: DuckDBConnection;

beforeAll(async () => {
  tmp = makeTmp();
  db = await DuckDBInstance.create(':memory:');
  conn = await db.connect();
});
afterAll(() => {
  conn.closeSync();
  db.closeSync();
  removeTmp(tmp);
});

function state(repo: string, over: Partial<RepoState> = {}): RepoState {
  return { repo, engineVersion: 'test', source: { kind: 'export', path: '/x' }, fingerprint: 'f', head: 'h', commits: 1, parts: [], ...over };
}

/** A finished part as a worker leaves it, ready to be moved into place. */
function tmpPart(staging: Staging, repo: string, marker: string): string {
  const dir = staging.newTmpDir(repo);
  writeFileSync(join(dir, 'commits.parquet'), marker);
  return dir;
}

describe('Staging', () => {
  it('appends parts, replaces them, and lists states in name order', () => {
    const staging = new Staging(join(tmp, 'wh1'));
    const a = staging.commitPart(state('acme/engine'), tmpPart(staging, 'acme/engine', 'one'), true);
    expect(a.parts).toEqual(['part-0001']);
    const b = staging.commitPart(state('acme/engine'), tmpPart(staging, 'acme/engine', 'two'), false);
    expect(b.parts).toEqual(['part-0001', 'part-0002']);
    expect(staging.partFiles(b, 'commits').map((f) => readFileSync(f, 'utf8'))).toEqual(['one', 'two']);
    // A replacement takes a fresh name: the old parts stay whole until the new state names it.
    const c = staging.commitPart(state('acme/engine'), tmpPart(staging, 'acme/engine', 'three'), true);
    expect(c.parts).toEqual(['part-0003']);
    expect(readFileSync(staging.partFiles(c, 'commits')[0]!, 'utf8')).toBe('three');
    expect(readdirSync(staging.repoDir('acme/engine')).sort()).toEqual(['part-0003', 'state.json']);
    // No new part: the state alone moves (an incremental run that found nothing new).
    const d = staging.commitPart(state('acme/engine', { head: 'h2' }), null, false);
    expect(d).toMatchObject({ head: 'h2', parts: ['part-0003'] });
    staging.commitPart(state('beta/other'), tmpPart(staging, 'beta/other', 'x'), true);
    expect(staging.states().map((s) => s.repo)).toEqual(['acme/engine', 'beta/other']);
    expect(staging.readState('acme/engine')).toEqual(d);
  });

  it('recovers from a kill at any step: temp folders and unlisted parts go, listed parts stay', () => {
    const staging = new Staging(join(tmp, 'wh2'));
    staging.commitPart(state('acme/engine'), tmpPart(staging, 'acme/engine', 'kept'), true);
    const dir = staging.repoDir('acme/engine');
    // Killed while a worker was writing, after a part was moved in but before the
    // state named it, and while the new state was being written.
    tmpPart(staging, 'acme/engine', 'half-written');
    mkdirSync(join(dir, 'part-0002'));
    writeFileSync(join(dir, 'state.json.tmp'), '{"half": ');
    // A repository killed before its first state was committed.
    mkdirSync(join(staging.repoDir('gamma/new'), 'part-0001'), { recursive: true });
    staging.recover();
    expect(existsSync(staging.tmpRoot)).toBe(false);
    expect(readdirSync(dir).sort()).toEqual(['part-0001', 'state.json']);
    expect(readdirSync(staging.repoDir('gamma/new'))).toEqual([]);
    expect(staging.states().map((s) => [s.repo, s.parts])).toEqual([['acme/engine', ['part-0001']]]);
    // A new part after recovery does not collide with the removed one.
    expect(staging.commitPart(state('acme/engine'), tmpPart(staging, 'acme/engine', 'next'), false).parts).toEqual(['part-0001', 'part-0002']);
  });

  it('treats an unreadable state as no state (the repository is ingested again)', () => {
    const staging = new Staging(join(tmp, 'wh3'));
    mkdirSync(staging.repoDir('acme/engine'), { recursive: true });
    writeFileSync(join(staging.repoDir('acme/engine'), 'state.json'), '{ not json');
    expect(staging.readState('acme/engine')).toBeNull();
    expect(staging.states()).toEqual([]);
  });

  it('names folders OWNER__NAME, names with underscores included', () => {
    expect(repoSlug('acme/my__repo')).toBe('acme__my__repo');
    const staging = new Staging(join(tmp, 'wh4'));
    staging.commitPart(state('acme/my__repo'), tmpPart(staging, 'acme/my__repo', 'x'), true);
    expect(staging.states().map((s) => s.repo)).toEqual(['acme/my__repo']);
  });
});

describe('csvPartToParquet', () => {
  const commit = (over: Partial<RawCommit>): RawCommit => ({
    sha: 'a'.repeat(40),
    parents: ['b'.repeat(40)],
    author: { name: 'Ann', email: 'ann@acme.io' },
    authorMailmapped: { name: 'Ann Author', email: 'ann@acme.io' },
    authorDate: '2024-07-01T05:00:00+14:00',
    committer: { name: 'Cy', email: 'cy@acme.io' },
    committerDate: '2024-07-01T05:00:00+14:00',
    subject: 'subject',
    coAuthors: [],
    files: [],
    ...over,
  });

  it('carries every field through, odd text included', async () => {
    const dir = join(tmp, 'part');
    mkdirSync(dir);
    const commits = [
      commit({
        subject: 'quotes " and \' and a back\\slash, a tab\there, ünïcode ✓',
        author: { name: '', email: '' },
        authorMailmapped: { name: '', email: '' },
        coAuthors: [{ name: 'Jane Doe', email: '' }, { name: 'P, Q', email: 'p@q.io' }],
        files: [
          { path: 'src/a b.py', added: 3, deleted: 1 },
          { path: 'tests/test_a.py', added: 2, deleted: 0 },
          { path: 'img/logo.png', added: null, deleted: null },
        ],
      }),
      commit({ sha: 'c'.repeat(40), parents: ['1'.repeat(40), '2'.repeat(40)], subject: '\\N', authorDate: '1999-01-01T00:00:00+00:00', committerDate: '2001-01-01T00:00:00+00:00' }),
    ];
    let commitsCsv = '';
    let coauthorsCsv = '';
    const warnings: string[] = [];
    for (const c of commits) {
      const rows = commitRows(c, NOW, (w) => warnings.push(`${w.commit} ${w.message}`));
      commitsCsv += rows.commitLine;
      coauthorsCsv += rows.coauthorLines;
    }
    writeFileSync(join(dir, 'commits.csv'), commitsCsv);
    writeFileSync(join(dir, 'coauthors.csv'), coauthorsCsv);
    await csvPartToParquet(conn, dir, 'acme/engine');
    expect(readdirSync(dir).sort()).toEqual(['coauthors.parquet', 'commits.parquet']);
    const rows = (
      await conn.runAndReadAll(
        `SELECT repo, sha, parent_count, author_name, author_email, subject, strftime(ts, '%Y-%m-%d %H:%M:%S') AS ts, date_flag, work_kind,
                files_changed, lines_added, lines_deleted, test_lines, src_lines, test_files, src_files, binary_files
         FROM read_parquet(${sqlString(join(dir, 'commits.parquet'))}) ORDER BY sha`,
      )
    ).getRowObjectsJS();
    expect(rows[0]).toMatchObject({
      repo: 'acme/engine',
      parent_count: 1,
      author_name: '',
      author_email: '',
      subject: commits[0]!.subject,
      ts: '2024-06-30 15:00:00',
      date_flag: null,
      files_changed: 3,
      lines_added: 5,
      lines_deleted: 1,
      test_lines: 2,
      src_lines: 4,
      test_files: 1,
      src_files: 1,
      binary_files: 1,
    });
    // Both dates before git existed: kept, with no instant, and warned about.
    expect(rows[1]).toMatchObject({ parent_count: 2, ts: null, date_flag: 'bogus_date', work_kind: 'merge' });
    expect(warnings).toEqual([`${'c'.repeat(40)} no usable date (before 2005-04-01): author 1999-01-01T00:00:00+00:00, committer 2001-01-01T00:00:00+00:00; left out of quarterly figures`]);
    const co = (await conn.runAndReadAll(`SELECT name, email FROM read_parquet(${sqlString(join(dir, 'coauthors.parquet'))}) ORDER BY name`)).getRowObjectsJS();
    expect(co).toEqual([
      { name: 'Jane Doe', email: '' },
      { name: 'P, Q', email: 'p@q.io' },
    ]);
  });
});

describe('ingestRepo on an export, incrementally', () => {
  const ann = { name: 'Ann', email: 'ann@acme.io' };
  let repo: GitRepo;
  let file: string;
  const sha: string[] = [];

  beforeAll(() => {
    repo = GitRepo.init(join(tmp, 'src-repo'));
    for (let i = 0; i < 3; i++) sha.push(repo.commit({ author: ann, date: `2024-01-0${i + 1}T00:00:00+00:00`, files: { 'f.txt': `${i}\n` } }));
    file = join(tmp, 'exports', 'acme__src.gitlog.gz');
    repo.exportTo(file);
  });

  const authors = (n: number): string[] => Array.from({ length: n }, () => `Ann\x1fann@acme.io`);

  it('writes only unseen commits and knows the old head was reached', async () => {
    const out = join(tmp, 'inc-1');
    const r = await ingestRepo({ repo: 'acme/src', source: { kind: 'export', path: file }, outDir: out, nowMs: NOW, previous: { head: sha[1]!, shas: sha.slice(0, 2), authors: authors(2) } });
    expect(r).toMatchObject({ commits: 1, head: sha[2], reachedStop: true, staleAuthors: false });
    expect(readFileSync(join(out, 'commits.csv'), 'utf8').split('\n').filter(Boolean).map((l) => l.slice(0, 40))).toEqual([sha[2]]);
  });

  it('says when the old head is gone (history rewritten)', async () => {
    const r = await ingestRepo({ repo: 'acme/src', source: { kind: 'export', path: file }, outDir: join(tmp, 'inc-2'), nowMs: NOW, previous: { head: 'f'.repeat(40), shas: ['f'.repeat(40)], authors: authors(1) } });
    expect(r).toMatchObject({ commits: 3, reachedStop: false });
  });

  it('says when a staged commit now maps to another author (.mailmap changed)', async () => {
    const r = await ingestRepo({
      repo: 'acme/src', source: { kind: 'export', path: file }, outDir: join(tmp, 'inc-3'), nowMs: NOW,
      previous: { head: sha[2]!, shas: sha, authors: ['Ann\x1fann@acme.io', 'Someone Else\x1fann@acme.io', 'Ann\x1fann@acme.io'] },
    });
    expect(r).toMatchObject({ commits: 0, reachedStop: true, staleAuthors: true });
  });

  it('fingerprints an export by its bytes', () => {
    const copy = join(tmp, 'copy.gitlog.gz');
    writeFileSync(copy, readFileSync(file));
    expect(fileFingerprint(copy)).toBe(fileFingerprint(file));
    expect(fileFingerprint(copy)).toMatch(/^[0-9a-f]{64}$/);
  });
});

describe('scripts/ingest.ts killed half-way', () => {
  let eco: Ecosystem;
  beforeAll(async () => {
    eco = await buildEcosystem(4);
  });
  afterAll(() => removeTmp(eco.root));

  const cli = (warehouseDir: string): string[] => [
    'scripts/ingest.ts', '--registry', eco.registryFiles.dir, '--clones', eco.clonesDir, '--warehouse', warehouseDir, '--jobs', '1',
  ];
  const env = { ...process.env, PATH: `${join(ROOT, 'node_modules', '.bin')}:${process.env.PATH ?? ''}` };

  async function runToEnd(warehouseDir: string): Promise<string> {
    return new Promise((resolve, reject) => {
      const child = spawn('node', cli(warehouseDir), { cwd: ROOT, env, stdio: ['ignore', 'ignore', 'pipe'] });
      let err = '';
      child.stderr.setEncoding('utf8').on('data', (d: string) => (err += d));
      child.on('error', reject);
      child.on('close', (code) => (code === 0 ? resolve(err) : reject(new Error(`ingest exited ${code}:\n${err}`))));
    });
  }

  it('recovers to exactly the warehouse of a clean run', async () => {
    const killed = join(eco.root, 'wh-killed');
    const staging = join(killed, 'staging');
    const child = spawn('node', cli(killed), { cwd: ROOT, env, stdio: ['ignore', 'ignore', 'ignore'] });
    const exited = new Promise<void>((resolve) => child.on('close', () => resolve()));
    let warehouseAtKill = true;
    let states = 0;
    // Kill as soon as the first repository's state is committed, whichever it is.
    await new Promise<void>((resolve, reject) => {
      const started = Date.now();
      const poll = (): void => {
        if (existsSync(staging)) {
          states = readdirSync(staging).filter((d) => existsSync(join(staging, d, 'state.json'))).length;
        }
        if (states > 0) {
          warehouseAtKill = existsSync(join(killed, 'warehouse.duckdb'));
          child.kill('SIGKILL');
          resolve();
        } else if (Date.now() - started > 20_000) reject(new Error('no state.json appeared within 20 s'));
        else setTimeout(poll, 2);
      };
      poll();
    });
    await exited;
    expect(child.signalCode).toBe('SIGKILL');
    // Killed mid-run: some repositories staged, none built.
    expect(warehouseAtKill).toBe(false);
    expect(states).toBeLessThan(eco.registry.repos.length - 1);

    const log = await runToEnd(killed);
    expect(log).toMatch(/Ingested \d+ repositories/);
    const clean = join(eco.root, 'wh-clean');
    await runToEnd(clean);
    await expectSameWarehouse(killed, clean);
    expect(readdirSync(join(staging, '.tmp'))).toEqual([]);
    const parts = new Staging(killed).states().map((s) => [s.repo, s.parts]);
    expect(parts).toEqual(new Staging(clean).states().map((s) => [s.repo, s.parts]));
  });
});
