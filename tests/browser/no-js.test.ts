// Without JavaScript every table and chart is in the page, with the same counts as
// with it; the controls that need JavaScript take no room and cannot be seen.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HAS_CHROMIUM, openSession, reportPaths, type Session } from './lib/browser.ts';
import { publishedQuarters } from './lib/data.ts';
import { counts, upgraded } from './lib/page.ts';
import { siteBuild } from './lib/site.ts';

let off: Session;
let on: Session;
let pages: string[] = [];

describe.skipIf(!HAS_CHROMIUM)('JavaScript off', () => {
  beforeAll(async () => {
    const { dir } = await siteBuild();
    pages = ['/', '/methodology/', '/explore/', ...reportPaths(dir, publishedQuarters())];
    [off, on] = await Promise.all([openSession({ javaScriptEnabled: false }), openSession()]);
  }, 300_000);
  afterAll(async () => {
    await Promise.all([off?.close(), on?.close()]);
  });

  it('every page has the same tables, rows, charts and bars with and without JavaScript', async () => {
    expect(pages.filter((p) => p.startsWith('/reports/')).length, 'report pages in the build').toBeGreaterThan(0);
    for (const path of pages) {
      const [a, b] = await Promise.all([off.page(path), on.page(path)]);
      await upgraded(b);
      const [without, withJs] = await Promise.all([counts(a), counts(b)]);
      expect(without, `${path} without JavaScript`).toEqual(withJs);
      if (path.startsWith('/reports/')) {
        expect(without.tables, `${path}: tables`).toBeGreaterThanOrEqual(3);
        expect(without.svgs, `${path}: charts`).toBeGreaterThanOrEqual(3);
        expect(without.bars, `${path}: project bars`).toBeGreaterThan(0);
      }
    }
  });

  it('shows no control that needs JavaScript, and they take no room', async () => {
    for (const path of pages) {
      const page = await off.page(path);
      const shown = await page.evaluate(() =>
        [...document.querySelectorAll('.ds-controls, .ds-console__ui')].filter((e) => e.getBoundingClientRect().height > 0 || getComputedStyle(e).display !== 'none').length,
      );
      expect(shown, `${path}: visible controls`).toBe(0);
    }
    const explore = await off.page('/explore/');
    expect(await explore.locator('.ds-console__nojs').isVisible()).toBe(true);
    expect(await explore.locator('.ds-files a[href$=".parquet"]').count()).toBeGreaterThan(0);
  });

  it('with JavaScript the controls are there and enabled once the elements upgrade', async () => {
    const report = pages.find((p) => p.startsWith('/reports/'))!;
    const page = await on.page(report);
    await upgraded(page);
    for (const sel of ['snapshot-table select[data-control="quarter"]', 'talent-chord input[data-control="min-commits"]', 'top-projects select[data-control="category"]']) {
      const control = page.locator(sel).first();
      expect(await control.isVisible(), sel).toBe(true);
      expect(await control.isEnabled(), sel).toBe(true);
    }
    expect(on.errors).toEqual([]);
  });
});
