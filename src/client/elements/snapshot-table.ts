// <snapshot-table>: upgrades the built category table. Sorting and the category
// filter work on the HTML the build wrote (no engine); picking another quarter shows
// the rows the build wrote to that quarter's figures file (src/lib/figure-fragments.ts),
// a ~1 KB fetch, and only if that file cannot be read re-runs the registry's snapshot
// and headline queries over the Parquet of the folder holding that quarter. Either way
// the table is drawn by the function that drew the built one (src/lib/snapshot-markup.ts).
// The view lives in the address (?snapshot-quarter, -sort, -categories).
import { snapshotBasisNote, snapshotCaption, snapshotTitle } from '../../lib/figure-text.ts';
import type { HeadlineRow, SnapshotRow } from '../../lib/query-rows.ts';
import { QUERIES } from '../../lib/query-registry.ts';
import { quarterLabel } from '../../lib/quarters.ts';
import { snapshotTableHtml } from '../../lib/snapshot-markup.ts';
import { BuiltView } from '../built-view.ts';
import { define, h, must, parseHtml } from '../dom.ts';
import { fetchSnapshotFigures } from '../figure-files.ts';
import { folderOf, quarterInfo, updateFigure } from '../figure-frame.ts';
import { Pending, reason } from '../pending.ts';
import { publishedFolderUrl } from '../published-url.ts';
import { runQuery, whenIntent } from '../query-runner.ts';
import { formatSort, markOrder, parseSort, sortBody, type SortState } from '../table-sort.ts';
import { readParam, writeParams } from '../url-state.ts';
import { warmUpIfAffordable } from '../warm-up.ts';

const PARAM = { quarter: 'snapshot-quarter', sort: 'snapshot-sort', categories: 'snapshot-categories' } as const;

type Loaded = [SnapshotRow[], HeadlineRow[]];

class SnapshotTableElement extends HTMLElement {
  #table!: HTMLTableElement;
  #quarter = '';
  #select: HTMLSelectElement | null = null;
  #checks: HTMLInputElement[] = [];
  #sort: SortState | null = null;
  #pending!: Pending;
  #built!: BuiltView;
  #builtQuarter = '';
  /** The built footnote on like-for-like changes ('' when the built quarter has none). */
  #builtNote = '';
  /** Published quarters are frozen: a quarter's rows, once read, never change. */
  readonly #loaded = new Map<string, Promise<Loaded>>();

  connectedCallback(): void {
    if (this.hasAttribute('data-ready')) return;
    this.#table = must(this, 'table', '<snapshot-table>');
    this.#quarter = this.dataset.quarter ?? '';
    this.#pending = new Pending(this, this.querySelector('.ds-status'));
    markOrder(this.#body());
    this.#builtQuarter = this.#quarter;
    this.#builtNote = this.#note()?.textContent ?? '';
    // The whole table, before its headers gain sort buttons: going back swaps its parts in.
    this.#built = new BuiltView(this, [this.#table]);
    this.#upgradeHeaders();
    this.#upgradeFilter();
    this.#upgradeQuarter();
    this.setAttribute('data-ready', '');
    this.#restore();
  }

  #body(): HTMLTableSectionElement {
    return this.#table.tBodies[0]!;
  }

