// The snapshot table's and the chords' quarter pickers answer from the figures files the
// build wrote for each quarter they offer (data/<quarter>/figures/*.json, and for a
// quarter without a folder of its own data/<folder>/figures/<quarter>/*.json), and top
// projects answers a category from its quarter's file, without the engine: with every wasm request aborted, another quarter shows that quarter's own
// figures, drawn exactly as its own article draws them, and the table sorts and filters
// like a built one. A slow file shows progress; a missing one is answered by the engine.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { quarterLabel } from '../../src/lib/quarters.ts';
import { HAS_CHROMIUM, openSession, type Session } from './lib/browser.ts';
import { allFigures, categoryFigures, overlapPairs, PUBLISHED, publishedQuarters, topProjects } from './lib/data.ts';
import { comparable, settled, upgraded } from './lib/page.ts';

let s: Session;
const quarters = publishedQuarters();
const latest = quarters.at(-1)!;
const other = quarters.find((q) => q !== latest);
const report = `/reports/${latest}/`;
const picker = 'snapshot-table select[data-control="quarter"]';
const FILE = /\/figures\/snapshot\.json$/;

const figures = (page: Page, part: 'tbody' | 'tfoot') =>
  page.locator(`snapshot-table ${part} tr`).evaluateAll((trs) =>
    trs.map((tr) => {
      const n = (k: string, i: number) => Number((tr.querySelector(`[data-sort-key="${k}"]`) ?? tr.querySelectorAll('td')[i])!.getAttribute('data-value'));
      return { category_id: (tr as HTMLElement).dataset.category, commits: n('commits', 0), contributors: n('contributors', 2), active_repos: n('active_repos', 4), hidden: (tr as HTMLElement).hidden };
    }),
  );

/** A page of the report with `block` routes in place before it loads. */
async function open(block: (page: Page) => Promise<unknown>): Promise<Page> {
  const page = await s.context.newPage();
  await block(page);
  await page.goto(new URL(report, s.server.origin).href, { waitUntil: 'load' });
  await upgraded(page);
  return page;
}

