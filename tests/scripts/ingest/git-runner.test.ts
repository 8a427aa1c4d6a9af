// The clone path: `git log` of a live repository through streamGitLog must give the
// very records the documented export command gives once gzipped (one parser, two
// sources), and the odd clones (missing, empty, not a repository) must be named.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GITLOG_FORMAT, GitlogParser } from '../../../scripts/ingest/gitlog-parser.ts';
import { streamGitlogExport } from '../../../scripts/ingest/gitlog-export.ts';
import { gitLogArgs, headOf, isAncestor, streamGitLog } from '../../../scripts/ingest/git-runner.ts';
import { ingestRepo } from '../../../scripts/ingest/ingest-repo.ts';

import { InputError, type RawCommit, type Warning } from '../../../scripts/common/types.ts';
import { DOCUMENTED_FORMAT, GitRepo, makeTmp, removeTmp } from '../../helpers/git-repo.ts';

const ann = { name: 'Ann Author', email: 'ann@acme.io' };
const bob = { name: 'Bøb Beta', email: 'bob@beta.io' };

function collector(file: string): { parser: GitlogParser; commits: RawCommit[]; warnings: Warning[] } {
  const commits: RawCommit[] = [];
  const warnings: Warning[] = [];
  const parser = new GitlogParser({ file, onCommit: (c) => void commits.push(c), onWarning: (w) => warnings.push(w) });
  return { parser, commits, warnings };
}

async function fromClone(dir: string, range = 'HEAD'): Promise<RawCommit[]> {
  const c = collector(dir);
  await streamGitLog(dir, range, (chunk) => {
    c.parser.push(chunk);
    return true;
  });
  c.parser.end();
  expect(c.warnings).toEqual([]);
  return c.commits;
}

async function fromExport(file: string): Promise<RawCommit[]> {
  const c = collector(file);
  await streamGitlogExport(file, (chunk) => {
    c.parser.push(chunk);
    return true;
  });
  c.parser.end();
  expect(c.warnings).toEqual([]);
  return c.commits;
}

