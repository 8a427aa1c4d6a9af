// The artefact guard's core: what explains a change an editor might quote. A category
// that "rose 27%" may owe most of it to one repository, to a history that started or
// stopped being tracked, or to a repository that switched from release drops to
// per-change commits; a reader deserves to know before the sentence ships. Pure: the
// published rows come in (src/lib/explain-inputs.ts builds them), the largest single
// explanation comes out, and src/lib/explain-text.ts words it.
import { nextQuarter, prevQuarter, quarterStartDate } from './quarters.ts';

/** What the registry says of a repository's history (the published repos table). */
export interface RepoHistory {
  /** Quarter of its first counted commit. */
  firstQuarter: string | null;
  /** Last day of a stored history that stops early (YYYY-MM-DD), else null. */
  trackedUntil: string | null;
}

/** How a repository's human work arrived in one quarter. */
export interface CommitSize {
  commits: number;
  /** Lines changed by those commits; null when unknown. */
  lines: number | null;
  /** Lines of the largest single commit; null when the folder does not publish it. */
  largestCommitLines: number | null;
}

/** One repository's part in a change: the change minus the change without it. */
export interface RepoPart {
  repo: string;
  amount: number;
}

export interface ReleaseDrop {
  /** Lines per commit in the quarter before and in the quarter. */
  linesPerCommit: [number, number];
  /** The largest commit's share of the lines in the quarter with fewer commits, when published. */
  largestShare: number | null;
  /** Drops became per-change commits (commits up); false for the reverse. */
  toPerChange: boolean;
  /** The part of the repository's change in commits not matched by its lines (0..1). */
  granularShare: number;
}

export type Cause =
  | { kind: 'repo' }
  | { kind: 'started'; firstQuarter: string }
  | { kind: 'stopped'; trackedUntil: string }
  | ({ kind: 'release-drop' } & ReleaseDrop);

export interface Explanation {
  repo: string;
  /** Its part of the change, in the figure's unit, signed like the change. */
  amount: number;
  /** amount / change: above 1 when other repositories moved the other way. */
  share: number;
  cause: Cause;
  /** The scope is the repository itself: the cause explains it, not its weight in a category. */
  within: boolean;
}

export interface ChangeInput {
  /** The quarter of the change (from the quarter before it). */
  quarter: string;
  /** The quoted figure's change, in its unit (people, commits, points of a share). */
  change: number;
  parts: readonly RepoPart[];
  histories: ReadonlyMap<string, RepoHistory>;
  /** Commits and lines per repository, the quarter before and the quarter: release drops. */
  sizes?: ReadonlyMap<string, { prev: CommitSize; cur: CommitSize }>;
}

/** More than this share of a change in one explanation, and the guard speaks up. */
export const GUARD_SHARE = 0.5;
/** Lines per commit must move at least this many times, against commits, to call it a drop. */
export const DROP_FACTOR = 2;

/** The last day of a quarter, YYYY-MM-DD (no Date: build and browser agree). */
export function quarterLastDay(quarter: string): string {
  const next = quarterStartDate(nextQuarter(quarter));
  const [y, m] = next.split('-').map(Number) as [number, number];
  const year = m === 1 ? y - 1 : y;
  const month = m === 1 ? 12 : m - 1;
  const days = [31, 30, 30, 31][Math.floor((month - 1) / 3)]!;
  return `${year}-${String(month).padStart(2, '0')}-${days}`;
}

/** The history stops inside the quarter before or the quarter: its loss there is tracking, not work. */
export function stopsWithin(trackedUntil: string | null, quarter: string): boolean {
  if (trackedUntil === null) return false;
  const d = trackedUntil.slice(0, 10);
  return d >= quarterStartDate(prevQuarter(quarter)) && d < quarterLastDay(quarter);
}

/** Tracked to the quarter's end: in the like-for-like basis of its QoQ. */
export function trackedToEnd(trackedUntil: string | null, quarter: string): boolean {
  return trackedUntil === null || trackedUntil.slice(0, 10) >= quarterLastDay(quarter);
}

/** The counted history starts in the quarter or the one before: part of the change is the start. */
export function startsWithin(firstQuarter: string | null, quarter: string): boolean {
  return firstQuarter === quarter || firstQuarter === prevQuarter(quarter);
}

/**
 * A switch between release drops and per-change commits: commits and lines per commit
 * move apart by DROP_FACTOR or more (or one commit carried most of the lines in the
 * quarter with fewer commits, and commits moved that much), and most of the change in
 * commits is not matched by lines. Null when the repository just did more or less work.
 */
