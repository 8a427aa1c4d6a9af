// <sql-console>: a read-only SQL console over one published quarter, in the browser.
// The engine and the quarter's tables load on intent (focus, pointer), a query must
// pass the read-only check, the result shows as a table (first rows) and downloads as
// CSV. A query that fails takes the last result (and its download) away, so what is on
// screen is always the answer to what was run, and shows DuckDB's hint and the place of
// the fault. The address keeps the quarter and the last query (?quarter=…&sql=…).
// A query can be stopped (Stop, Esc) and is stopped at a time limit: DuckDB runs what
// it is given, and a cross join or a recursive CTE without an end would run for ever.
import { formatInteger, formatSeconds } from '../../lib/format.ts';
import { quarterLabel } from '../../lib/quarters.ts';
import type { ConsoleDb } from '../console-db.ts';
import { downloadCsv, toCsv } from '../csv.ts';
import { define, h, must } from '../dom.ts';
import { Pending, reason } from '../pending.ts';
import { queryError } from '../query-error.ts';
import { QueryStopped, stoppedMessage, timeLimitMs, untilAborted, type StopCause } from '../query-stop.ts';
import { publishedFolderUrl } from '../published-url.ts';
import { whenIntent } from '../query-runner.ts';
import { readResult, resultTable, type Result } from '../result-table.ts';
import { checkReadOnly } from '../sql-guard.ts';
import { readParam, writeParams } from '../url-state.ts';

const SHOWN_ROWS = 500;
const RUNNING = 'Running… Stop (or Esc) ends it.';

class SqlConsoleElement extends HTMLElement {
  #quarter = '';
  #db: Promise<ConsoleDb> | null = null;
  /** The database once open (it says whether a stop ended its engine). */
  #opened: ConsoleDb | null = null;
  /** The query under way: aborting it stops the query. */
  #running: AbortController | null = null;
  #text!: HTMLTextAreaElement;
  #runButton!: HTMLButtonElement;
  #stop!: HTMLButtonElement;
  #output!: HTMLElement;
  #download!: HTMLButtonElement;
  #pending!: Pending;
  #result: Result | null = null;