  #note(): HTMLElement | null {
    return this.querySelector<HTMLElement>('[data-basis-note]');
  }

  #showNote(text: string | null): void {
    const note = this.#note();
    if (!note) return;
    note.textContent = text ?? '';
    note.hidden = !text;
  }

  #headers(): HTMLTableCellElement[] {
    return [...this.#table.querySelectorAll<HTMLTableCellElement>('thead th[data-sort-key]')];
  }

  #upgradeHeaders(): void {
    for (const th of this.#headers()) {
      // A button inside the header, so the column sorts from the keyboard; the header
      // keeps its role and aria-sort.
      const button = h('button', { type: 'button', class: 'ds-sort' });
      button.append(...th.childNodes);
      th.append(button);
      button.addEventListener('click', () => this.#sortBy(th.dataset.sortKey!));
    }
  }

  #sortBy(key: string): void {
    const type = this.#typeOf(key);
    const same = this.#sort?.key === key;
    const direction = same ? (this.#sort!.direction === 'ascending' ? 'descending' : 'ascending') : type === 'text' ? 'ascending' : 'descending';
    this.#applySort({ key, direction });
    writeParams({ [PARAM.sort]: formatSort(this.#sort) });
  }

  #typeOf(key: string): 'number' | 'text' {
    return this.#headers().find((th) => th.dataset.sortKey === key)?.dataset.sortType === 'text' ? 'text' : 'number';
  }

  #applySort(state: SortState | null): void {
    this.#sort = state;
    for (const th of this.#headers()) th.setAttribute('aria-sort', state && th.dataset.sortKey === state.key ? state.direction : 'none');
    sortBody(this.#body(), state, state ? this.#typeOf(state.key) : 'number');
  }

  #upgradeFilter(): void {
    this.#checks = [...this.querySelectorAll<HTMLInputElement>('.ds-filter input[type="checkbox"]')];
    for (const c of this.#checks) {
      c.disabled = false;
      c.addEventListener('change', () => this.#filterChanged());
    }
    for (const b of this.querySelectorAll<HTMLButtonElement>('.ds-filter button[data-filter]')) {
      b.disabled = false;
      b.addEventListener('click', () => {
        for (const c of this.#checks) c.checked = b.dataset.filter === 'all';
        this.#filterChanged();
      });
    }
  }

  #filterChanged(): void {
    this.#applyFilter();
    const shown = this.#checks.filter((c) => c.checked).map((c) => c.value);
    writeParams({ [PARAM.categories]: shown.length === this.#checks.length ? null : shown.join(',') });
  }

  #applyFilter(): void {
    const hidden = new Set(this.#checks.filter((c) => !c.checked).map((c) => c.value));
    for (const row of this.#body().rows) row.hidden = hidden.has(row.dataset.category ?? '');
    const count = this.querySelector('[data-filter-count]');
    if (count) count.textContent = `(${this.#checks.length - hidden.size} of ${this.#checks.length})`;
  }

  #upgradeQuarter(): void {
    this.#select = this.querySelector<HTMLSelectElement>('select[data-control="quarter"]');
    if (!this.#select) return;
    this.#select.disabled = false;
    const select = this.#select;
    whenIntent(select, () => {
      // A reader reaching for the picker: its quarters' files (about 1 KB each) are
      // fetched now, so the choice is usually answered from memory.
      for (const o of select.options) if (o.value !== this.#builtQuarter) void fetchSnapshotFigures(o.value, folderOf(select, o.value)).catch(() => undefined);
      // The picker does not need the engine; the figures further down do, so on a fast
      // connection it gets a head start now. On a slow one it waits until the file has
      // answered (see #showQuarter): 3.3 MB in flight would delay that answer.
      warmUpIfAffordable(this.#quarter, 'intent');
    });
    this.#select.addEventListener('change', () => void this.#showQuarter(this.#select!.value, true));
  }

  async #showQuarter(quarter: string, byReader: boolean): Promise<void> {
    if (quarter === this.#builtQuarter) {
      this.#pending.cancel();
      this.#restoreBuilt();
      return;
    }
    const folder = folderOf(this.#select, quarter);
    const ok = await this.#pending.run(
      `Loading ${quarterLabel(quarter)}…`,
      () => this.#load(quarter, folder),
      ([rows, [total]]) => this.#render(quarter, rows, total),
      (e) => `Could not load ${quarterLabel(quarter)} in this browser (${reason(e)}); still showing ${quarterLabel(this.#quarter)}.`,
    );
    if (!ok) {
      if (this.#select) this.#select.value = this.#quarter;
      return;
    }
    // A reader who uses one control is likely to use the next: the engine takes over
    // for those, loading now that the table no longer waits for anything. Not for a
    // shared address opened: that reader has not touched anything yet.
    if (byReader) warmUpIfAffordable(this.#builtQuarter, 'use');
  }

  #load(quarter: string, folder: string): Promise<Loaded> {
    let loaded = this.#loaded.get(quarter);
    if (!loaded) {
      loaded = fetchSnapshotFigures(quarter, folder).then(
        (f): Loaded => [f.rows, f.total ? [f.total] : []],
        // A site built before figures files, a stale cached copy, a failed fetch: the
        // engine reads the same figures from the Parquet.
        (e: unknown) => {
          console.warn(`snapshot figures file for ${quarter} not used (${reason(e)}); querying the Parquet`);
          const url = publishedFolderUrl(folder);
          return Promise.all([runQuery(QUERIES.snapshot, { quarter }, url), runQuery(QUERIES.headline, { quarter }, url)]);
        },
      );
      this.#loaded.set(quarter, loaded);
      loaded.catch(() => this.#loaded.delete(quarter));
    }
    return loaded;
  }

  #render(quarter: string, rows: SnapshotRow[], total: HeadlineRow | undefined): void {
    if (rows.length === 0) throw new Error(`no categories in ${quarter}`);
    const partial = rows[0]?.partial ?? false;
    const title = this.hasAttribute('data-custom-title') ? null : snapshotTitle(quarter);
    const caption = this.hasAttribute('data-custom-caption') ? null : snapshotCaption(quarter, partial);
    // An author's own title or caption stays in the table's caption, as in the build.
    const tableCaption = title !== null && caption !== null ? `${title}. ${caption}` : (this.#table.caption?.textContent ?? '');
    const html = snapshotTableHtml({ quarter, rows, total, caption: tableCaption, base: this.dataset.base ?? '/' });
    this.#swapTable(must<HTMLTableElement>(parseHtml(html), 'table', '<snapshot-table> redraw'));
    this.#showNote(snapshotBasisNote(rows));
    this.#quarter = quarter;
    this.dataset.quarter = quarter;
    updateFigure(this, { title: title ?? undefined, caption: caption ?? undefined, quarter: quarterInfo(this.#select, quarter) });
    writeParams({ [PARAM.quarter]: quarter === this.#builtQuarter ? null : quarter });
  }

  /**
   * Puts `from`'s caption, rows and total into the live table. The live header stays:
   * its sort buttons keep focus and state; only its spoken "change on <quarter>" follows.
   */
  #swapTable(from: HTMLTableElement): void {
    const live = [...this.#table.querySelectorAll('thead .ds-visually-hidden')];
    from.querySelectorAll('thead .ds-visually-hidden').forEach((span, i) => {
      if (live[i]) live[i].textContent = span.textContent;
    });
    if (from.caption) this.#table.caption?.replaceWith(from.caption);
    this.#body().replaceWith(from.tBodies[0]!);
    const foot = this.#table.tFoot;
    if (foot && from.tFoot) foot.replaceWith(from.tFoot);
    else if (foot) foot.replaceChildren();
    else if (from.tFoot) this.#table.append(from.tFoot);
    markOrder(this.#body());
    this.#applySort(this.#sort);
    this.#applyFilter();
  }

  #restoreBuilt(): void {
    this.#swapTable(this.#built.parts()[0] as HTMLTableElement);
    this.#showNote(this.#builtNote || null);
    this.#quarter = this.#builtQuarter;
    this.dataset.quarter = this.#builtQuarter;
    if (this.#select) this.#select.value = this.#builtQuarter;
    this.#built.restoreFrame();
    writeParams({ [PARAM.quarter]: null });
  }

  /** A shared address: its sort and filter apply at once; its quarter is loaded. */
  #restore(): void {
    const shown = readParam(PARAM.categories);
    if (shown !== null) {
      const keep = new Set(shown.split(',').filter(Boolean));
      for (const c of this.#checks) c.checked = keep.has(c.value);
      this.#applyFilter();
    }
    const sort = parseSort(readParam(PARAM.sort), this.#headers().map((th) => th.dataset.sortKey!));
    if (sort) this.#applySort(sort);
    const quarter = readParam(PARAM.quarter);
    if (quarter && quarter !== this.#quarter && this.#select && [...this.#select.options].some((o) => o.value === quarter)) {
      this.#select.value = quarter;
      void this.#showQuarter(quarter, false);
    }
  }
}

define('snapshot-table', SnapshotTableElement);
