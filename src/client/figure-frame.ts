// The <Figure> around an interactive element: its title, caption and source line say
// which quarter and options the figure shows, so they change with it. The quarter
// picker's options carry each quarter's source line and as-of date (QuarterSelect.astro).
import { partialNote } from '../lib/figure-text.ts';
import { formatDate } from '../lib/format.ts';

export interface QuarterInfo {
  quarter: string;
  asOf: string;
  partial: boolean;
  source: string;
}

/** What the quarter picker knows about `quarter`, or null when it is not offered. */
export function quarterInfo(select: HTMLSelectElement | null, quarter: string): QuarterInfo | null {
  const option = select ? [...select.options].find((o) => o.value === quarter) : undefined;
  if (!option) return null;
  return {
    quarter,
    asOf: option.dataset.asOf ?? '',
    partial: option.dataset.partial === 'true',
    source: option.dataset.source ?? '',
  };
}

/**
 * The quarter whose published folder holds `quarter`: its own when it has one, else the
 * folder of the article's quarter (QuarterSelect.astro writes it on each option).
 */
export function folderOf(select: HTMLSelectElement | null, quarter: string): string {
  const option = select ? [...select.options].find((o) => o.value === quarter) : undefined;
  return option?.dataset.folder ?? quarter;
}

export interface FrameText {
  /** Omitted when the author wrote the title (data-custom-title). */
  title?: string;
  caption?: string;
  quarter?: QuarterInfo | null;
}

export function updateFigure(el: HTMLElement, text: FrameText): void {
  const figure = el.closest('figure.ds-figure');
  if (!figure) return;
  if (text.title !== undefined && !el.hasAttribute('data-custom-title')) {
    const t = figure.querySelector('.ds-figure__title');
    if (t) t.textContent = text.title;
  }
  if (text.caption !== undefined && !el.hasAttribute('data-custom-caption')) {
    const c = figure.querySelector('.ds-figure__text');
    if (c) c.textContent = text.caption;
  }
  const q = text.quarter;
  const source = figure.querySelector('.ds-figure__source');
  if (q && source && q.asOf && q.source) {
    figure.setAttribute('data-quarter', q.quarter);
    const time = document.createElement('time');
    time.dateTime = q.asOf;
    time.textContent = formatDate(q.asOf);
    source.replaceChildren(`Source: ${q.source}. Data as of `, time, `${partialNote(q.quarter, q.partial)}.`);
  }
}
