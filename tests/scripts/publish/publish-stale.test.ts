// publish-data publishes only what the warehouse was built from: a warehouse older
// than its registry or its staged histories is refused (naming the ingest to run),
// and the manifest's dataset fingerprint is the one of the histories the build read.
import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { datasetFingerprint } from '../../../scripts/publish/engine-info.ts';
import { runIngest } from '../../../scripts/ingest/ingest-run.ts';
import { GitRepo, makeTmp, removeTmp } from '../../helpers/git-repo.ts';
import { loadRegistryFixture, NOW, quiet, writeRegistryFixture, type RegistryFiles } from '../../helpers/registry-fixture.ts';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const ann = { name: 'Ann Author', email: 'ann@acme.io' };

describe('publish-data from a stale warehouse', () => {
  let root: string;
  let repo: GitRepo;
  let files: RegistryFiles;
  let clones: string;
  let wh: string;

  const ingest = async (build = true): Promise<void> => {
    const s = await runIngest({ registry: await loadRegistryFixture(files), warehouseDir: wh, clonesDir: clones, nowMs: NOW, concurrency: 1, progress: quiet(), build });
    expect(s.failed).toEqual([]);
  };
  const publish = (out: string) =>
    spawnSync(process.execPath, [join(ROOT, 'scripts/publish-data.ts'), '2024-q3', '--warehouse', wh, '--out', join(root, out)], { cwd: ROOT, encoding: 'utf8' });
  const fingerprintOf = (out: string): string =>
    (JSON.parse(readFileSync(join(root, out, '2024-q3', 'manifest.json'), 'utf8')) as { dataset: { fingerprint: string } }).dataset.fingerprint;
  const expectedCommand = (): string => `  npm run ingest -- --from ${clones} --registry ${files.dir} --warehouse ${wh}\n`;

  beforeAll(async () => {
    root = makeTmp('ds-publish-stale-');
    clones = join(root, 'clones');
    repo = GitRepo.init(join(clones, 'acme__engine'));
    repo.commit({ author: ann, date: '2024-07-02T10:00:00+00:00', message: 'Add the engine', files: { 'src/a.py': 'a\n' } });
    files = writeRegistryFixture(join(root, 'registry'), [{ repo: 'acme/engine', category: 'llm-serving' }]);
    wh = join(root, 'warehouse');
    await ingest();
  }, 60_000);
  afterAll(() => removeTmp(root));

  it('publishes a current warehouse, stamped with the fingerprint of what it was built from', () => {
    const built = datasetFingerprint(wh);
    const r = publish('out-1');
    expect(r.status, r.stderr).toBe(0);
    expect(fingerprintOf('out-1')).toBe(built);
  });

  it('refuses a warehouse whose staged histories moved on without a build, and names the ingest', async () => {
    const built = datasetFingerprint(wh);
    repo.commit({ author: ann, date: '2024-07-03T10:00:00+00:00', message: 'Tune', files: { 'src/a.py': 'b\n' } });
    await ingest(false);
    expect(datasetFingerprint(wh)).not.toBe(built);
    const r = publish('out-2');
    expect(r.status).toBe(1);
    expect(r.stderr).toContain(
      `error: the warehouse ${join(wh, 'warehouse.duckdb')} is older than what it is built from: the staged histories changed since it was built (an ingest ran with --no-build, or stopped before its build). ` +
        'Its figures are not those of the current inputs, so nothing was published. Run the ingest first:\n',
    );
    expect(r.stderr).toContain(expectedCommand());
    await ingest();
    const ok = publish('out-2');
    expect(ok.status, ok.stderr).toBe(0);
    expect(fingerprintOf('out-2')).toBe(datasetFingerprint(wh));
  });

  it('refuses a warehouse older than its registry', () => {
    writeFileSync(files.reposCsv, readFileSync(files.reposCsv, 'utf8').replace('acme/engine,llm-serving,ingested,,,', 'acme/engine,llm-serving,ingested,,,"a note, edited"'));
    const r = publish('out-3');
    expect(r.status).toBe(1);
    expect(r.stderr).toContain(`is older than what it is built from: the registry (${files.reposCsv}, ${files.categoriesYaml}) changed since it was built`);
    expect(r.stderr).toContain(expectedCommand());
  });
});
