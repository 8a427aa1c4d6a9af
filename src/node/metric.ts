// Looks up one figure for <Metric>, or explains precisely why it cannot: a figure
// quoted in prose that does not exist must fail the build, not print "0" or "NaN".
import { figureChangeNote, FIGURES, formatFigure, formatFigureChange, type FigureDef, type FigureFormat } from '../lib/figures.ts';
import { formatChange, formatPercent } from '../lib/format.ts';
import type { ScopeQuarterRow } from '../lib/query-rows.ts';
import { prevQuarter, quarterLabel } from '../lib/quarters.ts';
import { readManifest } from './manifest.ts';
import { MetricError } from './metric-error.ts';
import { isTalentSource, rejectTalentProps, resolveTalentFigure } from './metric-talent.ts';
import { openPublished, type PublishedData } from './published-data.ts';

export interface MetricRequest {
  figure: string;
  quarter: string;
  /** The article's quarter: its folder is read when it covers `quarter` (frozen together). */
  articleQuarter?: string;
  category?: string;
  repo?: string;
  org?: string;
  /** For figure="overlap": the second category (with category). */
  other?: string;
  /** For figure="migration" and "net_migration": the categories moved from (in the quarter before) and to. */
  from?: string;
  to?: string;
  /** For figure="talent_pool": a named pool of data/talent-pools.yaml (instead of category and other). */
  pool?: string;
  /** For figure="work_share": the kind of work (feature, fix, perf, test, docs, ci). */
  kind?: string;
  format?: FigureFormat;
  delta?: 'change';
}

export interface MetricResult {
  text: string;
  value: number | string | null;
  /** "Contributors, LLM Serving, Q3 2024": a tooltip and a data attribute. */
  description: string;
  /** 'pair': two categories, scopeId "a,b" (sorted for overlap; from,to for migration; a talent pool's two or more, sorted). */
  scopeType: 'all' | 'category' | 'repo' | 'pair';
  scopeId: string;
  /** A change compared like-for-like that leaves repositories out: what it leaves out. */
  note?: string;
  /** Why a change has no value ("new this quarter", "partial quarter, not compared", …). */
  missing?: string;
}

export { MetricError };

const FORMATS: readonly string[] = ['number', 'percent', 'signed', 'weeks'];

export async function resolveMetric(req: MetricRequest): Promise<MetricResult> {
  const def = FIGURES[req.figure];
  if (!def) throw new MetricError(`no figure '${req.figure}' (known figures: ${Object.keys(FIGURES).join(', ')})`);
  if (req.format !== undefined && !FORMATS.includes(req.format)) {
    throw new MetricError(`format '${String(req.format)}' is not one of ${FORMATS.join(', ')}`);
  }
  if (req.delta !== undefined && req.delta !== 'change') throw new MetricError(`delta '${String(req.delta)}' is not supported (use delta="change")`);
  if (req.category !== undefined && req.repo !== undefined) throw new MetricError('give category or repo, not both');
  if (isTalentSource(def.source)) return resolveTalentFigure(req, def);
  rejectTalentProps(req);
  const pair = pairProps(req, def);

  const data = await openFolderFor(req.quarter, req.articleQuarter);
  if (pair) return pairFigure(req, def, data, pair);
  const scope = await resolveScope(data, req);
  const ctx: Ctx = { req, def, data, ...scope };
  if (def.source === 'repos') return trackedRepos(ctx);
  if (def.source === 'company') return companyShare(ctx);
  return scopeFigure(ctx);
}

interface Scope {
  scopeType: 'all' | 'category' | 'repo';
  scopeId: string;
  /** "for category 'llm-serving'" */
  scopeText: string;
  scopeName: string;
}

interface Ctx extends Scope {
  req: MetricRequest;
  def: FigureDef;
  data: PublishedData;
}

/** The published folder a figure of `quarter` is read from in an article of `article`'s quarter. */
export function openFolderFor(quarter: string, article: string | undefined): Promise<PublishedData> {
  return openPublished(folderFor(quarter, article));
}

function folderFor(quarter: string, article: string | undefined): string {
  if (article && article !== quarter) {
    try {
      if (readManifest(article).quarters.includes(quarter)) return article;
    } catch {
      // The article's own folder is missing: fall through to the quarter's folder,
      // whose error names what is published.
    }
  }
  return quarter;
}

