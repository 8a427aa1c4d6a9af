// Scoring a prediction against the published data, as pure functions: which published
// folder decides it, and whether the figure cleared the threshold. Reading the folder is
// src/node/predictions.ts's job.
import type { PredictionInput } from './content-schema.ts';
import { FIGURES, formatFigure } from './figures.ts';
import { formatSignedPercent } from './format.ts';
import { quarterIndex, quarterLabel } from './quarters.ts';

export type { PredictionInput };
export type Threshold = NonNullable<PredictionInput['threshold']>;
export type PredictionStatus = 'hit' | 'miss' | 'pending' | 'unscored';

/** A prediction with the quarter it was made in (its file's name). */
export interface Prediction extends PredictionInput {
  made: string;
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

const OP_WORDS: Record<Threshold['op'], string> = { '>': 'above', '>=': 'at least', '<': 'below', '<=': 'at most' };

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

/** What an observation of the figure gives: a number, or why there is none. */
export type Observation = { folder: string; value: number; description?: string } | { folder: string; error: string } | null;

export function scorePrediction(p: Prediction, observation: Observation): PredictionResult {
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
  return {
    status: hit ? 'hit' : 'miss',
    value: observation.value,
    decidedBy: observation.folder,
    reason: `${what}: ${formatPredictionValue(p.metric.figure, observation.value)} (needed ${thresholdText(p.metric.figure, p.threshold)}).`,
  };
}

export const STATUS_LABELS: Readonly<Record<PredictionStatus, string>> = {
  hit: 'Hit',
  miss: 'Miss',
  pending: 'Pending',
  unscored: 'Not scored',
};

/** Hits, misses and how many are still open: the tracker's one-line record. */
export function tally(results: readonly PredictionResult[]): Record<PredictionStatus, number> {
  const out: Record<PredictionStatus, number> = { hit: 0, miss: 0, pending: 0, unscored: 0 };
  for (const r of results) out[r.status]++;
  return out;
}
