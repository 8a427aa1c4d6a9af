// Scoring a prediction against the published data, as pure functions: which published
// folder decides it, and whether the figure cleared the threshold. Reading the folder is
// src/node/predictions.ts's job.
//
// A figure from a scope that was not fully observed in the due quarter (a history in it
// stops early: observed = false) is short of what the prediction was about, so it
// cannot score a miss or a hit as if complete: the prediction is undecidable, and says
// which history stopped. The exception is a count that can only grow with the missing
// history (people, commits, repositories) when the shortfall cannot change the verdict:
// already past a "more than" threshold (a hit), or already past a "less than" one (a miss).
//
// A prediction written once its due quarter was over is no prediction: it is shown as
// retrospective, with what the data say, and left out of the track record. The files
// cannot say when a line was typed, so "written" is the latest date the content vouches
// for: the date its article was published, or the prediction's own `added` date when it
// was added to the file later. Due quarters end before their data are published, and the
// histories behind a quarter are public (and in the editors' warehouse) the day it ends,
// so the cut-off is the end of the due quarter, not the date its folder was published.
import type { PredictionInput } from './content-schema.ts';
import { FIGURES, formatFigure } from './figures.ts';
import { formatDate, formatSignedPercent } from './format.ts';
import { listText } from './like-for-like.ts';
import { nextQuarter, prevQuarter, quarterIndex, quarterLabel, quarterStartDate } from './quarters.ts';

export type { PredictionInput };
export type Threshold = NonNullable<PredictionInput['threshold']>;
export type PredictionStatus = 'hit' | 'miss' | 'undecidable' | 'pending' | 'unscored' | 'retrospective';
/** What the data (or the editors) say of a prediction, whenever it was written. */
export type VerdictStatus = Exclude<PredictionStatus, 'retrospective'>;

/** A prediction with the quarter it was made in (its file's name). */
export interface Prediction extends PredictionInput {
  made: string;
  /** When it was written (YYYY-MM-DD), as far as the content says: see writtenOn. */
  written?: string;
}

/**
 * The latest date the content vouches for a prediction being written: its article's
 * publication date, or its `added` date when later. An earlier `added` is ignored: a date
 * typed into the file may move a prediction later, never earlier than the article that
 * first published it.
 */
export function writtenOn(p: Pick<PredictionInput, 'added'>, articlePublished: string | undefined): string | undefined {
  const dates = [articlePublished, p.added].filter((d): d is string => d !== undefined).sort();
  return dates.at(-1);
}

/** The predictions of one file, with the quarter they were made in and when they were written. */
export function predictionsMade(made: string, list: readonly PredictionInput[], articlePublished: string | undefined): Prediction[] {
  return list.map((p) => {
    const written = writtenOn(p, articlePublished);
    return { ...p, made, ...(written !== undefined ? { written } : {}) };
  });
}

/**
 * Why a prediction is retrospective, or null when it is not: it was made in or after the
 * quarter it is due (its file is that quarter's or later), or written on or after the day
 * its due quarter ended.
 */
export function retrospectiveReason(p: Prediction): string | null {
  if (quarterIndex(p.due) <= quarterIndex(p.made)) {
    return p.due === p.made
      ? `made in ${quarterLabel(p.made)}, the quarter it is about`
      : `made in ${quarterLabel(p.made)}, after ${quarterLabel(p.due)}, the quarter it is about`;
  }
  const end = quarterStartDate(nextQuarter(p.due));
  if (p.written !== undefined && p.written >= end) return `written on ${formatDate(p.written)}, after ${quarterLabel(p.due)} had ended`;
  return null;
}

/** What a published folder's manifest says about the quarters it holds. */
export interface FolderFacts {
  quarter: string;
  quarters: readonly string[];
  /** The folder's own quarter was still running when it was published. */
  partial: boolean;
}

export interface PredictionResult {
  status: PredictionStatus;
  /** The figure in the due quarter, when the data decided it. */
  value?: number;
  /** The published folder the value was read from. */
  decidedBy?: string;
  /** One sentence a reader can check: "Contributors, LLM Serving & Inference, Q1 2025: 412 (needed above 400)." */
  reason: string;
  /** For a retrospective prediction: the verdict it would have had. */
  wouldBe?: VerdictStatus;
}

