// What a reader meets after the first click: the chord's box opens beside the pointer or
// the arc, and Escape or a click elsewhere lets a pinned category go; the explore console
// never leaves an old result (or its download) under a failed query, and shows DuckDB's hint.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { HAS_CHROMIUM, openSession, type Session } from './lib/browser.ts';
import { publishedQuarters } from './lib/data.ts';
import { upgraded } from './lib/page.ts';

let s: Session;
const report = `/reports/${publishedQuarters().at(-1)!}/`;

/** A point on the first drawn arc of the first chord, in page coordinates. */
async function pointOnArc(page: Page, index = 0): Promise<{ x: number; y: number }> {
  const chord = page.locator('talent-chord').first();
  await chord.locator('svg.ds-chord').scrollIntoViewIfNeeded();
  return chord.locator('.chord-arc').nth(index).evaluate((el) => {
    const path = el as SVGPathElement;
    const p = path.getPointAtLength(path.getTotalLength() / 4);
    const m = path.getScreenCTM()!;
    // A quarter along the outline is on the arc's outer edge: step inside it, towards the centre.
    const len = Math.hypot(p.x, p.y);
    const q = { x: p.x * (1 - 6 / len), y: p.y * (1 - 6 / len) };
    return { x: q.x * m.a + q.y * m.c + m.e, y: q.x * m.b + q.y * m.d + m.f };
  });
}

describe.skipIf(!HAS_CHROMIUM)('chord and explore console', () => {
  beforeAll(async () => {
    s = await openSession();
  }, 300_000);
  afterAll(async () => {
    await s?.close();
  });

  it.each(publishedQuarters())('%s: the chord takes the figure’s width and names every arc, no name over another or over the circle', async (quarter) => {
    const page = await s.page(`/reports/${quarter}/`);
    await upgraded(page);
    const chords = await page.locator('talent-chord').evaluateAll((els) =>
      els
        .filter((el) => el.querySelector('svg.ds-chord'))
        .map((el) => {
          // The circle: the union of the arcs (their group also holds the names).
          const arcs = [...el.querySelectorAll('svg.ds-chord .chord-arc')].map((a) => a.getBoundingClientRect());
          const left = Math.min(...arcs.map((r) => r.left));
          const right = Math.max(...arcs.map((r) => r.right));
          const top = Math.min(...arcs.map((r) => r.top));
          const bottom = Math.max(...arcs.map((r) => r.bottom));
          const ring = { width: right - left };
          const centre = { x: (left + right) / 2, y: (top + bottom) / 2 };
          const labels = [...el.querySelectorAll('.chord-label')].map((l) => l.getBoundingClientRect());
          const overlaps = labels.flatMap((a, i) => labels.slice(i + 1).filter((b) => a.right > b.left && a.left < b.right && a.bottom > b.top && a.top < b.bottom)).length;
          // A label corner inside the circle would lie over the ribbons.
          const inside = labels.filter((r) =>
            [
              [r.left, r.top],
              [r.right, r.top],
              [r.left, r.bottom],
              [r.right, r.bottom],
            ].some(([x, y]) => Math.hypot(x! - centre.x, y! - centre.y) < ring.width / 2 - 2),
          ).length;
          return { ring: ring.width, figure: el.getBoundingClientRect().width, arcs: el.querySelectorAll('.chord-group').length, labels: labels.length, overlaps, inside };
        }),
    );
    for (const c of chords) {
      expect(c.ring / c.figure).toBeGreaterThan(0.55);
      expect([c.labels, c.overlaps, c.inside]).toEqual([c.arcs, 0, 0]);
    }
  });

  it('the chord’s box opens beside the pointer, not in a corner over the names', async () => {
    const page = await s.page(report);
    await upgraded(page);
    const at = await pointOnArc(page, 2);
    await page.mouse.move(at.x, at.y);
    const info = page.locator('talent-chord .ds-chord__info').first();
    await info.waitFor({ state: 'visible' });
    const box = (await info.boundingBox())!;
    const gap = Math.hypot(Math.max(box.x - at.x, 0, at.x - (box.x + box.width)), Math.max(box.y - at.y, 0, at.y - (box.y + box.height)));
    expect(gap).toBeLessThan(40);
    // It covers no label of another category.
    const covered = await page.locator('talent-chord').first().evaluate((el, b) => {
      const hit = (r: DOMRect) => r.right > b.x && r.left < b.x + b.width && r.bottom > b.y && r.top < b.y + b.height;
      return [...el.querySelectorAll('.chord-label')].filter((l) => getComputedStyle(l).display !== 'none' && hit(l.getBoundingClientRect())).map((l) => l.textContent);
    }, box);
    expect(covered.length).toBeLessThanOrEqual(1);
  });

  it('a pinned category lets go on Escape and on a click elsewhere', async () => {
    const page = await s.page(report);
    await upgraded(page);
    const chord = page.locator('talent-chord').first();
    const arc = chord.locator('.chord-arc').first();
    const info = chord.locator('.ds-chord__info');
    const at = await pointOnArc(page, 0);

    await page.mouse.click(at.x, at.y);
    expect(await arc.getAttribute('aria-pressed')).toBe('true');
    await page.mouse.move(5, 5);
    expect(await info.isVisible()).toBe(true);
    await page.keyboard.press('Escape');
    expect(await arc.getAttribute('aria-pressed')).toBe('false');
    expect(await info.isVisible()).toBe(false);
    expect(await chord.locator('svg.ds-chord').getAttribute('data-active')).toBeNull();

    await page.mouse.click(at.x, at.y);
    expect(await arc.getAttribute('aria-pressed')).toBe('true');
    await page.locator('h1').first().click();
    expect(await arc.getAttribute('aria-pressed')).toBe('false');
    expect(await info.isVisible()).toBe(false);
  });

  it('a failed query clears the last result and its download, and shows DuckDB’s hint', async () => {
    const page = await s.page('/explore/');
    await upgraded(page);
    const run = async (sql: string) => {
      await page.locator('sql-console textarea').fill(sql);
      await page.locator('sql-console button[type="submit"]').click();
      await page.waitForFunction(() => !document.querySelector('sql-console')?.hasAttribute('aria-busy'), undefined, { timeout: 30_000 });
    };
    await run('SELECT quarter FROM quarters ORDER BY quarter');
    await page.waitForSelector('sql-console table.ds-results', { timeout: 30_000 });
    expect(await page.locator('sql-console button[data-download]').isVisible()).toBe(true);

    await run('SELECT quartr FROM quarters');
    await page.waitForFunction(() => document.querySelector('sql-console .ds-status')?.textContent?.startsWith('The query failed'));
    expect(await page.locator('sql-console table.ds-results').count()).toBe(0);
    expect(await page.locator('sql-console button[data-download]').isVisible()).toBe(false);
    expect(await page.locator('sql-console [data-output]').textContent()).toContain('Candidate bindings: "quarters.quarter"');
    expect(await page.locator('sql-console .ds-console__where').textContent()).toMatch(/^LINE 1: SELECT quartr FROM quarters\n\s+\^$/);

    // A query the read-only check refuses takes the result away too.
    await run('SELECT quarter FROM quarters');
    await page.waitForSelector('sql-console table.ds-results');
    await run('DROP TABLE quarters');
    expect(await page.locator('sql-console table.ds-results').count()).toBe(0);
    expect(await page.locator('sql-console button[data-download]').isVisible()).toBe(false);
  });
});
