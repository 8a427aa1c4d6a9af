// A predictions file (content/predictions/<made-in quarter>.yaml): the collection's
// schema and a metric the data can decide. A prediction written once its due quarter was
// over (due no later than made, or dated after the due quarter ended) is a warning: the
// site shows it as retrospective and leaves it out of the track record.
import { parse } from 'yaml';
import { predictionSchema, predictionsFileSchema, type PredictionInput } from '../../lib/content-schema.ts';
import { FIGURES } from '../../lib/figures.ts';
import { predictionsMade, retrospectiveReason } from '../../lib/predictions.ts';
import { resolveMetric } from '../metric.ts';
import { publishedQuarters } from '../paths.ts';
import type { Problem } from './problem.ts';
import { didYouMean } from './suggest.ts';
import { yamlLines } from './yaml-lines.ts';

const FORMAT_HINT =
  'each prediction: id, due (e.g. 2026-q4), statement, and either metric { figure, category? | repo? | org? } with threshold { op: ">" | ">=" | "<" | "<=", value } or neither';

export interface PredictionFileCheck {
  problems: Problem[];
  /** Retrospective predictions: shown, never counted. */
  warnings: Problem[];
}

/** `articlePublished`: the made-in quarter's article's publication date (YYYY-MM-DD), when it has one. */
export async function checkPredictionFile(file: string, made: string, text: string, articlePublished?: string): Promise<PredictionFileCheck> {
  const lineOf = yamlLines(text);
  let data: unknown;
  try {
    data = parse(text);
  } catch (e) {
    const line = (e as { linePos?: { line: number }[] }).linePos?.[0]?.line;
    return { problems: [{ file, ...(line ? { line } : {}), message: `not valid YAML: ${(e as Error).message.split('\n')[0]}` }], warnings: [] };
  }
  const problems: Problem[] = [];
  const warnings: Problem[] = [];
  const parsed = predictionsFileSchema.safeParse(data);
  // On a schema error, the predictions that are well formed are still checked against the data.
  let valid: [number, PredictionInput][] = [];
  if (parsed.success) valid = [...parsed.data.predictions.entries()];
  else {
    for (const issue of parsed.error.issues) {
      const path = issue.path.filter((k): k is string | number => typeof k !== 'symbol');
      const p = path[0] === 'predictions' && typeof path[1] === 'number' ? `prediction ${path[1] + 1}` : '';
      const where = [p, path.slice(2).join('.')].filter(Boolean).join(' ') || path.join('.') || '(top level)';
      problems.push({ file, line: lineOf(path) ?? 1, message: `${where}: ${issue.message}`, hint: FORMAT_HINT });
    }
    const items = (data as { predictions?: unknown } | null)?.predictions;
    if (Array.isArray(items)) {
      for (const [i, item] of items.entries()) {
        const one = predictionSchema.safeParse(item);
        if (one.success) valid.push([i, one.data]);
      }
    }
  }
  // The data the metric is checked against: the made-in quarter's, else the newest published.
  const published = publishedQuarters();
  const folder = published.includes(made) ? made : published.at(-1);
  for (const [i, p] of valid) {
    const at = (k: string): number | undefined => lineOf(['predictions', i, k]);
    const hindsight = retrospectiveReason(predictionsMade(made, [p], articlePublished)[0]!);
    if (hindsight !== null) {
      warnings.push({
        file,
        line: at('due'),
        message: `prediction '${p.id}' (due ${p.due}) was ${hindsight}: it is shown as retrospective and not counted in the track record`,
        hint: 'a prediction is written before its due quarter ends; the site shows this one with what the data say, outside the track record',
        severity: 'warning',
      });
    }
    if (!p.metric || folder === undefined) continue;
    const def = FIGURES[p.metric.figure];
    if (!def || def.kind === 'text') {
      const numeric = Object.keys(FIGURES).filter((f) => FIGURES[f]!.kind !== 'text');
      problems.push({
        file,
        line: lineOf(['predictions', i, 'metric', 'figure']),
        message: `prediction '${p.id}': ${def ? `'${p.metric.figure}' is a name, not a number` : `no figure '${p.metric.figure}'`}`,
        hint: didYouMean(p.metric.figure, numeric, 'figures are listed in src/lib/figures.ts'),
      });
      continue;
    }
    try {
      await resolveMetric({ ...p.metric, quarter: folder, articleQuarter: folder });
    } catch (e) {
      problems.push({
        file,
        line: at('metric'),
        message: `prediction '${p.id}': ${(e as Error).message}`,
        hint: `the metric must name a figure and scope that exist in the published data (checked against ${folder})`,
      });
    }
  }
  return { problems, warnings };
}