/**
 * The folder that decides a prediction due in `due`: the due quarter's own folder when it
 * is published and complete, else the earliest later folder that holds the due quarter
 * (later folders hold it complete). Only folders up to `asOf` count, so an article
 * reviewing predictions keeps its verdicts when later quarters are published.
 */
export function decidingFolder(due: string, folders: readonly FolderFacts[], asOf?: string): string | null {
  const dueIndex = quarterIndex(due);
  const limit = asOf === undefined ? Infinity : quarterIndex(asOf);
  const candidates = folders
    .filter((f) => {
      const i = quarterIndex(f.quarter);
      return i >= dueIndex && i <= limit && f.quarters.includes(due) && !(f.quarter === due && f.partial);
    })
    .map((f) => f.quarter)
    .sort((a, b) => quarterIndex(a) - quarterIndex(b));
  return candidates[0] ?? null;
}

export function meetsThreshold(value: number, t: Threshold): boolean {
  switch (t.op) {
    case '>':
      return value > t.value;
    case '>=':
      return value >= t.value;
    case '<':
      return value < t.value;
    case '<=':
      return value <= t.value;
  }
}

export const OP_WORDS: Readonly<Record<Threshold['op'], string>> = { '>': 'above', '>=': 'at least', '<': 'below', '<=': 'at most' };

/** A figure's value as prose writes it ("1 204", "31.4%", "+12.0%"). */
export function formatPredictionValue(figure: string, value: number): string {
  const def = FIGURES[figure];
  if (!def) return String(value);
  return def.kind === 'change' ? formatSignedPercent(value) : formatFigure(def, { value });
}

/** "above 1 500", "at most 40.0%". */
export function thresholdText(figure: string, t: Threshold): string {
  return `${OP_WORDS[t.op]} ${formatPredictionValue(figure, t.value)}`;
}

/** A history in the prediction's scope that stops early, making the due quarter not fully observed. */
export interface StoppedHistory {
  repo: string;
  /** The registry's tracked_until (YYYY-MM-DD), when the folder publishes it. */
  until: string | null;
}

/** What an observation of the figure gives: a number (and what its scope lacked), or why there is none. */
export type Observation =
  | { folder: string; value: number; description?: string; stopped?: readonly StoppedHistory[] }
  | { folder: string; error: string }
  | null;

/**
 * Counts that only grow when a repository's history is added: with a history missing,
 * the published value is a lower bound of the figure the prediction meant.
 */
const LOWER_BOUNDS: ReadonlySet<string> = new Set([
  'commits', 'merge_commits', 'bot_commits', 'agent_assisted_commits', 'contributors', 'active_repos',
  'test_lines', 'src_lines', 'test_files', 'src_files', 'overlap',
]);

/**
 * Repositories of a scope whose history stops in the due quarter or the one before (the
 * quarters the engine marks not observed), from the published repos table: for folders
 * published before scope_quarters named them (qoq_basis_excludes).
 */
export function stoppedInScope(
  repos: readonly { repo: string; category_id: string; tracked_until: string | null }[],
  scope: { scopeType: 'all' | 'category' | 'repo'; scopeId: string },
  due: string,
): StoppedHistory[] {
  const end = quarterStartDate(nextQuarter(due));
  const from = scope.scopeType === 'repo' ? '' : quarterStartDate(prevQuarter(due));
  return repos
    .filter((r) => (scope.scopeType === 'all' ? true : scope.scopeType === 'category' ? r.category_id === scope.scopeId : r.repo === scope.scopeId))
    .filter((r) => r.tracked_until !== null && r.tracked_until >= from && dayAfter(r.tracked_until) < end)
    .map((r) => ({ repo: r.repo, until: r.tracked_until }));
}

