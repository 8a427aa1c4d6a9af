// The built site the browser tests and bench:web load: BUILD_DIR when set (CI builds
// once), else one build shared by every browser test file and reused while the sources
// are unchanged (a hash of the inputs' paths, sizes and times names the folder). Test
// files run in parallel workers, so the first one builds under a lock and the others
// wait for it.
import { withAstroBuildLock } from './astro-build-lock.ts';
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

export const ROOT = resolve(import.meta.dirname, '../..');
const INPUTS = ['src', 'content', 'public', 'data/published', 'data/categories.yaml', 'data/dictionary.yaml', 'astro.config.mjs', 'package-lock.json'];
const PREFIX = 'ds-browser-build-';
const STALE_MS = 30 * 60_000;

function fingerprint(): string {
  const hash = createHash('sha256');
  const visit = (p: string): void => {
    const abs = join(ROOT, p);
    if (!existsSync(abs)) return;
    const st = statSync(abs);
    if (st.isDirectory()) {
      for (const name of readdirSync(abs).sort()) visit(join(p, name));
      return;
    }
    hash.update(`${p}\0${st.size}\0${st.mtimeMs}\n`);
  };
  for (const p of INPUTS) visit(p);
  for (const [k, v] of Object.entries(process.env).filter(([k]) => k.startsWith('DEEP_SIGNAL_')).sort()) hash.update(`${k}=${v}\n`);
  return hash.digest('hex').slice(0, 16);
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export interface SiteBuild {
  dir: string;
  /** Seconds the build took here; null when reused. */
  seconds: number | null;
}

export async function siteBuild(): Promise<SiteBuild> {
  if (process.env.BUILD_DIR) {
    const dir = resolve(ROOT, process.env.BUILD_DIR);
    if (!existsSync(join(dir, 'index.html'))) throw new Error(`BUILD_DIR ${dir} has no index.html`);
    return { dir, seconds: null };
  }
  const dir = join(tmpdir(), `${PREFIX}${fingerprint()}`);
  const done = join(dir, '.complete');
  const lock = `${dir}.lock`;
  const deadline = Date.now() + 5 * 60_000;
  while (!existsSync(done)) {
    try {
      mkdirSync(lock);
    } catch {
      if (Date.now() > deadline) throw new Error(`gave up waiting for another test's build in ${dir}`);
      await sleep(250);
      continue;
    }
    try {
      if (existsSync(done)) break;
      // Older builds go, but not recent ones: another test file (or bench) may still be
      // serving a build of sources that changed while it ran.
      for (const old of readdirSync(tmpdir()).filter((n) => n.startsWith(PREFIX) && !n.endsWith('.lock') && join(tmpdir(), n) !== dir)) {
        const at = join(tmpdir(), old);
        if (Date.now() - statSync(at).mtimeMs > STALE_MS) rmSync(at, { recursive: true, force: true });
      }
      rmSync(dir, { recursive: true, force: true });
      const t0 = performance.now();
      const r = withAstroBuildLock(() =>
        spawnSync(process.execPath, [join(ROOT, 'node_modules/astro/bin/astro.mjs'), 'build', '--outDir', dir], {
          cwd: ROOT,
          env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1' },
          encoding: 'utf8',
        }),
      );
      if (r.status !== 0) throw new Error(`astro build failed (exit ${r.status}):\n${r.stdout}\n${r.stderr}`);
      writeFileSync(done, '');
      return { dir, seconds: (performance.now() - t0) / 1000 };
    } finally {
      rmSync(lock, { recursive: true, force: true });
    }
  }
  return { dir, seconds: null };
}
