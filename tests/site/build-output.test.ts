// Checks the built site as a reader without JavaScript gets it: every page, table and chart
// in the HTML, feeds that parse, share images of the right size, no personal data, and no
// internal link that leads nowhere. BUILD_DIR=dist checks an existing build instead.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { existsSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import sharp from 'sharp';
import { DuckDBInstance } from '@duckdb/node-api';
import { BASE, buildOnce, DRAFTS_INCLUDED, ROOT, SITE, sourceReports, TEXT_FILE, walk, type BuildResult } from './lib/dist.ts';
import { all, parseXml } from './lib/xml.ts';
import { article, headings, ids, links, meta, text } from './lib/html.ts';
import { contributorNames, namesIn } from './lib/names.ts';

let build: BuildResult;
let files: string[];
const read = (rel: string): string => readFileSync(join(build.dir, rel), 'utf8');
const htmlFiles = (): string[] => files.filter((f) => f.endsWith('.html'));

const reports = sourceReports();
const published = reports.filter((r) => r.status === 'published').sort((a, b) => b.quarter.localeCompare(a.quarter));
const visible = (): typeof reports =>
  reports.filter((r) => r.status === 'published' || DRAFTS_INCLUDED).sort((a, b) => b.quarter.localeCompare(a.quarter));
const pageUrl = (p: string): string => new URL(BASE + p, SITE).href;

beforeAll(() => {
  build = buildOnce();
  files = walk(build.dir);
  if (build.seconds !== null) console.log(`astro build: ${build.seconds.toFixed(1)} s → ${build.dir}`);
}, 300_000);

afterAll(() => {
  if (build?.temporary) rmSync(build.dir, { recursive: true, force: true });
});

describe('articles (JavaScript off)', () => {
  it.each(reports.map((r) => r.quarter))('%s: page with tables and SVG charts in the raw HTML', (quarter) => {
    const r = reports.find((x) => x.quarter === quarter)!;
    const file = `reports/${quarter}/index.html`;
    if (r.status === 'draft' && !DRAFTS_INCLUDED) {
      expect(files, 'a draft must not be in a production build').not.toContain(file);
      return;
    }
    expect(files).toContain(file);
    const body = article(read(file));
    expect(body.match(/<table\b/g)?.length ?? 0, 'tables in the article').toBeGreaterThanOrEqual(2);
    const svgs = [...body.matchAll(/<svg\b[\s\S]*?<\/svg>/g)].map((m) => m[0]);
    expect(svgs.length, 'SVG charts in the article').toBeGreaterThanOrEqual(3);
    expect(svgs.filter((s) => /<(path|rect|circle|line|polyline)\b/.test(s)).length, 'SVGs that draw something').toBeGreaterThanOrEqual(3);
    expect(body).toMatch(/<h1\b/);
    expect(body).toContain('Back to articles');
  });

  it.each(published.map((r) => r.quarter))('%s: trend charts say where a history stopping early bends the lines, exactly when the data has such quarters', async (quarter) => {
    const db = await DuckDBInstance.create(':memory:');
    const conn = await db.connect();
    const file = join(ROOT, 'data', 'published', quarter, 'scope_quarters.parquet');
    const [row] = (await conn.runAndReadAll(`SELECT count(*)::INTEGER AS n FROM read_parquet('${file}') WHERE scope_type = 'category' AND NOT observed`)).getRowObjectsJS() as { n: number }[];
    conn.closeSync();
    db.closeSync();
    const html = read(`reports/${quarter}/index.html`);
    const usesTrend = html.includes('<category-trend');
    expect(html.includes('A tracked history stops early in')).toBe(usesTrend && row!.n > 0);
  });

  it('drafts (in a preview build) say so and ask not to be indexed', () => {
    for (const r of visible().filter((x) => x.status === 'draft')) {
      const html = read(`reports/${r.quarter}/index.html`);
      expect(html).toContain('<meta name="robots" content="noindex"');
      expect(html).toMatch(/class="badge"[^>]*>Draft</);
    }
  });

  it.each(visible().map((r) => r.quarter))('%s: share image is a 1200×630 PNG named in the page', async (quarter) => {
    const png = join(build.dir, `og/${quarter}.png`);
    expect(existsSync(png)).toBe(true);
    const m = await sharp(png).metadata();
    expect([m.format, m.width, m.height]).toEqual(['png', 1200, 630]);
    const html = read(`reports/${quarter}/index.html`);
    expect(meta(html, 'og:image')).toBe(pageUrl(`og/${quarter}.png`));
    expect(meta(html, 'twitter:image')).toBe(pageUrl(`og/${quarter}.png`));
    expect(html).toContain(`<link rel="canonical" href="${pageUrl(`reports/${quarter}/`)}"`);
  });
});

