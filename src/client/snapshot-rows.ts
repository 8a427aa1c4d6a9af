// The body and total rows of <SnapshotTable> for another quarter, cell for cell what
// the component writes (SnapshotTable.astro, ChangeText.astro), so sorting, filtering
// and the tests read a re-rendered table exactly like a built one.
import { changeSortValue, SNAPSHOT_METRICS, snapshotChange } from '../lib/figure-text.ts';
import { formatInteger, type Change } from '../lib/format.ts';
import { BASIS_MARK } from '../lib/like-for-like.ts';
import { splitCategoryName } from '../lib/labels.ts';
import type { HeadlineRow, SnapshotRow } from '../lib/query-rows.ts';
import { h } from './dom.ts';

/** <ChangeText>: the arrow is decorative; the sign and the words carry the meaning. */
export function changeText(c: Change): HTMLSpanElement {
  return h(
    'span',
    { class: `ds-change ds-change--${c.direction}`, title: c.label },
    c.arrow ? h('span', { class: 'ds-change__arrow', 'aria-hidden': 'true' }, c.arrow) : null,
    c.text,
    c.note ? h('sup', { class: 'ds-change__note', 'aria-hidden': 'true' }, BASIS_MARK) : null,
  );
}

type Figures = Parameters<typeof snapshotChange>[0] & Record<(typeof SNAPSHOT_METRICS)[number]['key'], number>;

function metricCells(r: Figures, sortable: boolean): HTMLTableCellElement[] {
  return SNAPSHOT_METRICS.flatMap((m) => {
    const c = snapshotChange(r, m.key);
    return [
      h('td', { 'data-sort-key': sortable ? m.key : null, 'data-value': r[m.key] }, formatInteger(r[m.key])),
      h('td', { 'data-sort-key': sortable ? `${m.key}_qoq` : null, 'data-value': changeSortValue(c), 'data-change': c.direction }, changeText(c)),
    ];
  });
}

const head = (name: string) => splitCategoryName(name)[0];
function tail(name: string): HTMLSpanElement | null {
  const rest = splitCategoryName(name)[1];
  return rest ? h('span', { class: 'ds-table__tail' }, rest) : null;
}

export function snapshotRows(rows: readonly SnapshotRow[]): HTMLTableRowElement[] {
  return rows.map((r) =>
    h(
      'tr',
      { 'data-category': r.category_id, style: `--cat: ${r.colour}` },
      h('th', { scope: 'row', class: 'ds-table__text', 'data-sort-key': 'category', 'data-value': r.name }, h('span', { class: 'ds-swatch', 'aria-hidden': 'true' }), ` ${head(r.name)}`, tail(r.name)),
      ...metricCells(r, true),
    ),
  );
}

export function totalRow(total: HeadlineRow): HTMLTableRowElement {
  return h(
    'tr',
    { 'data-category': 'all' },
    h('th', { scope: 'row', class: 'ds-table__text' }, 'All categories', h('sup', { 'aria-hidden': 'true' }, '*')),
    ...metricCells(total, false),
  );
}
