// From a published folder's rows to the explanation of one quoted change: which figure
// and scope a <Metric> (or a drafted finding) quotes as a change, and that change's
// parts by repository. Pure: src/node/content-checks/change-data.ts reads the rows.
import {
  additiveParts,
  explainWithinRepo,
  holdFlatParts,
  largestExplanation,
  topShare,
  trackedToEnd,
  type CommitSize,
  type Explanation,
  type RepoHistory,
  type RepoPart,
} from './explain-change.ts';
import { SMALL_CELL_MIN_PEOPLE } from './chord-thresholds.ts';
import type { ScopeQuarterRow } from './query-rows.ts';

/** The rows of one published folder that explain changes from `prev` to `quarter`. */
export interface ChangeData {
  quarter: string;
  prev: string;
  repos: { repo: string; category_id: string; first_quarter: string | null; tracked_until: string | null }[];
  /** scope_quarters of both quarters: every repository, category and 'all'. */
  scopes: ScopeQuarterRow[];
  /** commit_sizes of both quarters; null in folders published before it existed. */
  sizes: { repo: string; quarter: string; commits: number; lines: number; largest_commit_lines: number | null }[] | null;
  /**
   * The folder's QoQ figures are like-for-like (scope_quarters has qoq_basis_share): they
   * compare only the repositories tracked to the quarter's end, so the guard explains
   * them over the same basis.
   */
  likeForLike: boolean;
  /**
   * Contributors of a scope (category id or 'all') over the QoQ basis, in both quarters
   * (change_people); null in folders published before it, which cannot split people.
   */
  people: { scope_id: string; quarter: string; people: number }[] | null;
  /** People active in a scope through this one repository only, over the QoQ basis; a missing row is 0. Null as people. */
  soloPeople: { scope_id: string; repo: string; quarter: string; people: number }[] | null;
  /** category_overlap of both quarters (a < b). */
  overlap: { a: string; b: string; quarter: string; people: number }[];
  /**
   * People in both a and b whose only repository on one side is this one (a repository
   * sits on its own category's side). Only cells of SMALL_CELL_MIN_PEOPLE or more are
   * published: a missing one is 0 to SMALL_CELL_MIN_PEOPLE − 1. Null as people.
   */
  soloOverlap: { a: string; b: string; repo: string; quarter: string; people: number }[] | null;
}

/** A change an article quotes: the figure whose change it is, and the scope. */
export interface QuotedChange {
  figure: string;
  category?: string;
  repo?: string;
  /** overlap: the second category. */
  other?: string;
}

export interface ExplainedChange {
  quoted: QuotedChange;
  quarter: string;
  prev: string;
  /** The figure in the quarter before and in the quarter. */
  before: number;
  after: number;
  change: number;
  largest: Explanation | null;
  /** The explaining repository's own figure (commits for a share of commits), when it has one. */
  repoFigure?: { figure: string; prev: number | null; cur: number };
}

/** Figures whose repository rows add up to the category's and the whole set's. */
export const ADDITIVE_FIGURES: readonly string[] = ['commits', 'merge_commits', 'bot_commits', 'agent_assisted_commits', 'active_repos', 'test_lines', 'src_lines', 'test_files', 'src_files'];
/** Figures counted in commits: a switch between release drops and per-change commits moves them. */
const COMMIT_FIGURES: readonly string[] = ['commits', 'agent_assisted_commits', 'top_repo_share'];
/** Figures with a published QoQ column, which is empty where no change may be shown. */
const QOQ: Readonly<Record<string, string>> = { commits: 'commits_qoq', contributors: 'contributors_qoq', active_repos: 'active_repos_qoq' };

/**
 * The change a <Metric> quotes, if it quotes one the guard can explain: a QoQ figure,
 * or delta="change" on a count or on the largest project's share. Overlap changes are
 * quoted as two <Metric figure="overlap">s and are asked for directly.
 */
