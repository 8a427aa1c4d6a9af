// What a reader's intent (pointer or focus on a control that queries) starts: the
// engine, then one tiny registry query on the figure's own folder. The first query of
// a fresh DuckDB-WASM pays for compiling the Parquet reader's code and setting up
// views; paying it while the reader is still choosing makes their query the fast one.
import { QUERIES } from '../lib/query-registry.ts';
import { publishedFolderUrl } from './published-url.ts';
import { getRunner } from './query-runner.ts';

const warmed = new Set<string>();

export function warmUp(quarter: string): void {
  if (warmed.has(quarter)) return;
  warmed.add(quarter);
  getRunner()
    .then((runner) => runner.run(QUERIES.categories, {}, publishedFolderUrl(quarter)))
    .catch(() => warmed.delete(quarter));
}
