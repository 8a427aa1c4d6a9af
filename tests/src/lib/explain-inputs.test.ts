// From published rows to the explanation of a quoted change, and its wording: which
// <Metric>s quote a change, the basis a like-for-like QoQ compares, people and overlaps
// (which do not add up over repositories), and the sentence the check reads back.
import { describe, expect, it } from 'vitest';
import { explainQuoted, quotedChange, type ChangeData } from '../../../src/lib/explain-inputs.ts';
import { explanationMessage, explanationSentence, statedExplanations, statedMatches, type MetricTag } from '../../../src/lib/explain-text.ts';
import { THIN_SPACE } from '../../../src/lib/format.ts';
import type { ScopeQuarterRow } from '../../../src/lib/query-rows.ts';

const Q = '2026-q2';
const P = '2026-q1';

type Figures = Partial<Record<string, number | null | boolean>>;
function row(scope_type: ScopeQuarterRow['scope_type'], scope_id: string, quarter: string, f: Figures, category_id: string | null = scope_type === 'all' ? null : 'dist'): ScopeQuarterRow {
  return { scope_type, scope_id, category_id, quarter, seq: quarter === Q ? 70 : 69, partial: false, observed: true, top_repo: null, ...f } as ScopeQuarterRow;
}

/**
 * Category "dist": NVIDIA/nccl 79 → 500 commits (a release drop), o/steady 400 → 460,
 * o/gone 200 → 20 (its history stops on 2026-04-11). Commits 679 → 980 (+301).
 */
function data(over: Partial<ChangeData> = {}): ChangeData {
  const repos: [string, number, number, number, number][] = [
    // repo, commits before, now, agent-assisted before, now
    ['NVIDIA/nccl', 79, 500, 0, 2],
    ['o/steady', 400, 460, 10, 12],
    ['o/gone', 200, 20, 4, 30],
  ];
  const scopes: ScopeQuarterRow[] = [
    row('category', 'dist', P, { commits: 679, contributors: 50, agent_assisted_commits: 14 }),
    row('category', 'dist', Q, { commits: 980, contributors: 60, agent_assisted_commits: 44, commits_qoq: 481 / 479, contributors_qoq: 0.2 }),
    ...repos.flatMap(([repo, p, c, ap, ac]) => [
      row('repo', repo, P, { commits: p, contributors: 5, agent_assisted_commits: ap, test_lines: 0, src_lines: p * 100 }),
      row('repo', repo, Q, { commits: c, commits_qoq: (c - p) / p, contributors: 6, agent_assisted_commits: ac, test_lines: 0, src_lines: repo === 'NVIDIA/nccl' ? 60_000 : c * 100 }),
    ]),
  ];
  return {
    quarter: Q,
    prev: P,
    repos: [
      { repo: 'NVIDIA/nccl', category_id: 'dist', first_quarter: '2016-q1', tracked_until: null },
      { repo: 'o/steady', category_id: 'dist', first_quarter: '2020-q1', tracked_until: null },
      { repo: 'o/gone', category_id: 'dist', first_quarter: '2020-q1', tracked_until: '2026-04-11' },
    ],
    scopes,
    sizes: [
      { repo: 'NVIDIA/nccl', quarter: P, commits: 79, lines: 143_703, largest_commit_lines: 80_937 },
      { repo: 'NVIDIA/nccl', quarter: Q, commits: 500, lines: 333_857, largest_commit_lines: 96_718 },
      { repo: 'o/steady', quarter: P, commits: 400, lines: 40_000, largest_commit_lines: 900 },
      { repo: 'o/steady', quarter: Q, commits: 460, lines: 46_000, largest_commit_lines: 900 },
    ],
    likeForLike: true,
    people: [
      { scope_id: 'dist', quarter: P, people: 50 },
      { scope_id: 'dist', quarter: Q, people: 60 },
    ],
    soloPeople: [
      { scope_id: 'dist', repo: 'NVIDIA/nccl', quarter: P, people: 3 },
      { scope_id: 'dist', repo: 'NVIDIA/nccl', quarter: Q, people: 10 },
      { scope_id: 'dist', repo: 'o/steady', quarter: P, people: 30 },
      { scope_id: 'dist', repo: 'o/steady', quarter: Q, people: 32 },
    ],
    overlap: [
      { a: 'dist', b: 'kern', quarter: P, people: 10 },
      { a: 'dist', b: 'kern', quarter: Q, people: 4 },
    ],
    // Cells under 3 people are not published: o/steady's 2026-q2 cell and nccl's are 0 to 2.
    soloOverlap: [
      { a: 'dist', b: 'kern', repo: 'o/gone', quarter: P, people: 8 },
      { a: 'dist', b: 'kern', repo: 'o/gone', quarter: Q, people: 3 },
      { a: 'dist', b: 'kern', repo: 'o/steady', quarter: P, people: 3 },
    ],
    ...over,
  };
}

const tag: MetricTag = (figure, o) => `<M ${figure}${o.repo ? ` ${o.repo}` : ''}${o.quarter ? ` ${o.quarter}` : ''}/>`;

