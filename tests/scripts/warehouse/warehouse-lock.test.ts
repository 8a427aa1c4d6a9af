// One ingest per warehouse: a second one refuses and names who holds the lock,
// instead of recovering (deleting) the first one's work in progress; a lock left by
// an ingest that is gone is taken over, and the run says so.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { acquireIngestLock, INGEST_LOCK } from '../../../scripts/warehouse/warehouse-lock.ts';
import { runIngest } from '../../../scripts/ingest/ingest-run.ts';
import { makeTmp, removeTmp } from '../../helpers/git-repo.ts';
import { buildEcosystem, NOW, quiet, type Ecosystem } from '../../helpers/registry-fixture.ts';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));

/** The pid of a process that has exited: nothing runs under it any more. */
function deadPid(): number {
  const r = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' });
  return Number(r.stdout);
}

function writeLock(dir: string, holder: { pid: number; host: string; started: string }): string {
  mkdirSync(dir, { recursive: true });
  const file = join(dir, INGEST_LOCK);
  writeFileSync(file, JSON.stringify(holder));
  return file;
}

describe('acquireIngestLock', () => {
  let tmp: string;
  beforeAll(() => {
    tmp = makeTmp('ds-lock-');
  });
  afterAll(() => removeTmp(tmp));

  it('writes pid, host and start time, refuses a second holder, and frees the lock on release', () => {
    const dir = join(tmp, 'wh1');
    const lock = acquireIngestLock(dir);
    expect(lock.tookOver).toBeNull();
    const held = JSON.parse(readFileSync(join(dir, INGEST_LOCK), 'utf8')) as { pid: number; host: string; started: string };
    expect(held).toMatchObject({ pid: process.pid, host: hostname() });
    expect(Number.isNaN(Date.parse(held.started))).toBe(false);
    expect(() => acquireIngestLock(dir)).toThrow(
      `another ingest is running on this warehouse: pid ${process.pid} on ${hostname()}, started ${held.started} (lock file ${join(dir, INGEST_LOCK)}). ` +
        'Wait for it to finish; if it is not running any more, delete the lock file.',
    );
    lock.release();
    expect(existsSync(join(dir, INGEST_LOCK))).toBe(false);
    acquireIngestLock(dir).release();
  });

  it('takes over a lock whose process is dead, and says so', () => {
    const dir = join(tmp, 'wh2');
    const pid = deadPid();
    writeLock(dir, { pid, host: hostname(), started: '2026-01-02T03:04:05.000Z' });
    const lock = acquireIngestLock(dir);
    expect(lock.tookOver).toBe(
      `took over the lock of an ingest that is no longer running (pid ${pid} on ${hostname()}, started 2026-01-02T03:04:05.000Z); its unfinished work is discarded`,
    );
    expect(JSON.parse(readFileSync(join(dir, INGEST_LOCK), 'utf8'))).toMatchObject({ pid: process.pid });
    lock.release();
  });

  it('refuses a lock held from another machine, which it cannot check', () => {
    const dir = join(tmp, 'wh3');
    writeLock(dir, { pid: 1, host: 'build-box-7', started: '2026-01-02T03:04:05.000Z' });
    expect(() => acquireIngestLock(dir)).toThrow(
      `another ingest is running on this warehouse: pid 1 on build-box-7, started 2026-01-02T03:04:05.000Z (lock file ${join(dir, INGEST_LOCK)}). ` +
        `It was started on another machine, so ${hostname()} cannot tell whether it still runs: if it does not, delete the lock file.`,
    );
  });

  it('does not remove a lock it no longer holds', () => {
    const dir = join(tmp, 'wh4');
    const lock = acquireIngestLock(dir);
    writeLock(dir, { pid: 1, host: 'someone-else', started: '2026-01-02T03:04:05.000Z' });
    lock.release();
    expect(existsSync(join(dir, INGEST_LOCK))).toBe(true);
  });
});

describe('two ingests on one warehouse', () => {
  let eco: Ecosystem;
  beforeAll(async () => {
    eco = await buildEcosystem(2);
  });
  afterAll(() => removeTmp(eco.root));

  it('the second is refused and the first finishes whole', async () => {
    const wh = join(eco.root, 'wh');
    const opts = { registry: eco.registry, warehouseDir: wh, clonesDir: eco.clonesDir, nowMs: NOW, concurrency: 1, progress: quiet() };
    const first = runIngest(opts);
    const second = runIngest(opts);
    await expect(second).rejects.toThrow(/^another ingest is running on this warehouse: pid \d+ on /);
    const done = await first;
    expect(done.failed).toEqual([]);
    expect(done.ingested).toHaveLength(6);
    expect(existsSync(join(wh, INGEST_LOCK))).toBe(false);
  });

  it('the command refuses while another process holds the lock, and takes over a dead one', async () => {
    const wh = join(eco.root, 'wh-cli');
    const cli = ['scripts/ingest.ts', '--registry', eco.registryFiles.dir, '--from', eco.clonesDir, '--warehouse', wh, '--jobs', '1'];
    const sleeper = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 60_000)']);
    try {
      const started = '2026-01-02T03:04:05.000Z';
      const file = writeLock(wh, { pid: sleeper.pid!, host: hostname(), started });
      const refused = spawnSync(process.execPath, cli, { cwd: ROOT, encoding: 'utf8' });
      expect(refused.status).toBe(1);
      expect(refused.stderr).toMatch(/^Ingesting \d+ tracked repositories from .*\n/);
      expect(refused.stderr.split('\n').slice(1).join('\n')).toBe(
        `error: another ingest is running on this warehouse: pid ${sleeper.pid} on ${hostname()}, started ${started} (lock file ${file}). ` +
          'Wait for it to finish; if it is not running any more, delete the lock file.\n',
      );
      expect(existsSync(join(wh, 'staging'))).toBe(false);
    } finally {
      sleeper.kill();
    }
    const pid = deadPid();
    writeLock(wh, { pid, host: hostname(), started: '2026-01-02T03:04:05.000Z' });
    const ok = spawnSync(process.execPath, cli, { cwd: ROOT, encoding: 'utf8' });
    expect(ok.status, ok.stderr).toBe(0);
    expect(ok.stderr).toContain(`took over the lock of an ingest that is no longer running (pid ${pid} on ${hostname()}`);
    expect(existsSync(join(wh, INGEST_LOCK))).toBe(false);
  });
});