describe.skipIf(!HAS_CHROMIUM || !other)('quarter pickers: another quarter from its figures file', () => {
  beforeAll(async () => {
    s = await openSession();
  }, 300_000);
  afterAll(async () => {
    await s?.close();
  });

  it('shows the other quarter’s figures with every wasm request aborted, and sorts and filters them', async () => {
    const aborted: string[] = [];
    const page = await open((p) =>
      p.route(/\.wasm$/, (route) => {
        aborted.push(route.request().url());
        return route.abort();
      }),
    );
    const from = s.server.log.length;
    await page.selectOption(picker, other!);
    await settled(page, 'snapshot-table', 'data-quarter', other!);

    const shown = await figures(page, 'tbody');
    expect(shown.map(({ hidden: _, ...r }) => r)).toEqual(await categoryFigures(other!));
    const [total] = await figures(page, 'tfoot');
    expect({ commits: total!.commits, contributors: total!.contributors, active_repos: total!.active_repos }).toEqual(await allFigures(other!));
    expect(await page.locator('figure:has(snapshot-table) .ds-figure__title').textContent()).toContain(quarterLabel(other!));
    // Drawn as the other quarter's own article draws it.
    const otherPage = await s.page(`/reports/${other}/`);
    for (const part of ['tbody', 'tfoot']) {
      expect(comparable(await page.locator(`snapshot-table ${part}`).innerHTML()), part).toBe(comparable(await otherPage.locator(`snapshot-table ${part}`).innerHTML()));
    }
    await otherPage.close();

    // The answer came from the file: no Parquet was read and no wasm reached the server.
    // The engine did try to load once the table had answered (a reader who used one
    // control may use the next), and was refused: the answer never needed it.
    await expect.poll(() => aborted.length, { timeout: 15_000 }).toBeGreaterThan(0);
    const served = s.server.log.slice(from).map((l) => l.path);
    expect(served).toContain(`/data/${other}/figures/snapshot.json`);
    expect(served.filter((p) => /\.(wasm|parquet)$/.test(p))).toEqual([]);

    // Sorting and filtering work on the file's rows as on built ones.
    await page.locator('snapshot-table th[data-sort-key="contributors"] button').click();
    const sorted = await figures(page, 'tbody');
    expect(sorted.map((r) => r.contributors)).toEqual([...shown.map((r) => r.contributors)].sort((a, b) => b - a));
    const dropped = sorted[0]!.category_id!;
    await page.locator('snapshot-table .ds-filter summary').click();
    await page.locator(`snapshot-table .ds-filter input[value="${dropped}"]`).uncheck();
    expect((await figures(page, 'tbody')).find((r) => r.category_id === dropped)?.hidden).toBe(true);
    expect(new URL(page.url()).searchParams.get('snapshot-quarter')).toBe(other);
    await page.close();
  });

  it('shows progress while the file is on its way', async () => {
    let release!: () => void;
    const held = new Promise<void>((r) => (release = r));
    const page = await open((p) =>
      p.route(FILE, async (route) => {
        await held;
        await route.continue();
      }),
    );
    await page.selectOption(picker, other!);
    await page.waitForFunction(() => document.querySelector('snapshot-table .ds-status')?.textContent !== '');
    expect(await page.locator('snapshot-table .ds-status').textContent()).toBe(`Loading ${quarterLabel(other!)}…`);
    expect(await page.getAttribute('snapshot-table', 'aria-busy')).toBe('true');
    release();
    await settled(page, 'snapshot-table', 'data-quarter', other!);
    expect(await page.locator('snapshot-table .ds-status').textContent()).toBe('');
    await page.close();
  });

  it('without its figures file, the engine answers with the same figures', async () => {
    const page = await open((p) => p.route(FILE, (route) => route.fulfill({ status: 404, body: '' })));
    const from = s.server.log.length;
    await page.selectOption(picker, other!);
    await settled(page, 'snapshot-table', 'data-quarter', other!);
    expect((await figures(page, 'tbody')).map(({ hidden: _, ...r }) => r)).toEqual(await categoryFigures(other!));
    expect(s.server.log.slice(from).some((l) => l.path.startsWith(`/data/${other}/`) && l.path.endsWith('.parquet'))).toBe(true);
    await page.close();
  });

  it('reaching for the picker fetches the quarters it offers, so the choice answers from memory', async () => {
    const page = await open(async () => undefined);
    const from = s.server.log.length;
    await page.dispatchEvent(picker, 'focusin');
    await page.waitForFunction(() => performance.getEntriesByType('resource').some((e) => e.name.endsWith('/figures/snapshot.json')));
    expect(s.server.log.slice(from).map((l) => l.path)).toContain(`/data/${other}/figures/snapshot.json`);
    const before = s.server.log.length;
    await page.selectOption(picker, other!);
    await settled(page, 'snapshot-table', 'data-quarter', other!);
    expect(s.server.log.slice(before).filter((l) => l.path.endsWith('/figures/snapshot.json'))).toEqual([]);
    await page.close();
  });

  it('the chord’s picker draws the other quarter’s chord as its article does, with every wasm request aborted', async () => {
    const page = await open((p) => p.route(/\.wasm$/, (route) => route.abort()));
    const from = s.server.log.length;
    const chord = 'talent-chord[data-mode="overlap"]';
    await page.selectOption(`${chord} select[data-control="quarter"]`, other!);
    await settled(page, chord, 'data-quarter', other!);
    const paths = (p: Page) => p.locator(`${chord} svg path`).evaluateAll((ps) => ps.map((x) => x.getAttribute('d')));
    expect(await page.locator(`${chord} .chord-ribbon`).count()).toBe(await overlapPairs(other!, 1));
    const otherPage = await s.page(`/reports/${other}/`);
    expect(await paths(page)).toEqual(await paths(otherPage));
    await otherPage.close();
    expect(await page.locator(`figure:has(${chord}) .ds-figure__title`).textContent()).toContain(quarterLabel(other!));
    const served = s.server.log.slice(from).map((l) => l.path);
    expect(served).toContain(`/data/${other}/figures/chord.json`);
    expect(served.filter((p) => /\.parquet$/.test(p))).toEqual([]);
    await page.close();
  });

  it('the snapshot picker offers every quarter the article’s folder holds, and answers an older one from that folder’s file', async () => {
    const held = JSON.parse(readFileSync(join(PUBLISHED, latest, 'manifest.json'), 'utf8')).quarters as string[];
    const page = await open((p) => p.route(/\.wasm$/, (route) => route.abort()));
    const offered = await page.locator(`${picker} option`).evaluateAll((os) => os.map((o) => (o as HTMLOptionElement).value));
    for (const q of held) expect(offered).toContain(q);
    const older = held.find((q) => !quarters.includes(q))!;
    const from = s.server.log.length;
    await page.selectOption(picker, older);
    await settled(page, 'snapshot-table', 'data-quarter', older);
    expect((await figures(page, 'tbody')).map(({ hidden: _, ...r }) => r)).toEqual(await categoryFigures(older, latest));
    expect(await page.locator('figure:has(snapshot-table) .ds-figure__title').textContent()).toContain(quarterLabel(older));
    const served = s.server.log.slice(from).map((l) => l.path);
    expect(served).toContain(`/data/${latest}/figures/${older}/snapshot.json`);
    expect(served.filter((p) => /\.(wasm|parquet)$/.test(p))).toEqual([]);
    await page.close();
  });

  it('top projects answers another category from the quarter’s file, with every wasm request aborted', async () => {
    const page = await open((p) => p.route(/\.wasm$/, (route) => route.abort()));
    const top = page.locator('top-projects').first();
    const limit = Number(await top.getAttribute('data-limit'));
    const category = (await top.locator('select option').nth(2).getAttribute('value'))!;
    const from = s.server.log.length;
    await top.locator('select').selectOption(category);
    await settled(page, 'top-projects', 'data-category', category);
    const shown = await top.locator('li.ds-bars__row').evaluateAll((li) => li.map((l) => ({ repo: l.getAttribute('data-repo'), contributors: Number(l.getAttribute('data-value')) })));
    expect(shown).toEqual(await topProjects(latest, category, limit));
    const served = s.server.log.slice(from).map((l) => l.path);
    expect(served).toContain(`/data/${latest}/figures/top-projects.json`);
    expect(served.filter((p) => /\.(wasm|parquet)$/.test(p))).toEqual([]);
    await page.close();
  });

  it('no request went to another origin', () => {
    expect(s.foreign).toEqual([]);
  });
});