describe('which <Metric>s quote a change', () => {
  it('QoQ figures and delta="change" on counts and on the largest project\'s share', () => {
    expect(quotedChange({ figure: 'commits_qoq', category: 'dist' })).toEqual({ figure: 'commits', category: 'dist' });
    expect(quotedChange({ figure: 'contributors', delta: 'change' })).toEqual({ figure: 'contributors' });
    expect(quotedChange({ figure: 'top_repo_share', category: 'dist', delta: 'change' })).toEqual({ figure: 'top_repo_share', category: 'dist' });
    expect(quotedChange({ figure: 'commits', repo: 'NVIDIA/nccl', delta: 'change' })).toEqual({ figure: 'commits', repo: 'NVIDIA/nccl' });
  });

  it('levels, ratios the guard cannot split, and a share of one repository are not', () => {
    expect(quotedChange({ figure: 'commits', category: 'dist' })).toBeNull();
    expect(quotedChange({ figure: 'churn_rate', delta: 'change' })).toBeNull();
    expect(quotedChange({ figure: 'top_repo_share', repo: 'o/r', delta: 'change' })).toBeNull();
    expect(quotedChange({ figure: 'commits_qoq', delta: 'change' })).toBeNull(); // the components check's error
  });
});

describe('explaining a quoted change from published rows', () => {
  it('a like-for-like QoQ leaves out the history that stops, as the published QoQ does', () => {
    const x = explainQuoted(data(), { figure: 'commits', category: 'dist' })!;
    // Basis: nccl and steady, 479 → 960 (+481, the published +100.4%); nccl is 421 of it.
    expect([x.before, x.after, x.change]).toEqual([479, 960, 481]);
    expect(x.largest?.repo).toBe('NVIDIA/nccl');
    expect(x.largest?.share).toBeCloseTo(421 / 481);
    expect(x.largest?.cause.kind).toBe('release-drop');
    expect(x.repoFigure).toEqual({ figure: 'commits', prev: 79, cur: 500 });
  });

  it('a change metric.ts computes on all repositories keeps the stopped history in, and names it', () => {
    // agent-assisted 14 → 44: o/gone's +26 (its last days were busy) against nccl's +2 and steady's +2.
    const x = explainQuoted(data(), { figure: 'agent_assisted_commits', category: 'dist' })!;
    expect(x.change).toBe(30);
    expect(x.largest?.repo).toBe('o/gone');
    expect(x.largest?.cause).toEqual({ kind: 'stopped', trackedUntil: '2026-04-11' });
  });

  it('contributors: the people active in the category only through one repository', () => {
    const x = explainQuoted(data(), { figure: 'contributors', category: 'dist' })!;
    expect(x.change).toBe(10);
    expect([x.largest?.repo, x.largest?.share]).toEqual(['NVIDIA/nccl', 0.7]);
    // How commits were cut says nothing about people.
    expect(x.largest?.cause).toEqual({ kind: 'repo' });
  });

  it('an overlap: the people in both categories only through one repository', () => {
    const x = explainQuoted(data(), { figure: 'overlap', category: 'kern', other: 'dist' })!;
    expect([x.before, x.after, x.change]).toEqual([10, 4, -6]);
    expect([x.largest?.repo, x.largest?.amount]).toEqual(['o/gone', -5]);
    expect(x.largest?.cause.kind).toBe('stopped');
  });

  it('an overlap with cells under 3 people: a hidden part that could reach the largest leaves it unknown', () => {
    // o/gone 8 → 3 (−5) is known; o/steady 3 → 0..2 (−3 to −1) and nccl 0..2 → 0..2 cannot reach it.
    expect(explainQuoted(data(), { figure: 'overlap', category: 'dist', other: 'kern' })?.largest?.share).toBeCloseTo(5 / 6);
    // o/gone 5 → 0..2 (−5 to −3) could pass o/steady's known −4: the guard cannot say which is larger.
    const hidden = data({
      soloOverlap: [
        { a: 'dist', b: 'kern', repo: 'o/gone', quarter: P, people: 5 },
        { a: 'dist', b: 'kern', repo: 'o/steady', quarter: P, people: 7 },
        { a: 'dist', b: 'kern', repo: 'o/steady', quarter: Q, people: 3 },
      ],
    });
    expect(explainQuoted(hidden, { figure: 'overlap', category: 'dist', other: 'kern' })).toBeNull();
    // A side's cells add up to no more than the pair: with 3 people in both, o/steady's 3 leave o/gone none.
    const full = { ...hidden, overlap: hidden.overlap.map((o) => (o.quarter === Q ? { ...o, people: 3 } : o)) };
    expect([explainQuoted(full, { figure: 'overlap', category: 'dist', other: 'kern' })?.largest?.repo]).toEqual(['o/gone']);
    // A repository with no contributors in a quarter holds exactly none of the overlap there.
    hidden.scopes = hidden.scopes.map((r) => (r.scope_id === 'o/gone' && r.quarter === Q ? { ...r, contributors: 0 } : r));
    const x = explainQuoted(hidden, { figure: 'overlap', category: 'dist', other: 'kern' })!;
    expect([x.largest?.repo, x.largest?.amount]).toEqual(['o/gone', -5]);
  });

  it('a folder without change_people splits no people, and still explains commits', () => {
    const old = data({ people: null, soloPeople: null, soloOverlap: null });
    expect(explainQuoted(old, { figure: 'contributors', category: 'dist' })).toBeNull();
    expect(explainQuoted(old, { figure: 'overlap', category: 'dist', other: 'kern' })).toBeNull();
    expect(explainQuoted(old, { figure: 'commits', category: 'dist' })?.largest?.repo).toBe('NVIDIA/nccl');
  });

  it("a repository's own change: how much of it is the switch to per-change commits", () => {
    const x = explainQuoted(data(), { figure: 'commits', repo: 'NVIDIA/nccl' })!;
    expect(x.change).toBe(421);
    expect(x.largest?.within).toBe(true);
    expect(x.largest?.share).toBeCloseTo(0.752, 3);
  });

  it('a folder without commit_sizes falls back on code lines (and cannot see the largest commit)', () => {
    const x = explainQuoted(data({ sizes: null }), { figure: 'commits', category: 'dist' })!;
    // nccl's code lines 7,900 → 60,000: lines per commit 100 → 120, no drop; a plain repository.
    expect(x.largest?.cause).toEqual({ kind: 'repo' });
  });

  it('no explanation where the figure shows no change: partial, not comparable, or new', () => {
    const partial = data();
    partial.scopes = partial.scopes.map((r) => (r.quarter === Q ? { ...r, partial: true } : r));
    expect(explainQuoted(partial, { figure: 'commits', category: 'dist' })).toBeNull();
    const blank = data();
    blank.scopes = blank.scopes.map((r) => (r.scope_id === 'dist' && r.quarter === Q ? { ...r, commits_qoq: null } : r));
    expect(explainQuoted(blank, { figure: 'commits', category: 'dist' })).toBeNull();
    expect(explainQuoted(data(), { figure: 'commits', category: 'nowhere' })).toBeNull();
  });

  it('no explanation of a change the guard cannot reproduce (a QoQ on a basis it does not know)', () => {
    const other = data();
    other.scopes = other.scopes.map((r) => (r.scope_id === 'dist' && r.quarter === Q ? { ...r, commits_qoq: 0.3 } : r));
    expect(explainQuoted(other, { figure: 'commits', category: 'dist' })).toBeNull();
  });
});

