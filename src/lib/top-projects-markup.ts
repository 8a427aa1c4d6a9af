// <TopProjects>'s bars, written once: the build serializes them into the article
// (TopProjects.astro, set:html) and <top-projects> parses the same string for another
// category or for one kind of contributor shown alone (src/client/elements/top-projects.ts).
// Every bar row carries its figures as data-* so the element can re-lay them out with no
// query; each project and category names its atlas page.
import { categoryPath, projectPath, underBase } from './atlas-paths.ts';
import { barsLayout } from './bars-layout.ts';
import { formatInteger } from './format.ts';
import { m, toHtml, type Markup } from './markup.ts';
import type { TopProjectRow } from './query-rows.ts';

export type Show = 'all' | 'returning' | 'new';

/** What a bar row needs: from a query row, or read back from a drawn row's data-*. */
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

export function barFromRow(r: TopProjectRow): BarData {
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

export interface TopProjectsInput {
  bars: readonly BarData[];
  show: Show;
  /** Name each project's category (the list spans categories). */
  withCategory: boolean;
  /** Said instead of the bars when there are none. */
  empty: string;
  /** The site's base URL, for the atlas links. */
  base: string;
}

/** What the figure says when no project had contributors. */
export function topProjectsEmpty(quarterText: string): string {
  return `No project had contributors in ${quarterText}.`;
}

const pct = (n: number) => `${Math.max(0, Math.min(100, n))}%`;
const shownValue = (b: BarData, show: Show) => (show === 'all' ? b.contributors : show === 'new' ? b.fresh : b.returning);

/** The legend, the bars (largest first by what is shown; rank order for "all") and the axis. */
export function topProjectsMarkup(t: TopProjectsInput): Markup[] {
  if (t.bars.length === 0) return [m('p', { class: 'ds-bars__empty' }, t.empty)];
  const { show } = t;
  const ordered = show === 'all' ? [...t.bars] : [...t.bars].sort((a, b) => shownValue(b, show) - shownValue(a, show));
  // Width 100 with no label or value room: positions come out as percentages of the track.
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
  const row = (b: BarData, i: number) => {
    const [ret, fresh] = layout.rows[i]!.segments;
    return m(
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
      m(
        'span',
        { class: 'ds-bars__label' },
        m('a', { class: 'ds-bars__repo', href: underBase(t.base, projectPath(b.repo)) }, b.repo),
        t.withCategory ? m('a', { class: 'ds-bars__cat', href: underBase(t.base, categoryPath(b.categoryId)) }, b.categoryName) : null,
        b.newProject ? m('span', { class: 'ds-bars__badge' }, 'new project') : null,
      ),
      m(
        'span',
        { class: 'ds-bars__track', 'aria-hidden': 'true' },
        m('span', { class: 'ds-bars__seg ds-bars__seg--returning', style: `width: ${pct(ret?.width ?? 0)}`, title: `${formatInteger(b.returning)} returning` }),
        m('span', { class: 'ds-bars__seg ds-bars__seg--new', style: `width: ${pct(fresh?.width ?? 0)}`, title: `${formatInteger(b.fresh)} new` }),
      ),
      m(
        'span',
        { class: 'ds-bars__value' },
        formatInteger(shownValue(b, show)),
        m('span', { class: 'ds-visually-hidden' }, ` contributors: ${formatInteger(b.returning)} returning, ${formatInteger(b.fresh)} new`),
      ),
    );
  };
  return [
    m(
      'ul',
      { class: 'ds-bars__legend', 'aria-label': 'Legend' },
      m('li', {}, m('span', { class: 'ds-bars__key ds-bars__key--returning', 'aria-hidden': 'true' }), 'returning contributors'),
      m('li', {}, m('span', { class: 'ds-bars__key ds-bars__key--new', 'aria-hidden': 'true' }), 'new to the project'),
    ),
    m('ol', { class: 'ds-bars' }, ordered.map(row)),
    m(
      'div',
      { class: 'ds-bars__row ds-bars__row--axis', 'aria-hidden': 'true' },
      m('span', {}),
      m('span', { class: 'ds-bars__axis' }, layout.ticks.map((tick) => m('span', { class: 'ds-bars__tick', style: `left: ${pct(tick.x)}` }, formatInteger(tick.value)))),
      m('span', {}),
    ),
  ];
}

export function topProjectsHtml(t: TopProjectsInput): string {
  return toHtml(topProjectsMarkup(t));
}
