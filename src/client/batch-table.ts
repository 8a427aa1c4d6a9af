// A streamed result (Arrow record batches, as a stoppable query receives them) read as
// one table. DuckDB-WASM builds its tables with apache-arrow's Table, which it does not
// export, and the site does not depend on apache-arrow itself: this is the little of a
// table the console reads.
import type { ArrowTableLike } from './query-runner.ts';

export interface BatchLike {
  readonly numRows: number;
  getChildAt(index: number): ColumnLike | null;
}
export interface ColumnLike {
  get(index: number): unknown;
}
export interface BatchTable extends ArrowTableLike {
  /** By position: a result may name two columns alike. */
  getChildAt(index: number): ColumnLike | null;
}

export function batchTable(schema: ArrowTableLike['schema'], all: readonly BatchLike[]): BatchTable {
  const batches = all.filter((b) => b.numRows > 0);
  const starts: number[] = [];
  let numRows = 0;
  for (const b of batches) {
    starts.push(numRows);
    numRows += b.numRows;
  }
  const column = (index: number): ColumnLike | null => {
    if (index < 0 || index >= schema.fields.length) return null;
    const parts = batches.map((b) => b.getChildAt(index));
    return {
      get(row) {
        if (row < 0 || row >= numRows) return null;
        // The last batch starting at or before `row`.
        let lo = 0;
        let hi = starts.length - 1;
        while (lo < hi) {
          const mid = (lo + hi + 1) >> 1;
          if (starts[mid]! <= row) lo = mid;
          else hi = mid - 1;
        }
        return parts[lo]?.get(row - starts[lo]!) ?? null;
      },
    };
  };
  return {
    numRows,
    schema,
    getChildAt: column,
    getChild: (name) => column(schema.fields.findIndex((f) => f.name === name)),
  };
}
