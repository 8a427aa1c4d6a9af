// One `astro build` of this project at a time, across processes: every build rewrites the
// project's .astro/ folder (its prerender chunks), so two builds at once (test files run in
// parallel workers: the site tests' builds and the browser tests' shared build) can delete
// each other's chunks mid-render. A lock folder in the temp directory takes turns.
import { existsSync, mkdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const LOCK = join(tmpdir(), 'deep-signal-astro-build.lock');
const WAIT_MS = 10 * 60_000;
/** A lock older than any build was left by a killed run. */
const STALE_MS = 10 * 60_000;

export function withAstroBuildLock<T>(build: () => T): T {
  const waitUntil = Date.now() + WAIT_MS;
  for (;;) {
    try {
      mkdirSync(LOCK);
      break;
    } catch {
      if (existsSync(LOCK) && Date.now() - statSync(LOCK).mtimeMs > STALE_MS) rmSync(LOCK, { recursive: true, force: true });
      if (Date.now() > waitUntil) throw new Error(`waited ${WAIT_MS / 60_000} minutes for another astro build (${LOCK})`);
      Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 200);
    }
  }
  try {
    return build();
  } finally {
    rmSync(LOCK, { recursive: true, force: true });
  }
}
