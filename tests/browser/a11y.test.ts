// axe-core on every kind of page, with the elements upgraded (their controls visible),
// in light and dark mode: no serious or critical violation.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HAS_CHROMIUM, openSession, reportPaths, type Session } from './lib/browser.ts';
import { publishedQuarters } from './lib/data.ts';
import { upgraded } from './lib/page.ts';
import { siteBuild } from './lib/site.ts';

const AXE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

interface Violation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: string[] }[];
}

async function serious(page: Page): Promise<string[]> {
  // Evaluated through the DevTools protocol, which the page's CSP does not govern.
  await page.evaluate(`${AXE}\n;0`);
  const violations = (await page.evaluate(() =>
    (window as unknown as { axe: { run(o: unknown): Promise<{ violations: unknown[] }> } }).axe
      .run({ resultTypes: ['violations'] })
      .then((r) => r.violations),
  )) as Violation[];
  return violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.impact} ${v.id}: ${v.help} (${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join('; ')})`);
}

let s: Session;
let pages: string[] = [];

describe.skipIf(!HAS_CHROMIUM)('accessibility (axe-core)', () => {
  beforeAll(async () => {
    const { dir } = await siteBuild();
    pages = ['/', '/methodology/', '/explore/', ...reportPaths(dir, publishedQuarters())];
    s = await openSession();
  }, 300_000);
  afterAll(async () => {
    await s?.close();
  });

  for (const scheme of ['light', 'dark'] as const) {
    it(`${scheme} mode: no serious or critical violations`, async () => {
      const found: string[] = [];
      for (const path of pages) {
        const page = await s.page(path);
        await page.emulateMedia({ colorScheme: scheme });
        await upgraded(page);
        for (const v of await serious(page)) found.push(`${path}: ${v}`);
      }
      expect(found).toEqual([]);
    });
  }

  it('after a query: the explore console’s result table and a highlighted chord', async () => {
    const page = await s.page('/explore/');
    await upgraded(page);
    await page.locator('sql-console button[type="submit"]').click();
    await page.waitForSelector('sql-console table.ds-results', { timeout: 30_000 });
    const report = await s.page(pages.find((p) => p.startsWith('/reports/'))!);
    await upgraded(report);
    await report.locator('talent-chord .chord-arc').first().focus();
    expect([...(await serious(page)).map((v) => `explore: ${v}`), ...(await serious(report)).map((v) => `report: ${v}`)]).toEqual([]);
  });
});