export function quotedChange(attrs: { figure: string; category?: string; repo?: string; other?: string; delta?: string }): QuotedChange | null {
  const qoq = Object.entries(QOQ).find(([, col]) => col === attrs.figure)?.[0];
  // delta on a QoQ figure is the components check's error, not a change to explain.
  if (qoq !== undefined && attrs.delta !== undefined) return null;
  const figure = qoq ?? (attrs.delta === 'change' ? attrs.figure : undefined);
  if (figure === undefined || attrs.other !== undefined) return null;
  if (![...ADDITIVE_FIGURES, 'contributors', 'top_repo_share'].includes(figure)) return null;
  if (figure === 'top_repo_share' && attrs.repo !== undefined) return null;
  return { figure, ...(attrs.category !== undefined ? { category: attrs.category } : {}), ...(attrs.repo !== undefined ? { repo: attrs.repo } : {}) };
}

const num = (v: unknown): number | null => (typeof v === 'number' && Number.isFinite(v) ? v : null);

/**
 * The repositories a figure's quoted change compares: all of them, except that a
 * like-for-like QoQ leaves out histories that stop before the quarter ends.
 */
function inBasis(data: ChangeData, figure: string): (repo: string) => boolean {
  if (!data.likeForLike || QOQ[figure] === undefined) return () => true;
  const until = new Map(data.repos.map((r) => [r.repo, r.tracked_until]));
  return (repo) => trackedToEnd(until.get(repo) ?? null, data.quarter);
}

function histories(data: ChangeData): Map<string, RepoHistory> {
  return new Map(data.repos.map((r) => [r.repo, { firstQuarter: r.first_quarter, trackedUntil: r.tracked_until }]));
}

/** Commits and lines per repository; without commit_sizes, code lines from scope_quarters (no largest commit). */
function sizes(data: ChangeData): Map<string, { prev: CommitSize; cur: CommitSize }> {
  const zero: CommitSize = { commits: 0, lines: 0, largestCommitLines: null };
  const out = new Map<string, { prev: CommitSize; cur: CommitSize }>();
  const put = (repo: string, quarter: string, s: CommitSize) => {
    const e = out.get(repo) ?? { prev: zero, cur: zero };
    out.set(repo, quarter === data.quarter ? { ...e, cur: s } : { ...e, prev: s });
  };
  if (data.sizes) {
    for (const r of data.sizes) put(r.repo, r.quarter, { commits: r.commits, lines: r.lines, largestCommitLines: r.largest_commit_lines });
  } else {
    for (const r of data.scopes) {
      if (r.scope_type !== 'repo') continue;
      put(r.scope_id, r.quarter, { commits: num(r.commits) ?? 0, lines: (num(r.test_lines) ?? 0) + (num(r.src_lines) ?? 0), largestCommitLines: null });
    }
  }
  return out;
}

function scopeRow(data: ChangeData, type: string, id: string, quarter: string): ScopeQuarterRow | undefined {
  return data.scopes.find((r) => r.scope_type === type && r.scope_id === id && r.quarter === quarter);
}

/** Each repository of the scope with a figure in the quarter before and the quarter. */
function repoSeries(data: ChangeData, scopeType: 'all' | 'category', scopeId: string, value: (r: ScopeQuarterRow) => number): { repo: string; prev: number; cur: number }[] {
  const by = new Map<string, { repo: string; prev: number; cur: number }>();
  for (const r of data.scopes) {
    if (r.scope_type !== 'repo' || (scopeType === 'category' && r.category_id !== scopeId)) continue;
    const e = by.get(r.scope_id) ?? { repo: r.scope_id, prev: 0, cur: 0 };
    if (r.quarter === data.quarter) e.cur = value(r);
    else if (r.quarter === data.prev) e.prev = value(r);
    by.set(r.scope_id, e);
  }
  return [...by.values()].sort((a, b) => a.repo.localeCompare(b.repo));
}

