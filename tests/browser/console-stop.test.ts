// A runaway console query (a recursive CTE without an end, a cross join of large tables,
// one long call inside an operator) can be stopped, by the reader or by the time limit,
// and the next query runs at once: on the same database when DuckDB took the cancel, on
// a new one (tables loaded again, transparently) when its worker had to be ended.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { CANCEL_GRACE_MS } from '../../src/client/duckdb-engine.ts';
import { quarterLabel } from '../../src/lib/quarters.ts';
import { HAS_CHROMIUM, openSession, type Session } from './lib/browser.ts';
import { publishedQuarters } from './lib/data.ts';
import { upgraded } from './lib/page.ts';

let s: Session;
const latest = publishedQuarters().at(-1)!;

const RECURSIVE = 'WITH RECURSIVE t(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM t) SELECT count(*) FROM t';
/** About 6·10¹⁰ rows: DuckDB is still computing them when the limit comes. */
const CROSS = 'SELECT a.quarter, b.scope_id, c.commits FROM scope_quarters a, scope_quarters b, scope_quarters c';
/** One call that never yields to DuckDB's scheduler: DuckDB 0.9.1 takes no cancel during it. */
const ONE_LONG_CALL = 'SELECT len(list_sort(list_reverse(range(30000000)))) AS n';
const NORMAL = 'SELECT quarter FROM quarters ORDER BY quarter';

/** The console page, with every text its status line shows recorded in window.__said. */
async function consolePage(): Promise<Page> {
  const page = await s.page('/explore/');
  await upgraded(page);
  await page.evaluate(() => {
    const status = document.querySelector('sql-console .ds-status')!;
    const said: string[] = ((window as unknown as { __said: string[] }).__said = []);
    new MutationObserver(() => said.push(status.textContent ?? '')).observe(status, { childList: true, characterData: true, subtree: true });
  });
  return page;
}

const said = (page: Page) => page.evaluate(() => (window as unknown as { __said: string[] }).__said);
const status = (page: Page) => page.locator('sql-console .ds-status');
const stop = (page: Page) => page.locator('sql-console button[data-stop]');

async function start(page: Page, sql: string): Promise<void> {
  await page.locator('sql-console textarea').fill(sql);
  await page.locator('sql-console button[type="submit"]').click();
}

/** Runs a normal query and waits for its table. */
async function runsNormally(page: Page): Promise<void> {
  await start(page, NORMAL);
  // The last result stays on screen while a query runs: wait for this one's end.
  await page.waitForFunction(() => {
    const el = document.querySelector('sql-console')!;
    return !el.hasAttribute('aria-busy') && el.querySelector('table.ds-results') !== null;
  }, undefined, { timeout: 60_000 });
  const cells = await page.locator('sql-console table.ds-results tbody td').allTextContents();
  expect(cells).toContain(latest);
  expect(await stop(page).isHidden()).toBe(true);
  expect(await status(page).textContent()).toBe('');
}

async function waitForStatus(page: Page, pattern: RegExp, timeout = 30_000): Promise<string> {
  const handle = await page.waitForFunction(
    (source) => {
      const text = document.querySelector('sql-console .ds-status')?.textContent ?? '';
      return new RegExp(source).test(text) ? text : null;
    },
    pattern.source,
    { timeout },
  );
  return (await handle.jsonValue()) as string;
}

