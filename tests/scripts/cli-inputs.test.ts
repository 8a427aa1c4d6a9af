// What the commands say about their own inputs, run as a user runs them: --help
// prints usage and succeeds, a bad --jobs is refused before anything happens, and a
// registry row whose history is not where the ingest looked names the paths it tried.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GitRepo, makeTmp, removeTmp } from '../helpers/git-repo.ts';
import { writeRegistryFixture } from '../helpers/registry-fixture.ts';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));

function run(script: string, args: string[], env: Record<string, string> = {}) {
  return spawnSync(process.execPath, [join(ROOT, 'scripts', script), ...args], { cwd: ROOT, env: { ...process.env, ...env }, encoding: 'utf8' });
}

describe('--help', () => {
  it.each([
    ['ingest.ts', 'npm run ingest --', ['--from', '--jobs', '--warehouse', '--registry', '--no-build']],
    ['publish-data.ts', 'npm run publish-data --', ['--force', '--why', '--warehouse', '--out']],
    ['new-report.ts', 'npm run new-report --', ['--force', '--published', '--content']],
  ])('%s --help prints its usage and exits 0', (script, usage, flags) => {
    for (const flag of ['--help', '-h']) {
      const r = run(script, [flag]);
      expect(r.status, r.stderr).toBe(0);
      expect(r.stdout).toMatch(new RegExp(`^Usage: ${usage.replace(/[-]/g, '\\-')}`));
      for (const f of flags) expect(r.stdout).toContain(f);
      expect(r.stderr).toBe('');
    }
  });

  it('an unknown option points at --help', () => {
    const r = run('ingest.ts', ['--jbos', '2']);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain("error: unknown option '--jbos'");
    expect(r.stderr).toContain('npm run ingest -- --help');
  });
});

describe('ingest --jobs', () => {
  let root: string;
  beforeAll(() => {
    root = makeTmp('ds-cli-');
  });
  afterAll(() => removeTmp(root));

  it.each(['four', '0', '-2', '1.5', '', '2x'])('refuses --jobs %j before ingesting anything', (value) => {
    const wh = join(root, `wh-${value || 'empty'}`);
    const r = run('ingest.ts', ['--from', root, '--warehouse', wh, `--jobs=${value}`]);
    expect(r.status).toBe(1);
    expect(r.stderr).toBe(`error: --jobs must be a whole number of 1 or more (got ${JSON.stringify(value)})\n`);
    expect(existsSync(wh)).toBe(false);
  });
});

describe('ingest: a listed repository that is not there', () => {
  let root: string;
  beforeAll(() => {
    root = makeTmp('ds-cli-missing-');
    GitRepo.init(join(root, 'clones', 'acme__engine')).commit({
      author: { name: 'Ann', email: 'ann@acme.io' }, date: '2024-07-02T10:00:00+00:00', files: { 'a.py': 'a\n' },
    });
    writeRegistryFixture(join(root, 'registry'), [
      { repo: 'acme/engine', category: 'llm-serving' },
      // Listed as ingested, but its clone folder was never made (a typo, a failed clone).
      { repo: 'acme/runtime', category: 'llm-serving' },
      { repo: 'lost/gone', category: 'ml-compilers', status: 'unavailable', note: 'too large to mirror' },
    ]);
  });
  afterAll(() => removeTmp(root));

  it('names the paths it tried, and says which rows expect a history', () => {
    const clones = join(root, 'clones');
    const r = run('ingest.ts', ['--from', clones, '--registry', join(root, 'registry'), '--warehouse', join(root, 'wh'), '--jobs', '1']);
    expect(r.status, r.stderr).toBe(0);
    const csv = join(root, 'registry', 'tracked-repos.csv');
    expect(r.stderr).toContain(
      `Listed as ingested but not found (1):\n  ✗ acme/runtime (${csv}:3): looked for ${join(clones, 'acme__runtime')} and ${join(clones, 'acme', 'runtime')}\n`,
    );
    expect(r.stderr).toContain(
      `Listed but not available (1, marked unavailable in ${csv}): lost/gone (looked for ${join(clones, 'OWNER__NAME')} and ${join(clones, 'OWNER', 'NAME')})\n`,
    );
  });
});
