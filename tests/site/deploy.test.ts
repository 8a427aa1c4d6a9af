// Deploying anywhere: a build under a sub-path (a GitHub Pages project site) whose every
// internal link and asset resolves through a local static host; two builds from the same
// input are byte-identical; no file over 25 MiB; a restated quarter links its restatement;
// and the pages load in Chromium with the _headers Content-Security-Policy applied and no
// console error. The input is the committed published data plus one restatement.
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { astroBuild, ROOT, walk } from './lib/dist.ts';
import { links } from './lib/html.ts';
import { headersFor, parseHeadersFile, serveDist, type StaticServer as Served } from '../../scripts/tooling/static-server.ts';

const BASE = '/deep-signal/';
const SITE = 'https://example.github.io';
const RESTATED = { quarter: '2024-q3', date: '2026-12-01' };
const MAX_BYTES = 25 * 1024 * 1024;
const CHROMIUM = '/usr/bin/chromium';

let work: string;
let a: string;
let b: string;
let files: string[];
let server: Served;
const seconds: number[] = [];

function publishedWithRestatement(dir: string): string {
  const published = join(dir, 'published');
  cpSync(join(ROOT, 'data', 'published'), published, { recursive: true });
  const q = join(published, RESTATED.quarter);
  const manifest = JSON.parse(readFileSync(join(q, 'manifest.json'), 'utf8')) as { restated?: string[] };
  manifest.restated = [RESTATED.date];
  writeFileSync(join(q, 'manifest.json'), `${JSON.stringify(manifest, null, 2)}\n`);
  mkdirSync(join(q, 'restatements'), { recursive: true });
  writeFileSync(
    join(q, 'restatements', `${RESTATED.date}.md`),
    `# Restatement of ${RESTATED.quarter}\n\nPublished 2026-11-23; dataset 7455afbc1e6e → 8a1b2c3d4e5f; engine 0.1.0 → 0.1.1.\n\nFiles changed: scope_quarters.parquet\n\n| scope | quarter | figure | before | after |\n|---|---|---|---:|---:|\n| category:llm-serving | 2024-q3 | contributors | 602 | 604 (+0.3%) |\n`,
  );
  return published;
}

beforeAll(() => {
  work = mkdtempSync(join(tmpdir(), 'ds-deploy-'));
  const env = { DEEP_SIGNAL_BASE: BASE, DEEP_SIGNAL_SITE: SITE, DEEP_SIGNAL_DRAFTS: '1', DEEP_SIGNAL_PUBLISHED_DIR: publishedWithRestatement(work) };
  a = join(work, 'a');
  b = join(work, 'b');
  seconds.push(astroBuild(a, env), astroBuild(b, env));
  files = walk(a);
  console.log(`sub-path builds: ${seconds.map((s) => `${s.toFixed(1)} s`).join(', ')}`);
}, 300_000);

afterAll(async () => {
  await server?.close();
  if (work) rmSync(work, { recursive: true, force: true });
});

