// What a reader's intent (pointer or focus on a control that queries) starts: the
// engine, then one tiny registry query on the figure's own folder. The first query of
// a fresh DuckDB-WASM pays for compiling the Parquet reader's code and setting up
// views; paying it while the reader is still choosing makes their query the fast one.
import { QUERIES } from '../lib/query-registry.ts';
import { publishedFolderUrl } from './published-url.ts';
import { fastConnection, getRunner, usableConnection, type ConnectionInfo } from './query-runner.ts';

const warmed = new Set<string>();

export function warmUp(quarter: string): void {
  if (warmed.has(quarter)) return;
  warmed.add(quarter);
  getRunner()
    .then((runner) => runner.run(QUERIES.categories, {}, publishedFolderUrl(quarter)))
    .catch(() => warmed.delete(quarter));
}

/**
 * The engine as a head start for controls a reader has not reached yet, when the
 * connection allows: on intent (a pointer or focus on a control that does not need it)
 * only where its 3.3 MB cost little; once a control has been used, on anything but
 * Save-Data or 2G/3G. Never on a passive read, which starts neither.
 */
export function warmUpIfAffordable(quarter: string, after: 'intent' | 'use'): void {
  const connection = (globalThis.navigator as (Navigator & { connection?: ConnectionInfo }) | undefined)?.connection;
  if (after === 'intent' ? fastConnection(connection) : usableConnection(connection)) warmUp(quarter);
}
