// <SnapshotTable>'s table, written once: the build serializes it into the article
// (SnapshotTable.astro, set:html), the files a quarter picker fetches carry the rows it
// reads (figure-fragments.ts), and <snapshot-table> parses the same string for another
// quarter (src/client/elements/snapshot-table.ts), so a re-rendered table is cell for
// cell a built one. Each category names its atlas page; the base comes from the caller
// because the build knows it from Astro and the browser from a data attribute.
import { categoryPath, underBase } from './atlas-paths.ts';
import { changeSortValue, SNAPSHOT_METRICS, snapshotChange } from './figure-text.ts';
import { formatInteger, type Change } from './format.ts';
import { BASIS_MARK } from './like-for-like.ts';
import { splitCategoryName } from './labels.ts';
import { m, toHtml, type Markup } from './markup.ts';
import { prevQuarter, quarterLabel } from './quarters.ts';
import type { HeadlineRow, SnapshotRow } from './query-rows.ts';

export interface SnapshotTableInput {
  quarter: string;
  rows: readonly SnapshotRow[];
  total: HeadlineRow | undefined;
  /** The table's accessible caption: the figure's title and caption. */
  caption: string;
  /** The site's base URL ('/' or '/deep-signal/'), for the atlas links. */
  base: string;
}

/** A quarter-on-quarter change as a cell shows it: the arrow is decorative, the sign and words carry it. */
export function changeMarkup(c: Change): Markup {
  return m(
    'span',
    { class: `ds-change ds-change--${c.direction}`, title: c.label },
    c.arrow ? m('span', { class: 'ds-change__arrow', 'aria-hidden': 'true' }, c.arrow) : null,
    c.text,
    c.note ? m('sup', { class: 'ds-change__note', 'aria-hidden': 'true' }, BASIS_MARK) : null,
  );
}

type Figures = Parameters<typeof snapshotChange>[0] & Record<(typeof SNAPSHOT_METRICS)[number]['key'], number>;

// The total row carries no sort keys: it stays put when the body is sorted.
function metricCells(r: Figures, sortable: boolean): Markup[] {
  return SNAPSHOT_METRICS.flatMap((metric) => {
    const c = snapshotChange(r, metric.key);
    return [
      m('td', { 'data-sort-key': sortable ? metric.key : null, 'data-value': r[metric.key] }, formatInteger(r[metric.key])),
      m('td', { 'data-sort-key': sortable ? `${metric.key}_qoq` : null, 'data-value': changeSortValue(c), 'data-change': c.direction }, changeMarkup(c)),
    ];
  });
}

function categoryCell(r: SnapshotRow, base: string): Markup {
  const [head, tail] = splitCategoryName(r.name);
  return m(
    'th',
    { scope: 'row', class: 'ds-table__text', 'data-sort-key': 'category', 'data-value': r.name },
    m('span', { class: 'ds-swatch', 'aria-hidden': 'true' }),
    ' ',
    // The tail is hidden on a phone but still read aloud, so the link's name stays whole.
    m('a', { class: 'ds-table__link', href: underBase(base, categoryPath(r.category_id)) }, head, tail ? m('span', { class: 'ds-table__tail' }, tail) : null),
  );
}

export function snapshotTableMarkup(t: SnapshotTableInput): Markup {
  const prev = quarterLabel(prevQuarter(t.quarter));
  return m(
    'table',
    { class: 'ds-table' },
    m('caption', { class: 'ds-visually-hidden' }, t.caption),
    m(
      'thead',
      {},
      m(
        'tr',
        {},
        m('th', { scope: 'col', class: 'ds-table__text', 'data-sort-key': 'category', 'data-sort-type': 'text', 'aria-sort': 'none' }, 'Category'),
        SNAPSHOT_METRICS.flatMap((metric) => [
          m('th', { scope: 'col', 'data-sort-key': metric.key, 'data-sort-type': 'number', 'aria-sort': 'none' }, metric.label),
          m(
            'th',
            { scope: 'col', 'data-sort-key': `${metric.key}_qoq`, 'data-sort-type': 'number', 'aria-sort': 'none' },
            m('span', { 'aria-hidden': 'true' }, 'QoQ'),
            m('span', { class: 'ds-visually-hidden' }, `${metric.label}, change on ${prev}`),
          ),
        ]),
      ),
    ),
    m(
      'tbody',
      {},
      t.rows.map((r) => m('tr', { 'data-category': r.category_id, style: `--cat: ${r.colour}` }, categoryCell(r, t.base), metricCells(r, true))),
    ),
    t.total
      ? m(
          'tfoot',
          {},
          m(
            'tr',
            { 'data-category': 'all' },
            m('th', { scope: 'row', class: 'ds-table__text' }, 'All categories', m('sup', { 'aria-hidden': 'true' }, '*')),
            metricCells(t.total, false),
          ),
        )
      : null,
  );
}

export function snapshotTableHtml(t: SnapshotTableInput): string {
  return toHtml(snapshotTableMarkup(t));
}
