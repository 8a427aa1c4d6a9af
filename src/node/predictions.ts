// Scores predictions from the published data: the figure a prediction names is read with
// the same lookup as <Metric> (so a prediction and an article quote one number), from
// the folder src/lib/predictions.ts says decides it, with the histories that stop early
// in its scope around the due quarter (which make it undecidable).
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { FIGURES } from '../lib/figures.ts';
import { basisExcludes } from '../lib/like-for-like.ts';
import {
  decidingFolder,
  scorePrediction,
  stoppedInScope,
  thresholdText,
  type FolderFacts,
  type Observation,
  type Prediction,
  type PredictionResult,
  type StoppedHistory,
} from '../lib/predictions.ts';
import { isQuarter } from '../lib/quarters.ts';
import { readManifest } from './manifest.ts';
import { resolveMetric, type MetricResult } from './metric.ts';
import { publishedQuartersAsOf, repoRoot } from './paths.ts';
import { openPublished } from './published-data.ts';

export interface ScoredPrediction {
  prediction: Prediction;
  result: PredictionResult;
  /** "above 1 500", for predictions with a metric. */
  threshold?: string;
}

export function predictionsDir(): string {
  return join(repoRoot(), 'content', 'predictions');
}

/** Quarters with a predictions file, oldest first. */
export function predictionQuarters(dir = predictionsDir()): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((f) => f.endsWith('.yaml') && isQuarter(f.slice(0, -5)))
    .map((f) => f.slice(0, -5))
    .sort();
}

export function publishedFolders(publishedAsOf?: string): FolderFacts[] {
  return publishedQuartersAsOf(publishedAsOf).map((quarter) => {
    const m = readManifest(quarter);
    return { quarter, quarters: m.quarters, partial: m.partial };
  });
}

async function observe(p: Prediction, folder: string): Promise<Observation> {
  if (!p.metric) return { folder, error: 'no metric' };
  try {
    const m = await resolveMetric({ ...p.metric, quarter: p.due, articleQuarter: folder });
    if (typeof m.value !== 'number') return { folder, error: `'${p.metric.figure}' is not a number` };
    const stopped = await stoppedHistories(p.metric.figure, p.due, m, folder);
    return { folder, value: m.value, description: m.description, ...(stopped.length > 0 ? { stopped } : {}) };
  } catch (e) {
    return { folder, error: (e as Error).message };
  }
}

/**
 * The histories that stop early in the figure's scope (both categories of a pair), where
 * that scope is not observed in the due quarter; [] when it is fully observed. Read from
 * the folder the figure came from, whose scope_quarters says observed and, since
 * like-for-like QoQ, names the repositories; older folders name them from repos.
 */
async function stoppedHistories(figure: string, due: string, m: MetricResult, folder: string): Promise<StoppedHistory[]> {
  // The registry's count of tracked repositories does not depend on any history.
  if (FIGURES[figure]?.source === 'repos') return [];
  const scopes =
    m.scopeType === 'pair' ? m.scopeId.split(',').map((id) => ({ scopeType: 'category' as const, scopeId: id })) : [{ scopeType: m.scopeType, scopeId: m.scopeId }];
  const data = await openPublished(folder);
  const repos = await data.query('repos', {});
  const out = new Map<string, StoppedHistory>();
  for (const scope of scopes) {
    const row = (await data.query('metric', { quarter: due, ...scope })).find((r) => r.quarter === due);
    if (!row || row.observed !== false) continue;
    const named = typeof row.qoq_basis_excludes === 'string' ? basisExcludes(row.qoq_basis_excludes) : null;
    const found = named
      ? named.map((repo) => ({ repo, until: repos.find((r) => r.repo === repo)?.tracked_until ?? null }))
      : stoppedInScope(repos, scope, due);
    for (const s of found) out.set(s.repo, s);
    // Not observed, yet nothing to name (a folder without tracked_until): still undecidable.
    if (found.length === 0) out.set(`${scope.scopeType}:${scope.scopeId}`, { repo: 'one repository', until: null });
  }
  return [...out.values()].sort((a, b) => a.repo.localeCompare(b.repo));
}

/**
 * Each prediction with its verdict. `asOf` limits the data to folders up to that quarter;
 * `publishedAsOf` to folders published by that date (an article's pin), so a verdict in
 * an article never changes when a later quarter is published.
 */
export async function scorePredictions(list: readonly Prediction[], opts: { asOf?: string; publishedAsOf?: string } = {}): Promise<ScoredPrediction[]> {
  const folders = publishedFolders(opts.publishedAsOf);
  const out: ScoredPrediction[] = [];
  for (const prediction of list) {
    const folder = decidingFolder(prediction.due, folders, opts.asOf);
    const result = scorePrediction(prediction, folder === null ? null : await observe(prediction, folder));
    out.push({
      prediction,
      result,
      ...(prediction.metric && prediction.threshold ? { threshold: thresholdText(prediction.metric.figure, prediction.threshold) } : {}),
    });
  }
  return out;
}