describe.skipIf(!HAS_CHROMIUM)('stopping a console query', () => {
  beforeAll(async () => {
    s = await openSession();
  }, 300_000);
  afterAll(async () => {
    await s?.close();
  });

  it('Stop (from the keyboard) ends a recursive CTE without an end; the next query runs on the same database', async () => {
    const page = await consolePage();
    await runsNormally(page);
    await start(page, RECURSIVE);
    await stop(page).waitFor({ state: 'visible' });
    await waitForStatus(page, /^Running… Stop \(or Esc\) ends it\.$/);
    // Run has the focus after the click; Stop is the next stop of the Tab key.
    await page.keyboard.press('Tab');
    expect(await stop(page).evaluate((b) => b === document.activeElement)).toBe(true);
    const t0 = Date.now();
    await page.keyboard.press('Enter');
    await waitForStatus(page, /^Query stopped\.$/);
    // DuckDB took the cancel: within the grace after which the worker is ended.
    expect(Date.now() - t0).toBeLessThan(CANCEL_GRACE_MS);
    expect(await status(page).getAttribute('data-kind')).toBe('info');
    expect(await stop(page).isHidden()).toBe(true);
    // The vanished Stop hands the focus back to Run, not to the top of the page.
    expect(await page.locator('sql-console button[type="submit"]').evaluate((b) => b === document.activeElement)).toBe(true);
    expect(await page.locator('sql-console table.ds-results').count()).toBe(0);
    expect(await page.locator('sql-console').getAttribute('aria-busy')).toBeNull();
    expect(await said(page)).toContain('Stopping…');

    await runsNormally(page);
    expect((await said(page)).some((t) => t.startsWith('Restarting DuckDB'))).toBe(false);
  });

  it('the time limit stops a cross join, says it took too long and how to narrow it', async () => {
    const page = await consolePage();
    await page.locator('sql-console').evaluate((el) => el.setAttribute('data-time-limit', '1000'));
    await runsNormally(page);
    const t0 = Date.now();
    await start(page, CROSS);
    const text = await waitForStatus(page, /^Stopped after/);
    expect(Date.now() - t0).toBeGreaterThanOrEqual(1000);
    expect(Date.now() - t0).toBeLessThan(10_000);
    expect(text).toBe(`Stopped after 1 s: the query took too long. Narrow it: filter on quarter (WHERE quarter = '${latest}'), join tables on a column they share, or add LIMIT 100.`);
    expect(await status(page).getAttribute('data-kind')).toBe('error');
    expect(await stop(page).isHidden()).toBe(true);
    expect(await page.locator('sql-console table.ds-results').count()).toBe(0);

    // The next query answers, whether DuckDB took the cancel or (on a loaded machine, past
    // the grace period) the worker was ended and the tables reloaded.
    await runsNormally(page);
  });

  it('a query DuckDB cannot cancel: Esc ends its worker, and the next query reloads the tables by itself', async () => {
    const page = await consolePage();
    await runsNormally(page);
    await start(page, ONE_LONG_CALL);
    await waitForStatus(page, /^Running…/);
    await page.locator('sql-console textarea').focus();
    await page.keyboard.press('Escape');
    await waitForStatus(page, /^Query stopped\.$/, 15_000);
    expect(await stop(page).isHidden()).toBe(true);

    await runsNormally(page);
    expect(await said(page)).toContain(`Restarting DuckDB and reloading the ${quarterLabel(latest)} tables…`);
    // And the new database answers like the first.
    await runsNormally(page);
  });

  it('a second query replaces a running one instead of queueing behind it', async () => {
    const page = await consolePage();
    await runsNormally(page);
    await start(page, RECURSIVE);
    await waitForStatus(page, /^Running…/);
    const t0 = Date.now();
    await runsNormally(page);
    expect(Date.now() - t0).toBeLessThan(5000);
    expect((await said(page)).some((t) => t.startsWith('Query stopped') || t.startsWith('Stopped after'))).toBe(false);
  });

  it('after a stop, a failing query still shows DuckDB’s hint and where it fails', async () => {
    const page = await consolePage();
    await runsNormally(page);
    await start(page, RECURSIVE);
    await stop(page).click();
    await waitForStatus(page, /^Query stopped\.$/);
    await start(page, 'SELECT quartr FROM quarters');
    await waitForStatus(page, /^The query failed/);
    expect(await page.locator('sql-console [data-output]').textContent()).toContain('Candidate bindings: "quarters.quarter"');
    expect(await page.locator('sql-console .ds-console__where').textContent()).toMatch(/^LINE 1: SELECT quartr FROM quarters\n\s+\^$/);
    expect(await stop(page).isHidden()).toBe(true);
  });

  it('no request went to another origin, and no page logged an error', () => {
    expect(s.foreign).toEqual([]);
    expect(s.errors).toEqual([]);
  });
});
