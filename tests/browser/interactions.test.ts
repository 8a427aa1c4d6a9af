// With JavaScript: each element does what the issue asks, against figures read from the
// published Parquet; sorting and filtering need no engine; nothing leaves the origin.
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHORD_THRESHOLDS } from '../../src/lib/chord-thresholds.ts';
import { quarterLabel } from '../../src/lib/quarters.ts';
import { HAS_CHROMIUM, openSession, type Session } from './lib/browser.ts';
import { allFigures, categoryFigures, overlapPairs, publishedQuarters, rows, topProjects, PUBLISHED } from './lib/data.ts';
import { comparable, settled, upgraded } from './lib/page.ts';

let s: Session;
const quarters = publishedQuarters();
const latest = quarters.at(-1)!;
const other = quarters.find((q) => q !== latest);
const report = `/reports/${latest}/`;
/** Requests for the engine or the data, which a passive read must not make. */
const heavy = () => s.server.log.filter((l) => /\.(wasm|parquet)$|duckdb/.test(l.path));

const cellValues = (selector: string) =>
  `[...document.querySelectorAll(${JSON.stringify(selector)})].map((tr) => ({ id: tr.dataset.category, hidden: tr.hidden, ` +
  `commits: Number(tr.querySelector('[data-sort-key="commits"], td:nth-of-type(1)').dataset.value), ` +
  `contributors: Number(tr.querySelector('[data-sort-key="contributors"], td:nth-of-type(3)').dataset.value), ` +
  `active_repos: Number(tr.querySelector('[data-sort-key="active_repos"], td:nth-of-type(5)').dataset.value) }))`;

