// Chromium for the browser tests: Debian's /usr/bin/chromium driven by playwright-core,
// a fresh profile per launch, the built site on a local static server, and every
// request recorded so a test can say none left the origin.
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext, type BrowserContextOptions, type Page } from 'playwright-core';
import { startStaticServer, type StaticServer } from '../../../scripts/tooling/static-server.ts';
import { siteBuild } from './site.ts';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const HAS_CHROMIUM = existsSync(CHROMIUM);
export const SKIP_REASON = `browser tests skipped: no Chromium at ${CHROMIUM} (apt-get install -y chromium, or set CHROMIUM_PATH)`;
if (!HAS_CHROMIUM) console.warn(SKIP_REASON);

export const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

export interface Session {
  server: StaticServer;
  context: BrowserContext;
  /** Requests to any origin but the server's (none expected). */
  foreign: string[];
  /** Console errors and uncaught exceptions of every page. */
  errors: string[];
  page(path: string): Promise<Page>;
  close(): Promise<void>;
}

export async function openSession(options: BrowserContextOptions = {}): Promise<Session> {
  const build = await siteBuild();
  if (build.seconds !== null) console.log(`astro build for the browser tests: ${build.seconds.toFixed(1)} s`);
  const server = await startStaticServer({ root: build.dir, headersFile: true });
  const profile = mkdtempSync(join(tmpdir(), 'ds-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    args: CHROMIUM_ARGS,
    viewport: { width: 1280, height: 900 },
    ...options,
  });
  const foreign: string[] = [];
  const errors: string[] = [];
  const origin = new URL(server.origin).origin;
  const watch = (p: Page) => {
    p.on('request', (r) => {
      const u = new URL(r.url());
      if (!['data:', 'blob:'].includes(u.protocol) && u.origin !== origin) foreign.push(r.url());
    });
    p.on('pageerror', (e) => errors.push(`${p.url()}: ${e.message}`));
    p.on('console', (m) => {
      if (m.type() === 'error') errors.push(`${p.url()}: ${m.text()}`);
    });
  };
  context.on('page', watch);
  for (const p of context.pages()) watch(p);
  // Workers fetch the wasm and the Parquet: their requests count too.
  context.on('request', (r) => {
    const u = new URL(r.url());
    if (!['data:', 'blob:'].includes(u.protocol) && u.origin !== origin && !foreign.includes(r.url())) foreign.push(r.url());
  });
  return {
    server,
    context,
    foreign,
    errors,
    async page(path) {
      const p = context.pages().find((x) => x.url() === 'about:blank') ?? (await context.newPage());
      await p.goto(new URL(path, server.origin).href, { waitUntil: 'load' });
      return p;
    },
    async close() {
      await context.close();
      await server.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

/** The report pages of the build (one per visible article). */
export function reportPaths(dir: string, quarters: readonly string[]): string[] {
  return quarters.filter((q) => existsSync(join(dir, 'reports', q, 'index.html'))).map((q) => `/reports/${q}/`);
}
