// The commit thresholds the talent chord offers, and the small-cell rule behind them.
// No person-level rows are published, so the browser can only show thresholds the
// engine counted: scripts/metrics/sql/category_{overlap,migration}_thresholds.sql
// list the same values (a test keeps them equal).

/** Minimum commits a person needs to count, one value per slider step. */
export const CHORD_THRESHOLDS = [1, 2, 3, 5, 10, 20, 50] as const;
export type ChordThreshold = (typeof CHORD_THRESHOLDS)[number];

/**
 * Above the first threshold, a pair or flow of fewer people than this is not published:
 * a high threshold picks out a few heavy committers, easy to name from the public
 * histories, so a count of 1 or 2 would point at them.
 */
export const SMALL_CELL_MIN_PEOPLE = 3;

export function isChordThreshold(n: number): n is ChordThreshold {
  return (CHORD_THRESHOLDS as readonly number[]).includes(n);
}

/** The slider step of a threshold; a value between steps takes the step below it. */
export function thresholdStep(n: number): number {
  let step = 0;
  CHORD_THRESHOLDS.forEach((t, i) => {
    if (t <= n) step = i;
  });
  return step;
}

/** The threshold at a slider step, clamped to the ends. */
export function thresholdAt(step: number): ChordThreshold {
  const i = Math.min(CHORD_THRESHOLDS.length - 1, Math.max(0, Math.round(step)));
  return CHORD_THRESHOLDS[i]!;
}