describe('streamGitLog', () => {
  let tmp: string;
  let repo: GitRepo;
  const sha = {} as Record<'a' | 'b' | 'c' | 'm', string>;

  beforeAll(() => {
    tmp = makeTmp();
    repo = GitRepo.init(join(tmp, 'acme__engine'));
    sha.a = repo.commit({
      author: ann,
      date: '2024-07-01T05:00:00+14:00',
      message: 'Initial import',
      files: { 'src/main.py': 'print(1)\n', 'docs/read me.md': '# hi\n', 'assets/ü.bin': Buffer.from([0, 1, 2, 255]) },
    });
    repo.checkout('topic', true);
    sha.b = repo.commit({
      author: bob,
      date: '2024-06-30T23:30:00-12:00',
      committerDate: '2024-07-02T00:00:00-12:00',
      message: 'Add tests',
      coAuthors: ['Ann Author <ann@acme.io>', 'Copilot <198982749+Copilot@users.noreply.github.com>'],
      files: { 'tests/test_main.py': 'def test():\n    pass\n', 'src/main.py': 'print(2)\n' },
    });
    repo.checkout('main');
    sha.c = repo.commit({ author: ann, date: '2024-07-03T00:00:00+00:00', files: { '.mailmap': 'Bob Beta <bob@beta.io> Bøb Beta <bob@beta.io>\n' } });
    sha.m = repo.merge('topic', { author: ann, date: '2024-07-04T00:00:00+00:00' });
  });
  afterAll(() => removeTmp(tmp));

  it('asks git for exactly the documented format', () => {
    expect(GITLOG_FORMAT).toBe(DOCUMENTED_FORMAT);
    expect(gitLogArgs('HEAD')).toEqual(['-c', 'core.quotepath=off', 'log', 'HEAD', '--no-renames', '--numstat', `--format=${DOCUMENTED_FORMAT}`]);
  });

  it('gives the same records from the clone as from its gzipped export', async () => {
    const file = join(tmp, 'exports', 'acme__engine.gitlog.gz');
    repo.exportTo(file);
    const live = await fromClone(repo.dir);
    const exported = await fromExport(file);
    expect(live.map((c) => c.sha)).toEqual([sha.m, sha.c, sha.b, sha.a]);
    expect(live).toEqual(exported);
    const b = live.find((c) => c.sha === sha.b)!;
    expect(b.authorMailmapped).toEqual({ name: 'Bob Beta', email: 'bob@beta.io' });
    expect(b.coAuthors).toHaveLength(2);
    expect(live.find((c) => c.sha === sha.a)!.files).toContainEqual({ path: 'assets/ü.bin', added: null, deleted: null });
  });

  it('reads a range: only what is new since an older head', async () => {
    expect((await fromClone(repo.dir, `${sha.a}..HEAD`)).map((c) => c.sha)).toEqual([sha.m, sha.c, sha.b]);
    expect(await fromClone(repo.dir, `${sha.m}..HEAD`)).toEqual([]);
  });

  it('stops git early when the consumer has seen enough', async () => {
    const big = GitRepo.init(join(tmp, 'big'));
    const files: Record<string, string> = {};
    for (let i = 0; i < 3000; i++) files[`some/rather/long/directory/name/for/padding/file-${i}.txt`] = `${i}\n`;
    big.commit({ author: ann, date: '2024-01-01T00:00:00+00:00', files });
    big.commit({ author: ann, date: '2024-01-02T00:00:00+00:00', files: { 'x.txt': 'x\n' } });
    let chunks = 0;
    await streamGitLog(big.dir, 'HEAD', () => {
      chunks++;
      return false;
    });
    expect(chunks).toBe(1);
  });

  it('names a clone path that does not exist', async () => {
    const missing = join(tmp, 'no-such-clone');
    const err = await streamGitLog(missing, 'HEAD', () => true).then(() => null, (e: unknown) => e);
    expect(err).toBeInstanceOf(InputError);
    expect((err as InputError).location.file).toBe(missing);
    expect((err as InputError).message).toBe(`${missing}: clone path does not exist`);
    await expect(headOf(missing)).rejects.toThrow(missing);
  });

  it('names a folder that is not a repository, even inside another checkout', async () => {
    const inner = join(repo.dir, 'not-a-repo');
    mkdirSync(inner);
    writeFileSync(join(inner, 'f.txt'), 'x');
    const err = await streamGitLog(inner, 'HEAD', () => true).then(() => null, (e: unknown) => e);
    expect(err).toBeInstanceOf(InputError);
    expect((err as InputError).message).toMatch(new RegExp(`^${inner}: git log failed \\(exit 128\\): fatal: not a git repository`));
    expect(await headOf(inner)).toBeNull();
  });

  it('reads an empty repository (git init, no commits) as an empty history', async () => {
    const empty = GitRepo.init(join(tmp, 'empty'));
    expect(await fromClone(empty.dir)).toEqual([]);
    expect(await headOf(empty.dir)).toBeNull();
    const result = await ingestRepo({ repo: 'acme/empty', source: { kind: 'clone', path: empty.dir }, outDir: join(tmp, 'out-empty'), nowMs: Date.now() });
    expect(result).toMatchObject({ commits: 0, head: null });
    expect(result.warnings).toEqual([{ message: 'empty history: no commits', location: { file: empty.dir } }]);
  });

  it('reports a bad range as an error naming the clone', async () => {
    await expect(streamGitLog(repo.dir, 'f'.repeat(40) + '..HEAD', () => true)).rejects.toThrow(new RegExp(`^${repo.dir}: git log failed`));
  });

  it('answers head and ancestry questions', async () => {
    expect(await headOf(repo.dir)).toBe(sha.m);
    expect(await isAncestor(repo.dir, sha.a, sha.m)).toBe(true);
    expect(await isAncestor(repo.dir, sha.m, sha.a)).toBe(false);
    expect(await isAncestor(repo.dir, 'f'.repeat(40), sha.m)).toBe(false);
  });
});
