// <talent-chord>: upgrades the built chord diagram. Highlighting a category (pointer,
// focus, Enter to pin) reads the SVG as built; another quarter or the other mode at the
// built threshold (1+ commits) draws the links the build wrote to that quarter's
// figures file (src/lib/figure-fragments.ts), so the engine is not waited for; a commit
// threshold (or a missing file) re-runs the registry's overlap/migration queries (above
// one commit, the counts published for that threshold: no person-level rows are
// published). Either way it redraws with the same chord-model and chord-layout the
// build used. The slider's value is a step of CHORD_THRESHOLDS, not a number of
// commits: only those thresholds have published counts.
import { CHORD_THRESHOLDS, thresholdAt, thresholdStep } from '../../lib/chord-thresholds.ts';
import { chordCaption, chordTitle, commitsThreshold, type ChordMode, type ChordOptions } from '../../lib/figure-text.ts';
import type { CategoryRow, MigrationRow, OverlapRow } from '../../lib/query-rows.ts';
import { QUERIES } from '../../lib/query-registry.ts';
import { quarterLabel } from '../../lib/quarters.ts';
import { BuiltView, contentAfterControls } from '../built-view.ts';
import { ChordHighlight } from '../chord-highlight.ts';
import { define, must } from '../dom.ts';
import { fetchChordFigures } from '../figure-files.ts';
import { folderOf, quarterInfo, updateFigure } from '../figure-frame.ts';
import { Pending, reason } from '../pending.ts';
import { publishedFolderUrl } from '../published-url.ts';
import { runQuery, whenIntent } from '../query-runner.ts';
import { warmUp } from '../warm-up.ts';

/** The slider's steps answer at once; the query waits until it rests this long. */
const SETTLE_MS = 200;

// The drawing code (d3) is fetched with the engine, on intent, not on a passive read.
const drawing = () => Promise.all([import('../../lib/chord-model.ts'), import('../chord-render.ts')]);

class TalentChordElement extends HTMLElement {
  #options!: ChordOptions;
  /** What was asked for last (drawn or still loading), so a repeated ask is not re-run. */
  #target!: ChordOptions;
  #id = '';
  #pending!: Pending;
  #highlight!: ChordHighlight;
  #select: HTMLSelectElement | null = null;
  #range: HTMLInputElement | null = null;
  #radios: HTMLInputElement[] = [];
  #timer: ReturnType<typeof setTimeout> | undefined;
  #built!: BuiltView;
  #builtOptions!: ChordOptions;