describe('index, feeds, 404', () => {
  it('the index lists the visible reports, newest first', () => {
    const html = read('index.html');
    const order = [...html.matchAll(/href="[^"]*reports\/(\d{4}-q[1-4])\/"/g)].map((m) => m[1]);
    expect([...new Set(order)]).toEqual(visible().map((r) => r.quarter));
  });

  it('rss.xml parses and lists exactly the published reports', () => {
    const rss = parseXml(read('rss.xml'));
    expect(rss.name).toBe('rss');
    const items = all(rss, 'item');
    expect(items.map((i) => all(i, 'link')[0]?.text)).toEqual(published.map((r) => pageUrl(`reports/${r.quarter}/`)));
    expect(items.map((i) => all(i, 'title')[0]?.text)).toEqual(published.map((r) => r.title));
  });

  it('sitemap.xml parses and lists the index, the methodology, the predictions, the explorer and the published reports', () => {
    const locs = all(parseXml(read('sitemap.xml')), 'loc').map((l) => l.text);
    // Atlas pages follow the reports; tests/site/atlas.test.ts checks them.
    expect(locs.filter((l) => !/\/(categories|projects)\//.test(l))).toEqual([pageUrl(''), pageUrl('methodology/'), pageUrl('predictions/'), pageUrl('explore/'), ...published.map((r) => pageUrl(`reports/${r.quarter}/`))]);
    for (const loc of locs) {
      const rel = loc.slice(new URL(BASE, SITE).href.length);
      expect(files, loc).toContain(`${rel}index.html`);
    }
  });

  it('has a 404 page and a robots.txt pointing at the sitemap', () => {
    expect(read('404.html')).toMatch(/does not exist/);
    expect(read('robots.txt')).toContain(`Sitemap: ${pageUrl('sitemap.xml')}`);
  });
});

describe('methodology', () => {
  const html = (): string => read('methodology/index.html');

  // The definitions of the design notes (§2), which data/README.md refers to by name.
  const designTerms = [
    'Quarter', 'Commit', 'Dates', 'Provenance', 'Contributors', 'Identity merging', 'Bots', 'AI agents', 'Active',
    'New, retained, reactivated, churned', 'Churn rate and retention', 'Active weeks', 'Quarter-over-quarter change',
    'Overlap', 'Migration', 'Test vs implementation', 'Company share', 'Concentration',
  ];
  it('has a heading for every definition of the design notes', () => {
    const hs = headings(html()).map((h) => h.toLowerCase());
    for (const term of designTerms) expect(hs.some((h) => h.includes(term.toLowerCase())), term).toBe(true);
  });

  it('has a heading for every choice data/README.md writes down', () => {
    const readme = readFileSync(join(ROOT, 'data/README.md'), 'utf8');
    const section = readme.split(/^## /m).find((s) => s.startsWith('Definitions'))!;
    const terms = [...section.matchAll(/^- \*\*([^*]+?)\.?\*\*/gm)].map((m) => m[1]!);
    expect(terms.length).toBeGreaterThan(0);
    const hs = headings(html()).map((h) => h.toLowerCase());
    for (const term of terms) expect(hs.some((h) => h.includes(term.toLowerCase())), term).toBe(true);
  });

  it('says the figures cover the available subset and names every repository not ingested', async () => {
    const page = text(html());
    expect(page).toMatch(/available subset/);
    // The same folder the site reads (tests may point it at a fixture).
    const pubDir = resolve(ROOT, process.env.DEEP_SIGNAL_PUBLISHED_DIR ?? 'data/published');
    const latest = existsSync(pubDir)
      ? readdirSync(pubDir).filter((d) => /^\d{4}-q[1-4]$/.test(d) && existsSync(join(pubDir, d, 'repos.parquet'))).sort().at(-1)
      : undefined;
    let missing: string[];
    if (latest) {
      const db = await DuckDBInstance.create(':memory:');
      const conn = await db.connect();
      const file = join(pubDir, latest, 'repos.parquet');
      missing = ((await conn.runAndReadAll(`SELECT repo FROM read_parquet('${file}') WHERE NOT ingested`)).getRowObjectsJS() as { repo: string }[]).map((r) => r.repo);
      conn.closeSync();
      db.closeSync();
    } else {
      missing = readFileSync(join(ROOT, 'data/tracked-repos.csv'), 'utf8').split('\n').map((l) => l.split(',')).filter((c) => c[2] === 'unavailable').map((c) => c[0]!);
    }
    expect(missing.length).toBeGreaterThan(0);
    for (const repo of missing) expect(page, repo).toContain(repo);
  });
});

describe('privacy', () => {
  // local@domain.tld; the one lookalike in built assets is the retina suffix "@2x.png".
  const EMAIL = /[A-Za-z0-9._%+-]+@(?!\dx\.)[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}\b/g;

  // Bundled third-party code keeps its licence banners (`/*! … */`, esbuild's legal
  // comments): the authors' attribution the licences require, not data we publish.
  const LEGAL_COMMENT = /\/\*![\s\S]*?\*\//g;
  const withoutLegalComments = (f: string): string => (f.endsWith('.js') ? read(f).replace(LEGAL_COMMENT, '') : read(f));

  it('no e-mail address anywhere in the build', () => {
    const hits = files
      .filter((f) => TEXT_FILE.test(f))
      .flatMap((f) => [...withoutLegalComments(f).matchAll(EMAIL)].map((m) => `${f}: ${m[0]}`));
    expect(hits).toEqual([]);
  });

  it('no contributor name anywhere in the build', async (ctx) => {
    const names = await contributorNames();
    if (typeof names === 'string') {
      console.warn(`skipping the contributor-name check: ${names}`);
      ctx.skip();
      return;
    }
    // What a reader can see or a crawler can index: page text and attribute values, feeds,
    // data files. Stylesheets and scripts are code, whose tokens collide with short names.
    const readable = (f: string): string =>
      f.endsWith('.html') ? `${text(read(f))} ${[...read(f).matchAll(/\s(?:alt|title|aria-label|content)="([^"]*)"/g)].map((m) => m[1]).join(' ')}` : read(f);
    const hits = files
      .filter((f) => TEXT_FILE.test(f) && !/\.(css|js|mjs|map)$/.test(f))
      .flatMap((f) => namesIn(readable(f), names).map((n) => `${f}: ${n}`));
    expect(hits).toEqual([]);
  });
});

describe('weight', () => {
  // What a reader downloads before the page is complete: the HTML, its stylesheets, and the
  // scripts it loads eagerly (not the lazy DuckDB-WASM chunks an interaction may fetch).
  it('reports each article page: HTML, CSS and JS bytes (raw / gzip)', () => {
    const kb = (b: Buffer | string): string => `${(Buffer.byteLength(b) / 1024).toFixed(1)}/${(gzipSync(b).length / 1024).toFixed(1)} KB`;
    const local = (href: string): string => read(decodeURIComponent(new URL(href, new URL(BASE, SITE)).pathname.slice(BASE.length)));
    const rows = visible().map(({ quarter }) => {
      const html = read(`reports/${quarter}/index.html`);
      const css = [...html.matchAll(/<link[^>]+rel="stylesheet"[^>]+href="([^"]+)"/g)].map((m) => local(m[1]!)).join('') +
        [...html.matchAll(/<style\b[^>]*>([\s\S]*?)<\/style>/g)].map((m) => m[1]).join('');
      const js = [...html.matchAll(/<script\b[^>]*\ssrc="([^"]+)"/g)].map((m) => local(m[1]!)).join('') +
        [...html.matchAll(/<link[^>]+rel="modulepreload"[^>]+href="([^"]+)"/g)].map((m) => local(m[1]!)).join('') +
        [...html.matchAll(/<script\b(?![^>]*\ssrc=)[^>]*>([\s\S]*?)<\/script>/g)].map((m) => m[1]).join('');
      const heavy = Buffer.byteLength(html) > 600 * 1024;
      expect(heavy, `reports/${quarter}/ HTML over 600 KB`).toBe(false);
      return `  reports/${quarter}/  HTML ${kb(html)}  CSS ${kb(css)}  JS ${kb(js)}`;
    });
    console.log(`page weight (raw/gzip):\n${rows.join('\n')}`);
  });
});

describe('links', () => {
  const siteRoot = new URL(BASE, SITE);

  it('every internal href/src resolves to a file in the build, and every #fragment to an id', () => {
    const broken: string[] = [];
    for (const f of htmlFiles()) {
      const html = read(f);
      // The 404 page is served at any address; its links are written from the site root.
      const here = new URL(f === '404.html' ? '' : f.replace(/index\.html$/, ''), siteRoot);
      for (const raw of links(html)) {
        if (/^(mailto:|tel:|data:|javascript:)/i.test(raw)) continue;
        const url = new URL(raw, here);
        if (url.origin !== siteRoot.origin) continue;
        if (!url.pathname.startsWith(BASE)) {
          broken.push(`${f}: ${raw} (outside base ${BASE})`);
          continue;
        }
        const rel = decodeURIComponent(url.pathname.slice(BASE.length));
        const target = rel === '' || rel.endsWith('/') ? `${rel}index.html` : rel;
        if (!files.includes(target)) {
          broken.push(`${f}: ${raw} → ${target} missing`);
          continue;
        }
        if (url.hash && target.endsWith('.html') && !ids(read(target)).has(decodeURIComponent(url.hash.slice(1)))) {
          broken.push(`${f}: ${raw} → no id ${url.hash}`);
        }
      }
    }
    expect(broken).toEqual([]);
  });

  it('nothing is loaded from another origin', () => {
    const external: string[] = [];
    for (const f of htmlFiles()) {
      const html = read(f);
      for (const m of html.matchAll(/<(script|link|img|iframe|source|video|audio)\b[^>]*\s(src|href)="(https?:)?\/\/([^"/]+)[^"]*"[^>]*>/g)) {
        if (m[1] === 'link' && !/rel="(stylesheet|preload|modulepreload|icon|manifest)"/.test(m[0])) continue;
        if (m[4] !== siteRoot.host) external.push(`${f}: ${m[0].slice(0, 120)}`);
      }
    }
    expect(external).toEqual([]);
  });
});
