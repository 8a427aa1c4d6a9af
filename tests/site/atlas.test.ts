// The atlas in the build (issue 13): a page for every registry repository and every
// category, every internal link resolving (at the root and under a sub-path base), no
// e-mail address or contributor name, the pages in the sitemap with their own share
// image, and each atlas page's weight. Builds the site (or reads BUILD_DIR); the
// sub-path build is a second build (or ATLAS_SUBPATH_DIR, built with
// DEEP_SIGNAL_BASE=/deep-signal/).
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { astroBuild, BASE, buildOnce, ROOT, SITE, walk, type BuildResult } from './lib/dist.ts';
import { links, text } from './lib/html.ts';
import { contributorNames, namesIn } from './lib/names.ts';
import { parseCsvTable } from '../../scripts/common/csv.ts';
import { categoryPath, projectPath } from '../../src/lib/atlas-paths.ts';

// [repo, category, status, upstream, tracked_until, note] of every registry row, read with the engine's own CSV reader.
const registry = parseCsvTable(readFileSync(join(ROOT, 'data/tracked-repos.csv'), 'utf8'), 'data/tracked-repos.csv').rows.map((r) => [r.values.repo!, r.values.category!, r.values.status!, r.values.upstream!, r.values.tracked_until!, r.values.note!]);
const categories = (parse(readFileSync(join(ROOT, 'data/categories.yaml'), 'utf8')) as { categories: { id: string }[] }).categories.map((c) => c.id);
const EMAIL = /[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}/;

let build: BuildResult;
let files: string[];
let sub: { dir: string; temporary: boolean } | undefined;
const read = (dir: string, rel: string): string => readFileSync(join(dir, rel), 'utf8');
const atlasPages = (): string[] => files.filter((f) => /^(projects|categories)\/.*index\.html$/.test(f) && f !== 'projects/index.html');

