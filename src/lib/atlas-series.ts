// A scope's published rows laid out over the folder's quarters, one value per quarter,
// for the atlas trends. A quarter without a row had no commit there: counts read 0,
// except after a history stops (tracked_until), where nothing was observed and the
// value is a gap; rates and sizes have no value without activity.
import type { AtlasSeriesRow } from './atlas-rows.ts';

export type SeriesField = Exclude<keyof AtlasSeriesRow, 'scope_id' | 'category_id' | 'quarter' | 'seq' | 'partial' | 'observed' | 'top_repo'>;

export interface QuarterSpan {
  quarter: string;
  /** First instant of the quarter, ISO. */
  start_ts: string;
}

const COUNTS: ReadonlySet<SeriesField> = new Set(['commits', 'contributors', 'active_repos', 'new_contributors', 'new_to_ecosystem', 'retained', 'reactivated', 'churned']);

export function isCountField(field: SeriesField): boolean {
  return COUNTS.has(field);
}

/** Whether a quarter starts after the last observed day of a history that stops early. */
export function unobserved(q: QuarterSpan, trackedUntil: string | null): boolean {
  return trackedUntil !== null && q.start_ts.slice(0, 10) > trackedUntil;
}

export function seriesValues(rows: readonly AtlasSeriesRow[], quarters: readonly QuarterSpan[], field: SeriesField, trackedUntil: string | null = null): (number | null)[] {
  const byQuarter = new Map(rows.map((r) => [r.quarter, r]));
  return quarters.map((q) => {
    const row = byQuarter.get(q.quarter);
    if (row) return row[field] ?? null;
    return isCountField(field) && !unobserved(q, trackedUntil) ? 0 : null;
  });
}
