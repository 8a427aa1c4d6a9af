// Small page helpers shared by the browser tests.
import type { Page } from 'playwright-core';

/** Waits until every custom element of the page has upgraded (data-ready). */
export async function upgraded(page: Page): Promise<void> {
  await page.waitForFunction(() => [...document.querySelectorAll('snapshot-table, talent-chord, top-projects, sql-console')].every((e) => e.hasAttribute('data-ready')));
}

/** Waits until `selector`'s element has attribute `name` = `value` and is no longer busy. */
export async function settled(page: Page, selector: string, name: string, value: string, timeout = 30_000): Promise<void> {
  await page.waitForFunction(
    ([s, n, v]) => {
      const el = document.querySelector(s!);
      return el !== null && el.getAttribute(n!) === v && !el.hasAttribute('aria-busy');
    },
    [selector, name, value],
    { timeout },
  );
}

/** Markup without what only one side writes: Astro's scoping ids, the sort order mark. */
export function comparable(html: string): string {
  return html
    .replace(/\s+data-(?:astro-cid-[a-z0-9]+|order)(?:="[^"]*")?/g, '')
    .replace(/>\s+</g, '><')
    .replace(/\s+<\//g, '</')
    .replace(/\s+/g, ' ')
    .trim();
}

export interface Counts {
  tables: number;
  tableRows: number;
  svgs: number;
  svgMarks: number;
  bars: number;
}

/** What a reader gets in the article or page body: tables, rows, charts and their marks. */
export async function counts(page: Page): Promise<Counts> {
  return page.evaluate(() => {
    const root = document.querySelector('main') ?? document.body;
    const n = (s: string) => root.querySelectorAll(s).length;
    return { tables: n('table'), tableRows: n('table tr'), svgs: n('svg'), svgMarks: n('svg :is(path, rect, circle, line, polyline, text)'), bars: n('li.ds-bars__row') };
  });
}
