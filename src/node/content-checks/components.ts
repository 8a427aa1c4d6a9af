// The components of one article: imported, reading a quarter that is published, naming
// categories and repositories the data knows, every <Metric> resolving to a figure, and
// every claim (<Rank>, <Compare>, <Only>, <Threshold>) holding in the data.
import { existsSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { CLAIM_COMPONENTS, claimIdAttributes, isClaimComponent } from '../../lib/claim-props.ts';
import { FIGURES } from '../../lib/figures.ts';
import { TREND_METRICS } from '../../lib/query-registry.ts';
import { isQuarter } from '../../lib/quarters.ts';
import { readManifest } from '../manifest.ts';
import { MetricError, resolveMetric } from '../metric.ts';
import { publishedQuarters } from '../paths.ts';
import { openPublished } from '../published-data.ts';
import { checkClaim, type ClaimLine } from './claims.ts';
import type { ComponentUse, ParsedArticle } from './mdx.ts';
import type { Problem } from './problem.ts';
import { didYouMean } from './suggest.ts';

/** Components that read a published folder (their `quarter`, else the article's). */
const DATA_COMPONENTS = new Set(['Metric', 'HeadlineStats', 'SnapshotTable', 'TopProjects', 'TalentChord', 'CategoryTrend', 'Figure', 'TalentPools', 'OverlapTrend', 'WorkMix', 'NewProjects', ...CLAIM_COMPONENTS]);
/** Components that quote figures as <Metric> does: from the article's folder when it covers their quarter. */
const QUOTES_FIGURES = new Set(['Metric', ...CLAIM_COMPONENTS]);
const PREDICTION_COMPONENTS = new Set(['Predictions', 'PredictionReview']);

export interface ArticleContext {
  file: string;
  /** Absolute path of the article, for resolving its imports. */
  path: string;
  quarter: string;
  /** The article's own quarter is published (else the frontmatter check has said so). */
  published: boolean;
  /** Quarters with a predictions file. */
  predictionQuarters: readonly string[];
}

type Literal = string | number | boolean | unknown[] | undefined;

function lit(c: ComponentUse, name: string): Literal {
  const a = c.attrs.get(name);
  return a?.kind === 'literal' ? (a.value as Literal) : undefined;
}

/** The component as written (its literal attributes), so the editor recognises it. */
export function tag(c: ComponentUse): string {
  const shown = [...c.attrs].map(([k, v]) => (v.kind === 'literal' ? (v.value === true ? k : `${k}=${JSON.stringify(v.value)}`) : `${k}={${v.code}}`));
  return `<${c.name}${shown.length ? ` ${shown.join(' ')}` : ''}>`;
}

async function known(quarter: string): Promise<{ categories: string[]; repos: string[] }> {
  const data = await openPublished(quarter);
  const [cats, repos] = await Promise.all([data.query('categories', {}), data.query('repos', {})]);
  return { categories: cats.map((c) => c.category_id), repos: repos.map((r) => r.repo) };
}

/** The folder a component reads: a <Metric> (or a claim) reads the article's when it covers the quarter. */
function folderFor(c: ComponentUse, quarter: string, article: string): string {
  if (QUOTES_FIGURES.has(c.name) && quarter !== article && readManifest(article).quarters.includes(quarter)) return article;
  return quarter;
}

/** Which attributes name categories and which name projects. */
function idAttributes(c: ComponentUse): { categories: string[]; repos: string[] } {
  // A <Metric> between two categories names the second with other, or both with from/to.
  if (c.name === 'Metric') return { categories: ['category', 'categories', 'other', 'from', 'to'], repos: ['repo'] };
  if (c.name === 'OverlapTrend') return { categories: ['category', 'other'], repos: [] };
  if (isClaimComponent(c.name)) return claimIdAttributes(c.name, Object.fromEntries([...c.attrs.keys()].map((k) => [k, lit(c, k)])));
  return { categories: ['category', 'categories'], repos: ['repo'] };
}

/** An attribute's ids: a list (of ids, or of pairs of ids), or one id (or several, comma-separated). */
function idList(v: Literal): string[] {
  return Array.isArray(v) ? v.flat().map(String) : String(v).split(',').map((s) => s.trim()).filter(Boolean);
}

export interface ComponentsCheck {
  problems: Problem[];
  /** Every claim the check decided, with its verdict. */
  claims: ClaimLine[];
}

export async function checkComponents(ctx: ArticleContext, parsed: ParsedArticle): Promise<ComponentsCheck> {
  const problems: Problem[] = [];
  const claims: ClaimLine[] = [];
  const add = (c: ComponentUse, message: string, hint?: string): void => {
    problems.push({ file: ctx.file, line: c.line, message: `${tag(c)}: ${message}`, ...(hint ? { hint } : {}) });
  };
  for (const [name, from] of parsed.imports) {
    if (from.startsWith('.') && !existsSync(resolve(dirname(ctx.path), from))) {
      const line = parsed.components.find((c) => c.name === name)?.line;
      problems.push({ file: ctx.file, ...(line ? { line } : {}), message: `import ${name} from '${from}': no such file`, hint: 'components live in src/components/, e.g. ../../src/components/Metric.astro' });
    }
  }
  const published = publishedQuarters();
  for (const c of parsed.components) {
    const base = c.name.split('.')[0]!;
    if (!parsed.imports.has(base)) {
      add(c, `<${c.name}> is used but not imported`, `add \`import ${base} from '../../src/components/${base}.astro';\` below the frontmatter`);
      continue;
    }
    const q = c.attrs.get('quarter');
    if (q?.kind === 'expression') continue;
    const quarter = q === undefined ? ctx.quarter : String(q.value);
    if (!isQuarter(quarter)) {
      add(c, `"${quarter}" is not a quarter`, 'write it like quarter="2024-q3", or leave it out to use the article\'s quarter');
      continue;
    }
    if (PREDICTION_COMPONENTS.has(c.name)) {
      if (c.name === 'PredictionReview' && q === undefined) add(c, 'which quarter\'s predictions?', 'give the quarter they were made in, e.g. <PredictionReview quarter="2026-q2" />');
      else if (!ctx.predictionQuarters.includes(quarter)) add(c, `no predictions for ${quarter}`, `write them in content/predictions/${quarter}.yaml (see content/predictions/ for the format)`);
      continue;
    }
    if (!DATA_COMPONENTS.has(c.name) || !ctx.published) continue;
    const coveredByArticle = QUOTES_FIGURES.has(c.name) && readManifest(ctx.quarter).quarters.includes(quarter);
    if (!published.includes(quarter) && !coveredByArticle) {
      add(
        c,
        `no published data for ${quarter} (published: ${published.join(', ') || 'none'})`,
        `run \`npm run publish-data -- ${quarter}\`, or leave quarter out to use the article's (${ctx.quarter})`,
      );
      continue;
    }
    const folder = folderFor(c, quarter, ctx.quarter);
    const ids = await known(folder);
    const scope = `in the ${folder} data`;
    let scopeOk = true;
    const attrs = idAttributes(c);
    for (const attr of attrs.categories) {
      const v = lit(c, attr);
      if (v === undefined) continue;
      for (const id of idList(v).filter((x) => !ids.categories.includes(x))) {
        scopeOk = false;
        add(c, `unknown category '${id}' ${scope}`, didYouMean(id, ids.categories, `categories: ${ids.categories.join(', ')}`));
      }
    }
    for (const attr of attrs.repos) {
      const v = lit(c, attr);
      if (v === undefined) continue;
      for (const id of (Array.isArray(v) ? v.map(String) : [String(v)]).filter((x) => !ids.repos.includes(x))) {
        scopeOk = false;
        add(c, `unknown project '${id}' ${scope} (not a tracked repository)`, didYouMean(id, ids.repos, 'projects are listed in data/tracked-repos.csv as owner/name'));
      }
    }
    if (c.name === 'CategoryTrend') {
      const m = lit(c, 'metric');
      if (m !== undefined && !(TREND_METRICS as readonly string[]).includes(String(m))) {
        add(c, `no trend for metric '${String(m)}'`, didYouMean(String(m), TREND_METRICS, `trend metrics: ${TREND_METRICS.join(', ')}`));
      }
    }
    if (c.name === 'TalentChord') {
      const mode = lit(c, 'mode');
      if (mode !== undefined && mode !== 'overlap' && mode !== 'migration') add(c, `mode must be "overlap" or "migration", not "${String(mode)}"`);
    }
    if (c.name === 'Metric' && scopeOk) await checkMetric(c, quarter, ctx.quarter, add);
    if (isClaimComponent(c.name) && scopeOk) {
      const line = await checkClaim(ctx.file, { ...c, name: c.name }, quarter, ctx.quarter, add);
      if (line) claims.push(line);
    }
  }
  return { problems, claims };
}

type Add = (c: ComponentUse, message: string, hint?: string) => void;

async function checkMetric(c: ComponentUse, quarter: string, article: string, add: Add): Promise<void> {
  const keys = ['figure', 'category', 'repo', 'org', 'other', 'from', 'to', 'pool', 'kind', 'quarter', 'delta', 'format'];
  if (c.attrs.get('figure') === undefined) {
    add(c, 'no figure', 'name the figure to quote, e.g. <Metric figure="contributors" category="llm-serving" />');
    return;
  }
  const attrs = Object.fromEntries(keys.map((k) => [k, lit(c, k)]));
  if (keys.some((k) => c.attrs.get(k)?.kind === 'expression')) return;
  const figure = String(attrs.figure);
  if (!Object.hasOwn(FIGURES, figure)) {
    add(c, `no figure '${figure}'`, didYouMean(figure, Object.keys(FIGURES), 'figures are listed in src/lib/figures.ts'));
    return;
  }
  const opt = (k: string): string | undefined => (attrs[k] === undefined ? undefined : String(attrs[k]));
  try {
    await resolveMetric({
      figure,
      quarter,
      articleQuarter: article,
      category: opt('category'),
      repo: opt('repo'),
      org: opt('org'),
      other: opt('other'),
      from: opt('from'),
      to: opt('to'),
      pool: opt('pool'),
      kind: opt('kind'),
      format: opt('format') as never,
      delta: opt('delta') as never,
    });
  } catch (e) {
    const hint = e instanceof MetricError ? e.hint : undefined;
    add(c, (e as Error).message, hint ?? 'the figure must exist in the published data: pick another scope, quarter or figure, or drop the sentence');
  }
}
