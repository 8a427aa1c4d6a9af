// The table twin of a chart, as markup: every number the chart draws, in a table for
// screen readers and for readers who want the figures, folded behind a toggle so the
// chart leads. Closed, it stays in the accessibility tree (styles/talent-figures.css).
import { m, type Markup, type MarkupChild } from './markup.ts';

export interface TwinColumn {
  label: string;
  numeric?: boolean;
}

/** A row: its header cell (the series) and one cell per further column. */
export interface TwinRow {
  head: MarkupChild | MarkupChild[];
  cells: (string | { text: string; value: number | null })[];
  attrs?: Record<string, string>;
}

export function twinTable(caption: string, columns: readonly TwinColumn[], rows: readonly TwinRow[], empty: string): Markup[] {
  const rest = columns.slice(1);
  const table = m(
    'table',
    { class: 'ds-twin__table' },
    m('caption', {}, caption),
    m('thead', {}, m('tr', {}, columns.map((c) => m('th', { scope: 'col', class: c.numeric ? 'ds-num' : null }, c.label)))),
    m(
      'tbody',
      {},
      rows.map((r) =>
        m(
          'tr',
          r.attrs ?? {},
          m('th', { scope: 'row' }, r.head),
          r.cells.map((c, i) =>
            typeof c === 'string'
              ? m('td', { class: rest[i]?.numeric ? 'ds-num' : null }, c)
              : m('td', { class: 'ds-num', 'data-value': c.value ?? '' }, c.text),
          ),
        ),
      ),
      rows.length === 0 ? m('tr', {}, m('td', { colspan: columns.length }, empty)) : null,
    ),
  );
  return [m('details', { class: 'ds-twin__toggle' }, m('summary', {}, 'Table of these figures')), m('div', { class: 'ds-twin' }, table)];
}
