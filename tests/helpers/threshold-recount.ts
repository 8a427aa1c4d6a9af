// An independent recount of the talent chord's counts at each commit threshold, from
// person-level rows as the warehouse's person_activity holds them (one row per person,
// repository and quarter), and what the chord draws from a published folder. The
// recount is plain TypeScript sharing no SQL with the engine, so a test comparing the
// two checks the metric SQL rather than itself.
import { chordLinks, chordQueryName } from '../../src/lib/chord-model.ts';
import { CHORD_THRESHOLDS, SMALL_CELL_MIN_PEOPLE } from '../../src/lib/chord-thresholds.ts';
import type { ChordMode } from '../../src/lib/figure-text.ts';
import type { PublishedData } from '../../src/node/published-data.ts';

export interface PersonActivity {
  person: number;
  category_id: string;
  quarter: string;
  credit: number;
  commits: number;
}

/** A chord link at a threshold: overlap (a < b) or migration (from, to; stayers too). */
export interface ThresholdCount {
  quarter: string;
  min_commits: number;
  source: string;
  target: string;
  people: number;
}

/** Credits are sums of 1/n: closer than this is a tie, however the sum was rounded. */
const TIE = 1e-6;

/** Per person and quarter: commits and credit per category. */
function byPersonQuarter(rows: readonly PersonActivity[]): Map<string, Map<string, { credit: number; commits: number }>> {
  const out = new Map<string, Map<string, { credit: number; commits: number }>>();
  for (const r of rows) {
    const key = `${r.person}|${r.quarter}`;
    const cats = out.get(key) ?? new Map<string, { credit: number; commits: number }>();
    const c = cats.get(r.category_id) ?? { credit: 0, commits: 0 };
    c.credit += r.credit;
    c.commits += r.commits;
    cats.set(r.category_id, c);
    out.set(key, cats);
  }
  return out;
}

function published(counts: Map<string, number>, quarters: ReadonlySet<string>): ThresholdCount[] {
  const out: ThresholdCount[] = [];
  for (const [key, people] of counts) {
    const [quarter, t, source, target] = key.split('|') as [string, string, string, string];
    const min_commits = Number(t);
    // The small-cell rule: above threshold 1, fewer than SMALL_CELL_MIN_PEOPLE is not published.
    if (!quarters.has(quarter) || (min_commits > 1 && people < SMALL_CELL_MIN_PEOPLE)) continue;
    out.push({ quarter, min_commits, source, target, people });
  }
  return sortCounts(out);
}

const bump = (m: Map<string, number>, key: string) => m.set(key, (m.get(key) ?? 0) + 1);

/** People with at least t commits in each of two categories, per quarter of `window`. */
export function recountOverlap(rows: readonly PersonActivity[], window: readonly string[]): ThresholdCount[] {
  const counts = new Map<string, number>();
  for (const [key, cats] of byPersonQuarter(rows)) {
    const quarter = key.split('|')[1]!;
    const ids = [...cats.keys()].sort();
    for (let i = 0; i < ids.length; i++) {
      for (let j = i + 1; j < ids.length; j++) {
        const least = Math.min(cats.get(ids[i]!)!.commits, cats.get(ids[j]!)!.commits);
        for (const t of CHORD_THRESHOLDS) if (least >= t) bump(counts, `${quarter}|${t}|${ids[i]}|${ids[j]}`);
      }
    }
  }
  return published(counts, new Set(window));
}

/**
 * People with at least t commits in the quarter before and in the quarter, by primary
 * category (largest credit; a tie goes to the category read first in `categoryOrder`,
 * then the smaller id), reported under the quarter. `quarters` lists every quarter in
 * order (a person moves between neighbours only).
 */
export function recountMigration(rows: readonly PersonActivity[], quarters: readonly string[], categoryOrder: readonly string[], window: readonly string[]): ThresholdCount[] {
  const rank = (id: string) => {
    const i = categoryOrder.indexOf(id);
    return i < 0 ? Number.MAX_SAFE_INTEGER : i;
  };
  const primary = new Map<string, { category: string; commits: number }>();
  for (const [key, cats] of byPersonQuarter(rows)) {
    const best = [...cats.entries()].sort(([ia, a], [ib, b]) => (Math.abs(a.credit - b.credit) > TIE ? b.credit - a.credit : rank(ia) - rank(ib) || ia.localeCompare(ib)))[0]!;
    primary.set(key, { category: best[0], commits: [...cats.values()].reduce((t, c) => t + c.commits, 0) });
  }
  const counts = new Map<string, number>();
  for (const [key, cur] of primary) {
    const [person, quarter] = key.split('|') as [string, string];
    const i = quarters.indexOf(quarter);
    const prev = i > 0 ? primary.get(`${person}|${quarters[i - 1]}`) : undefined;
    if (!prev) continue;
    const least = Math.min(prev.commits, cur.commits);
    for (const t of CHORD_THRESHOLDS) if (least >= t) bump(counts, `${quarter}|${t}|${prev.category}|${cur.category}`);
  }
  return published(counts, new Set(window));
}

/** Sorted as the recounts are, so lists compare with toEqual. */
export function sortCounts(counts: ThresholdCount[]): ThresholdCount[] {
  return counts.sort((a, b) => a.quarter.localeCompare(b.quarter) || a.min_commits - b.min_commits || a.source.localeCompare(b.source) || a.target.localeCompare(b.target));
}

/**
 * What the talent chord draws for every quarter of `window` at every threshold, read
 * the way the chord reads it (chordQueryName, then chordLinks), from a published folder.
 */
export async function chordCounts(data: PublishedData, mode: ChordMode, window: readonly string[]): Promise<ThresholdCount[]> {
  const drawn: ThresholdCount[] = [];
  for (const quarter of window) {
    for (const t of CHORD_THRESHOLDS) {
      const name = chordQueryName(mode, t);
      const rows = name === 'overlap-matrix' || name === 'migration-matrix' ? await data.query(name, { quarter }) : await data.query(name, { quarter, minCommits: t });
      for (const l of chordLinks(mode, rows)) drawn.push({ quarter, min_commits: t, source: l.source, target: l.target, people: l.value });
    }
  }
  return sortCounts(drawn);
}