async function resolveScope(data: PublishedData, req: MetricRequest): Promise<Scope> {
  if (req.category !== undefined) {
    const cats = await data.query('categories', {});
    const cat = cats.find((c) => c.category_id === req.category);
    if (!cat) {
      throw new MetricError(
        `no figure '${req.figure}' for category '${req.category}' in ${req.quarter} (known categories: ${cats.map((c) => c.category_id).join(', ')})`,
      );
    }
    return { scopeType: 'category', scopeId: cat.category_id, scopeText: `for category '${cat.category_id}'`, scopeName: cat.name };
  }
  if (req.repo !== undefined) {
    const repos = await data.query('repos', {});
    if (!repos.some((r) => r.repo === req.repo)) {
      const tail = req.repo.split('/').pop()?.toLowerCase() ?? '';
      const near = repos.filter((r) => tail && r.repo.toLowerCase().includes(tail)).map((r) => r.repo);
      const hint = near.length > 0 ? `did you mean ${near.slice(0, 5).join(', ')}?` : `${repos.length} repositories are tracked`;
      throw new MetricError(`no figure '${req.figure}' for repo '${req.repo}' in ${req.quarter} (not a tracked repository; ${hint})`);
    }
    return { scopeType: 'repo', scopeId: req.repo, scopeText: `for repo '${req.repo}'`, scopeName: req.repo };
  }
  return { scopeType: 'all', scopeId: 'all', scopeText: 'for the whole tracked set', scopeName: 'all tracked repositories' };
}

function describe(ctx: Ctx): string {
  const label = ctx.req.figure === 'company_share' ? `${ctx.req.org ?? ''} share of commits` : ctx.req.figure.replaceAll('_', ' ');
  const when = ctx.req.delta
    ? `change from ${quarterLabel(prevQuarter(ctx.req.quarter))} to ${quarterLabel(ctx.req.quarter)}`
    : quarterLabel(ctx.req.quarter);
  return `${label[0]?.toUpperCase() ?? ''}${label.slice(1)}, ${ctx.scopeName}, ${when}`;
}

function result(ctx: Ctx, text: string, value: number | string | null, note?: string | null): MetricResult {
  const r: MetricResult = { text, value, description: describe(ctx), scopeType: ctx.scopeType, scopeId: ctx.scopeId };
  if (note) {
    r.note = note;
    r.description += ` (${note})`;
  }
  return r;
}

async function trackedRepos(ctx: Ctx): Promise<MetricResult> {
  if (ctx.scopeType === 'repo') throw new MetricError(`figure 'tracked_repos' is counted for a category or the whole set, not ${ctx.scopeText}`);
  if (ctx.req.delta) throw new MetricError("figure 'tracked_repos' has no history to compare (the registry is published as of the article)");
  const repos = await ctx.data.query('repos', {});
  const n = repos.filter((r) => ctx.scopeType === 'all' || r.category_id === ctx.scopeId).length;
  return result(ctx, formatFigure(ctx.def, { value: n }, ctx.req.format), n);
}

async function companyShare(ctx: Ctx): Promise<MetricResult> {
  const { req } = ctx;
  if (ctx.scopeType === 'repo') throw new MetricError(`no figure 'company_share' ${ctx.scopeText}: company shares are published per category and overall only`);
  if (!req.org) throw new MetricError("figure 'company_share' needs org=\"…\" (an organization name as published)");
  const rows = await ctx.data.query('company-share', { quarter: req.quarter, scopeId: ctx.scopeId });
  const cur = rows.filter((r) => r.quarter === req.quarter);
  const hit = cur.find((r) => r.organization === req.org);
  if (!hit) {
    const known = cur.slice(0, 12).map((r) => `${r.organization} (${formatPercent(r.share)})`);
    throw new MetricError(
      `no figure 'company_share' for organization '${req.org}' ${ctx.scopeText} in ${req.quarter} (${known.length > 0 ? `largest: ${known.join(', ')}` : 'no company shares for that scope and quarter'})`,
    );
  }
  if (req.delta) {
    const prev = rows.find((r) => r.quarter !== req.quarter && r.organization === req.org)?.share ?? 0;
    const partial = readManifest(ctx.data.quarter).partial && req.quarter === ctx.data.quarter;
    return result(ctx, formatFigureChange(ctx.def, { value: hit.share, partial }, prev), hit.share - prev);
  }
  return result(ctx, formatFigure(ctx.def, { value: hit.share }, req.format), hit.share);
}