function soloSeries(rows: readonly { repo: string; quarter: string; people: number }[], data: ChangeData): { repo: string; prev: number; cur: number }[] {
  const by = new Map<string, { repo: string; prev: number; cur: number }>();
  for (const r of rows) {
    const e = by.get(r.repo) ?? { repo: r.repo, prev: 0, cur: 0 };
    if (r.quarter === data.quarter) e.cur += r.people;
    else if (r.quarter === data.prev) e.prev += r.people;
    by.set(r.repo, e);
  }
  return [...by.values()];
}

function repoFigureOf(data: ChangeData, figure: string, repo: string): ExplainedChange['repoFigure'] {
  const cur = num(scopeRow(data, 'repo', repo, data.quarter)?.[figure]);
  if (cur === null) return undefined;
  return { figure, prev: num(scopeRow(data, 'repo', repo, data.prev)?.[figure]), cur };
}

/** Scope figures: the shown change must be a number (not partial, not "new", not an untracked quarter). */
function explainScope(data: ChangeData, q: QuotedChange): ExplainedChange | null {
  const [type, id] = q.repo !== undefined ? (['repo', q.repo] as const) : q.category !== undefined ? (['category', q.category] as const) : (['all', 'all'] as const);
  const cur = scopeRow(data, type, id, data.quarter);
  const prev = scopeRow(data, type, id, data.prev);
  if (!cur || cur.partial) return null;
  const qoqColumn = QOQ[q.figure];
  const qoq = qoqColumn === undefined ? null : num(cur[qoqColumn]);
  if (qoqColumn !== undefined && qoq === null) return null;
  const shown = { after: num(cur[q.figure]), before: prev ? num(prev[q.figure]) : q.figure === 'top_repo_share' ? null : 0 };
  let { after, before } = shown;
  if (after === null || before === null || (q.figure !== 'top_repo_share' && before === 0)) return null;
  const base = { quoted: q, quarter: data.quarter, prev: data.prev };
  if (type === 'repo') {
    // A repository's own change: only how its work was cut can explain it.
    const s = sizes(data).get(id);
    const largest = q.figure === 'commits' && s ? explainWithinRepo(id, s.prev, s.cur) : null;
    return { ...base, before, after, change: after - before, largest };
  }
  const basis = inBasis(data, q.figure);
  let parts: RepoPart[];
  let repoFigure = q.figure;
  if (q.figure === 'contributors') {
    // People do not add up over repositories; the basis totals come from the same credits.
    const { people: totals, soloPeople } = data;
    if (totals === null || soloPeople === null) return null;
    const people = (quarter: string) => totals.find((r) => r.scope_id === id && r.quarter === quarter)?.people ?? 0;
    [before, after] = [people(data.prev), people(data.quarter)];
    parts = additiveParts(soloSeries(soloPeople.filter((r) => r.scope_id === id), data));
  } else if (q.figure === 'top_repo_share') {
    parts = holdFlatParts(repoSeries(data, type, id, (r) => num(r.commits) ?? 0), topShare);
    repoFigure = 'commits';
  } else {
    const series = repoSeries(data, type, id, (r) => num(r[q.figure]) ?? 0).filter((r) => basis(r.repo));
    [before, after] = [series.reduce((t, r) => t + r.prev, 0), series.reduce((t, r) => t + r.cur, 0)];
    parts = additiveParts(series);
  }
  // Explain only the change the article shows: a basis the guard does not know would explain another number.
  const same = (a: number, b: number) => Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(a), Math.abs(b));
  if (qoq !== null ? before <= 0 || !same((after - before) / before, qoq) : !same(after, shown.after!) || !same(before, shown.before!)) return null;
  const change = after - before;
  // How commits were cut explains figures counted in commits, not people.
  const commitSizes = COMMIT_FIGURES.includes(q.figure) ? sizes(data) : undefined;
  const largest = largestExplanation({ quarter: data.quarter, change, parts, histories: histories(data), ...(commitSizes ? { sizes: commitSizes } : {}) });
  const rf = largest ? repoFigureOf(data, repoFigure, largest.repo) : undefined;
  return { ...base, before, after, change, largest, ...(rf ? { repoFigure: rf } : {}) };
}

