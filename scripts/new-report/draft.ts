// new-report: a draft article for a published quarter, or a refusal that says what to run.
import { existsSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { isQuarter, quarterIndex } from '../../src/lib/quarters.ts';
import { publishedQuartersIn } from '../../src/node/paths.ts';
import { UserError } from '../common/types.ts';
import { draftFindings, sectionComponents, type Finding } from './findings.ts';
import { loadFindingsInput, readFolderManifest } from './load.ts';
import { articleMdx, predictionsYaml } from './skeleton.ts';

export interface NewReportOptions {
  quarter: string;
  publishedDir: string;
  /** Folder with reports/ and predictions/. */
  contentDir: string;
  force?: boolean;
  today?: string;
}

export interface NewReportResult {
  article: string;
  predictions: string | null;
  findings: Finding[];
  partial: boolean;
}

export async function newReport(opts: NewReportOptions): Promise<NewReportResult> {
  const q = opts.quarter;
  if (!isQuarter(q)) throw new UserError(`"${q}" is not a quarter: write it like 2026-q3`);
  const folder = join(opts.publishedDir, q);
  const manifest = readFolderManifest(folder);
  if (!manifest) {
    const have = publishedQuartersIn(opts.publishedDir);
    throw new UserError(
      [
        `${q} has no published data yet (${have.length ? `published: ${have.join(', ')}` : 'nothing is published yet'}), so there is nothing to write about.`,
        'Publish it first:',
        '  npm run ingest -- --from ../shared/data/gitlogs',
        `  npm run publish-data -- ${q}`,
        `then run \`npm run new-report -- ${q}\` again.`,
      ].join('\n'),
    );
  }
  const article = join(opts.contentDir, 'reports', `${q}.mdx`);
  if (existsSync(article) && !opts.force) {
    throw new UserError(`${article} already exists: edit it, or run again with --force to replace it (and lose its edits)`);
  }
  const input = await loadFindingsInput(folder, manifest);
  const findings = draftFindings(input);
  const predictionsDir = join(opts.contentDir, 'predictions');
  const earlier = existsSync(predictionsDir)
    ? readdirSync(predictionsDir)
        .map((f) => f.replace(/\.yaml$/, ''))
        .filter((m) => isQuarter(m) && quarterIndex(m) < quarterIndex(q))
        .sort()
    : [];
  const reviewQuarter = earlier.at(-1);
  mkdirSync(join(opts.contentDir, 'reports'), { recursive: true });
  writeFileSync(
    article,
    articleMdx({
      quarter: q,
      dataVersion: manifest.published,
      today: opts.today ?? new Date().toISOString().slice(0, 10),
      partial: manifest.partial,
      snapshot: manifest.dataset.snapshot,
      findings,
      components: sectionComponents(input, findings),
      ...(reviewQuarter ? { reviewQuarter } : {}),
    }),
  );
  // The article's <Predictions /> reads this file; an empty one keeps the draft building.
  const predictions = join(predictionsDir, `${q}.yaml`);
  let wrotePredictions: string | null = null;
  if (!existsSync(predictions)) {
    mkdirSync(predictionsDir, { recursive: true });
    writeFileSync(predictions, predictionsYaml(q));
    wrotePredictions = predictions;
  }
  return { article, predictions: wrotePredictions, findings, partial: manifest.partial };
}
