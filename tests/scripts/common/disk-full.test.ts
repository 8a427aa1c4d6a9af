// A full disk: the ingest stops at the first write that fails, says once which file
// of which repository it was writing, and leaves the previous warehouse as it was.
// The failure is injected (a write that throws ENOSPC as fs does), since a test
// cannot mount a small file system.
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runIngest } from '../../../scripts/ingest/ingest-run.ts';
import { removeTmp } from '../../helpers/git-repo.ts';
import { buildEcosystem, ingest, NOW, P, quiet, type Ecosystem } from '../../helpers/registry-fixture.ts';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const hash = (file: string): string => createHash('sha256').update(readFileSync(file)).digest('hex');

describe('ingest on a full disk', () => {
  let eco: Ecosystem;
  let wh: string;
  let before: string;

  beforeAll(async () => {
    eco = await buildEcosystem(3);
    wh = join(eco.root, 'wh');
    await ingest(eco, wh, { clonesDir: eco.clonesDir });
    before = hash(join(wh, 'warehouse.duckdb'));
    // Every repository has new work, so every one would write.
    for (const r of [eco.engine, eco.compiler, ...eco.extra]) {
      r.commit({ author: P.bob, date: '2024-08-28T10:00:00+00:00', message: 'More', files: { 'src/more.py': 'm\n' } });
    }
  });
  afterAll(() => removeTmp(eco.root));

  it('stops at the first failed write and names the file and the repository', async () => {
    const run = runIngest({
      registry: eco.registry, warehouseDir: wh, clonesDir: eco.clonesDir, nowMs: NOW, concurrency: 1, progress: quiet(),
      injectDiskFull: ['gamma/compiler'],
    });
    const file = join(wh, 'staging', '.tmp', 'gamma__compiler-');
    await expect(run).rejects.toThrow(
      new RegExp(
        `^disk full: could not write ${file.replace(/[.]/g, '\\.')}\\d+-[a-z0-9]+/commits\\.csv \\(gamma/compiler\\): ENOSPC: no space left on device, write\\. ` +
          `The ingest stopped there; the warehouse \\(${join(wh, 'warehouse.duckdb').replace(/[.]/g, '\\.')}\\) is unchanged\\. ` +
          'Free space on that disk \\(or ingest elsewhere with --warehouse <dir>\\) and run the ingest again: repositories already staged are not read again\\.$',
      ),
    );
    expect(hash(join(wh, 'warehouse.duckdb'))).toBe(before);
  });

  it('the command prints it once, not once per repository, and exits 1', () => {
    const r = spawnSync(
      process.execPath,
      ['scripts/ingest.ts', '--registry', eco.registryFiles.dir, '--from', eco.clonesDir, '--warehouse', wh, '--jobs', '2'],
      { cwd: ROOT, encoding: 'utf8', env: { ...process.env, DEEP_SIGNAL_INJECT_ENOSPC: '*' } },
    );
    expect(r.status).toBe(1);
    const lines = r.stderr.split('\n').filter((l) => /ENOSPC|no space/i.test(l));
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^error: disk full: could not write \S+\/commits\.csv \((acme|gamma|extra)\/[a-z0-9-]+\): ENOSPC/);
    expect(r.stderr).not.toContain('✗');
    expect(hash(join(wh, 'warehouse.duckdb'))).toBe(before);
  });
});