type PairProp = 'category' | 'other' | 'from' | 'to';
const PAIR_PROPS: Partial<Record<FigureDef['source'], readonly [PairProp, PairProp]>> = {
  overlap: ['category', 'other'],
  migration: ['from', 'to'],
  net_migration: ['from', 'to'],
};
const SECOND_CATEGORY = ['other', 'from', 'to'] as const;

function pairUsage(figure: string): string {
  const example = figure === 'overlap' ? 'category="gpu-kernels" other="llm-serving"' : 'from="gpu-kernels" to="llm-serving"';
  return `write it like <Metric figure="${figure}" ${example} />`;
}

/**
 * The two props naming a pair figure's categories, once they are known to be given and
 * different; undefined for other figures, which must not take other/from/to (a prop
 * that is silently ignored would let prose quote the wrong number).
 */
function pairProps(req: MetricRequest, def: FigureDef): readonly [PairProp, PairProp] | undefined {
  const pair = PAIR_PROPS[def.source];
  if (!pair) {
    const stray = SECOND_CATEGORY.find((k) => req[k] !== undefined);
    if (stray) throw new MetricError(`${stray}="…" names a second category: it is for figures overlap (category, other), migration and net_migration (from, to), not '${req.figure}'`);
    return undefined;
  }
  const usage = pairUsage(req.figure);
  const stray = (['category', 'repo', ...SECOND_CATEGORY] as const).find((k) => req[k] !== undefined && !(pair as readonly string[]).includes(k));
  if (stray) throw new MetricError(`figure '${req.figure}' is counted between the categories ${pair[0]}="…" and ${pair[1]}="…", not with ${stray}="…"`, usage);
  const missing = pair.filter((k) => req[k] === undefined);
  if (missing.length > 0) throw new MetricError(`figure '${req.figure}' needs two categories: ${missing.map((k) => `${k}="…"`).join(' and ')} ${missing.length > 1 ? 'are' : 'is'} missing`, usage);
  if (req[pair[0]] === req[pair[1]]) throw new MetricError(`figure '${req.figure}' needs two different categories, not '${req[pair[0]]}' twice`, usage);
  if (req.delta) throw new MetricError(`delta="change" does not apply to '${req.figure}': quote the quarter before with quarter="${prevQuarter(req.quarter)}"`);
  return pair;
}

/** Overlap, migration and net migration between two categories; a pair with nobody is 0. */
async function pairFigure(req: MetricRequest, def: FigureDef, data: PublishedData, pair: readonly [PairProp, PairProp]): Promise<MetricResult> {
  const [a, b] = [req[pair[0]]!, req[pair[1]]!];
  const cats = await data.query('categories', {});
  const names = new Map(cats.map((c) => [c.category_id, c.name]));
  for (const [prop, id] of [[pair[0], a], [pair[1], b]] as const) {
    if (!names.has(id)) {
      throw new MetricError(`no figure '${req.figure}' for ${prop}="${id}" in ${req.quarter} (not a category; known categories: ${cats.map((c) => c.category_id).join(', ')})`);
    }
  }
  const [row] = await data.query('category-pair', { quarter: req.quarter, categoryA: a, categoryB: b });
  if (!row) throw new MetricError(`the published data of ${data.quarter} gave no row for categories '${a}' and '${b}'`);
  const value = def.source === 'overlap' ? row.overlap : def.source === 'migration' ? row.moved : row.moved - row.moved_back;
  const [nameA, nameB] = [names.get(a)!, names.get(b)!];
  const [now, before] = [quarterLabel(req.quarter), quarterLabel(prevQuarter(req.quarter))];
  const description =
    def.source === 'overlap'
      ? `People active in both ${nameA} and ${nameB}, ${now}`
      : def.source === 'migration'
        ? `People whose main category moved from ${nameA} (${before}) to ${nameB} (${now})`
        : `Net migration from ${nameA} to ${nameB}, ${before} to ${now}: people who moved that way minus those who moved back`;
  const scopeId = def.source === 'overlap' ? [a, b].sort().join(',') : `${a},${b}`;
  return { text: formatFigure(def, { value }, req.format), value, description, scopeType: 'pair', scopeId };
}