describe.skipIf(!HAS_CHROMIUM)('interactive report', () => {
  beforeAll(async () => {
    s = await openSession({ acceptDownloads: true });
  }, 300_000);
  afterAll(async () => {
    await s?.close();
  });

  it('a passive read (scroll to the end) loads no engine and no Parquet', async () => {
    const page = await s.page(report);
    await upgraded(page);
    await page.evaluate(async () => {
      for (let y = 0; y < document.body.scrollHeight; y += 600) {
        window.scrollTo(0, y);
        await new Promise((r) => setTimeout(r, 20));
      }
    });
    await page.waitForTimeout(300);
    expect(heavy()).toEqual([]);
  });

  it('sorts and filters the snapshot table with no engine, and keeps the view in the address', async () => {
    const page = await s.page(report);
    await upgraded(page);
    await page.locator('snapshot-table th[data-sort-key="contributors"] button').click();
    const sorted = (await page.evaluate(cellValues('snapshot-table tbody tr'))) as { id: string; contributors: number }[];
    expect(sorted.map((r) => r.contributors)).toEqual([...sorted.map((r) => r.contributors)].sort((a, b) => b - a));
    expect(await page.getAttribute('snapshot-table th[data-sort-key="contributors"]', 'aria-sort')).toBe('descending');

    await page.locator('snapshot-table .ds-filter summary').click();
    const dropped = sorted[0]!.id;
    await page.locator(`snapshot-table .ds-filter input[value="${dropped}"]`).uncheck();
    expect(await page.locator(`snapshot-table tbody tr[data-category="${dropped}"]`).isHidden()).toBe(true);
    const url = new URL(page.url());
    expect(url.searchParams.get('snapshot-sort')).toBe('contributors.desc');
    expect(url.searchParams.get('snapshot-categories')?.split(',')).not.toContain(dropped);

    // The shared address restores the view.
    const again = await s.page(url.pathname + url.search);
    await upgraded(again);
    expect(await again.getAttribute('snapshot-table th[data-sort-key="contributors"]', 'aria-sort')).toBe('descending');
    expect(await again.locator(`snapshot-table tbody tr[data-category="${dropped}"]`).isHidden()).toBe(true);
    expect(heavy()).toEqual([]);
  });

  it.skipIf(!other)('changing the quarter shows that quarter’s figures, exactly as that quarter’s own article does', async () => {
    const page = await s.page(report);
    await upgraded(page);
    const built = comparable(await page.locator('snapshot-table tbody').innerHTML());
    await page.selectOption('snapshot-table select[data-control="quarter"]', other!);
    await settled(page, 'snapshot-table', 'data-quarter', other!);

    const shown = (await page.evaluate(cellValues('snapshot-table tbody tr'))) as { id: string; commits: number; contributors: number; active_repos: number }[];
    const expected = await categoryFigures(other!);
    expect(shown.map(({ id, commits, contributors, active_repos }) => ({ category_id: id, commits, contributors, active_repos }))).toEqual(expected);
    const [total] = (await page.evaluate(cellValues('snapshot-table tfoot tr'))) as { commits: number; contributors: number; active_repos: number }[];
    expect({ commits: total!.commits, contributors: total!.contributors, active_repos: total!.active_repos }).toEqual(await allFigures(other!));
    expect(await page.locator('figure:has(snapshot-table) .ds-figure__title').textContent()).toContain(quarterLabel(other!));
    expect(new URL(page.url()).searchParams.get('snapshot-quarter')).toBe(other);
    // Read from the other quarter's own folder, and drawn as the build draws it there.
    expect(s.server.log.some((l) => l.path.startsWith(`/data/${other}/`))).toBe(true);
    const otherPage = await s.page(`/reports/${other}/`);
    for (const part of ['tbody', 'tfoot']) {
      const drawn = comparable(await page.locator(`snapshot-table ${part}`).innerHTML());
      expect(drawn, part).toBe(comparable(await otherPage.locator(`snapshot-table ${part}`).innerHTML()));
    }
    await otherPage.close();

    await page.selectOption('snapshot-table select[data-control="quarter"]', latest);
    await settled(page, 'snapshot-table', 'data-quarter', latest);
    expect(comparable(await page.locator('snapshot-table tbody').innerHTML())).toBe(built);
    expect(new URL(page.url()).searchParams.get('snapshot-quarter')).toBeNull();
  });

  it('the chord re-renders on a threshold change, and back at 1 shows the built chart', async () => {
    const page = await s.page(report);
    await upgraded(page);
    const chord = page.locator('talent-chord[data-mode="overlap"]').first();
    const builtPaths = await chord.locator('path').evaluateAll((ps) => ps.map((p) => p.getAttribute('d')));
    expect(await chord.locator('.chord-ribbon').count()).toBe(await overlapPairs(latest, 1));

    // The slider steps through the published thresholds: its fourth step is 5 commits.
    const range = chord.locator('input[data-control="min-commits"]');
    expect([await range.getAttribute('min'), await range.getAttribute('max')]).toEqual(['0', String(CHORD_THRESHOLDS.length - 1)]);
    await range.fill(String(CHORD_THRESHOLDS.indexOf(5)));
    await settled(page, 'talent-chord[data-mode="overlap"]', 'data-min-commits', '5');
    const ribbons = await chord.locator('.chord-ribbon').count();
    expect(ribbons).toBe(await overlapPairs(latest, 5));
    expect(ribbons).toBeGreaterThan(0);
    expect(await chord.locator('output').textContent()).toBe('5+ commits');
    expect(await range.getAttribute('aria-valuetext')).toBe('5+ commits');
    expect(await page.locator('figure:has(talent-chord[data-mode="overlap"]) .ds-figure__text').first().textContent()).toContain('at least 5 commits');

    await range.fill('0');
    await settled(page, 'talent-chord[data-mode="overlap"]', 'data-min-commits', '1');
    expect(await chord.locator('path').evaluateAll((ps) => ps.map((p) => p.getAttribute('d')))).toEqual(builtPaths);
  });

  it('switched to migration, the overlap chord draws what the build drew for the migration chord', async () => {
    const page = await s.page(report);
    await upgraded(page);
    // By position: the switched element's data-mode changes.
    const modes = await page.locator('talent-chord').evaluateAll((els) => els.map((e) => e.getAttribute('data-mode')));
    const switchedAt = modes.indexOf('overlap');
    const switched = page.locator('talent-chord').nth(switchedAt);
    const built = page.locator('talent-chord').nth(modes.indexOf('migration'));
    const builtPaths = await built.locator('svg path').evaluateAll((ps) => ps.map((p) => p.getAttribute('d')));
    const builtTable = comparable(await built.locator('table.ds-twin__table').innerHTML());
    await switched.locator('input[type="radio"][value="migration"]').check();
    await page.waitForFunction((i) => {
      const el = document.querySelectorAll('talent-chord')[i]!;
      return el.getAttribute('data-mode') === 'migration' && !el.hasAttribute('aria-busy');
    }, switchedAt);
    expect(await switched.locator('svg path').evaluateAll((ps) => ps.map((p) => p.getAttribute('d')))).toEqual(builtPaths);
    expect(comparable(await switched.locator('table.ds-twin__table').innerHTML())).toBe(builtTable);
    expect(await switched.locator('.ds-chord__summary').textContent()).toBe(await built.locator('.ds-chord__summary').textContent());
  });

  it('focusing a category highlights its ribbons and shows its figures', async () => {
    const page = await s.page(report);
    await upgraded(page);
    const chord = page.locator('talent-chord').first();
    const group = chord.locator('.chord-group').first();
    const id = (await group.getAttribute('data-category'))!;
    await group.locator('.chord-arc').focus();
    const lit = await chord.locator('.chord-ribbon.is-lit').evaluateAll((ps) => ps.map((p) => [p.getAttribute('data-source'), p.getAttribute('data-target')]));
    const touching = await chord.locator(`.chord-ribbon[data-source="${id}"], .chord-ribbon[data-target="${id}"]`).count();
    expect(lit.length).toBe(touching);
    expect(lit.every((pair) => pair.includes(id))).toBe(true);
    const info = chord.locator('.ds-chord__info');
    expect(await info.isVisible()).toBe(true);
    expect(await info.textContent()).toMatch(/\d/);
    await page.keyboard.press('Enter');
    expect(await group.locator('.chord-arc').getAttribute('aria-pressed')).toBe('true');
  });

  it('top projects: another category lists that category’s projects, and "new" shows newcomers alone', async () => {
    const page = await s.page(report);
    await upgraded(page);
    const top = page.locator('top-projects').first();
    const limit = Number(await top.getAttribute('data-limit'));
    const category = await top.locator('select option').nth(2).getAttribute('value');
    await top.locator('select').selectOption(category!);
    await settled(page, 'top-projects', 'data-category', category!);
    const shown = await top.locator('li.ds-bars__row').evaluateAll((li) => li.map((l) => ({ repo: l.getAttribute('data-repo'), contributors: Number(l.getAttribute('data-value')) })));
    expect(shown).toEqual(await topProjects(latest, category!, limit));

    await top.locator('input[value="new"]').check();
    await page.waitForFunction(() => {
      const rows = [...document.querySelectorAll('top-projects li.ds-bars__row')];
      return rows.every((r) => r.querySelector('.ds-bars__value')?.firstChild?.textContent?.replace(/\D/g, '') === r.getAttribute('data-new'));
    });
  });

  it('the explore console answers a query, refuses writes and downloads CSV', async () => {
    const page = await s.page('/explore/');
    await upgraded(page);
    const sql = `SELECT category_a, category_b, people FROM category_overlap_thresholds WHERE quarter = '${latest}' AND min_commits = 3 ORDER BY people DESC, category_a, category_b`;
    await page.locator('sql-console textarea').fill(sql);
    await page.locator('sql-console button[type="submit"]').click();
    await page.waitForSelector('sql-console table.ds-results', { timeout: 30_000 });
    const got = await page.locator('sql-console table.ds-results tbody tr').evaluateAll((trs) => trs.map((tr) => [...tr.children].map((td) => td.textContent)));
    const want = await rows(`SELECT category_a, category_b, people FROM read_parquet('${PUBLISHED}/${latest}/category_overlap_thresholds.parquet') WHERE quarter = '${latest}' AND min_commits = 3 ORDER BY people DESC, category_a, category_b`);
    expect(want.length).toBeGreaterThan(0);
    expect(got).toEqual(want.map((r) => [String(r.category_a), String(r.category_b), String(r.people)]));

    const download = page.waitForEvent('download');
    await page.locator('sql-console button[data-download]').click();
    const csv = readFileSync((await (await download).path())!, 'utf8').trim().split('\r\n');
    expect(csv[0]).toBe('category_a,category_b,people');
    expect(csv.length).toBe(want.length + 1);

    for (const bad of ['DELETE FROM scope_quarters', 'SELECT 1; DROP TABLE scope_quarters', "SELECT * FROM read_parquet('https://example.com/x.parquet')"]) {
      await page.locator('sql-console textarea').fill(bad);
      await page.locator('sql-console button[type="submit"]').click();
      expect(await page.locator('sql-console .ds-status').getAttribute('data-kind'), bad).toBe('error');
    }
    // Past the client-side check, the database itself reads no file.
    await page.locator('sql-console textarea').fill("SELECT * FROM \"read_csv\"('https://example.com/x.csv')");
    await page.locator('sql-console button[type="submit"]').click();
    await page.waitForFunction(() => document.querySelector('sql-console .ds-status')?.textContent?.startsWith('The query failed'));
  });

  it.skipIf(!other)('the explore console reads the quarter named in the address', async () => {
    const page = await s.page(`/explore/?quarter=${other}`);
    await upgraded(page);
    await page.locator('sql-console textarea').fill('SELECT max(quarter) AS q FROM quarters');
    await page.locator('sql-console button[type="submit"]').click();
    await page.waitForSelector('sql-console table.ds-results', { timeout: 30_000 });
    expect(await page.locator('sql-console table.ds-results tbody td').first().textContent()).toBe(other);
    expect(s.server.log.some((l) => l.path === `/data/${other}/category_overlap_thresholds.parquet`)).toBe(true);
  });

  it('no request went to another origin, and no page logged an error', () => {
    expect(s.foreign).toEqual([]);
    expect(s.errors).toEqual([]);
  });

  // Last: it makes the page log the failed load on purpose.
  it.skipIf(!other)('when neither the figures file nor the engine can load, the built table stays and a short message says so', async () => {
    const page = await s.context.newPage();
    await page.route(/\/figures\/snapshot\.json$/, (route) => route.abort());
    await page.route(/duckdb-engine[^/]*\.js$/, (route) => route.abort());
    await page.goto(new URL(report, s.server.origin).href);
    await upgraded(page);
    const built = comparable(await page.locator('snapshot-table tbody').innerHTML());
    await page.selectOption('snapshot-table select[data-control="quarter"]', other!);
    await page.waitForFunction(() => document.querySelector('snapshot-table .ds-status')?.getAttribute('data-kind') === 'error');
    expect(await page.locator('snapshot-table .ds-status').textContent()).toMatch(/^Could not load Q\d \d{4} in this browser .*; still showing Q\d \d{4}\.$/);
    expect(await page.locator('snapshot-table select[data-control="quarter"]').inputValue()).toBe(latest);
    expect(comparable(await page.locator('snapshot-table tbody').innerHTML())).toBe(built);
    expect(await page.getAttribute('snapshot-table', 'data-quarter')).toBe(latest);
    // Sorting still works without the engine.
    await page.locator('snapshot-table th[data-sort-key="commits"] button').click();
    expect(await page.getAttribute('snapshot-table th[data-sort-key="commits"]', 'aria-sort')).toBe('descending');
    await page.close();
  });
});
