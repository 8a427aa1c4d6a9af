// Clones that lack some file contents: partial clones (`--filter=blob:limit=1k`, the
// usual way to clone a large ML repository) whose remote is gone, and mirrors with a
// lost object. git log --numstat dies on them; the ingest reads them whole, with `-`
// counts for the files whose contents are absent, and one warning per repository.
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runIngest, type IngestSummary } from '../../../scripts/ingest/ingest-run.ts';
import { GitRepo, makeTmp, removeTmp } from '../../helpers/git-repo.ts';
import { loadRegistryFixture, NOW, query, quiet, writeRegistryFixture } from '../../helpers/registry-fixture.ts';

const ann = { name: 'Ann A.', email: 'ann.old@gmail.com' };
const bob = { name: 'Bob Beta', email: 'bob@beta.io' };
const ISOLATED = { ...process.env, GIT_CONFIG_GLOBAL: '/dev/null', GIT_CONFIG_NOSYSTEM: '1' };

/** Text larger than the 1 KiB filter, different for each `seed`. */
const big = (seed: number): string => Array.from({ length: 80 }, (_, i) => `weights row ${seed} ${i} ${'x'.repeat(20)}`).join('\n') + '\n';

describe('clones with absent blobs', () => {
  let root: string;
  let clones: string;
  let full: string;
  let summary: IngestSummary;
  let fullSummary: IngestSummary;
  const sha: string[] = [];

  beforeAll(async () => {
    root = makeTmp('ds-absent-');
    const src = GitRepo.init(join(root, 'src'));
    sha.push(src.commit({ author: ann, date: '2024-07-01T10:00:00+00:00', message: 'Add a model', files: { 'model/weights.txt': big(1), 'src/a.py': 'a\n' } }));
    sha.push(src.commit({ author: bob, date: '2024-07-02T10:00:00+00:00', message: 'Retrain', files: { 'model/weights.txt': big(2), 'src/a.py': 'a\nb\n' } }));
    sha.push(src.commit({
      author: ann, date: '2024-07-03T10:00:00+00:00', message: 'Retrain again',
      files: { 'model/weights.txt': big(3), 'src/b.py': 'b\n', '.mailmap': 'Ann Author <ann@acme.io> <ann.old@gmail.com>\n' },
    }));
    sha.push(src.commit({ author: bob, date: '2024-07-04T10:00:00+00:00', message: 'Small fix', files: { 'src/b.py': 'b\nc\n' } }));
    src.git(['config', 'uploadpack.allowFilter', 'true']);
    clones = join(root, 'clones');
    // Over file:// (a local path would hard-link everything), then the source goes away:
    // nothing can fetch the absent blobs any more, as for a mirror whose remote is gone.
    execFileSync('git', ['clone', '-q', '--filter=blob:limit=1k', `file://${src.dir}`, join(clones, 'acme__model')], { env: ISOLATED, stdio: 'ignore' });
    full = join(root, 'full');
    execFileSync('git', ['clone', '-q', '--no-local', src.dir, join(full, 'acme__model')], { env: ISOLATED, stdio: 'ignore' });
    // A mirror that lost one object: the first version of src/a.py.
    execFileSync('git', ['clone', '-q', '--no-local', src.dir, join(clones, 'acme__damaged')], { env: ISOLATED, stdio: 'ignore' });
    execFileSync('git', ['clone', '-q', '--no-local', src.dir, join(full, 'acme__damaged')], { env: ISOLATED, stdio: 'ignore' });
    const damaged = GitRepo.open(join(clones, 'acme__damaged'));
    const lost = damaged.git(['rev-parse', `${sha[0]}:src/a.py`]);
    rmSync(src.dir, { recursive: true, force: true });
    explode(join(clones, 'acme__damaged'));
    rmSync(join(clones, 'acme__damaged', '.git', 'objects', lost.slice(0, 2), lost.slice(2)));

    const files = writeRegistryFixture(join(root, 'registry'), [
      { repo: 'acme/model', category: 'llm-serving' },
      { repo: 'acme/damaged', category: 'llm-serving' },
    ]);
    const registry = await loadRegistryFixture(files);
    summary = await runIngest({ registry, warehouseDir: join(root, 'wh'), clonesDir: clones, nowMs: NOW, concurrency: 2, progress: quiet() });
    fullSummary = await runIngest({ registry, warehouseDir: join(root, 'wh-full'), clonesDir: full, nowMs: NOW, concurrency: 2, progress: quiet() });
  }, 60_000);
  afterAll(() => removeTmp(root));

  it('git log itself cannot read them', () => {
    expect(() => execFileSync('git', ['-C', join(clones, 'acme__model'), 'log', '--numstat', 'HEAD'], { env: ISOLATED, stdio: 'pipe' })).toThrow(
      /could not fetch [0-9a-f]{40} from promisor remote|unable to read/,
    );
    expect(() => execFileSync('git', ['-C', join(clones, 'acme__damaged'), 'log', '--numstat', 'HEAD'], { env: ISOLATED, stdio: 'pipe' })).toThrow(/unable to read/);
  });

  it('ingests every commit, with one warning per repository naming how many blobs are absent', () => {
    expect(summary.failed, JSON.stringify(summary.failed)).toEqual([]);
    expect([...summary.ingested].sort()).toEqual(['acme/damaged', 'acme/model']);
    expect(summary.commits).toBe(8);
    const absent = summary.warnings.filter((w) => /absent/.test(w.message)).sort((a, b) => a.location.file.localeCompare(b.location.file));
    const message = (n: number): string =>
      `${n} ${n === 1 ? 'blob is' : 'blobs are'} absent from this clone (a partial clone, or a damaged mirror): ` +
      'the changes to those file versions have no line counts (-, as git gives for binary files)';
    expect(absent).toEqual([
      { message: message(1), location: { file: join(clones, 'acme__damaged') } },
      // weights.txt versions 1 and 2: the checkout fetched only the last one.
      { message: message(2), location: { file: join(clones, 'acme__model') } },
    ]);
  });

  it('counts - for exactly the absent contents, and everything else as a full clone does', async () => {
    const cols = 'sha, author_name, author_email, author_name_mm, author_email_mm, committer_date, subject, files_changed, binary_files, lines_added, lines_deleted';
    const of = async (wh: string, repo: string) => query(join(root, wh), `SELECT ${cols} FROM raw_commits WHERE repo = '${repo}' ORDER BY sha`);
    const model = await of('wh', 'acme/model');
    const modelFull = await of('wh-full', 'acme/model');
    // The clone's .mailmap still applies: Ann's old address reads as Ann Author.
    expect(model.map((r) => r.author_name_mm)).toEqual(modelFull.map((r) => r.author_name_mm));
    expect(model.filter((r) => r.author_email === ann.email).map((r) => r.author_name_mm)).toEqual(['Ann Author', 'Ann Author']);
    const bySha = (rows: Record<string, unknown>[]) => new Map(rows.map((r) => [r.sha as string, r]));
    const m = bySha(model);
    const f = bySha(modelFull);
    // weights.txt: version 1 absent (commits 1 and 2 touch it), version 2 absent (commits 2 and 3).
    expect(m.get(sha[0]!)).toMatchObject({ ...f.get(sha[0]!), binary_files: 1, lines_added: 1 });
    expect(m.get(sha[1]!)).toMatchObject({ ...f.get(sha[1]!), binary_files: 1, lines_added: 1, lines_deleted: 0 });
    expect(m.get(sha[2]!)).toMatchObject({ ...f.get(sha[2]!), binary_files: 1, lines_added: 2, lines_deleted: 0 });
    expect(m.get(sha[3]!)).toEqual(f.get(sha[3]!));
    const damaged = bySha(await of('wh', 'acme/damaged'));
    const damagedFull = bySha(await of('wh-full', 'acme/damaged'));
    // The lost first version of src/a.py: its add (commit 1) and its change (commit 2) lose their counts.
    expect(damaged.get(sha[0]!)).toMatchObject({ binary_files: 1, lines_added: 80 });
    expect(damaged.get(sha[1]!)).toMatchObject({ binary_files: 1, lines_added: 80, lines_deleted: 80 });
    for (const s of [sha[2]!, sha[3]!]) expect(damaged.get(s)).toEqual(damagedFull.get(s));
  });

  it('leaves nothing behind, and nothing in the clone', () => {
    expect(readdirSync(join(root, 'wh', 'staging', '.tmp'))).toEqual([]);
    expect(existsSync(join(clones, 'acme__model', '.git', 'refs', 'replace'))).toBe(false);
    expect(GitRepo.open(join(clones, 'acme__model')).git(['for-each-ref', 'refs/replace/'])).toBe('');
    expect(fullSummary.failed).toEqual([]);
  });
});

/** Unpacks a clone's packs into loose objects, so one object can be removed. */
function explode(dir: string): void {
  const packDir = join(dir, '.git', 'objects', 'pack');
  for (const pack of readdirSync(packDir).filter((f) => f.endsWith('.pack'))) {
    const moved = join(dir, '.git', pack);
    execFileSync('mv', [join(packDir, pack), moved]);
    rmSync(join(packDir, pack.replace(/\.pack$/, '.idx')));
    execFileSync('sh', ['-c', `git -C "${dir}" unpack-objects -q < "${moved}"`], { env: ISOLATED });
    rmSync(moved);
  }
}
