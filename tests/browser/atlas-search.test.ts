// The static search (Pagefind, issue 13): from the header's form to results, offline,
// nothing sent to another origin, and the first query costs at most 300 KB on the wire.
// Pages other than /search/ load no search code until the box is used.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { HAS_CHROMIUM, openSession, type Session } from './lib/browser.ts';

let s: Session;

async function results(page: Page): Promise<{ href: string; title: string; text: string }[]> {
  await page.waitForFunction(() => /result|Nothing found/.test(document.querySelector('[data-search-status]')?.textContent ?? ''), undefined, { timeout: 30_000 });
  return page.$$eval('[data-search-results] li', (lis) =>
    lis.map((li) => ({ href: li.querySelector('a')!.getAttribute('href')!, title: li.querySelector('a')!.textContent ?? '', text: li.textContent ?? '' })),
  );
}

/** Bytes received for every response of a page (encoded body sizes, as on the wire). */
function transferred(page: Page): () => Promise<{ total: number; urls: string[] }> {
  const sizes: Promise<{ url: string; bytes: number }>[] = [];
  page.on('requestfinished', (r) => sizes.push(r.sizes().then((z) => ({ url: r.url(), bytes: z.responseBodySize + z.responseHeadersSize }))));
  return async () => {
    const all = await Promise.all(sizes);
    return { total: all.reduce((t, x) => t + x.bytes, 0), urls: all.map((x) => x.url) };
  };
}

describe.skipIf(!HAS_CHROMIUM)('search', () => {
  beforeAll(async () => {
    s = await openSession();
  }, 300_000);
  afterAll(async () => {
    await s?.close();
  });

  it('the header form leads to results for a project name, without loading search code before', async () => {
    const page = await s.page('/projects/flashinfer-ai/flashinfer/');
    const scripts = await page.$$eval('script[src]', (xs) => xs.map((x) => x.getAttribute('src')));
    expect(scripts.filter((src) => /pagefind|search/i.test(src ?? ''))).toEqual([]);
    await page.fill('header input[name="q"]', 'flashinfer');
    await Promise.all([page.waitForURL(/\/search\/\?q=flashinfer/), page.press('header input[name="q"]', 'Enter')]);
    const hits = await results(page);
    expect(hits[0]?.href).toMatch(/\/projects\/flashinfer-ai\/flashinfer\/$/);
  });

  it('finds a category by its name', async () => {
    const page = await s.page('/search/?q=LLM%20serving');
    const hits = await results(page);
    expect(hits.map((h) => h.href)).toContain('/categories/llm-serving/');
  });

  it('finds a sentence from the 2024-q3 article', async () => {
    const page = await s.page(`/search/?q=${encodeURIComponent('crowds moved while cores held')}`);
    const hits = await results(page);
    expect(hits[0]?.href).toBe('/reports/2024-q3/');
  });

  it('the first query transfers at most 300 KB, all from the site itself', async () => {
    const page = await s.context.newPage();
    const done = transferred(page);
    await page.goto(new URL('/search/?q=flashinfer', s.server.origin).href);
    await results(page);
    const { total, urls } = await done();
    console.log(`search page + first query: ${(total / 1024).toFixed(1)} KB over ${urls.length} responses`);
    expect(total).toBeLessThanOrEqual(300 * 1024);
    expect(s.foreign).toEqual([]);
    await page.close();
  });
});
