// A published quarter survives a publish killed at any step: the next run finds the
// old folder or the new one in place, whole, and says what it finished or undid.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { recoverSwap, swapIn, swapNames, type StepHook } from '../../../scripts/publish/folder-swap.ts';
import { GitRepo, makeTmp, removeTmp } from '../../helpers/git-repo.ts';
import { loadRegistryFixture, NOW, quiet, writeRegistryFixture } from '../../helpers/registry-fixture.ts';
import { runIngest } from '../../../scripts/ingest/ingest-run.ts';
import { publishQuarter } from '../../../scripts/publish/publish.ts';

const STEPS = ['built', 'ready', 'aside', 'in', 'done'] as const;

function folder(dir: string, version: string): void {
  mkdirSync(join(dir, 'restatements'), { recursive: true });
  writeFileSync(join(dir, 'manifest.json'), version);
  writeFileSync(join(dir, 'restatements', '2026-01-01.md'), 'history');
}

describe('folder swap, killed at each step', () => {
  for (const step of STEPS) {
    it(`after "${step}", recovery leaves the old or the new folder whole and nothing else`, () => {
      const parent = makeTmp('ds-swap-');
      // The pid of a process that is gone, as after a kill.
      const n = swapNames(parent, '2024-q3', 999999997);
      folder(n.final, 'old');
      folder(n.building, 'new');
      const crash: StepHook = (s) => {
        if (s === step) throw new Error('killed');
      };
      expect(() => swapIn(n, crash)).toThrow('killed');
      const said = recoverSwap(parent, '2024-q3');
      expect(readdirSync(parent)).toEqual(['2024-q3']);
      const version = readFileSync(join(n.final, 'manifest.json'), 'utf8');
      // Before the old folder is set aside nothing is published yet; after, the new one is.
      expect(version).toBe(step === 'built' || step === 'ready' ? 'old' : 'new');
      expect(readFileSync(join(n.final, 'restatements', '2026-01-01.md'), 'utf8')).toBe('history');
      if (step !== 'done' && step !== 'built') expect(said.length).toBeGreaterThan(0);
      removeTmp(parent);
    });
  }

  it('removes the build of a run that died, and keeps one still running', () => {
    const parent = makeTmp('ds-swap-');
    folder(join(parent, '2024-q3'), 'old');
    mkdirSync(join(parent, '.2024-q3.building-999999999'));
    mkdirSync(join(parent, `.2024-q3.building-${process.pid}`));
    mkdirSync(join(parent, '.2024-q3.tmp-999999998'));
    const said = recoverSwap(parent, '2024-q3');
    expect(readdirSync(parent).sort()).toEqual([`.2024-q3.building-${process.pid}`, '2024-q3']);
    expect(said.join('\n')).toMatch(/removed \.2024-q3\.building-999999999/);
    removeTmp(parent);
  });
});

describe('publish-data killed at each step of a restatement (real process, SIGKILL)', () => {
  let root: string;
  let warehouse: string;
  const cli = fileURLToPath(new URL('../../../scripts/publish-data.ts', import.meta.url));

  beforeAll(async () => {
    root = makeTmp('ds-publish-kill-');
    const repo = GitRepo.init(join(root, 'clones', 'acme__engine'));
    const ann = { name: 'Ann Author', email: 'ann@acme.io' };
    repo.commit({ author: ann, date: '2024-07-02T10:00:00+00:00', message: 'Add the engine', files: { 'src/a.py': 'a\n' } });
    // The same person under a second address: one identity link.
    repo.commit({ author: { name: ann.name, email: 'ann@old.acme.io' }, date: '2024-08-02T10:00:00+00:00', message: 'Tune', files: { 'src/a.py': 'b\n' } });
    const files = writeRegistryFixture(join(root, 'registry'), [{ repo: 'acme/engine', category: 'llm-serving' }]);
    warehouse = join(root, 'warehouse');
    await runIngest({ registry: await loadRegistryFixture(files), warehouseDir: warehouse, clonesDir: join(root, 'clones'), nowMs: NOW, concurrency: 1, progress: quiet() });
  }, 60_000);

  afterAll(() => removeTmp(root));

  for (const step of STEPS) {
    it(`killed after "${step}": the next run finds a whole quarter and says what it did`, async () => {
      const out = join(root, `published-${step}`);
      await publishQuarter({ quarter: '2024-q3', warehouseFile: join(warehouse, 'warehouse.duckdb'), publishedDir: out, engine: { version: 'old', parser: 'p', classifiers: 'c' }, datasetFingerprint: 'f', today: '2026-01-01' });
      const run = spawnSync(process.execPath, [cli, '2024-q3', '--warehouse', warehouse, '--out', out, '--force', '--why', 'A test restatement.'], {
        env: { ...process.env, DEEP_SIGNAL_KILL_AT: step },
        encoding: 'utf8',
      });
      expect(run.signal, run.stderr).toBe('SIGKILL');
      const lines: string[] = [];
      await publishQuarter({
        quarter: '2024-q3', warehouseFile: join(warehouse, 'warehouse.duckdb'), publishedDir: out,
        engine: { version: 'old', parser: 'p', classifiers: 'c' }, datasetFingerprint: 'f', today: '2026-01-01', force: true, why: 'again', log: (l) => lines.push(l),
      }).catch(() => undefined);
      expect(readdirSync(out)).toEqual(['2024-q3']);
      const manifest = JSON.parse(readFileSync(join(out, '2024-q3', 'manifest.json'), 'utf8')) as { files: Record<string, unknown> };
      for (const f of Object.keys(manifest.files)) expect(existsSync(join(out, '2024-q3', f)), f).toBe(true);
      if (step === 'ready' || step === 'aside' || step === 'in') expect(lines.join('\n')).toMatch(/interrupted publish|removed \.2024-q3\.old/);
    }, 60_000);
  }

  it("a second restatement on the same day joins that day's note instead of replacing it", async () => {
    const out = join(root, 'published-twice');
    const base = { quarter: '2024-q3', warehouseFile: join(warehouse, 'warehouse.duckdb'), publishedDir: out, engine: { version: 'old', parser: 'p', classifiers: 'c' }, datasetFingerprint: 'f' };
    await publishQuarter({ ...base, today: '2026-01-01' });
    await publishQuarter({ ...base, today: '2026-02-02', force: true, why: 'First reason.' });
    await publishQuarter({ ...base, today: '2026-02-02', force: true, why: 'Second reason.' });
    const manifest = JSON.parse(readFileSync(join(out, '2024-q3', 'manifest.json'), 'utf8')) as { published: string; restated: string[] };
    expect(manifest.published).toBe('2026-01-01');
    expect(manifest.restated).toEqual(['2026-02-02']);
    const note = readFileSync(join(out, '2024-q3', 'restatements', '2026-02-02.md'), 'utf8');
    expect(note.indexOf('First reason.')).toBeGreaterThan(0);
    expect(note.indexOf('Second reason.')).toBeGreaterThan(note.indexOf('First reason.'));
    expect(note).toContain('again the same day');
  }, 60_000);
});