export function releaseDrop(prev: CommitSize, cur: CommitSize): ReleaseDrop | null {
  const { commits: cp, lines: lp } = prev;
  const { commits: cq, lines: lq } = cur;
  if (cp <= 0 || cq <= 0 || cp === cq || lp === null || lq === null || lp <= 0 || lq <= 0) return null;
  const lpc: [number, number] = [lp / cp, lq / cq];
  const toPerChange = cq > cp;
  const factor = toPerChange ? lpc[0] / lpc[1] : lpc[1] / lpc[0];
  const fewer = toPerChange ? prev : cur;
  const largestShare = fewer.largestCommitLines === null || fewer.lines === null || fewer.lines <= 0 ? null : fewer.largestCommitLines / fewer.lines;
  const commitFactor = toPerChange ? cq / cp : cp / cq;
  if (factor < DROP_FACTOR && !(largestShare !== null && largestShare >= 0.5 && commitFactor >= DROP_FACTOR)) return null;
  // Commits had they moved with the lines: the rest of the change is how work was cut.
  const granularShare = Math.min(1, Math.max(0, (cq - cp * (lq / lp)) / (cq - cp)));
  return granularShare >= GUARD_SHARE ? { linesPerCommit: lpc, largestShare, toPerChange, granularShare } : null;
}

function causeOf(repo: string, input: ChangeInput): Cause {
  const h = input.histories.get(repo);
  if (h && stopsWithin(h.trackedUntil, input.quarter)) return { kind: 'stopped', trackedUntil: h.trackedUntil!.slice(0, 10) };
  if (h?.firstQuarter && startsWithin(h.firstQuarter, input.quarter)) return { kind: 'started', firstQuarter: h.firstQuarter };
  const s = input.sizes?.get(repo);
  const drop = s ? releaseDrop(s.prev, s.cur) : null;
  return drop ? { kind: 'release-drop', ...drop } : { kind: 'repo' };
}

/**
 * The largest single repository behind a change in a category or the whole set: of
 * the repositories that moved the way the change did, the one that moved most. Null
 * when nothing changed or no repository moved that way.
 */
export function largestExplanation(input: ChangeInput): Explanation | null {
  if (input.change === 0 || !Number.isFinite(input.change)) return null;
  const sign = Math.sign(input.change);
  let best: RepoPart | undefined;
  for (const p of input.parts) {
    if (Math.sign(p.amount) !== sign) continue;
    if (!best || Math.abs(p.amount) > Math.abs(best.amount) || (p.amount === best.amount && p.repo < best.repo)) best = p;
  }
  if (!best) return null;
  return { repo: best.repo, amount: best.amount, share: best.amount / input.change, cause: causeOf(best.repo, input), within: false };
}

/**
 * A repository's own change in commits: the part that is a switch between release
 * drops and per-change commits (a bigger project would have more lines too). Null when
 * the commits moved with the lines.
 */
export function explainWithinRepo(repo: string, prev: CommitSize, cur: CommitSize): Explanation | null {
  const change = cur.commits - prev.commits;
  const drop = releaseDrop(prev, cur);
  if (!drop || change === 0) return null;
  return { repo, amount: drop.granularShare * change, share: drop.granularShare, cause: { kind: 'release-drop', ...drop }, within: true };
}

/** Parts of an additive figure (each commit belongs to one repository): its own change. */
export function additiveParts(rows: readonly { repo: string; prev: number; cur: number }[]): RepoPart[] {
  return rows.map((r) => ({ repo: r.repo, amount: r.cur - r.prev }));
}

/**
 * Parts of a figure that does not add up over repositories (a share of the largest
 * project): the change minus the change had this repository not moved.
 */
export function holdFlatParts(rows: readonly { repo: string; prev: number; cur: number }[], figure: (values: readonly number[]) => number | null): RepoPart[] {
  const now = figure(rows.map((r) => r.cur));
  if (now === null) return [];
  return rows.flatMap((r, i) => {
    const flat = figure(rows.map((x, j) => (j === i ? x.prev : x.cur)));
    return flat === null ? [] : [{ repo: r.repo, amount: now - flat }];
  });
}

/** The largest project's share of the commits: concentration. */
export function topShare(values: readonly number[]): number | null {
  const total = values.reduce((a, b) => a + b, 0);
  return total > 0 ? Math.max(...values) / total : null;
}
