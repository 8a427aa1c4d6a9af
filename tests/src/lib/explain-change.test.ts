// The artefact guard's core on hand-made changes: which repository explains how much
// of a rise or a fall, and why (a history that started or stopped, a release drop).
import { describe, expect, it } from 'vitest';
import {
  additiveParts,
  explainWithinRepo,
  holdFlatParts,
  largestExplanation,
  releaseDrop,
  startsWithin,
  stopsWithin,
  topShare,
  trackedToEnd,
  type CommitSize,
  type RepoHistory,
} from '../../../src/lib/explain-change.ts';

const Q = '2026-q2';
const none: RepoHistory = { firstQuarter: '2020-q1', trackedUntil: null };
const histories = (h: Record<string, Partial<RepoHistory>> = {}) => new Map(Object.entries(h).map(([r, v]) => [r, { ...none, ...v }]));
const size = (commits: number, lines: number, largestCommitLines: number | null = null): CommitSize => ({ commits, lines, largestCommitLines });

/** A category of repositories [repo, commits before, commits now]. */
function explain(rows: [string, number, number][], opts: { h?: Record<string, Partial<RepoHistory>>; sizes?: Record<string, [CommitSize, CommitSize]> } = {}) {
  const series = rows.map(([repo, prev, cur]) => ({ repo, prev, cur }));
  const change = series.reduce((t, r) => t + r.cur - r.prev, 0);
  return largestExplanation({
    quarter: Q,
    change,
    parts: additiveParts(series),
    histories: histories(opts.h),
    ...(opts.sizes ? { sizes: new Map(Object.entries(opts.sizes).map(([r, [prev, cur]]) => [r, { prev, cur }])) } : {}),
  });
}

describe('largest single explanation of a change', () => {
  it('a rise: the repository that rose most, as its share of the rise', () => {
    // +100 in all: a +77, b +20, c +3
    const e = explain([
      ['o/a', 100, 177],
      ['o/b', 50, 70],
      ['o/c', 10, 13],
    ]);
    expect(e).toEqual({ repo: 'o/a', amount: 77, share: 0.77, cause: { kind: 'repo' }, within: false });
  });

  it('a fall: the repository that fell most; a repository that rose is no explanation', () => {
    // −40 in all: a −30, b −20, c +10
    const e = explain([
      ['o/a', 100, 70],
      ['o/b', 50, 30],
      ['o/c', 10, 20],
    ])!;
    expect([e.repo, e.amount, e.share]).toEqual(['o/a', -30, 0.75]);
  });

  it('offsetting movements: one repository moved more than the whole change (share above 1)', () => {
    // +10 in all: a +100 against b −90; without a, the category would have fallen by 90.
    const e = explain([
      ['o/a', 100, 200],
      ['o/b', 200, 110],
    ])!;
    expect([e.repo, e.amount, e.share]).toEqual(['o/a', 100, 10]);
    // Spread evenly, nothing dominates: four repositories up 25 each.
    const spread = explain([
      ['o/a', 10, 35],
      ['o/b', 10, 35],
      ['o/c', 10, 35],
      ['o/d', 10, 35],
    ])!;
    expect(spread.share).toBe(0.25);
    expect(spread.repo).toBe('o/a'); // ties by name
  });

  it('no change, or nobody moving its way, has no explanation', () => {
    expect(explain([['o/a', 10, 10]])).toBeNull();
    expect(largestExplanation({ quarter: Q, change: 5, parts: [{ repo: 'o/a', amount: -3 }], histories: histories() })).toBeNull();
  });

  it('a stopped history: the fall is a tracking artefact (tracked_until inside the quarter or the one before)', () => {
    const e = explain(
      [
        ['o/gone', 300, 40],
        ['o/b', 100, 90],
      ],
      { h: { 'o/gone': { trackedUntil: '2026-04-11' } } },
    )!;
    expect(e.repo).toBe('o/gone');
    expect(e.share).toBeCloseTo(260 / 270);
    expect(e.cause).toEqual({ kind: 'stopped', trackedUntil: '2026-04-11' });
  });

  it('a started history: the rise is a repository whose counted history starts this quarter', () => {
    const e = explain(
      [
        ['o/new', 0, 120],
        ['o/b', 100, 130],
      ],
      { h: { 'o/new': { firstQuarter: Q } } },
    )!;
    expect([e.repo, e.share, e.cause]).toEqual(['o/new', 0.8, { kind: 'started', firstQuarter: Q }]);
  });

  it('a release drop: commits jump while lines per commit collapse (NVIDIA/nccl in 2026)', () => {
    // nccl: 79 commits of 143,703 lines (one commit 80,937) → 500 commits of 333,857 lines.
    const nccl: [CommitSize, CommitSize] = [size(79, 143_703, 80_937), size(500, 333_857, 96_718)];
    const e = explain(
      [
        ['NVIDIA/nccl', 79, 500],
        ['pytorch/torchtitan', 216, 400],
      ],
      { sizes: { 'NVIDIA/nccl': nccl, 'pytorch/torchtitan': [size(216, 20_000), size(400, 40_000)] } },
    )!;
    expect(e.repo).toBe('NVIDIA/nccl');
    expect(e.share).toBeCloseTo(421 / 605);
    expect(e.cause.kind).toBe('release-drop');
    if (e.cause.kind !== 'release-drop') return;
    expect(e.cause.toPerChange).toBe(true);
    expect(e.cause.linesPerCommit.map(Math.round)).toEqual([1819, 668]);
    expect(e.cause.largestShare).toBeCloseTo(80_937 / 143_703);
    // Commits had they moved with the lines: 79 × 333,857 / 143,703 ≈ 183.5; the other 316.5 of the 421 are how work was cut.
    expect(e.cause.granularShare).toBeCloseTo((500 - (79 * 333_857) / 143_703) / 421);
  });
});

