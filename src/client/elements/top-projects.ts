// <top-projects>: upgrades the built project bars. Another category re-runs the
// registry's top-projects query; "Bars show" (all, returning or new contributors)
// re-lays out the rows already there, with no query.
import { topProjectsCaption, topProjectsTitle } from '../../lib/figure-text.ts';
import { QUERIES } from '../../lib/query-registry.ts';
import type { TopProjectRow } from '../../lib/query-rows.ts';
import { quarterLabel } from '../../lib/quarters.ts';
import { BuiltView, contentAfterControls } from '../built-view.ts';
import { define } from '../dom.ts';
import { updateFigure } from '../figure-frame.ts';
import { Pending, reason } from '../pending.ts';
import { publishedFolderUrl } from '../published-url.ts';
import { runQuery, whenIntent } from '../query-runner.ts';
import { warmUp } from '../warm-up.ts';

type Show = 'all' | 'returning' | 'new';
// bars-layout brings d3-scale: fetched when a control is used, not on a passive read.
const drawing = () => import('../top-projects-render.ts');

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
        whenIntent(this.#select, () => {
          warmUp(this.dataset.quarter ?? '');
          // The list shown, read once: every category's query then finds its files in memory.
          void this.#rows(this.dataset.quarter ?? '', this.#category, Number(this.dataset.limit ?? 10)).catch(() => undefined);
        });
      }
      this.#select?.addEventListener('change', () => void this.#showCategory(this.#select!.value));
      for (const r of controls.querySelectorAll<HTMLInputElement>('input[type="radio"]')) {
        r.addEventListener('change', () => r.checked && void this.#showKind(r.value as Show));
      }
      for (const c of controls.querySelectorAll<HTMLInputElement | HTMLSelectElement>('input, select')) c.disabled = false;
    }
    this.setAttribute('data-ready', '');
  }

  async #showKind(show: Show): Promise<void> {
    const { barsFrame, readBars, renderBars } = await drawing();
    const list = this.querySelector<HTMLOListElement>('ol.ds-bars');
    if (!list) return;
    this.#show = show;
    renderBars(list, barsFrame(this).axis, readBars(list), show, this.#category === 'all');
  }

  #rows(quarter: string, category: string, limit: number): Promise<TopProjectRow[]> {
    let rows = this.#loaded.get(category);
    if (!rows) {
      rows = runQuery(QUERIES['top-projects'], { quarter, category, limit }, publishedFolderUrl(quarter));
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
    const quarter = this.dataset.quarter ?? '';
    const limit = Number(this.dataset.limit ?? 10);
    const name = this.#select?.selectedOptions[0]?.textContent?.trim() ?? category;
    const ok = await this.#pending.run(
      `Loading ${category === 'all' ? 'all categories' : name}…`,
      () => Promise.all([this.#rows(quarter, category, limit), drawing()]),
      ([rows, draw]) => {
        const inCategory = category !== 'all';
        if (rows.length === 0) draw.renderEmpty(this, `No project had contributors in ${quarterLabel(quarter)}.`);
        else {
          const { list, axis } = draw.barsFrame(this);
          draw.renderBars(list, axis, rows.map(draw.fromRow), this.#show, !inCategory);
        }
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
