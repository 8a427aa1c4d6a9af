// Registry truth: a history that ends long before the dataset, after a busy stretch,
// is either a move / stale copy (tracked_until) or a project that stopped (a note
// starting with "dormant:"). Until the registry says which, every ingest warns,
// naming the repository, its last commit, the gap and the registry line to edit.
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runIngest, type IngestSummary } from '../../../scripts/ingest/ingest-run.ts';
import { markedDormant } from '../../../scripts/registry/stale-history.ts';
import { GitRepo, makeTmp, removeTmp } from '../../helpers/git-repo.ts';
import { loadRegistryFixture, NOW, P, quiet, writeRegistryFixture, type FixtureRepo } from '../../helpers/registry-fixture.ts';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));

/** Commit dates (UTC noon) of each test history; the dataset ends 2024-09-30. */
const HISTORIES: Record<string, string[]> = {
  'acme/live': ['2023-10-02', '2024-03-01', '2024-09-30'],
  // Busy in 2023-q4 and 2024-q1, last commit 2024-04-10 (173 days before the end).
  'acme/moved': ['2023-11-01', '2024-02-01', '2024-04-10'],
  'acme/mentions-dormant': ['2023-11-01', '2024-02-01', '2024-04-10'],
  'acme/until': ['2023-11-01', '2024-02-01', '2024-04-10'],
  'acme/dormant': ['2023-11-01', '2024-02-01', '2024-04-10'],
  // Nothing in 2024-q1: it trickled out, it was not active before its end.
  'acme/trickle': ['2023-05-01', '2023-11-01', '2024-04-10'],
  // 76 days before the end: still within the window.
  'acme/recent': ['2024-01-10', '2024-04-10', '2024-07-16'],
};

const REPOS: FixtureRepo[] = [
  { repo: 'acme/live', category: 'llm-serving' },
  { repo: 'acme/moved', category: 'llm-serving' },
  { repo: 'acme/mentions-dormant', category: 'llm-serving', note: 'not dormant: the copy went stale' },
  { repo: 'acme/until', category: 'ml-compilers', trackedUntil: '2024-04-10', note: 'moved into acme/mono' },
  { repo: 'acme/dormant', category: 'ml-compilers', note: 'dormant: archived by its owners in 2024-04' },
  { repo: 'acme/trickle', category: 'ml-compilers' },
  { repo: 'acme/recent', category: 'ml-compilers' },
  { repo: 'lost/gone', category: 'ml-compilers', status: 'unavailable' },
];

describe('stale histories', () => {
  let root: string;
  let clonesDir: string;
  let registryDir: string;
  let first: IngestSummary;

  const ingest = async (repos: FixtureRepo[], warehouse = 'wh'): Promise<IngestSummary> => {
    const registry = await loadRegistryFixture(writeRegistryFixture(registryDir, repos));
    const s = await runIngest({ registry, warehouseDir: join(root, warehouse), clonesDir, nowMs: NOW, concurrency: 2, progress: quiet(), build: false });
    expect(s.failed).toEqual([]);
    return s;
  };

  beforeAll(async () => {
    root = makeTmp('ds-stale-');
    clonesDir = join(root, 'clones');
    registryDir = join(root, 'registry');
    for (const [repo, dates] of Object.entries(HISTORIES)) {
      const git = GitRepo.init(join(clonesDir, repo.replace('/', '__')));
      dates.forEach((d, i) => git.commit({ author: P.ann, date: `${d}T12:00:00+00:00`, message: `Change ${i}`, files: { 'src/a.py': `${i}\n` } }));
    }
    first = await ingest(REPOS);
  });
  afterAll(() => removeTmp(root));

  it('warns about an active history that ends over 90 days early and that the registry does not explain', () => {
    expect(first.stale.map((s) => s.repo)).toEqual(['acme/mentions-dormant', 'acme/moved']);
    expect(first.stale[1]).toEqual({
      repo: 'acme/moved', line: 3, lastDay: '2024-04-10', endDay: '2024-09-30', days: 173, activeQuarters: ['2023-q4', '2024-q1'],
    });
  });

  it('says what to do, on which line, through the ingest warnings (first, and counted)', () => {
    const reposCsv = join(registryDir, 'tracked-repos.csv');
    expect(first.warnings.slice(0, 2).map((w) => w.location)).toEqual([
      { file: reposCsv, line: 4 },
      { file: reposCsv, line: 3 },
    ]);
    const message = first.warnings[1]!.message;
    expect(message).toMatch(/^acme\/moved: last commit 2024-04-10, 173 days before the dataset's end \(2024-09-30\), after commits in 2023-q4 and 2024-q1/);
    expect(message).toContain('set tracked_until to 2024-04-10 on line 3 of ');
    expect(message).toContain('tracked-repos.csv');
    expect(message).toContain('"dormant:"');
    expect(first.warningCount).toBe(2);
  });

  it('warns again on a run with nothing to ingest, and stops once the registry explains each case', async () => {
    const again = await ingest(REPOS);
    expect(again.ingested).toEqual([]);
    expect(again.stale.map((s) => s.repo)).toEqual(['acme/mentions-dormant', 'acme/moved']);
    const curated = REPOS.map((r) =>
      r.repo === 'acme/moved' ? { ...r, trackedUntil: '2024-04-10', note: 'moved into acme/mono' }
        : r.repo === 'acme/mentions-dormant' ? { ...r, note: 'dormant: wound down in 2024-04' }
          : r,
    );
    const quiet = await ingest(curated);
    expect(quiet.stale).toEqual([]);
    expect(quiet.warnings).toEqual([]);
  });

  it('prints one clear line per stale history from the command line', () => {
    const reposCsv = join(registryDir, 'tracked-repos.csv');
    writeRegistryFixture(registryDir, REPOS);
    const run = spawnSync(
      'node',
      ['scripts/ingest.ts', '--registry', registryDir, '--clones', clonesDir, '--warehouse', join(root, 'wh-cli'), '--no-build'],
      { cwd: ROOT, encoding: 'utf8', env: { ...process.env, PATH: `${join(ROOT, 'node_modules', '.bin')}:${process.env.PATH ?? ''}` } },
    );
    expect(run.status, run.stderr).toBe(0);
    const lines = run.stderr.split('\n').filter((l) => l.includes('⚠'));
    expect(lines).toHaveLength(2);
    expect(lines[1]).toContain(`⚠ ${reposCsv}:3: acme/moved: last commit 2024-04-10, 173 days before the dataset's end`);
  });
});

describe('the dormant mark', () => {
  it('is the note\'s first word, followed by a colon', () => {
    expect(markedDormant('dormant: archived 2024-03')).toBe(true);
    expect(markedDormant('Dormant : maintainers moved on')).toBe(true);
    expect(markedDormant('no commits after 2024-06; dormant since')).toBe(false);
    expect(markedDormant('not dormant')).toBe(false);
    expect(markedDormant('dormant since 2024')).toBe(false);
    expect(markedDormant('')).toBe(false);
  });
});