/** Internal links of every page that point at nothing in the build (base-relative). */
function brokenLinks(dir: string, base: string, all: readonly string[]): string[] {
  const have = new Set(all);
  const broken: string[] = [];
  for (const f of all.filter((x) => x.endsWith('.html'))) {
    for (const href of links(read(dir, f))) {
      if (/^(?:[a-z]+:|#|\/\/)/i.test(href)) continue;
      const url = new URL(href, new URL(`${base}${f}`, 'https://site.invalid'));
      if (!url.pathname.startsWith(base)) {
        broken.push(`${f}: ${href} (outside ${base})`);
        continue;
      }
      let p = decodeURIComponent(url.pathname.slice(base.length));
      if (p === '' || p.endsWith('/')) p += 'index.html';
      if (!have.has(p)) broken.push(`${f}: ${href}`);
    }
  }
  return [...new Set(broken)];
}

beforeAll(() => {
  build = buildOnce();
  files = walk(build.dir);
  if (build.seconds !== null) console.log(`astro build: ${build.seconds.toFixed(1)} s, ${files.filter((f) => f.endsWith('.html')).length} pages`);
}, 600_000);

afterAll(() => {
  if (build?.temporary) rmSync(build.dir, { recursive: true, force: true });
  if (sub?.temporary) rmSync(sub.dir, { recursive: true, force: true });
});

describe('atlas pages', () => {
  it('every registry repository has a page; an unavailable one says why', () => {
    expect(registry.length).toBeGreaterThan(400);
    const missing = registry.filter((r) => !files.includes(`${projectPath(r[0]!)}index.html`)).map((r) => r[0]);
    expect(missing).toEqual([]);
    for (const r of registry.filter((x) => x[2] === 'unavailable')) {
      const page = text(read(build.dir, `${projectPath(r[0]!)}index.html`));
      expect(page, r[0]).toContain('Listed, history not available');
      expect(page, r[0]).toContain(r[5]!);
      expect(page, r[0]).toContain('What is missing');
    }
  });

  it('every category has a page with its projects ranked, each linking to its page', () => {
    for (const id of categories) {
      const html = read(build.dir, `${categoryPath(id)}index.html`);
      const inCategory = registry.filter((r) => r[1] === id).map((r) => r[0]!);
      const table = /<table class="ds-atlas-table" data-sortable[\s\S]*?<\/table>/.exec(html)?.[0] ?? '';
      const rows = [...table.matchAll(/<tr data-repo="([^"]+)"/g)].map((m) => m[1]);
      expect(rows.sort(), id).toEqual([...inCategory].sort());
      for (const repo of inCategory) expect(table, `${id}: ${repo}`).toContain(`href="${BASE}${projectPath(repo)}"`);
    }
  });

  it('a project links to its category and the category back to the project', () => {
    const html = read(build.dir, 'projects/flashinfer-ai/flashinfer/index.html');
    expect(html).toContain(`href="${BASE}categories/gpu-kernels/"`);
    expect(read(build.dir, 'categories/gpu-kernels/index.html')).toContain(`href="${BASE}projects/flashinfer-ai/flashinfer/"`);
  });

  it('a project states its rank among its category\'s active projects, as top_projects has it', async () => {
    const { DuckDBInstance } = await import('@duckdb/node-api');
    const quarter = readdirSync(join(ROOT, 'data/published')).filter((d) => /^\d{4}-q\d$/.test(d)).sort().at(-1)!;
    const file = join(ROOT, 'data/published', quarter, 'top_projects.parquet');
    const conn = await (await DuckDBInstance.create(':memory:')).connect();
    const [r] = (
      await conn.runAndReadAll(
        `SELECT rank_in_category::INTEGER AS rank, (SELECT count(*)::INTEGER FROM read_parquet('${file}') t WHERE t.quarter = p.quarter AND t.category_id = p.category_id) AS n
         FROM read_parquet('${file}') p WHERE repo = 'flashinfer-ai/flashinfer' AND quarter = '${quarter}'`,
      )
    ).getRowObjectsJS() as { rank: number; n: number }[];
    conn.closeSync();
    expect(text(read(build.dir, 'projects/flashinfer-ai/flashinfer/index.html'))).toContain(`#${r!.rank} of ${r!.n} active projects by contributors`);
  });

  it('every internal link of the build resolves', () => {
    expect(brokenLinks(build.dir, BASE, files)).toEqual([]);
  });

  it('every internal link resolves under a sub-path base too', () => {
    const given = process.env.ATLAS_SUBPATH_DIR;
    if (given) sub = { dir: given, temporary: false };
    else {
      const dir = mkdtempSync(join(tmpdir(), 'ds-dist-sub-'));
      const seconds = astroBuild(dir, { DEEP_SIGNAL_BASE: '/deep-signal/', DEEP_SIGNAL_DRAFTS: '1' });
      console.log(`astro build under /deep-signal/: ${seconds.toFixed(1)} s`);
      sub = { dir, temporary: true };
    }
    const all = walk(sub.dir);
    expect(all).toContain('projects/flashinfer-ai/flashinfer/index.html');
    expect(brokenLinks(sub.dir, '/deep-signal/', all)).toEqual([]);
  }, 600_000);

  it('no page contains an e-mail address', () => {
    const hits = files.filter((f) => /\.(html|xml|json)$/.test(f) && !f.startsWith('pagefind/')).filter((f) => EMAIL.test(read(build.dir, f)));
    expect(hits).toEqual([]);
  });

  it('no atlas page or search fragment contains a contributor name', async (ctx) => {
    const names = await contributorNames();
    if (typeof names === 'string') {
      console.warn(`skipping the contributor-name check: ${names}`);
      ctx.skip();
      return;
    }
    const hits = atlasPages().flatMap((f) => namesIn(text(read(build.dir, f)), names).map((n) => `${f}: ${n}`));
    expect(hits).toEqual([]);
  });

  it('the sitemap lists every atlas page, and each page has its canonical URL and its own share image', () => {
    const sitemap = read(build.dir, 'sitemap.xml');
    for (const f of atlasPages()) {
      const rel = f.replace(/index\.html$/, '');
      const url = new URL(BASE + rel, SITE).href;
      expect(sitemap, rel).toContain(`<loc>${url}</loc>`);
      const html = read(build.dir, f);
      if (rel === 'categories/') continue;
      expect(html, rel).toContain(`<link rel="canonical" href="${url}">`);
      const image = /<meta property="og:image" content="([^"]+)"/.exec(html)?.[1] ?? '';
      expect(image, rel).toBe(new URL(`${BASE}og/${rel.replace(/\/$/, '')}.png`, SITE).href);
      expect(existsSync(join(build.dir, `og/${rel.replace(/\/$/, '')}.png`)), rel).toBe(true);
    }
  });
});

describe('atlas weight', () => {
  it('each atlas page is at most 40 KB gzip, loads no wasm, and only the category sorter as script', () => {
    const sizes = atlasPages().map((f) => {
      const html = read(build.dir, f);
      return { f, raw: Buffer.byteLength(html), gzip: gzipSync(html, { level: 9 }).length, scripts: [...html.matchAll(/<script[^>]*src="([^"]+)"/g)].map((m) => m[1]!) };
    });
    const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;
    const by = [...sizes].sort((a, b) => b.gzip - a.gzip);
    const median = by[Math.floor(by.length / 2)]!;
    console.log(`atlas pages: ${sizes.length}; largest ${by[0]!.f} ${kb(by[0]!.raw)} raw / ${kb(by[0]!.gzip)} gzip; median ${kb(median.gzip)} gzip`);
    for (const s of by.slice(0, 3)) console.log(`  ${s.f}: ${kb(s.raw)} / ${kb(s.gzip)}`);
    expect(by.filter((s) => s.gzip > 40 * 1024).map((s) => s.f)).toEqual([]);
    for (const s of sizes) {
      expect(read(build.dir, s.f), s.f).not.toMatch(/\.wasm\b/);
      for (const src of s.scripts) {
        const js = read(build.dir, decodeURIComponent(new URL(src, new URL(BASE, SITE)).pathname.slice(BASE.length)));
        expect(js, `${s.f} loads ${src}`).not.toMatch(/\.wasm|duckdb|pagefind/i);
      }
      if (s.f.startsWith('projects/')) expect(s.scripts, s.f).toEqual([]);
    }
  });
});
