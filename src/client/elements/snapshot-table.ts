// <snapshot-table>: upgrades the built category table. Sorting and the category
// filter work on the HTML the build wrote (no engine); picking another published
// quarter re-runs the registry's snapshot and headline queries over that quarter's
// Parquet. The view lives in the address (?snapshot-quarter, -sort, -categories).
import { snapshotBasisNote, snapshotCaption, snapshotTitle, SNAPSHOT_METRICS } from '../../lib/figure-text.ts';
import { QUERIES } from '../../lib/query-registry.ts';
import { prevQuarter, quarterLabel } from '../../lib/quarters.ts';
import { BuiltView } from '../built-view.ts';
import { define, h, must } from '../dom.ts';
import { quarterInfo, updateFigure } from '../figure-frame.ts';
import { Pending, reason } from '../pending.ts';
import { publishedFolderUrl } from '../published-url.ts';
import { runQuery, whenIntent } from '../query-runner.ts';
import { snapshotRows, totalRow } from '../snapshot-rows.ts';
import { formatSort, markOrder, parseSort, sortBody, type SortState } from '../table-sort.ts';
import { readParam, writeParams } from '../url-state.ts';
import { warmUp } from '../warm-up.ts';

const PARAM = { quarter: 'snapshot-quarter', sort: 'snapshot-sort', categories: 'snapshot-categories' } as const;

type Loaded = [Parameters<typeof snapshotRows>[0], Parameters<typeof totalRow>[0][]];

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
    this.#built = new BuiltView(this, [this.#body(), ...(this.#table.tFoot ? [this.#table.tFoot] : []), ...(this.#table.caption ? [this.#table.caption] : [])]);
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
    // Load the engine when a reader reaches for the picker, not when they only read.
    whenIntent(this.#select, () => warmUp(this.#quarter));
    this.#select.addEventListener('change', () => void this.#showQuarter(this.#select!.value));
  }

  async #showQuarter(quarter: string): Promise<void> {
    if (quarter === this.#builtQuarter) {
      this.#pending.cancel();
      this.#restoreBuilt();
      return;
    }
    const folder = publishedFolderUrl(quarter);
    const ok = await this.#pending.run(
      `Loading ${quarterLabel(quarter)}…`,
      () => this.#load(quarter, folder),
      ([rows, [total]]) => this.#render(quarter, rows, total),
      (e) => `Could not load ${quarterLabel(quarter)} in this browser (${reason(e)}); still showing ${quarterLabel(this.#quarter)}.`,
    );
    if (!ok && this.#select) this.#select.value = this.#quarter;
  }

  #load(quarter: string, folder: string): Promise<Loaded> {
    let loaded = this.#loaded.get(quarter);
    if (!loaded) {
      loaded = Promise.all([runQuery(QUERIES.snapshot, { quarter }, folder), runQuery(QUERIES.headline, { quarter }, folder)]);
      this.#loaded.set(quarter, loaded);
      loaded.catch(() => this.#loaded.delete(quarter));
    }
    return loaded;
  }

  #render(quarter: string, rows: Parameters<typeof snapshotRows>[0], total: Parameters<typeof totalRow>[0] | undefined): void {
    if (rows.length === 0) throw new Error(`no categories in ${quarter}`);
    const body = this.#body();
    body.replaceChildren(...snapshotRows(rows));
    markOrder(body);
    const foot = this.#table.tFoot;
    if (foot) foot.replaceChildren(...(total ? [totalRow(total)] : []));
    this.#showNote(snapshotBasisNote(rows));
    this.#quarter = quarter;
    this.dataset.quarter = quarter;
    this.#applySort(this.#sort);
    this.#applyFilter();
    const partial = rows[0]?.partial ?? false;
    const prev = quarterLabel(prevQuarter(quarter));
    for (const m of SNAPSHOT_METRICS) {
      const hidden = this.#table.querySelector(`thead th[data-sort-key="${m.key}_qoq"] .ds-visually-hidden`);
      if (hidden) hidden.textContent = `${m.label}, change on ${prev}`;
    }
    const title = this.hasAttribute('data-custom-title') ? null : snapshotTitle(quarter);
    const caption = this.hasAttribute('data-custom-caption') ? null : snapshotCaption(quarter, partial);
    const tableCaption = this.#table.caption;
    if (tableCaption && title !== null && caption !== null) tableCaption.textContent = `${title}. ${caption}`;
    updateFigure(this, { title: title ?? undefined, caption: caption ?? undefined, quarter: quarterInfo(this.#select, quarter) });
    writeParams({ [PARAM.quarter]: quarter === this.#builtQuarter ? null : quarter });
  }

  #restoreBuilt(): void {
    for (const part of this.#built.parts()) {
      const now = part.nodeName === 'TBODY' ? this.#body() : part.nodeName === 'TFOOT' ? this.#table.tFoot : this.#table.caption;
      now?.replaceWith(part);
    }
    this.#showNote(this.#builtNote || null);
    const prev = quarterLabel(prevQuarter(this.#builtQuarter));
    for (const m of SNAPSHOT_METRICS) {
      const hidden = this.#table.querySelector(`thead th[data-sort-key="${m.key}_qoq"] .ds-visually-hidden`);
      if (hidden) hidden.textContent = `${m.label}, change on ${prev}`;
    }
    this.#quarter = this.#builtQuarter;
    this.dataset.quarter = this.#builtQuarter;
    if (this.#select) this.#select.value = this.#builtQuarter;
    this.#applySort(this.#sort);
    this.#applyFilter();
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
      void this.#showQuarter(quarter);
    }
  }
}

define('snapshot-table', SnapshotTableElement);
