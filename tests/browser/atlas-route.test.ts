// Issue 13's route, with JavaScript off: from an article's top-projects bar to that
// project's page, from there to its category's page, and back to the article, by
// clicking links a reader sees (no URL typed after the first).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HAS_CHROMIUM, openSession, reportPaths, type Session } from './lib/browser.ts';
import { publishedQuarters } from './lib/data.ts';
import { siteBuild } from './lib/site.ts';

let off: Session;
let report = '';

describe.skipIf(!HAS_CHROMIUM)('atlas route, JavaScript off', () => {
  beforeAll(async () => {
    const { dir } = await siteBuild();
    report = reportPaths(dir, publishedQuarters()).at(-1)!;
    off = await openSession({ javaScriptEnabled: false });
  }, 300_000);
  afterAll(async () => {
    await off?.close();
  });

  it('article bar → project → category → article', async () => {
    const page = await off.page(report);
    const bar = page.locator('top-projects a.ds-bars__repo').first();
    const repo = (await bar.textContent())!.trim();
    expect(repo).toMatch(/^[\w.-]+\/[\w.-]+$/);

    await bar.click();
    await page.waitForURL(`**/projects/${repo}/`);
    expect(await page.locator('h1').textContent()).toContain(repo);

    // The category named in the project's facts leads to the category page, which lists the project.
    const category = page.locator('.atlas-facts a[href*="/categories/"]').first();
    const categoryName = (await category.textContent())!.trim();
    await category.click();
    await page.waitForURL('**/categories/*/');
    expect(await page.locator('h1').textContent()).toContain(categoryName);
    expect(await page.locator(`a[href$="/projects/${repo}/"]`).count()).toBeGreaterThan(0);

    // The project page names the articles that mention it; the way back is a link, not the browser's history.
    await page.locator(`a[href$="/projects/${repo}/"]`).first().click();
    await page.waitForURL(`**/projects/${repo}/`);
    const back = page.locator(`a[href$="${report}"]`).first();
    expect(await back.count(), `a link back to ${report}`).toBeGreaterThan(0);
    await back.click();
    await page.waitForURL(`**${report}`);
    expect(await page.locator('top-projects').count()).toBe(1);
    expect(off.errors).toEqual([]);
  });
});
