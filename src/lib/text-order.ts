// Orders as DuckDB's ORDER BY gives them, for rows put together in code from several
// registry queries: text by code point (not locale), scopes whole set first.

export function byCodePoint(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

export const SCOPE_TYPE_ORDER = { all: 0, category: 1, repo: 2 } as const;