function dayAfter(iso: string): string {
  return new Date(Date.parse(`${iso}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
}

/** "ggerganov/llama.cpp's history stops on 20 February 2025"; several: "the histories of a (…) and b (…) stop early". */
export function stoppedText(stopped: readonly StoppedHistory[]): string {
  if (stopped.length === 1) {
    const s = stopped[0]!;
    return `${s.repo}'s history stops ${s.until ? `on ${formatDate(s.until)}` : 'early'}`;
  }
  // A verdict is one sentence: past a few names, the rest are counted (the methodology lists them all).
  const shown = stopped.slice(0, MAX_NAMED_HISTORIES).map((s) => (s.until ? `${s.repo} (on ${formatDate(s.until)})` : s.repo));
  const rest = stopped.length - shown.length;
  const names = rest > 0 ? `${shown.join(', ')} and ${rest} more` : listText(shown);
  return `the histories of ${names} stop early`;
}

const MAX_NAMED_HISTORIES = 3;

export function scorePrediction(p: Prediction, observation: Observation): PredictionResult {
  const verdict = verdictOf(p, observation);
  const hindsight = retrospectiveReason(p);
  if (hindsight === null) return verdict;
  // What the data say is still shown, so a reader can see what the hindsight was worth.
  return { ...verdict, status: 'retrospective', wouldBe: verdict.status, reason: `Retrospective, not counted: ${hindsight}. ${verdict.reason}` };
}

function verdictOf(p: Prediction, observation: Observation): PredictionResult & { status: VerdictStatus } {
  const due = quarterLabel(p.due);
  if (!p.metric || !p.threshold) {
    if (p.outcome) return { status: p.outcome, reason: `Scored by the editors${p.note ? `: ${p.note}` : '.'}` };
    return observation
      ? { status: 'unscored', decidedBy: observation.folder, reason: `Due ${due}; awaiting the editors' verdict.` }
      : { status: 'pending', reason: `Due ${due}.` };
  }
  if (!observation) return { status: 'pending', reason: `Due ${due}; not yet in the published data.` };
  if ('error' in observation) return { status: 'unscored', decidedBy: observation.folder, reason: `The data cannot decide it: ${observation.error}.` };
  const hit = meetsThreshold(observation.value, p.threshold);
  const label = p.metric.figure.replaceAll('_', ' ');
  // "Contributors, LLM Serving & Inference, Q1 2025" when the caller knows the scope's name.
  const what = observation.description ?? `${label[0]?.toUpperCase() ?? ''}${label.slice(1)}, ${due}`;
  const shown = formatPredictionValue(p.metric.figure, observation.value);
  const needed = thresholdText(p.metric.figure, p.threshold);
  const stopped = observation.stopped ?? [];
  if (stopped.length > 0) {
    const above = p.threshold.op === '>' || p.threshold.op === '>=';
    // The missing history could only raise a lower bound: it settles "above" once met, "below" once missed.
    if (LOWER_BOUNDS.has(p.metric.figure) && hit === above) {
      return {
        status: hit ? 'hit' : 'miss',
        value: observation.value,
        decidedBy: observation.folder,
        reason: `${what}: ${shown} (needed ${needed}), although ${stoppedText(stopped)}: ${stopped.length === 1 ? 'that history' : 'they'} could only add to the figure.`,
      };
    }
    return {
      status: 'undecidable',
      value: observation.value,
      decidedBy: observation.folder,
      reason: `${what}: ${shown} counted (needed ${needed}), but ${stoppedText(stopped)}, so the scope was not fully observed and the figure cannot decide it.`,
    };
  }
  return {
    status: hit ? 'hit' : 'miss',
    value: observation.value,
    decidedBy: observation.folder,
    reason: `${what}: ${shown} (needed ${needed}).`,
  };
}

export const STATUS_LABELS: Readonly<Record<PredictionStatus, string>> = {
  hit: 'Hit',
  miss: 'Miss',
  undecidable: 'Undecidable',
  pending: 'Pending',
  unscored: 'Not scored',
  retrospective: 'Retrospective',
};

/**
 * Hits, misses and how many are still open: the tracker's one-line record. A
 * retrospective prediction counts only as retrospective, never as the hit or miss it
 * would have been.
 */
export function tally(results: readonly PredictionResult[]): Record<PredictionStatus, number> {
  const out: Record<PredictionStatus, number> = { hit: 0, miss: 0, undecidable: 0, pending: 0, unscored: 0, retrospective: 0 };
  for (const r of results) out[r.status]++;
  return out;
}
