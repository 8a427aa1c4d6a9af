// Scores predictions from the published data: the figure a prediction names is read with
// the same lookup as <Metric> (so a prediction and an article quote one number), from
// the folder src/lib/predictions.ts says decides it.
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { decidingFolder, scorePrediction, thresholdText, type FolderFacts, type Observation, type Prediction, type PredictionResult } from '../lib/predictions.ts';
import { isQuarter } from '../lib/quarters.ts';
import { readManifest } from './manifest.ts';
import { resolveMetric } from './metric.ts';
import { publishedQuarters, repoRoot } from './paths.ts';

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

export function publishedFolders(): FolderFacts[] {
  return publishedQuarters().map((quarter) => {
    const m = readManifest(quarter);
    return { quarter, quarters: m.quarters, partial: m.partial };
  });
}

async function observe(p: Prediction, folder: string): Promise<Observation> {
  if (!p.metric) return { folder, error: 'no metric' };
  try {
    const m = await resolveMetric({ ...p.metric, quarter: p.due, articleQuarter: folder });
    if (typeof m.value !== 'number') return { folder, error: `'${p.metric.figure}' is not a number` };
    return { folder, value: m.value, description: m.description };
  } catch (e) {
    return { folder, error: (e as Error).message };
  }
}

/** Each prediction with its verdict; `asOf` limits the data to folders up to that quarter. */
export async function scorePredictions(list: readonly Prediction[], opts: { asOf?: string } = {}): Promise<ScoredPrediction[]> {
  const folders = publishedFolders();
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