  connectedCallback(): void {
    if (this.hasAttribute('data-ready')) return;
    const d = this.dataset;
    this.#options = {
      quarter: d.quarter ?? '',
      mode: d.mode === 'migration' ? 'migration' : 'overlap',
      minCommits: Number(d.minCommits ?? 1),
      minPeople: Number(d.minPeople ?? 1),
    };
    this.#target = this.#options;
    this.#builtOptions = this.#options;
    this.#built = new BuiltView(this, contentAfterControls(this));
    this.#id = must<HTMLElement>(this, '.ds-chord__summary', '<talent-chord>').id.replace(/-summary$/, '');
    this.#pending = new Pending(this, this.querySelector('.ds-status'));
    this.#highlight = new ChordHighlight(this, () => this.#options.mode, `${this.#id}-info`);
    this.#highlight.attach();
    this.#upgradeControls();
    this.setAttribute('data-ready', '');
  }

  #upgradeControls(): void {
    const controls = this.querySelector<HTMLElement>('.ds-controls');
    if (!controls) return;
    whenIntent(controls, () => {
      warmUp(this.#options.quarter);
      void drawing().catch(() => undefined);
      // The slider is the likeliest next move: its next step answers from memory.
      const next = CHORD_THRESHOLDS[thresholdStep(this.#options.minCommits) + 1];
      if (next !== undefined) void this.#load({ ...this.#options, minCommits: next }, folderOf(this.#select, this.#options.quarter)).catch(() => undefined);
    });
    this.#select = controls.querySelector('select[data-control="quarter"]');
    const select = this.#select;
    if (select) {
      // Its quarters' files (1-2 KB each), so that a choice answers from memory.
      whenIntent(select, () => {
        for (const o of select.options) if (o.value !== this.#builtOptions.quarter) void fetchChordFigures(o.value, folderOf(select, o.value)).catch(() => undefined);
      });
      select.addEventListener('change', () => this.#update({ quarter: select.value }));
    }
    this.#radios = [...controls.querySelectorAll<HTMLInputElement>('input[type="radio"]')];
    for (const r of this.#radios) r.addEventListener('change', () => r.checked && this.#update({ mode: r.value as ChordMode }));
    this.#range = controls.querySelector('input[data-control="min-commits"]');
    const chosen = () => thresholdAt(Number(this.#range!.value));
    this.#range?.addEventListener('input', () => {
      this.#showThreshold(chosen());
      clearTimeout(this.#timer);
      this.#timer = setTimeout(() => this.#update({ minCommits: chosen() }), SETTLE_MS);
    });
    // Released (pointer) or stepped (keyboard): no need to wait for the slider to rest.
    this.#range?.addEventListener('change', () => this.#update({ minCommits: chosen() }));
    for (const c of controls.querySelectorAll<HTMLInputElement | HTMLSelectElement>('input, select')) c.disabled = false;
  }

  #restoreBuilt(): void {
    this.#pending.cancel();
    for (const el of contentAfterControls(this)) el.remove();
    this.append(...this.#built.parts());
    this.#built.restoreFrame();
    this.#options = this.#target = this.#builtOptions;
    this.dataset.quarter = this.#options.quarter;
    this.dataset.mode = this.#options.mode;
    this.dataset.minCommits = String(this.#options.minCommits);
    this.#syncControls();
    this.#highlight.attach();
  }

  /** Published quarters are frozen: a view's rows, once read, never change. */
  readonly #loaded = new Map<string, ReturnType<typeof load>>();

  #load(o: ChordOptions, folder: string): ReturnType<typeof load> {
    const key = `${o.quarter}|${o.mode}|${o.minCommits}`;
    let loaded = this.#loaded.get(key);
    if (!loaded) {
      loaded = load(o, folder);
      this.#loaded.set(key, loaded);
      loaded.catch(() => this.#loaded.delete(key));
    }
    return loaded;
  }

  #showThreshold(n: number): void {
    if (!this.#range) return;
    this.#range.value = String(thresholdStep(n));
    this.#range.setAttribute('aria-valuetext', commitsThreshold(n));
    const out = this.#range.parentElement?.querySelector('output');
    if (out) out.textContent = commitsThreshold(n);
  }

  /** Puts the controls back to what the chart shows (after a failure). */
  #syncControls(): void {
    if (this.#select) this.#select.value = this.#options.quarter;
    for (const r of this.#radios) r.checked = r.value === this.#options.mode;
    this.#showThreshold(this.#options.minCommits);
  }

  #update(patch: Partial<ChordOptions>): void {
    clearTimeout(this.#timer);
    const next: ChordOptions = { ...this.#target, ...patch };
    if (same(next, this.#target)) return;
    this.#target = next;
    if (same(next, this.#builtOptions)) {
      this.#restoreBuilt();
      return;
    }
    void this.#pending
      .run(
        `Loading ${next.mode} for ${quarterLabel(next.quarter)}…`,
        () => this.#load(next, folderOf(this.#select, next.quarter)),
        ({ draw, raw, categories }) => {
          const [{ chordModel }, { renderChord }] = draw;
          const model = chordModel(raw, categories, next);
          const custom = this.hasAttribute('data-custom-title');
          const title = custom ? (this.closest('figure')?.querySelector('.ds-figure__title')?.textContent ?? '') : chordTitle(next);
          renderChord(this, model, next, { id: this.#id, title, base: this.dataset.base ?? '/' });
          this.#options = next;
          this.dataset.quarter = next.quarter;
          this.dataset.mode = next.mode;
          this.dataset.minCommits = String(next.minCommits);
          updateFigure(this, { title, caption: chordCaption(next), quarter: quarterInfo(this.#select, next.quarter) });
          this.#highlight.attach();
        },
        (e) => `Could not redraw the chart in this browser (${reason(e)}); it still shows the previous view.`,
      )
      .then((ok) => {
        if (!ok && this.#target === next) {
          this.#target = this.#options;
          this.#syncControls();
        }
      });
  }
}

function same(a: ChordOptions, b: ChordOptions): boolean {
  return a.quarter === b.quarter && a.mode === b.mode && a.minCommits === b.minCommits;
}

/** `folder`: the published folder holding `o.quarter` (its own, or the article's). */
async function load(o: ChordOptions, folder: string) {
  if (o.minCommits === 1) {
    try {
      const [draw, file] = await Promise.all([drawing(), fetchChordFigures(o.quarter, folder)]);
      return { draw, raw: draw[0].chordLinks(o.mode, o.mode === 'overlap' ? file.overlap : file.migration), categories: file.categories };
    } catch (e) {
      // A site built before figures files, a stale cached copy, a failed fetch: the
      // engine reads the same links from the Parquet.
      console.warn(`chord figures file for ${o.quarter} not used (${reason(e)}); querying the Parquet`);
    }
  }
  const url = publishedFolderUrl(folder);
  const { quarter, minCommits } = o;
  // The choice chordQueryName makes; written out here so the eager chunk stays free of d3.
  const rowsOf = async (): Promise<(OverlapRow | MigrationRow)[]> => {
    if (o.mode === 'overlap') {
      return minCommits > 1 ? runQuery(QUERIES['overlap-at-threshold'], { quarter, minCommits }, url) : runQuery(QUERIES['overlap-matrix'], { quarter }, url);
    }
    return minCommits > 1 ? runQuery(QUERIES['migration-at-threshold'], { quarter, minCommits }, url) : runQuery(QUERIES['migration-matrix'], { quarter }, url);
  };
  const [draw, rows, categories] = await Promise.all([drawing(), rowsOf(), runQuery(QUERIES.categories, {}, url) as Promise<CategoryRow[]>]);
  const [{ chordLinks }] = draw;
  return { draw, raw: chordLinks(o.mode, rows), categories };
}

define('talent-chord', TalentChordElement);
