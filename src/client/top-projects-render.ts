// The bars of <TopProjects>, element for element what TopProjects.astro writes, for a
// re-queried category or for one of the two kinds of contributor shown alone.
import { barsLayout } from '../lib/bars-layout.ts';
import { formatInteger } from '../lib/format.ts';
import type { TopProjectRow } from '../lib/query-rows.ts';
import { h } from './dom.ts';

export type Show = 'all' | 'returning' | 'new';

/** What a bar row needs; read back from data-* on built rows. */
export interface BarData {
  repo: string;
  categoryId: string;
  categoryName: string;
  colour: string;
  contributors: number;
  returning: number;
  fresh: number;
  newProject: boolean;
}

export function fromRow(r: TopProjectRow): BarData {
  return {
    repo: r.repo,
    categoryId: r.category_id,
    categoryName: r.category_name,
    colour: r.colour,
    contributors: r.contributors,
    returning: r.returning_contributors,
    fresh: r.new_contributors,
    newProject: r.new_project,
  };
}

const pct = (n: number) => `${Math.max(0, Math.min(100, n))}%`;
const shownValue = (b: BarData, show: Show) => (show === 'all' ? b.contributors : show === 'new' ? b.fresh : b.returning);

/** Rows largest first by what is shown (rank order for "all"), with the axis. */
export function renderBars(list: HTMLOListElement, axis: HTMLElement | null, bars: readonly BarData[], show: Show, withCategory: boolean): void {
  const ordered = show === 'all' ? [...bars] : [...bars].sort((a, b) => shownValue(b, show) - shownValue(a, show));
  const layout = barsLayout(
    ordered.map((b) => ({
      id: b.repo,
      label: b.repo,
      segments: [
        { key: 'returning', value: show === 'new' ? 0 : b.returning },
        { key: 'new', value: show === 'returning' ? 0 : b.fresh },
      ],
    })),
    { width: 100, labelWidth: 0, valueWidth: 0 },
  );
  list.replaceChildren(
    ...ordered.map((b, i) => {
      const [ret, fresh] = layout.rows[i]!.segments;
      return h(
        'li',
        {
          class: 'ds-bars__row',
          style: `--cat: ${b.colour}`,
          'data-repo': b.repo,
          'data-category': b.categoryId,
          'data-category-name': b.categoryName,
          'data-value': b.contributors,
          'data-returning': b.returning,
          'data-new': b.fresh,
          'data-new-project': b.newProject ? 'true' : null,
        },
        h(
          'span',
          { class: 'ds-bars__label' },
          h('span', { class: 'ds-bars__repo' }, b.repo),
          withCategory ? h('span', { class: 'ds-bars__cat' }, b.categoryName) : null,
          b.newProject ? h('span', { class: 'ds-bars__badge' }, 'new project') : null,
        ),
        h(
          'span',
          { class: 'ds-bars__track', 'aria-hidden': 'true' },
          h('span', { class: 'ds-bars__seg ds-bars__seg--returning', style: `width: ${pct(ret?.width ?? 0)}`, title: `${formatInteger(b.returning)} returning` }),
          h('span', { class: 'ds-bars__seg ds-bars__seg--new', style: `width: ${pct(fresh?.width ?? 0)}`, title: `${formatInteger(b.fresh)} new` }),
        ),
        h(
          'span',
          { class: 'ds-bars__value' },
          formatInteger(shownValue(b, show)),
          h('span', { class: 'ds-visually-hidden' }, ` contributors: ${formatInteger(b.returning)} returning, ${formatInteger(b.fresh)} new`),
        ),
      );
    }),
  );
  const ticks = axis?.querySelector('.ds-bars__axis');
  ticks?.replaceChildren(...layout.ticks.map((t) => h('span', { class: 'ds-bars__tick', style: `left: ${pct(t.x)}` }, formatInteger(t.value))));
}

/** Reads the bars back from rows the build (or renderBars) wrote. */
export function readBars(list: HTMLOListElement): BarData[] {
  return [...list.querySelectorAll<HTMLLIElement>('li.ds-bars__row')].map((li) => ({
    repo: li.dataset.repo ?? '',
    categoryId: li.dataset.category ?? '',
    categoryName: li.dataset.categoryName ?? li.querySelector('.ds-bars__cat')?.textContent ?? '',
    colour: li.style.getPropertyValue('--cat').trim(),
    contributors: Number(li.dataset.value),
    returning: Number(li.dataset.returning),
    fresh: Number(li.dataset.new),
    newProject: li.dataset.newProject === 'true' || li.querySelector('.ds-bars__badge') !== null,
  }));
}

/** The list and axis, created (with the legend) when the build had no projects to show. */
export function barsFrame(host: HTMLElement): { list: HTMLOListElement; axis: HTMLElement } {
  const list = host.querySelector<HTMLOListElement>('ol.ds-bars');
  const axis = host.querySelector<HTMLElement>('.ds-bars__row--axis');
  if (list && axis) return { list, axis };
  host.querySelector('.ds-bars__empty')?.remove();
  const legend = h(
    'ul',
    { class: 'ds-bars__legend', 'aria-label': 'Legend' },
    h('li', {}, h('span', { class: 'ds-bars__key ds-bars__key--returning', 'aria-hidden': 'true' }), 'returning contributors'),
    h('li', {}, h('span', { class: 'ds-bars__key ds-bars__key--new', 'aria-hidden': 'true' }), 'new to the project'),
  );
  const newList = h('ol', { class: 'ds-bars' });
  const newAxis = h('div', { class: 'ds-bars__row ds-bars__row--axis', 'aria-hidden': 'true' }, h('span'), h('span', { class: 'ds-bars__axis' }), h('span'));
  host.append(legend, newList, newAxis);
  return { list: newList, axis: newAxis };
}

export function renderEmpty(host: HTMLElement, text: string): void {
  for (const el of host.querySelectorAll('.ds-bars__legend, ol.ds-bars, .ds-bars__row--axis')) el.remove();
  const p = host.querySelector('.ds-bars__empty') ?? host.appendChild(h('p', { class: 'ds-bars__empty' }));
  p.textContent = text;
}