describe('wording', () => {
  const x = explainQuoted(data(), { figure: 'commits', category: 'dist' })!;

  it('a drafted sentence: computed share, <Metric>s for the repository, the cause', () => {
    expect(explanationSentence(x, tag)).toBe(
      '88% of this rise is one repository: `NVIDIA/nccl` (from <M commits NVIDIA/nccl 2026-q1/> to <M commits NVIDIA/nccl/> commits), whose commits jumped while lines per commit collapsed: release drops became per-change commits.',
    );
    expect(explanationSentence(x, tag, true)).toMatch(/^88% of the rise in commits is one repository: `NVIDIA\/nccl`/);
  });

  it("the check's message carries the numbers", () => {
    expect(explanationMessage(x)).toBe(
      `88% of this rise is one repository, NVIDIA/nccl (79 \u2192 500 commits), whose commits jumped while lines per commit collapsed (1${THIN_SPACE}819 \u2192 668 lines; one commit carried 56% of the lines in Q1 2026): release drops became per-change commits`,
    );
  });

  it('offsetting movements say what the change would have been without the repository', () => {
    const off = data({ likeForLike: false });
    off.scopes = off.scopes.map((r) => (r.scope_id === 'dist' && r.quarter === Q ? { ...r, commits: 780, commits_qoq: 101 / 679 } : r));
    off.scopes = off.scopes.map((r) => (r.scope_id === 'o/steady' && r.quarter === Q ? { ...r, commits: 260 } : r));
    // 679 → 780: nccl +421 against steady −140 and gone −180.
    const y = explainQuoted(off, { figure: 'commits', category: 'dist' })!;
    expect(y.change).toBe(101);
    expect(explanationMessage(y)).toMatch(/^417% of this rise is one repository, NVIDIA\/nccl .*; without it, the figure would have fallen instead$/);
  });

  it('reads a stated explanation back and checks it against the data', () => {
    const text = `Commits rose. ${explanationSentence(x, tag)} Also 12 % of the fall in contributors is one repository, o/other.`;
    const stated = statedExplanations(text);
    expect(stated.map((s) => [s.percent, s.direction, s.repo])).toEqual([
      [88, 'rise', 'NVIDIA/nccl'],
      [12, 'fall', 'o/other'],
    ]);
    expect(statedMatches(stated[0]!, x)).toBe(true);
    expect(statedMatches(stated[1]!, x)).toBe(false);
    expect(statedMatches({ ...stated[0]!, direction: 'fall' }, x)).toBe(false);
    expect(statedMatches({ ...stated[0]!, direction: 'change' }, x)).toBe(true);
  });
});
