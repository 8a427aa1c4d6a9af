// The smallest inputs build a warehouse too: no commits at all, one commit, one
// repository, every repository failed. A run that finds no identity links used to die
// on DuckDB's CSV sniffer (an empty identity_links.csv), losing every warning before it.
import { writeFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { GitRepo, makeTmp, removeTmp } from '../../helpers/git-repo.ts';
import { loadRegistryFixture, NOW, query, quiet, writeRegistryFixture } from '../../helpers/registry-fixture.ts';
import { runIngest } from '../../../scripts/ingest/ingest-run.ts';

const roots: string[] = [];
afterAll(() => roots.forEach(removeTmp));

async function ingestRepos(setup: (clones: string, exportsDir: string) => { repos: string[]; source: 'clones' | 'exports' }) {
  const root = makeTmp('ds-small-');
  roots.push(root);
  const clones = join(root, 'clones');
  const exportsDir = join(root, 'exports');
  mkdirSync(clones, { recursive: true });
  mkdirSync(exportsDir, { recursive: true });
  const { repos, source } = setup(clones, exportsDir);
  const files = writeRegistryFixture(join(root, 'registry'), repos.map((repo) => ({ repo, category: 'llm-serving' })));
  const warehouseDir = join(root, 'warehouse');
  const summary = await runIngest({
    registry: await loadRegistryFixture(files), warehouseDir, nowMs: NOW, concurrency: 1, progress: quiet(),
    ...(source === 'clones' ? { clonesDir: clones } : { exportsDir }),
  });
  return { summary, warehouseDir };
}

describe('a warehouse from the smallest inputs', () => {
  it('one repository with one commit (no identity links)', async () => {
    const { summary, warehouseDir } = await ingestRepos((clones) => {
      GitRepo.init(join(clones, 'acme__tiny')).commit({ author: { name: 'Ann', email: 'ann@acme.io' }, date: '2024-07-02T10:00:00Z', message: 'one', files: { 'a.py': 'a\n' } });
      return { repos: ['acme/tiny'], source: 'clones' };
    });
    expect(summary.failed).toEqual([]);
    expect(await query(warehouseDir, 'SELECT count(*)::INTEGER AS n FROM identity_links')).toEqual([{ n: 0 }]);
    expect(await query(warehouseDir, `SELECT commits, contributors FROM scope_quarters WHERE scope_type = 'all' AND quarter = '2024-q3'`)).toEqual([{ commits: 1, contributors: 1 }]);
  });

  it('no commits at all', async () => {
    const { summary, warehouseDir } = await ingestRepos((clones) => {
      GitRepo.init(join(clones, 'acme__empty'));
      return { repos: ['acme/empty'], source: 'clones' };
    });
    expect(summary.failed).toEqual([]);
    expect(await query(warehouseDir, 'SELECT count(*)::INTEGER AS n FROM commits')).toEqual([{ n: 0 }]);
  });

  it('every repository failed: the failures are reported, the build does not crash', async () => {
    const { summary, warehouseDir } = await ingestRepos((_clones, exportsDir) => {
      writeFileSync(join(exportsDir, 'acme__broken.gitlog.gz'), 'not gzip at all');
      return { repos: ['acme/broken'], source: 'exports' };
    });
    expect(summary.failed.map((f) => f.repo)).toEqual(['acme/broken']);
    expect(await query(warehouseDir, 'SELECT count(*)::INTEGER AS n FROM identities')).toEqual([{ n: 0 }]);
  });
});