  connectedCallback(): void {
    if (this.hasAttribute('data-ready')) return;
    const form = must<HTMLFormElement>(this, 'form', '<sql-console>');
    this.#text = must(form, 'textarea', '<sql-console>');
    this.#output = must(this, '[data-output]', '<sql-console>');
    this.#download = must(this, 'button[data-download]', '<sql-console>');
    this.#runButton = must(form, 'button[type="submit"]', '<sql-console>');
    this.#stop = must(this, 'button[data-stop]', '<sql-console>');
    this.#pending = new Pending(this, this.querySelector('.ds-status'));
    this.#quarter = this.#pickQuarter();

    whenIntent(this, () => void this.#open().catch(() => undefined));
    form.addEventListener('submit', (e) => {
      e.preventDefault();
      void this.#run();
    });
    this.#text.addEventListener('keydown', (e) => {
      if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
        e.preventDefault();
        void this.#run();
      }
    });
    for (const b of this.querySelectorAll<HTMLButtonElement>('button[data-example]')) {
      b.addEventListener('click', () => {
        this.#text.value = b.dataset.example ?? '';
        void this.#run();
      });
    }
    this.#download.addEventListener('click', () => this.#saveCsv());
    this.#stop.addEventListener('click', () => this.#stopByReader());
    this.addEventListener('keydown', (e) => {
      if (e.key === 'Escape' && this.#running) {
        e.preventDefault();
        this.#stopByReader();
      }
    });
    const select = this.querySelector<HTMLSelectElement>('select[data-control="quarter"]');
    select?.addEventListener('change', () => this.#switchQuarter(select.value));
    if (select) select.value = this.#quarter;

    const shared = readParam('sql');
    if (shared) {
      this.#text.value = shared;
      this.#pending.say('Press Run to run the query from the link.');
    }
    for (const c of this.querySelectorAll<HTMLButtonElement | HTMLTextAreaElement | HTMLSelectElement>('button:not([data-download]), textarea, select')) c.disabled = false;
    this.setAttribute('data-ready', '');
  }

  /** The quarter in the address when it is published, else the page's (the latest). */
  #pickQuarter(): string {
    const offered = [...this.querySelectorAll<HTMLOptionElement>('select[data-control="quarter"] option')].map((o) => o.value);
    const wanted = readParam('quarter');
    const quarter = wanted && offered.includes(wanted) ? wanted : (this.dataset.quarter ?? '');
    this.dataset.quarter = quarter;
    return quarter;
  }

  #switchQuarter(quarter: string): void {
    writeParams({ quarter: quarter === this.getAttribute('data-latest') ? null : quarter, sql: this.#text.value.trim() || null });
    // The loaded database cannot read another folder (external access is off for
    // good), so a loaded console starts afresh on the new address.
    if (this.#db) {
      location.reload();
      return;
    }
    this.#quarter = quarter;
    this.dataset.quarter = quarter;
  }

  #open(): Promise<ConsoleDb> {
    if (!this.#db) {
      const q = this.#quarter;
      this.#db = import('../console-db.ts')
        .then((m) => m.openConsoleDb(q, publishedFolderUrl(q)))
        .then((db) => (this.#opened = db));
      this.#db.catch(() => (this.#db = null));
    }
    return this.#db;
  }

  async #run(): Promise<void> {
    const check = checkReadOnly(this.#text.value);
    if (!check.ok) {
      if (this.#running) {
        this.#stopRun('replaced');
        this.#pending.cancel();
      }
      this.#clear();
      this.#pending.say(check.reason, 'error');
      return;
    }
    // A new query never waits behind the last one: that one is stopped first.
    this.#stopRun('replaced');
    const run = new AbortController();
    this.#running = run;
    this.#stop.hidden = false;
    const limit = timeLimitMs(this.dataset.timeLimit);
    const tables = `the ${quarterLabel(this.#quarter)} tables`;
    const message = !this.#opened ? `Loading DuckDB and ${tables} (about 3 MB, once)…` : this.#opened.loaded ? RUNNING : `Restarting DuckDB and reloading ${tables}…`;
    const started = performance.now();
    try {
      await this.#pending.run(
        message,
        async () => {
          // Stopped while loading, the load carries on for the next query.
          const db = await untilAborted(this.#open(), run.signal);
          await untilAborted(db.reload(), run.signal);
          const t0 = performance.now();
          const timer = setTimeout(() => run.abort(new QueryStopped('time')), limit);
          try {
            const table = await db.query(check.sql, run.signal);
            return { result: readResult(table), ms: performance.now() - t0 };
          } finally {
            clearTimeout(timer);
          }
        },
        ({ result, ms }) => this.#show(result, ms, performance.now() - started),
        (e) => {
          if (e instanceof QueryStopped) {
            // Whatever is on screen answers another query.
            this.#clear();
            return { text: stoppedMessage(e.why, limit, this.#quarter), kind: e.why === 'time' ? 'error' : 'info' };
          }
          this.#showError(e);
          return `The query failed: ${reason(e)}`;
        },
      );
    } finally {
      if (this.#running === run) {
        this.#running = null;
        // Focus on the vanishing Stop would fall to the page's start.
        if (this.#stop.contains(document.activeElement)) this.#runButton.focus();
        this.#stop.hidden = true;
      }
    }
    writeParams({ sql: this.#text.value.trim() || null });
  }

  #stopByReader(): void {
    if (!this.#running || this.#running.signal.aborted) return;
    this.#pending.say('Stopping…');
    this.#stopRun('reader');
  }

  #stopRun(why: StopCause): void {
    const run = this.#running;
    if (run && !run.signal.aborted) run.abort(new QueryStopped(why));
  }

  #show(result: Result, ms: number, total: number): void {
    this.#result = result;
    const n = result.rows.length;
    // Counts and times in the site's one number format (thin-space groups), as in the articles.
    const time = total - ms > 50 ? `${formatInteger(ms)} ms (${formatSeconds(total)} with loading)` : `${formatInteger(ms)} ms`;
    const caption = `${formatInteger(n)} ${n === 1 ? 'row' : 'rows'} in ${time}` + (n > SHOWN_ROWS ? `; the first ${SHOWN_ROWS} are shown, the CSV has all.` : '.');
    const scroller = h('div', { class: 'ds-results__scroll', tabindex: '0', role: 'region', 'aria-label': 'Query result' }, resultTable(result, SHOWN_ROWS, caption));
    this.#output.replaceChildren(scroller);
    this.#download.disabled = false;
    this.#download.hidden = false;
  }

  /** No result on screen and nothing to download. */
  #clear(): void {
    this.#result = null;
    this.#output.replaceChildren();
    this.#download.disabled = true;
    this.#download.hidden = true;
  }

  /** The status line says what failed; under it, DuckDB's hint and where the fault is. */
  #showError(e: unknown): void {
    this.#clear();
    const { hint, position } = queryError(e);
    if (!hint && !position) return;
    this.#output.append(
      h('div', { class: 'ds-console__error' }, hint ? h('p', { class: 'ds-console__hint' }, hint) : null, position ? h('pre', { class: 'ds-console__where', tabindex: '0', 'aria-label': 'Where the query fails' }, position) : null),
    );
  }

  #saveCsv(): void {
    if (!this.#result) return;
    downloadCsv(toCsv(this.#result.columns, this.#result.rows), `deep-signal-${this.#quarter}-query.csv`);
  }
}

define('sql-console', SqlConsoleElement);
