// Sorting a server-rendered table in place, by the data-sort-key / data-value the
// build wrote on each cell: no query, no engine. Empty values ("new", partial
// quarter) have no number and go last whichever the direction.

export type SortDirection = 'ascending' | 'descending';
export interface SortState {
  key: string;
  direction: SortDirection;
}

/** Remembers the build's row order, so "unsorted" can be restored. */
export function markOrder(body: HTMLTableSectionElement): void {
  [...body.rows].forEach((r, i) => (r.dataset.order = String(i)));
}

function cellValue(row: HTMLTableRowElement, key: string): string {
  return row.querySelector<HTMLElement>(`[data-sort-key="${key}"]`)?.dataset.value ?? '';
}

export function compareCells(a: string, b: string, type: 'number' | 'text', direction: SortDirection): number {
  if (a === '' || b === '') return a === b ? 0 : a === '' ? 1 : -1;
  const sign = direction === 'ascending' ? 1 : -1;
  if (type === 'number') return sign * (Number(a) - Number(b));
  return sign * a.localeCompare(b, 'en', { sensitivity: 'base' });
}

export function sortBody(body: HTMLTableSectionElement, state: SortState | null, type: 'number' | 'text'): void {
  const order = (r: HTMLTableRowElement) => Number(r.dataset.order ?? 0);
  const rows = [...body.rows].sort((a, b) => {
    if (!state) return order(a) - order(b);
    return compareCells(cellValue(a, state.key), cellValue(b, state.key), type, state.direction) || order(a) - order(b);
  });
  body.append(...rows);
}

/** "commits.desc" ⇄ { key: 'commits', direction: 'descending' } */
export function parseSort(text: string | null, keys: readonly string[]): SortState | null {
  const m = /^([a-z_]+)\.(asc|desc)$/.exec(text ?? '');
  if (!m || !keys.includes(m[1]!)) return null;
  return { key: m[1]!, direction: m[2] === 'asc' ? 'ascending' : 'descending' };
}

export function formatSort(state: SortState | null): string | null {
  return state ? `${state.key}.${state.direction === 'ascending' ? 'asc' : 'desc'}` : null;
}
