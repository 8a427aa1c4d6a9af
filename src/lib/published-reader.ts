// The one way to read published data: a registry query by name, with named parameters,
// over one quarter's folder. Two runtimes implement it: the build's over
// @duckdb/node-api (src/node/published-data.ts) and the browser's over DuckDB-WASM
// (src/client/query-runner.ts). Code that only needs rows takes a PublishedReader and
// runs unchanged in either.
import type { ParamsOf, QueryName, RowOf } from './query-registry.ts';

export interface PublishedReader {
  /** The quarter whose folder this reads (the folder also holds the quarters before it). */
  readonly quarter: string;
  query<N extends QueryName>(name: N, params: ParamsOf<N>): Promise<RowOf<N>[]>;
}
