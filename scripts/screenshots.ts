// Screenshots of every built page, light and dark, desktop and phone, for a human to look at:
//   npm run build && node scripts/screenshots.ts [--dir dist] [--out .tmp/screenshots] [--only reports]
// Serves the build on a local port (under the configured base), opens each page in headless
// Chromium and also reports what a reviewer cannot see in a PNG: layout shift, horizontal
// overflow, console errors, any request to another origin (there must be none) and
// axe-core's WCAG 2 A/AA findings (contrast included) in each theme.
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, resolve, sep } from 'node:path';
import { parseArgs } from 'node:util';
import { createRequire } from 'node:module';
import { chromium } from 'playwright-core';
import { startStaticServer } from './tooling/static-server.ts';

const { values } = parseArgs({
  options: {
    dir: { type: 'string', default: 'dist' },
    out: { type: 'string', default: '.tmp/screenshots' },
    only: { type: 'string' },
    base: { type: 'string', default: process.env.DEEP_SIGNAL_BASE ?? '/' },
  },
});
const dist = resolve(values.dir!);
const out = resolve(values.out!);

/** Every page of the build: each index.html by its folder, plus a missing address for the 404. */
function pages(): { name: string; path: string }[] {
  const list: { name: string; path: string }[] = [];
  const walk = (dir: string): void => {
    for (const e of readdirSync(dir, { withFileTypes: true })) {
      if (e.isDirectory() && e.name !== '_astro') walk(join(dir, e.name));
      else if (e.name === 'index.html') {
        const rel = relative(dist, dir).split(sep).join('/');
        list.push({ name: rel === '' ? 'index' : rel.replaceAll('/', '-'), path: rel === '' ? '' : `${rel}/` });
      }
    }
  };
  walk(dist);
  if (existsSync(join(dist, '404.html'))) list.push({ name: '404', path: 'no-such-page/' });
  return list.filter((p) => !values.only || p.name.includes(values.only));
}

const VIEWPORTS = [
  { label: 'desktop', width: 1280, height: 900 },
  { label: 'phone', width: 390, height: 844 },
] as const;
const SCHEMES = ['light', 'dark'] as const;
const AXE = createRequire(import.meta.url).resolve('axe-core/axe.min.js');

interface AxeResult {
  violations: { id: string; impact: string | null; nodes: { target: string[] }[] }[];
}

async function main(): Promise<void> {
  if (!existsSync(join(dist, 'index.html'))) throw new Error(`${dist} has no index.html: run npm run build first`);
  mkdirSync(out, { recursive: true });
  const server = await startStaticServer({ root: dist, base: values.base! });
  const { origin } = server;
  const profile = mkdtempSync(join(tmpdir(), 'ds-shots-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  const problems: string[] = [];
  try {
    const page = context.pages()[0] ?? (await context.newPage());
    await page.route('**/*', (route) => {
      if (route.request().url().startsWith(origin)) return route.continue();
      problems.push(`request to another origin: ${route.request().url()}`);
      return route.abort();
    });
    page.on('console', (m) => {
      // The 404 page is meant to answer 404; Chromium logs that as an error.
      if (m.type() !== 'error' || (page.url().includes('/no-such-page/') && m.text().includes('404'))) return;
      problems.push(`console error on ${page.url()}: ${m.text()}`);
    });
    page.on('pageerror', (e) => problems.push(`page error on ${page.url()}: ${e.message}`));
    for (const p of pages()) {
      for (const vp of VIEWPORTS) {
        for (const scheme of SCHEMES) {
          await page.setViewportSize({ width: vp.width, height: vp.height });
          await page.emulateMedia({ colorScheme: scheme, media: 'screen' });
          await page.goto(`${server.url}${p.path}`, { waitUntil: 'load' });
          const cls = await page.evaluate(
            () =>
              new Promise<number>((done) => {
                let sum = 0;
                new PerformanceObserver((list) => {
                  for (const e of list.getEntries() as (PerformanceEntry & { value: number; hadRecentInput: boolean })[]) {
                    if (!e.hadRecentInput) sum += e.value;
                  }
                }).observe({ type: 'layout-shift', buffered: true });
                setTimeout(() => done(sum), 300);
              }),
          );
          const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
          // Injected from node_modules into this page only; nothing is fetched.
          // Evaluated through the DevTools protocol, which the page's CSP (a <meta> in every page) does not govern.
          await page.evaluate(`${readFileSync(AXE, 'utf8')}\n;0`);
          const axe = await page.evaluate(
            () => (window as unknown as { axe: { run(o: object): Promise<AxeResult> } }).axe.run({ runOnly: ['wcag2a', 'wcag2aa'] }),
          );
          for (const v of axe.violations) {
            problems.push(`${p.name} ${vp.label} ${scheme}: axe ${v.id} (${v.impact}) at ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(', ')}${v.nodes.length > 3 ? ` and ${v.nodes.length - 3} more` : ''}`);
          }
          const file = join(out, `${p.name}-${vp.label}-${scheme}.png`);
          await page.screenshot({ path: file, fullPage: true });
          const notes = [cls > 0.01 ? `CLS ${cls.toFixed(3)}` : '', overflow > 0 ? `horizontal overflow ${overflow}px` : ''].filter(Boolean);
          if (notes.length) problems.push(`${p.name} ${vp.label} ${scheme}: ${notes.join(', ')}`);
          console.log(`${relative(process.cwd(), file)}${notes.length ? `  ⚠ ${notes.join(', ')}` : ''}`);
        }
      }
    }
    // Print media once per page, dark system theme: print must still come out light.
    for (const p of pages()) {
      await page.setViewportSize({ width: 800, height: 1100 });
      await page.emulateMedia({ colorScheme: 'dark', media: 'print' });
      await page.goto(`${server.url}${p.path}`, { waitUntil: 'load' });
      const file = join(out, `${p.name}-print.png`);
      await page.screenshot({ path: file, fullPage: true });
      console.log(relative(process.cwd(), file));
    }
  } finally {
    await context.close();
    await server.close();
    rmSync(profile, { recursive: true, force: true });
  }
  if (problems.length) {
    console.error(`\n${problems.length} problem(s):\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    process.exitCode = 1;
  }
}

await main();
