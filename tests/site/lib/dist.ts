// Builds the site once into a temporary folder (or uses BUILD_DIR) and describes what
// the build should contain, read from the sources rather than from the build itself.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, resolve, sep } from 'node:path';
import { withAstroBuildLock } from '../../../scripts/tooling/astro-build-lock.ts';
import { parse } from 'yaml';

export const ROOT = resolve(import.meta.dirname, '../../..');
export const SITE = process.env.DEEP_SIGNAL_SITE || 'https://deepsignal.example';
export const BASE = `/${(process.env.DEEP_SIGNAL_BASE || '/').replace(/^\/+|\/+$/g, '')}/`.replace('//', '/');

/** Whether the build under test includes drafts: always for the test's own build. */
export const DRAFTS_INCLUDED = process.env.BUILD_DIR ? process.env.DEEP_SIGNAL_DRAFTS === '1' : true;

export interface BuildResult {
  dir: string;
  seconds: number | null;
  draftsIncluded: boolean;
  /** Built by the test into a temp folder, so the test removes it afterwards. */
  temporary: boolean;
}

/**
 * BUILD_DIR=dist checks an existing build (built with the same DEEP_SIGNAL_* variables).
 * Otherwise a preview build with drafts, so the article skeletons are checked too.
 */
export function buildOnce(): BuildResult {
  if (process.env.BUILD_DIR) {
    const dir = resolve(ROOT, process.env.BUILD_DIR);
    if (!existsSync(join(dir, 'index.html'))) throw new Error(`BUILD_DIR ${dir} has no index.html`);
    return { dir, seconds: null, draftsIncluded: DRAFTS_INCLUDED, temporary: false };
  }
  const dir = mkdtempSync(join(tmpdir(), 'ds-dist-'));
  const seconds = astroBuild(dir, { DEEP_SIGNAL_DRAFTS: '1' });
  return { dir, seconds, draftsIncluded: true, temporary: true };
}

/**
 * The test process's environment without what Vitest adds to it (SITE, BASE_URL, DEV=1,
 * MODE, NODE_ENV=test …): a child `astro build` would read them as its own
 * import.meta.env, so a build from a test would ignore DEEP_SIGNAL_BASE and act as dev.
 */
function cleanEnv(): NodeJS.ProcessEnv {
  const vitest = new Set(['SITE', 'BASE_URL', 'DEV', 'PROD', 'MODE', 'SSR', 'ASSETS_PREFIX', 'NODE_ENV']);
  return Object.fromEntries(Object.entries(process.env).filter(([k]) => !vitest.has(k) && !k.startsWith('VITEST')));
}

/**
 * `astro build --outDir dir` with extra environment; returns the seconds it took. Builds
 * take turns with every other build of the project (scripts/tooling/astro-build-lock.ts).
 */
export function astroBuild(outDir: string, env: Record<string, string>): number {
  return withAstroBuildLock(() => {
    const t0 = performance.now();
    const r = spawnSync(process.execPath, [join(ROOT, 'node_modules/astro/bin/astro.mjs'), 'build', '--outDir', outDir], {
      cwd: ROOT,
      env: { ...cleanEnv(), ASTRO_TELEMETRY_DISABLED: '1', ...env },
      encoding: 'utf8',
    });
    if (r.status !== 0) throw new Error(`astro build failed (exit ${r.status}):\n${r.stdout}\n${r.stderr}`);
    return (performance.now() - t0) / 1000;
  });
}

export interface SourceReport {
  quarter: string;
  status: 'draft' | 'published';
  title: string;
}

export function sourceReports(): SourceReport[] {
  const dir = join(ROOT, 'content/reports');
  return readdirSync(dir)
    .filter((f) => f.endsWith('.mdx'))
    .map((f) => {
      const fm = /^---\n([\s\S]*?)\n---/.exec(readFileSync(join(dir, f), 'utf8'))?.[1] ?? '';
      const d = parse(fm) as SourceReport;
      return { quarter: d.quarter, status: d.status, title: d.title };
    });
}

/** Every file under dir, as paths relative to it with forward slashes. */
export function walk(dir: string): string[] {
  const out: string[] = [];
  const go = (d: string): void => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      const p = join(d, e.name);
      if (e.isDirectory()) go(p);
      else out.push(relative(dir, p).split(sep).join('/'));
    }
  };
  go(dir);
  return out.sort();
}

export const TEXT_FILE = /\.(html|xml|txt|css|js|mjs|json|svg|webmanifest|map)$/;
