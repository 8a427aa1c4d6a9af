// On a 390 px phone: the chord names every category it draws (a number beside each arc,
// a key, the largest links by name) with the circle across the screen; every column of
// the snapshot table can be reached while its row still says which category it is; the
// headline figures leave no empty cell.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HAS_CHROMIUM, openSession, type Session } from './lib/browser.ts';
import { publishedQuarters } from './lib/data.ts';
import { upgraded } from './lib/page.ts';

let s: Session;
const report = `/reports/${publishedQuarters().at(-1)!}/`;

describe.skipIf(!HAS_CHROMIUM)('a report on a phone (390 px)', () => {
  beforeAll(async () => {
    s = await openSession({ viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, hasTouch: true });
  }, 300_000);
  afterAll(async () => {
    await s?.close();
  });

  it('the chord fills the width and names every arc it draws', async () => {
    const page = await s.page(report);
    await upgraded(page);
    const chords = await page.locator('talent-chord').evaluateAll((els) =>
      els
        .filter((el) => el.querySelector('svg.ds-chord'))
        .map((el) => {
          const visible = (e: Element | null) => {
            if (!e) return false;
            const r = e.getBoundingClientRect();
            return r.width > 0 && r.height > 0 && getComputedStyle(e).visibility !== 'hidden';
          };
          const svg = el.querySelector('svg.ds-chord')!.getBoundingClientRect();
          const ring = el.querySelector('svg.ds-chord .chord-arcs')!.getBoundingClientRect();
          const key = new Map([...el.querySelectorAll('.ds-chord__legend li')].filter(visible).map((li) => [li.getAttribute('data-category'), li.textContent!.trim()]));
          const groups = [...el.querySelectorAll<SVGGElement>('svg.ds-chord .chord-group')].map((g) => {
            const n = g.querySelector('.chord-key');
            const r = n?.getBoundingClientRect();
            return {
              id: g.dataset.category!,
              name: g.dataset.name!,
              number: n?.textContent ?? null,
              shown: visible(n ?? null) && !!r && r.left >= svg.left && r.right <= svg.right && r.top >= svg.top && r.bottom <= svg.bottom,
              keyed: key.get(g.dataset.category!) ?? null,
            };
          });
          const top = [...el.querySelectorAll('.ds-chord__top li')].filter(visible).map((li) => li.textContent!.replace(/\s+/g, ' ').trim());
          return { ring: ring.width, screen: window.innerWidth, groups, top };
        }),
    );
    expect(chords.length).toBeGreaterThan(0);
    for (const c of chords) {
      // The circle takes most of the screen, not half of it.
      expect(c.ring).toBeGreaterThan(0.75 * c.screen);
      for (const g of c.groups) {
        expect(g.shown, `${g.id}: number beside its arc`).toBe(true);
        expect(g.keyed, `${g.id}: in the key`).toBe(`${g.number}${g.name}`);
      }
      expect(c.top.length).toBeGreaterThan(0);
      expect(c.top.every((t) => /^.+ (&|→) .+ \d[\d\u202f]*$/.test(t)), c.top.join(' | ')).toBe(true);
    }
  });

  it('a tapped arc shows its figures above the finger, on screen, until a tap elsewhere', async () => {
    const page = await s.page(report);
    await upgraded(page);
    const chord = page.locator('talent-chord').first();
    await chord.locator('svg.ds-chord').scrollIntoViewIfNeeded();
    const at = await chord.locator('.chord-arc').nth(1).evaluate((el) => {
      const path = el as SVGPathElement;
      const p = path.getPointAtLength(path.getTotalLength() / 4);
      const m = path.getScreenCTM()!;
      // A quarter along the outline is on the arc's outer edge: step inside it, towards the centre.
      const len = Math.hypot(p.x, p.y);
      const q = { x: p.x * (1 - 6 / len), y: p.y * (1 - 6 / len) };
      return { x: q.x * m.a + q.y * m.c + m.e, y: q.x * m.b + q.y * m.d + m.f };
    });
    await page.touchscreen.tap(at.x, at.y);
    const info = chord.locator('.ds-chord__info');
    await info.waitFor({ state: 'visible' });
    const box = (await info.boundingBox())!;
    expect(box.y + box.height).toBeLessThanOrEqual(at.y);
    expect(box.x).toBeGreaterThanOrEqual(0);
    expect(box.x + box.width).toBeLessThanOrEqual(390);
    await page.touchscreen.tap(5, at.y);
    expect(await info.isVisible()).toBe(false);
  });

  it('the snapshot table scrolls in its own box with the category column in place', async () => {
    const page = await s.page(report);
    await upgraded(page);
    const table = page.locator('snapshot-table table').first();
    const before = await table.evaluate((t) => {
      let box: HTMLElement | null = t.parentElement;
      while (box && box.scrollWidth <= box.clientWidth) box = box.parentElement;
      if (!box || box === document.documentElement || box === document.body) return null;
      box.scrollLeft = box.scrollWidth;
      return { hasRegion: box.getAttribute('role') === 'region', focusable: box.tabIndex >= 0 };
    });
    expect(before, 'a scroll box around the table').not.toBeNull();
    expect(before).toEqual({ hasRegion: true, focusable: true });
    await page.waitForTimeout(100);
    const seen = await table.evaluate((t) => {
      const inView = (e: Element) => {
        const r = e.getBoundingClientRect();
        return r.left >= -0.5 && r.right <= window.innerWidth + 0.5;
      };
      const rows = [...t.querySelectorAll('tbody tr')];
      return {
        categories: rows.every((r) => inView(r.querySelector('th')!)),
        lastColumn: rows.every((r) => inView(r.lastElementChild!)),
        header: inView(t.querySelector('thead th')!),
        // The held column casts a shadow over what scrolled beneath it.
        shadow: getComputedStyle(t.querySelector('tbody th')!).boxShadow !== 'none',
        pageOverflow: document.documentElement.scrollWidth - window.innerWidth,
      };
    });
    expect(seen).toEqual({ categories: true, lastColumn: true, header: true, shadow: true, pageOverflow: 0 });
  });

  it('the headline figures fill their grid: no empty cell', async () => {
    const page = await s.page(report);
    const cover = await page.locator('.ds-headline__list').first().evaluate((list) => {
      const box = list.getBoundingClientRect();
      const cells = [...list.children].map((c) => c.getBoundingClientRect());
      const area = cells.reduce((sum, r) => sum + r.width * r.height, 0);
      return area / (box.width * box.height);
    });
    expect(cover).toBeGreaterThan(0.97);
  });
});
