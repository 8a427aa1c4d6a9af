// How the artefact guard words an explanation: as an MDX sentence for a drafted finding
// (its figures are <Metric>s, its share computed text), as a line of the check's
// warning, and the pattern the check reads back to verify a sentence an article keeps.
import { GUARD_SHARE, type Explanation } from './explain-change.ts';
import type { ExplainedChange } from './explain-inputs.ts';
import { formatDate, formatInteger } from './format.ts';
import { quarterLabel } from './quarters.ts';

/** Builds a <Metric> tag (new-report's, so drafted sentences read like the rest). */
export type MetricTag = (figure: string, opts: { repo?: string; quarter?: string }) => string;

export function sharePercent(share: number): string {
  return `${formatInteger(share * 100)}%`;
}

function direction(change: number): 'rise' | 'fall' {
  return change > 0 ? 'rise' : 'fall';
}

/** The quarter a YYYY-MM-DD date falls in. */
function quarterOfDate(date: string): string {
  const [y, m] = date.split('-').map(Number) as [number, number];
  return `${y}-q${Math.floor((m - 1) / 3) + 1}`;
}

function unit(figure: string): string {
  return figure === 'active_repos' ? 'active repositories' : figure.replaceAll('_', ' ');
}

/** What sort of thing the repository's part counts, where it is not the figure itself. */
function partNote(x: ExplainedChange): string {
  const scope = x.quoted.category !== undefined ? 'the category' : 'the tracked set';
  if (x.quoted.figure === 'contributors') return `the share counts people active in it and nowhere else in ${scope}`;
  if (x.quoted.figure === 'overlap') return 'the share counts people in both categories only through it';
  return '';
}

/** Why the repository moved, when the data says more than "it did". `plain` adds the numbers. */
function causeClause(e: Explanation, x: ExplainedChange, plain: boolean): string {
  const c = e.cause;
  switch (c.kind) {
    case 'started':
      return `, whose counted history starts in ${c.firstQuarter === x.quarter ? 'this quarter' : quarterLabel(c.firstQuarter)}`;
    case 'stopped':
      return `, whose stored history stops ${plain ? `on ${formatDate(c.trackedUntil)}` : `in ${quarterLabel(quarterOfDate(c.trackedUntil))}`} (not observed after)`;
    case 'release-drop': {
      // "Release drops" only where one commit carried most of a quarter's lines; else the commits changed size.
      const drops = c.largestShare !== null && c.largestShare >= 0.5;
      const [a, b] = c.linesPerCommit.map((v) => formatInteger(v));
      const carried = drops ? `; one commit carried ${sharePercent(c.largestShare!)} of the lines in ${quarterLabel(c.toPerChange ? x.prev : x.quarter)}` : '';
      const numbers = plain ? ` (${a} \u2192 ${b} lines${carried})` : '';
      const what = c.toPerChange
        ? `commits jumped while lines per commit collapsed${numbers}: ${drops ? 'release drops became per-change commits' : 'the work arrives in smaller commits'}`
        : `commits fell while lines per commit surged${numbers}: ${drops ? 'per-change commits became release drops' : 'the work arrives in bigger commits'}`;
      return e.within ? `: its ${what}` : `, whose ${what}`;
    }
    case 'repo':
      return '';
  }
}

/**
 * "63% of this rise is one repository: `NVIDIA/nccl`" — the phrase the check reads
 * back. `of` names the figure where a sentence quotes more than one change.
 */
function corePhrase(e: Explanation, change: number, code: boolean, of?: string): string {
  const repo = code ? `\`${e.repo}\`` : e.repo;
  const what = e.within ? `a change in how ${repo} commits` : `one repository${code ? ':' : ','} ${repo}`;
  return `${sharePercent(e.share)} of ${of ? `the ${direction(change)} in ${of}` : `this ${direction(change)}`} is ${what}`;
}

/** The figure's name in "the rise in …". */
export function changeLabel(x: ExplainedChange): string {
  return x.quoted.figure === 'top_repo_share' ? "the largest project's share" : unit(x.quoted.figure);
}

/** " (values; note)" — whichever of the two there is. */
function aside(values: string, note: string): string {
  const inner = [values, note].filter(Boolean).join('; ');
  return inner ? ` (${inner})` : '';
}

function offsetNote(e: Explanation, change: number): string {
  if (e.within || e.share <= 1) return '';
  return `; without it, the figure would have ${change > 0 ? 'fallen' : 'risen'} instead`;
}

/**
 * An MDX sentence for a drafted finding, or '' when no single explanation is more than
 * half the change. `named`: the sentence quotes several changes, so say which.
 */
export function explanationSentence(x: ExplainedChange, metric: MetricTag, named = false): string {
  const e = x.largest;
  if (!e || e.share <= GUARD_SHARE) return '';
  const rf = !e.within ? x.repoFigure : undefined;
  let values = '';
  if (rf) {
    const now = metric(rf.figure, { repo: e.repo });
    values = rf.prev === null ? `${now} ${unit(rf.figure)} in its first quarter` : `from ${metric(rf.figure, { repo: e.repo, quarter: x.prev })} to ${now} ${unit(rf.figure)}`;
  }
  const sentence = `${corePhrase(e, x.change, true, named ? changeLabel(x) : undefined)}${aside(values, e.within ? '' : partNote(x))}${causeClause(e, x, false)}${offsetNote(e, x.change)}.`;
  return sentence[0]!.toUpperCase() + sentence.slice(1);
}

/** The warning's text: the phrase, the repository's own figures and the cause, with numbers. */
export function explanationMessage(x: ExplainedChange): string {
  const e = x.largest;
  if (!e) return '';
  const rf = !e.within ? x.repoFigure : undefined;
  const values = rf ? `${rf.prev === null ? 'none' : formatInteger(rf.prev)} \u2192 ${formatInteger(rf.cur)} ${unit(rf.figure)}` : '';
  return `${corePhrase(e, x.change, false)}${aside(values, e.within ? '' : partNote(x))}${causeClause(e, x, true)}${offsetNote(e, x.change)}`;
}

export interface StatedExplanation {
  percent: number;
  direction: string;
  repo: string;
  /** Offset of the phrase in the text searched. */
  index: number;
}

const PHRASE = /(\d[\d\u202F]*)\s?%\s+of (?:this|the) (rise|fall|change)(?: in [\w' -]+?)? is (?:one repository[:,]?\s*|a change in how\s+)`?([A-Za-z0-9_.-]+\/[A-Za-z0-9_.-]+?)`?(?=[\s.,;:)]|$)/g;

/** Explanations an article states in the guard's words ("63% of this rise is one repository: `o/r`"). */
export function statedExplanations(text: string): StatedExplanation[] {
  return [...text.matchAll(PHRASE)].map((m) => ({ percent: Number(m[1]!.replace(/[^\d]/g, '')), direction: m[2]!, repo: m[3]!, index: m.index }));
}

/** A stated explanation agrees with the data: same repository, same whole percent, same direction. */
export function statedMatches(s: StatedExplanation, x: ExplainedChange): boolean {
  const e = x.largest;
  const way = s.direction === 'change' || s.direction === direction(x.change);
  return e !== null && way && e.repo === s.repo && Math.round(e.share * 100) === s.percent;
}
