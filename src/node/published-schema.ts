// The tables of one published quarter and their columns, as DuckDB reads them from the
// Parquet files: the explore page lists them beside its SQL console.
import { PUBLISHED_VIEWS } from '../lib/query-registry.ts';
import { openPublished, type Column } from './published-data.ts';

export type { Column } from './published-data.ts';

/** Table name → its columns, in the registry's order; a table the folder predates is left out. */
export async function publishedSchema(quarter: string): Promise<Map<string, Column[]>> {
  const data = await openPublished(quarter);
  const out = new Map<string, Column[]>();
  for (const table of PUBLISHED_VIEWS) {
    const columns = await data.columns(table);
    if (columns.length > 0) out.set(table, columns);
  }
  return out;
}
