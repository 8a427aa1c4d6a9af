// The editor check: every article and predictions file, every problem at once, each with
// file, line and a hint. `npm run check` runs it from the command line; the build runs it
// before rendering (src/node/content-checks-integration.ts) and stops on any problem.
// Warnings (the artefact guard: a quoted change that one repository or a tracking
// artefact mostly explains) are listed apart and never stop anything. Every claim
// (<Rank>, <Compare>, <Only>, <Threshold>) is listed with its verdict too.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { isQuarter } from '../../lib/quarters.ts';
import { repoRelative, repoRoot } from '../paths.ts';
import { predictionQuarters } from '../predictions.ts';
import { checkArtefacts } from './artefacts.ts';
import type { ClaimLine } from './claims.ts';
import { checkComponents } from './components.ts';
import { checkFrontmatter } from './frontmatter.ts';
import { checkFrontmatterClaims } from './frontmatter-claims.ts';
import { parseArticle } from './mdx.ts';
import { checkPlaceholders } from './placeholders.ts';
import { checkScripts } from './scripts.ts';
import { checkInlineComponents } from './inline-components.ts';
import { checkSentenceTemplates } from './templates.ts';
import { checkPredictionFile } from './predictions.ts';
import type { Problem } from './problem.ts';

export { formatProblem, formatProblems, type Problem } from './problem.ts';
export { formatClaims, type ClaimLine } from './claims.ts';

export interface CheckOptions {
  /** Folder holding reports/ and predictions/ (default: content/ in the repository). */
  contentDir?: string;
  /** Check drafts' components too (the editor check and preview builds); a production build skips them, as it never renders them. */
  includeDrafts?: boolean;
}

export interface CheckResult {
  /** Errors: the build stops on any. */
  problems: Problem[];
  /** Worth a look before publishing; never stop a build. */
  warnings: Problem[];
  articles: { quarter: string; status: string; checked: boolean }[];
  /** Every claim decided in the articles checked, with its verdict (a false one is also a problem). */
  claims: ClaimLine[];
  predictionFiles: number;
}

function files(dir: string, ext: string): string[] {
  return existsSync(dir) ? readdirSync(dir).filter((f) => f.endsWith(ext)).sort() : [];
}

export async function checkContent(opts: CheckOptions = {}): Promise<CheckResult> {
  const contentDir = opts.contentDir ?? join(repoRoot(), 'content');
  const problems: Problem[] = [];
  const warnings: Problem[] = [];
  const articles: CheckResult['articles'] = [];
  const claims: ClaimLine[] = [];
  const reportsDir = join(contentDir, 'reports');
  const predicted = predictionQuarters(join(contentDir, 'predictions'));
  // When each quarter's article was published: its predictions were written then (or later).
  const articleDates = new Map<string, string>();
  for (const name of files(reportsDir, '.mdx')) {
    const path = join(reportsDir, name);
    const file = repoRelative(path);
    const fileQuarter = name.slice(0, -4);
    if (!isQuarter(fileQuarter)) {
      problems.push({ file, message: `an article's file is named after its quarter, not "${name}"`, hint: 'rename it like 2026-q3.mdx (the URL is the file name)' });
      continue;
    }
    const text = readFileSync(path, 'utf8');
    problems.push(...checkScripts(file, text), ...checkInlineComponents(file, text), ...checkSentenceTemplates(file, text));
    const parsed = await parseArticle(path, text);
    if (parsed.syntaxError) {
      problems.push({ file, ...(parsed.syntaxError.line ? { line: parsed.syntaxError.line } : {}), message: parsed.syntaxError.message, hint: 'components are written <Name attr="value" />; braces {…} start a JavaScript expression (write \\{ for a literal brace)' });
      articles.push({ quarter: fileQuarter, status: String(parsed.frontmatter.status ?? '?'), checked: false });
      continue;
    }
    const fm = checkFrontmatter(file, fileQuarter, parsed.rawFrontmatter, parsed.frontmatter);
    problems.push(...fm.problems);
    if (fm.fm) articleDates.set(fileQuarter, fm.fm.published.toISOString().slice(0, 10));
    const status = fm.fm?.status ?? String(parsed.frontmatter.status ?? '?');
    const checked = status === 'published' || opts.includeDrafts === true;
    articles.push({ quarter: fileQuarter, status, checked });
    if (status === 'published') problems.push(...checkPlaceholders(file, text));
    if (!checked) continue;
    const ctx = { file, path, quarter: fileQuarter, published: fm.dataReady, predictionQuarters: predicted };
    if (fm.fm) {
      const fmClaims = await checkFrontmatterClaims(file, parsed.rawFrontmatter, fm.fm, fm.dataReady);
      problems.push(...fmClaims.problems);
      claims.push(...fmClaims.claims);
    }
    const components = await checkComponents(ctx, parsed);
    problems.push(...components.problems);
    claims.push(...components.claims);
    if (fm.dataReady) warnings.push(...(await checkArtefacts(ctx, parsed, text)));
  }
  const predictionsDir = join(contentDir, 'predictions');
  const yamls = files(predictionsDir, '.yaml');
  for (const name of yamls) {
    const path = join(predictionsDir, name);
    const made = name.slice(0, -5);
    if (!isQuarter(made)) {
      problems.push({ file: repoRelative(path), message: `a predictions file is named after the quarter the predictions were made in, not "${name}"`, hint: 'rename it like 2026-q2.yaml' });
      continue;
    }
    const checked = await checkPredictionFile(repoRelative(path), made, readFileSync(path, 'utf8'), articleDates.get(made));
    problems.push(...checked.problems);
    warnings.push(...checked.warnings);
  }
  return { problems, warnings, articles, claims, predictionFiles: yamls.length };
}
