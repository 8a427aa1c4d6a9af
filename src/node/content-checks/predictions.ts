// A predictions file (content/predictions/<made-in quarter>.yaml): the collection's
// schema, due after made, and a metric the data can decide.
import { parse } from 'yaml';
import { predictionSchema, predictionsFileSchema, type PredictionInput } from '../../lib/content-schema.ts';
import { FIGURES } from '../../lib/figures.ts';
import { quarterIndex } from '../../lib/quarters.ts';
import { resolveMetric } from '../metric.ts';
import { publishedQuarters } from '../paths.ts';
import type { Problem } from './problem.ts';
import { didYouMean } from './suggest.ts';
import { yamlLines } from './yaml-lines.ts';

const FORMAT_HINT =
  'each prediction: id, due (e.g. 2026-q4), statement, and either metric { figure, category? | repo? | org? } with threshold { op: ">" | ">=" | "<" | "<=", value } or neither';

export async function checkPredictionFile(file: string, made: string, text: string): Promise<Problem[]> {
  const lineOf = yamlLines(text);
  let data: unknown;
  try {
    data = parse(text);
  } catch (e) {
    const line = (e as { linePos?: { line: number }[] }).linePos?.[0]?.line;
    return [{ file, ...(line ? { line } : {}), message: `not valid YAML: ${(e as Error).message.split('\n')[0]}` }];
  }
  const problems: Problem[] = [];
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
    if (quarterIndex(p.due) <= quarterIndex(made)) {
      problems.push({ file, line: at('due'), message: `prediction '${p.id}' is due ${p.due}, not after ${made} when it was made`, hint: 'a prediction is due in a later quarter' });
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
  return problems;
}