/** One repository's part of an overlap change, as bounds: equal when both its cells are known. */
interface PartBounds {
  repo: string;
  lo: number;
  hi: number;
}

/**
 * People active in both categories: each repository's part is the people who are in the
 * overlap only through it. A cell under SMALL_CELL_MIN_PEOPLE is not published, so such
 * a part is only known between bounds (a repository with no contributors there, or a
 * side whose published cells fill the pair, holds exactly 0). The largest part is named
 * only when it is known and no unknown one could reach it; otherwise the guard cannot
 * tell, and a claim it cannot check is worse than none.
 */
function explainOverlap(data: ChangeData, q: QuotedChange): ExplainedChange | null {
  const cells = data.soloOverlap;
  if (cells === null) return null;
  const [a, b] = [q.category!, q.other!].sort() as [string, string];
  const people = (quarter: string) => data.overlap.find((o) => o.a === a && o.b === b && o.quarter === quarter)?.people ?? 0;
  const [before, after] = [people(data.prev), people(data.quarter)];
  const change = after - before;
  const categoryOf = new Map(data.repos.map((r) => [r.repo, r.category_id]));
  const pairCells = cells.filter((o) => o.a === a && o.b === b);
  // A person counts in at most one cell of a side (their one repository there), so a side's cells add up to no more than the pair.
  const sideRest = (side: string | undefined, quarter: string) =>
    people(quarter) - pairCells.filter((o) => o.quarter === quarter && categoryOf.get(o.repo) === side).reduce((t, o) => t + o.people, 0);
  const cell = (repo: string, quarter: string): [number, number] => {
    const n = pairCells.find((o) => o.repo === repo && o.quarter === quarter)?.people;
    if (n !== undefined) return [n, n];
    const contributors = num(scopeRow(data, 'repo', repo, quarter)?.contributors) ?? 0;
    return [0, Math.max(0, Math.min(SMALL_CELL_MIN_PEOPLE - 1, contributors, sideRest(categoryOf.get(repo), quarter)))];
  };
  const repos = new Set([...data.repos.filter((r) => r.category_id === a || r.category_id === b).map((r) => r.repo), ...pairCells.map((o) => o.repo)]);
  const bounds: PartBounds[] = [...repos].sort().map((repo) => {
    const [pl, ph] = cell(repo, data.prev);
    const [cl, ch] = cell(repo, data.quarter);
    return { repo, lo: cl - ph, hi: ch - pl };
  });
  const known = bounds.filter((p) => p.lo === p.hi).map((p): RepoPart => ({ repo: p.repo, amount: p.lo }));
  const largest = largestExplanation({ quarter: data.quarter, change, parts: known, histories: histories(data) });
  // An unknown part that could go the change's way as far as the largest (a tie goes to the first name), or at all when none is known, leaves the answer open.
  const reach = (p: PartBounds) => (change > 0 ? p.hi : -p.lo);
  const open = (p: PartBounds) => (largest ? reach(p) > Math.abs(largest.amount) || (reach(p) === Math.abs(largest.amount) && p.repo < largest.repo) : reach(p) > 0);
  if (change !== 0 && bounds.some((p) => p.lo !== p.hi && open(p))) return null;
  return { quoted: q, quarter: data.quarter, prev: data.prev, before, after, change, largest };
}

/** The change and its largest single explanation; null when the figure shows no change to explain. */
export function explainQuoted(data: ChangeData, q: QuotedChange): ExplainedChange | null {
  if (q.figure === 'overlap') return q.category !== undefined && q.other !== undefined && q.category !== q.other ? explainOverlap(data, q) : null;
  return explainScope(data, q);
}
