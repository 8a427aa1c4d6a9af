// <top-projects>: upgrades the built project bars. Another category is answered from
// the quarter's top projects file (every category's list, src/lib/figure-fragments.ts)
// and, only when that cannot be read or its lists are too short, by the registry's
// top-projects query on the engine; "Bars show" (all, returning or new contributors)
// re-lays out the rows already there, with no query. Every redraw is the string the
// build's own render function writes (src/lib/top-projects-markup.ts).
import { topProjectsFromFigures } from '../../lib/figure-fragments.ts';
import { topProjectsCaption, topProjectsTitle } from '../../lib/figure-text.ts';
import { QUERIES } from '../../lib/query-registry.ts';
import type { TopProjectRow } from '../../lib/query-rows.ts';
import { quarterLabel } from '../../lib/quarters.ts';
import type { BarData, Show } from '../../lib/top-projects-markup.ts';
import { BuiltView, contentAfterControls } from '../built-view.ts';
import { define, parseHtml } from '../dom.ts';
import { fetchTopProjectsFigures } from '../figure-files.ts';
import { updateFigure } from '../figure-frame.ts';
import { Pending, reason } from '../pending.ts';
import { publishedFolderUrl } from '../published-url.ts';
import { runQuery, whenIntent } from '../query-runner.ts';
import { warmUp } from '../warm-up.ts';

// bars-layout brings d3-scale: fetched when a control is used, not on a passive read.
const drawing = () => import('../../lib/top-projects-markup.ts');
type Drawing = Awaited<ReturnType<typeof drawing>>;

/** The bars as drawn, read back from the data-* every row carries. */
function readBars(host: HTMLElement): BarData[] {
  return [...host.querySelectorAll<HTMLLIElement>('ol.ds-bars li.ds-bars__row')].map((li) => ({
    repo: li.dataset.repo ?? '',
    categoryId: li.dataset.category ?? '',
    categoryName: li.dataset.categoryName ?? '',
    colour: li.style.getPropertyValue('--cat').trim(),
    contributors: Number(li.dataset.value),
    returning: Number(li.dataset.returning),
    fresh: Number(li.dataset.new),
    newProject: li.dataset.newProject === 'true',
  }));
}

class TopProjectsElement extends HTMLElement {
  #category = 'all';
  #show: Show = 'all';
  #select: HTMLSelectElement | null = null;
  #pending!: Pending;
  #built!: BuiltView;
  #builtCategory = 'all';
  /** Published quarters are frozen: a category's list, once read, never changes. */
  readonly #loaded = new Map<string, Promise<TopProjectRow[]>>();

  connectedCallback(): void {
    if (this.hasAttribute('data-ready')) return;
    this.#category = this.dataset.category ?? 'all';
    this.#builtCategory = this.#category;
    this.#built = new BuiltView(this, contentAfterControls(this));
    this.#pending = new Pending(this, this.querySelector('.ds-status'));
    const controls = this.querySelector<HTMLElement>('.ds-controls');
    if (controls) {
      this.#select = controls.querySelector('select[data-control="category"]');
      whenIntent(controls, () => void drawing().catch(() => undefined));
      if (this.#select) {
        // The file (every category's list, a few KB) answers the choice; the engine is
        // warmed only for what the file cannot answer.
        whenIntent(this.#select, () => void fetchTopProjectsFigures(this.#quarter()).catch(() => warmUp(this.#quarter())));
      }
      this.#select?.addEventListener('change', () => void this.#showCategory(this.#select!.value));
      for (const r of controls.querySelectorAll<HTMLInputElement>('input[type="radio"]')) {
        r.addEventListener('change', () => r.checked && void this.#showKind(r.value as Show));
      }
      for (const c of controls.querySelectorAll<HTMLInputElement | HTMLSelectElement>('input, select')) c.disabled = false;
    }
    this.setAttribute('data-ready', '');
  }

  #quarter(): string {
    return this.dataset.quarter ?? '';
  }

  /** Replaces what follows the controls with `bars` drawn by the build's function. */
  #draw(draw: Drawing, bars: readonly BarData[], withCategory: boolean): void {
    const { topProjectsEmpty, topProjectsHtml } = draw;
    const html = topProjectsHtml({ bars, show: this.#show, withCategory, empty: topProjectsEmpty(quarterLabel(this.#quarter())), base: this.dataset.base ?? '/' });
    for (const el of contentAfterControls(this)) el.remove();
    this.append(parseHtml(html));
  }

  async #showKind(show: Show): Promise<void> {
    if (!this.querySelector('ol.ds-bars')) return;
    const draw = await drawing();
    this.#show = show;
    this.#draw(draw, readBars(this), this.#category === 'all');
  }

  #rows(category: string): Promise<TopProjectRow[]> {
    let rows = this.#loaded.get(category);
    if (!rows) {
      const quarter = this.#quarter();
      const limit = Number(this.dataset.limit ?? 10);
      const engine = () => runQuery(QUERIES['top-projects'], { quarter, category, limit }, publishedFolderUrl(quarter));
      rows = fetchTopProjectsFigures(quarter).then(
        (f) => topProjectsFromFigures(f, category, limit) ?? engine(),
        // A site built before top projects files, a stale cached copy, a failed fetch:
        // the engine reads the same list from the Parquet.
        (e: unknown) => {
          console.warn(`top projects file for ${quarter} not used (${reason(e)}); querying the Parquet`);
          return engine();
        },
      );
      this.#loaded.set(category, rows);
      rows.catch(() => this.#loaded.delete(category));
    }
    return rows;
  }

  async #showCategory(category: string): Promise<void> {
    if (category === this.#builtCategory) {
      this.#pending.cancel();
      for (const el of contentAfterControls(this)) el.remove();
      this.append(...this.#built.parts());
      this.#built.restoreFrame();
      this.#category = category;
      this.dataset.category = category;
      if (this.#show !== 'all') await this.#showKind(this.#show);
      return;
    }
    const quarter = this.#quarter();
    const name = this.#select?.selectedOptions[0]?.textContent?.trim() ?? category;
    const ok = await this.#pending.run(
      `Loading ${category === 'all' ? 'all categories' : name}…`,
      () => Promise.all([this.#rows(category), drawing()]),
      ([rows, draw]) => {
        const inCategory = category !== 'all';
        this.#draw(draw, rows.map(draw.barFromRow), !inCategory);
        this.#category = category;
        this.dataset.category = category;
        updateFigure(this, { title: topProjectsTitle(quarter, inCategory ? name : undefined), caption: topProjectsCaption(rows.length, inCategory) });
      },
      (e) => `Could not load ${name} in this browser (${reason(e)}); still showing the previous list.`,
    );
    if (!ok && this.#select) this.#select.value = this.#category;
  }
}

define('top-projects', TopProjectsElement);