describe('release drops', () => {
  it('more work in proportion is not a drop, nor are commits that shrink a little', () => {
    expect(releaseDrop(size(100, 10_000), size(200, 20_000))).toBeNull();
    expect(releaseDrop(size(100, 10_000), size(150, 10_000))).toBeNull(); // lines per commit 100 → 67: under 2×
  });

  it('the reverse (per-change commits become drops) and the single-commit evidence', () => {
    const back = releaseDrop(size(120, 12_000), size(10, 11_000));
    expect(back?.toPerChange).toBe(false);
    // Lines per commit move less than 2×, but one commit carried most of the quarter with fewer commits.
    const drop = releaseDrop(size(10, 10_000, 8_000), size(25, 14_000, 1_000));
    expect(drop?.largestShare).toBe(0.8);
    expect(drop?.granularShare).toBeCloseTo((25 - 14) / 15);
  });

  it("explains a repository's own change in commits by how much of it is the cut", () => {
    const e = explainWithinRepo('NVIDIA/nccl', size(79, 143_703, 80_937), size(500, 333_857));
    expect(e?.within).toBe(true);
    expect(e?.share).toBeCloseTo(0.752, 3);
    expect(e?.amount).toBeCloseTo(0.752 * 421, 0);
    expect(explainWithinRepo('o/r', size(100, 10_000), size(200, 20_000))).toBeNull();
  });
});

describe('histories and shares', () => {
  it('a history stops within the change when tracked_until falls in the quarter or the one before, before its last day', () => {
    expect(stopsWithin('2026-01-01', Q)).toBe(true);
    expect(stopsWithin('2026-06-29', Q)).toBe(true);
    expect(stopsWithin('2026-06-30', Q)).toBe(false); // tracked to the end
    expect(stopsWithin('2025-12-31', Q)).toBe(false); // gone before either quarter
    expect(stopsWithin(null, Q)).toBe(false);
    expect(trackedToEnd('2026-06-30', Q)).toBe(true);
    expect(trackedToEnd('2026-04-03', Q)).toBe(false);
    expect(trackedToEnd('2025-03-31', '2025-q1')).toBe(true);
    expect(startsWithin('2026-q1', Q)).toBe(true);
    expect(startsWithin('2025-q4', Q)).toBe(false);
  });

  it("the largest project's share: each repository's part is the change it made by moving", () => {
    // Shares: a 60/100 → 150/200 (0.6 → 0.75). Had a stayed at 60: 60/110 ≈ 0.545, so a is +0.205 of the +0.15.
    const rows = [
      { repo: 'o/a', prev: 60, cur: 150 },
      { repo: 'o/b', prev: 40, cur: 50 },
    ];
    const parts = holdFlatParts(rows, topShare);
    expect(parts[0]!.amount).toBeCloseTo(0.75 - 60 / 110);
    expect(parts[1]!.amount).toBeCloseTo(0.75 - 150 / 190);
    const e = largestExplanation({ quarter: Q, change: 0.15, parts, histories: histories() })!;
    expect(e.repo).toBe('o/a');
    expect(e.share).toBeCloseTo((0.75 - 60 / 110) / 0.15);
    expect(topShare([0, 0])).toBeNull();
  });
});