describe('a build under a sub-path', () => {
  it('two builds from the same input are byte-identical', () => {
    expect(walk(b)).toEqual(files);
    const differ = files.filter((f) => !readFileSync(join(a, f)).equals(readFileSync(join(b, f))));
    expect(differ).toEqual([]);
  });

  it('every file is under 25 MiB', () => {
    const sizes = files.map((f) => ({ f, bytes: statSync(join(a, f)).size })).sort((x, y) => y.bytes - x.bytes);
    const total = sizes.reduce((s, x) => s + x.bytes, 0);
    console.log(`dist: ${files.length} files, ${(total / 1024 / 1024).toFixed(1)} MiB; largest: ${sizes.slice(0, 3).map((x) => `${x.f} ${(x.bytes / 1024).toFixed(0)} KB`).join(', ')}`);
    expect(sizes.filter((x) => x.bytes >= MAX_BYTES)).toEqual([]);
  });

  it('every internal link and asset resolves through a local server (crawl from the base)', async () => {
    server = await serveDist(a, BASE);
    const seen = new Set<string>();
    const broken: string[] = [];
    const queue: { url: string; from: string }[] = ['', 'sitemap.xml', 'rss.xml', 'robots.txt'].map((p) => ({ url: server.url + p, from: '(start)' }));
    const local = (raw: string, page: string): string | null => {
      if (/^(mailto:|tel:|data:|javascript:|#)/i.test(raw)) return null;
      const u = new URL(raw, page);
      if (u.origin === SITE) return server.origin + u.pathname + u.search;
      return u.origin === server.origin ? u.origin + u.pathname + u.search : null;
    };
    while (queue.length > 0) {
      const { url, from } = queue.shift()!;
      if (seen.has(url)) continue;
      seen.add(url);
      if (!new URL(url).pathname.startsWith(BASE)) {
        broken.push(`${from}: ${url} is outside ${BASE}`);
        continue;
      }
      const res = await fetch(url);
      if (res.status !== 200) {
        broken.push(`${from}: ${url} → ${res.status}`);
        continue;
      }
      const type = res.headers.get('content-type') ?? '';
      if (!/html|css|xml|text\/plain/.test(type)) {
        await res.arrayBuffer();
        continue;
      }
      const body = await res.text();
      const found = type.includes('html')
        ? [...links(body), ...[...body.matchAll(/<meta\s+(?:property|name)="(?:og|twitter):image"\s+content="([^"]+)"/g)].map((m) => m[1]!)]
        : type.includes('css')
          ? [...body.matchAll(/url\(\s*['"]?([^'")]+)['"]?\s*\)/g)].map((m) => m[1]!)
          : type.includes('xml')
            ? [...body.matchAll(/<(?:loc|link)>([^<]+)<\/(?:loc|link)>/g), ...body.matchAll(/<atom:link[^>]*href="([^"]+)"/g)].map((m) => m[1]!)
            : [...body.matchAll(/^Sitemap: (\S+)$/gm)].map((m) => m[1]!);
      for (const raw of found) {
        const next = local(raw, url);
        if (next && !seen.has(next)) queue.push({ url: next, from: url.slice(server.origin.length) });
      }
    }
    const paths = [...seen].map((u) => new URL(u).pathname.slice(BASE.length));
    console.log(`crawled ${seen.size} URLs under ${BASE}`);
    expect(broken).toEqual([]);
    // What a reader and a deployer rely on was reached by links, not guessed.
    for (const p of ['predictions/', 'methodology/', `reports/${RESTATED.quarter}/restatements/${RESTATED.date}/`, 'data/2026-q2/scope_quarters.csv', 'data/2026-q2/scope_quarters.parquet', 'data/2026-q2/dictionary.md']) {
      expect(paths, p).toContain(p);
    }
  });

  it('a restated quarter says so and links the restatement', () => {
    const html = readFileSync(join(a, 'reports', RESTATED.quarter, 'index.html'), 'utf8');
    expect(html).toMatch(/Figures restated on <time datetime="2026-12-01"[^>]*>1 December 2026<\/time>/);
    expect(html).toContain(`href="${BASE}reports/${RESTATED.quarter}/restatements/${RESTATED.date}/"`);
    const note = readFileSync(join(a, 'reports', RESTATED.quarter, 'restatements', RESTATED.date, 'index.html'), 'utf8');
    // The page names the figure and the category and uses the site's formats, also for a
    // note written with the machine table; the note as published keeps its own text.
    expect(note).toMatch(/<td>Contributors<\/td>\s*<td>LLM Serving (&amp;|&#x26;) Inference<\/td>\s*<td>Q3 2024<\/td>\s*<td align="right">602<\/td>\s*<td align="right">604<\/td>\s*<td align="right">\+2 \(\+0\.3%\)<\/td>/);
    expect(note).not.toContain('category:llm-serving');
    expect(readFileSync(join(a, 'data', RESTATED.quarter, 'restatements', `${RESTATED.date}.md`), 'utf8')).toContain('| category:llm-serving |');
  });

  it('_headers: immutable hashed assets, wasm type, and a CSP without inline scripts', () => {
    const rules = parseHeadersFile(readFileSync(join(a, '_headers'), 'utf8'));
    const asset = files.find((f) => f.startsWith('_astro/') && f.endsWith('.js'))!;
    expect(headersFor(rules, `/${asset}`)['Cache-Control']).toBe('public, max-age=31536000, immutable');
    expect(headersFor(rules, '/_astro/duckdb-eh.abc123.wasm')['Content-Type']).toBe('application/wasm');
    const csp = headersFor(rules, '/reports/2026-q2/')['Content-Security-Policy']!;
    expect(csp).toMatch(/^default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; /);
    expect(headersFor(rules, '/index.html')['Cache-Control']).toBeUndefined();
  });
});

describe('in Chromium, with the Content-Security-Policy applied', () => {
  it('every page loads with no console error and no CSP violation', async (ctx) => {
    if (!existsSync(CHROMIUM)) {
      console.warn(`skipping the browser check: ${CHROMIUM} is absent (apt-get install -y chromium)`);
      ctx.skip();
      return;
    }
    server ??= await serveDist(a, BASE);
    const { chromium } = await import('playwright-core');
    const profile = mkdtempSync(join(work, 'chromium-'));
    const browser = await chromium.launchPersistentContext(profile, {
      executablePath: CHROMIUM,
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    });
    const problems: string[] = [];
    try {
      await browser.addInitScript(() => {
        document.addEventListener('securitypolicyviolation', (e) => console.error(`CSP violation: ${e.violatedDirective} ${e.blockedURI}`));
      });
      const page = browser.pages()[0] ?? (await browser.newPage());
      let current = '';
      page.on('console', (m) => {
        if (m.type() === 'error') problems.push(`${current}: console: ${m.text()}`);
      });
      page.on('pageerror', (e) => problems.push(`${current}: ${e.message}`));
      // A request cut short by the next navigation is not a failure; one the CSP blocked is.
      page.on('requestfailed', (r) => {
        if (r.failure()?.errorText !== 'net::ERR_ABORTED') problems.push(`${current}: request failed ${r.url()} (${r.failure()?.errorText})`);
      });
      // Every page, except that ~490 project pages, built from one template, are sampled
      // (every 40th, from the first): loading each would take minutes and test no more.
      const all = files.filter((f) => f.endsWith('index.html')).map((f) => f.replace(/index\.html$/, ''));
      const projects = all.filter((p) => p.startsWith('projects/') && p !== 'projects/');
      const pages = [...all.filter((p) => !projects.includes(p)), ...projects.filter((_, i) => i % 40 === 0)];
      for (const p of pages) {
        current = p || '/';
        const res = await page.goto(server.url + p, { waitUntil: 'networkidle' });
        expect(res?.status(), p).toBe(200);
        expect(res?.headers()['content-security-policy'], p).toMatch(/^default-src 'self'/);
      }
      // What DuckDB-WASM needs, under the served policy: its wasm, compiled from the
      // response (which needs the application/wasm type from _headers), and a blob: worker.
      // eval stays forbidden: the policy is really in force. On a page of its own, whose
      // expected eval violation is not one of the problems above.
      const wasm = files.find((f) => /^_astro\/duckdb-eh\.[^/]+\.wasm$/.test(f));
      const probe = await browser.newPage();
      await probe.goto(server.url, { waitUntil: 'load' });
      const allowed = await probe.evaluate(async (url) => {
        const out: Record<string, string> = {};
        try {
          if (url) await WebAssembly.compileStreaming(fetch(url));
          out.wasm = url ? 'compiled' : 'none';
        } catch (e) {
          out.wasm = String(e);
        }
        out.worker = await new Promise<string>((done) => {
          try {
            const w = new Worker(URL.createObjectURL(new Blob(['postMessage("up")'], { type: 'text/javascript' })));
            w.onmessage = (m) => done(String(m.data));
            w.onerror = () => done('error');
          } catch (e) {
            done(String(e));
          }
        });
        try {
          // eval on purpose: the policy must block it.
          out.eval = String((0, eval)('1 + 1'));
        } catch {
          out.eval = 'blocked';
        }
        return out;
      }, wasm ? server.url + wasm : null);
      expect(allowed).toEqual({ wasm: wasm ? 'compiled' : 'none', worker: 'up', eval: 'blocked' });
    } finally {
      await browser.close();
    }
    expect(problems).toEqual([]);
  }, 120_000);
});