const NULL_REASONS: Record<string, string> = {
  churn_rate: 'nobody was active in the quarter before',
  retention: 'nobody was active in the quarter before',
  mean_active_weeks: 'nobody was active',
  median_active_weeks: 'nobody was active',
  one_week_share: 'nobody was active',
  test_line_share: 'no test or source lines changed',
  test_file_share: 'no test or source files changed',
  top_repo_share: 'there were no commits',
  top_repo: 'there were no commits',
};

async function scopeFigure(ctx: Ctx): Promise<MetricResult> {
  const { req, def } = ctx;
  const rows = await ctx.data.query('metric', { quarter: req.quarter, scopeType: ctx.scopeType, scopeId: ctx.scopeId });
  const cur: ScopeQuarterRow | undefined = rows.find((r) => r.quarter === req.quarter);
  if (!cur) {
    const quarters = await ctx.data.query('quarters', {});
    const covered = quarters.some((q) => q.quarter === req.quarter);
    const why = covered ? 'no activity in that scope by then' : `the ${ctx.data.quarter} folder covers ${quarters[0]?.quarter ?? '?'} to ${quarters.at(-1)?.quarter ?? '?'}`;
    throw new MetricError(`no figure '${req.figure}' ${ctx.scopeText} in ${req.quarter} (${why})`);
  }
  if (!(req.figure in cur)) throw new MetricError(`the published scope_quarters of ${ctx.data.quarter} has no column '${req.figure}'`);
  const fig = scopeFigureOf(req.figure, def, cur, req.format);
  const { value } = fig;
  if (def.kind === 'change') {
    if (req.delta) throw new MetricError(`delta="change" does not apply to '${req.figure}', which is already a change`);
    const r = result(ctx, fig.text, value, fig.note);
    if (fig.missing !== null) r.missing = fig.missing;
    return r;
  }
  if (value === null) throw new MetricError(`figure '${req.figure}' ${ctx.scopeText} in ${req.quarter} has no value (${fig.missing})`);
  const partial = cur.partial === true;
  const observed = cur.observed !== false;
  const basisExcludes = basisExcludesOf(cur);
  if (req.delta) {
    if (def.kind === 'text') throw new MetricError(`delta="change" does not apply to '${req.figure}', which is a name`);
    const prevRow = rows.find((r) => r.quarter !== req.quarter);
    const prev = prevRow ? numberOr(prevRow[req.figure], null) : def.kind === 'count' ? 0 : null;
    const qoq = def.qoqColumn ? numberOr(cur[def.qoqColumn], null) : undefined;
    const level = { value, partial, observed, basisExcludes };
    return result(ctx, formatFigureChange(def, level, prev, qoq), value, def.qoqColumn ? figureChangeNote(level, qoq) : null);
  }
  return result(ctx, fig.text, value);
}

/** One scope's figure in one quarter, read from its scope_quarters row as <Metric> shows it. */
export interface ScopeFigure {
  value: number | string | null;
  text: string;
  /** What a like-for-like change leaves out, or null. */
  note: string | null;
  /** Why value is null, or null when it is not. */
  missing: string | null;
}

/**
 * The figure of a scope_quarters row: <Metric> quotes it, and claims that compare many
 * scopes (src/node/claims.ts) read every scope's the same way, so a claim's numbers are
 * the ones the article prints.
 */
export function scopeFigureOf(figure: string, def: FigureDef, row: ScopeQuarterRow, format?: FigureFormat): ScopeFigure {
  const raw = row[figure];
  const value = typeof raw === 'number' || typeof raw === 'string' ? raw : null;
  if (def.kind === 'change') {
    const fig = { value, prev: numberOr(row[def.prevColumn ?? ''], null), partial: row.partial === true, observed: row.observed !== false, basisExcludes: basisExcludesOf(row) };
    return { value, text: formatFigure(def, fig, format), note: figureChangeNote(fig, value), missing: typeof value === 'number' ? null : formatChange({ ...fig, value: null }).label };
  }
  return { value, text: formatFigure(def, { value }, format), note: null, missing: value === null ? (NULL_REASONS[figure] ?? 'nothing to measure') : null };
}

// Folders published before like-for-like QoQ have no such column: nothing left out.
function basisExcludesOf(row: ScopeQuarterRow): string | null {
  return typeof row.qoq_basis_excludes === 'string' ? row.qoq_basis_excludes : null;
}

function numberOr<T>(v: unknown, fallback: T): number | T {
  return typeof v === 'number' ? v : fallback;
}
