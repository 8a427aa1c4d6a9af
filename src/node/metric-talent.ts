// <Metric> figures read from the tables beside scope_quarters: talent pools, core team
// sizes, newcomers and the work mix (FigureDef source 'pool', 'core_team', 'newcomers',
// 'work'). Like src/node/metric.ts, a figure that cannot be quoted fails with what to
// write instead; a cell the small-cell rule left empty reads "fewer than 3", never 0.
import { formatFigure, formatFigureChange, type FigureDef, type TalentSource } from '../lib/figures.ts';
import type { CategoryRow } from '../lib/query-rows.ts';
import { prevQuarter, quarterLabel } from '../lib/quarters.ts';
import { isWorkKind, WORK_KIND_LABELS, WORK_KINDS } from '../lib/work-kinds.ts';
import { readManifest } from './manifest.ts';
import { MetricError } from './metric-error.ts';
import type { MetricRequest, MetricResult } from './metric.ts';
import { openPublished, type PublishedData } from './published-data.ts';

const SOURCES: readonly string[] = ['pool', 'core_team', 'newcomers', 'work'] satisfies TalentSource[];

/** Shown for a count the small-cell rule left out (1 or 2 people, or a pool of 0 to 2). */
export const FEWER_THAN_3 = 'fewer than 3';

export function isTalentSource(source: FigureDef['source']): source is TalentSource {
  return SOURCES.includes(source);
}

/** pool="…" and kind="…" belong to these figures alone: ignored elsewhere, prose would quote the wrong number. */
export function rejectTalentProps(req: MetricRequest): void {
  if (req.pool !== undefined) throw new MetricError(`pool="…" names a talent pool: it is for figure 'talent_pool', not '${req.figure}'`);
  if (req.kind !== undefined) throw new MetricError(`kind="…" names a kind of work: it is for figure 'work_share', not '${req.figure}'`);
}

interface Ctx {
  req: MetricRequest;
  def: FigureDef;
  data: PublishedData;
  cats: CategoryRow[];
}

export async function resolveTalentFigure(req: MetricRequest, def: FigureDef): Promise<MetricResult> {
  if (def.source !== 'pool' && (req.other !== undefined || req.from !== undefined || req.to !== undefined)) {
    throw new MetricError(`other/from/to name a second category: figure '${req.figure}' is counted for one scope`);
  }
  if (def.source !== 'pool' && req.pool !== undefined) throw new MetricError(`pool="…" is for figure 'talent_pool', not '${req.figure}'`);
  if (def.source !== 'work' && req.kind !== undefined) throw new MetricError(`kind="…" is for figure 'work_share', not '${req.figure}'`);
  const data = await openPublished(folderFor(req.quarter, req.articleQuarter));
  const quarters = (await data.query('quarters', {})).map((q) => q.quarter);
  if (!quarters.includes(req.quarter)) {
    throw new MetricError(`no figure '${req.figure}' in ${req.quarter} (the ${data.quarter} folder covers ${quarters[0] ?? '?'} to ${quarters.at(-1) ?? '?'})`);
  }
  const ctx: Ctx = { req, def, data, cats: await data.query('categories', {}) };
  if (def.source === 'pool') return poolFigure(ctx);
  const scope = await scopeOf(ctx);
  if (def.source === 'core_team') return coreTeamFigure(ctx, scope);
  if (def.source === 'newcomers') return newcomersFigure(ctx, scope);
  return workShareFigure(ctx, scope);
}

// The article's folder when it covers the quarter (frozen together), as src/node/metric.ts reads it.
function folderFor(quarter: string, article: string | undefined): string {
  if (article && article !== quarter) {
    try {
      if (readManifest(article).quarters.includes(quarter)) return article;
    } catch {
      // No folder for the article: the quarter's own folder's error says what is published.
    }
  }
  return quarter;
}

function categoryName(ctx: Ctx, id: string, prop: string): string {
  const cat = ctx.cats.find((c) => c.category_id === id);
  if (!cat) throw new MetricError(`no figure '${ctx.req.figure}' for ${prop}="${id}" in ${ctx.req.quarter} (not a category; known categories: ${ctx.cats.map((c) => c.category_id).join(', ')})`);
  return cat.name;
}

// ---------------------------------------------------------------------------------
// Talent pools: a pair (category + other), a named pool (pool), or three or more
// categories (multi_category_people). The trailing year ends with the quarter.

async function poolFigure(ctx: Ctx): Promise<MetricResult> {
  const { req } = ctx;
  const usage = 'write it like <Metric figure="talent_pool" category="gpu-kernels" other="llm-serving" /> or <Metric figure="talent_pool" pool="serving-kernels" />';
  if (req.repo !== undefined || req.from !== undefined || req.to !== undefined) {
    throw new MetricError(`figure '${req.figure}' counts people across categories: repo, from and to do not apply`, usage);
  }
  if (req.delta) {
    // Consecutive years share three quarters: the change that means something is on the year before.
    throw new MetricError(`delta="change" does not apply to '${req.figure}' (a trailing year): quote the year before with quarter="${prevQuarter(req.quarter, 4)}"`);
  }
  const rows = (await ctx.data.query('talent-pools', {})).filter((r) => r.pool_type !== 'breadth' || req.figure === 'multi_category_people');
  const year = `within the year to ${quarterLabel(req.quarter)}`;
  let poolId: string;
  let scopeType: MetricResult['scopeType'];
  let scopeId: string;
  let description: string;
  if (req.figure === 'multi_category_people') {
    if (req.category !== undefined || req.other !== undefined || req.pool !== undefined) {
      throw new MetricError("figure 'multi_category_people' counts people in any three categories: it takes no category, other or pool");
    }
    poolId = 'three-plus';
    [scopeType, scopeId] = ['all', 'all'];
    description = `People active in three or more categories ${year}`;
  } else if (req.pool !== undefined) {
    if (req.category !== undefined || req.other !== undefined) throw new MetricError('give pool="…" or category and other, not both', usage);
    const named = rows.filter((r) => r.pool_type === 'named');
    const hit = named.find((r) => r.pool_id === req.pool);
    if (!hit) {
      const known = [...new Set(named.map((r) => r.pool_id))];
      throw new MetricError(
        `no talent pool '${req.pool}' in the ${ctx.data.quarter} data (${known.length > 0 ? `named pools: ${known.join(', ')}` : 'no named pool is published'})`,
        'pools are defined in data/talent-pools.yaml; a pool of fewer than 3 people in every quarter of the folder has no row',
      );
    }
    poolId = req.pool;
    // A pool spans its categories, as a pair does (predictions check each one's history).
    [scopeType, scopeId] = ['pair', hit.categories ?? req.pool];
    description = `${hit.name ?? req.pool}: people active in ${(hit.categories ?? '').split(',').map((c) => categoryName(ctx, c, 'pool')).join(', ')} ${year}`;
  } else {
    if (req.category === undefined || req.other === undefined) {
      throw new MetricError(`figure 'talent_pool' needs two categories (category and other) or a named pool (pool)`, usage);
    }
    if (req.category === req.other) throw new MetricError(`figure 'talent_pool' needs two different categories, not '${req.category}' twice`, usage);
    const [a, b] = [req.category, req.other].sort() as [string, string];
    const [nameA, nameB] = [categoryName(ctx, req.category, 'category'), categoryName(ctx, req.other, 'other')];
    poolId = `${a}+${b}`;
    [scopeType, scopeId] = ['pair', `${a},${b}`];
    description = `People active in both ${nameA} and ${nameB} ${year}`;
  }
  const hit = rows.find((r) => r.quarter === req.quarter && r.pool_id === poolId);
  // No row: the pool had 0 to 2 people (the small-cell rule), never quoted as 0.
  if (!hit) return { text: FEWER_THAN_3, value: null, description: `${description} (a pool of fewer than 3 people is not published)`, scopeType, scopeId };
  const result: MetricResult = { text: formatFigure(ctx.def, { value: hit.people }, req.format), value: hit.people, description, scopeType, scopeId };
  if (!hit.observed) {
    result.note = `${hit.in_stopped_histories ?? 'some'} of these people were active in a history that stops being tracked within the year, so the pool is understated`;
    result.description += ` (${result.note})`;
  }
  return result;
}

// ---------------------------------------------------------------------------------
// Figures of one scope: the whole set, a category, or (core team and work) a repository.

interface Scope {
  scopeType: 'all' | 'category' | 'repo';
  scopeId: string;
  scopeText: string;
  scopeName: string;
}

async function scopeOf(ctx: Ctx): Promise<Scope> {
  const { req } = ctx;
  if (req.category !== undefined) {
    const name = categoryName(ctx, req.category, 'category');
    return { scopeType: 'category', scopeId: req.category, scopeText: `for category '${req.category}'`, scopeName: name };
  }
  if (req.repo !== undefined) {
    if (ctx.def.source === 'newcomers') {
      throw new MetricError(`figure '${req.figure}' is counted for a category or the whole set, not a repository`, "a project's newcomers are new_contributors: <Metric figure=\"new_contributors\" repo=\"…\" />");
    }
    const repos = await ctx.data.query('repos', {});
    if (!repos.some((r) => r.repo === req.repo)) throw new MetricError(`no figure '${req.figure}' for repo '${req.repo}' in ${req.quarter} (not a tracked repository)`);
    return { scopeType: 'repo', scopeId: req.repo, scopeText: `for repo '${req.repo}'`, scopeName: req.repo };
  }
  return { scopeType: 'all', scopeId: 'all', scopeText: 'for the whole tracked set', scopeName: 'all tracked repositories' };
}

const LABELS: Record<string, (s: Scope, kind?: string) => string> = {
  core_team_50: (s) => `Fewest people making half the commit credit, ${s.scopeName}`,
  core_team_80: (s) => `Fewest people making four fifths of the commit credit, ${s.scopeName}`,
  steady_contributors: (s) => `People with commits in 8 or more weeks, ${s.scopeName}`,
  newcomer_share: (s) => (s.scopeType === 'all' ? 'Share of contributors new to the tracked set' : `Share of contributors new to ${s.scopeName}`),
  ecosystem_newcomer_share: (s) => `Share of contributors new to the tracked set, ${s.scopeName}`,
  new_projects: (s) => `Projects new to the tracked set, ${s.scopeName}`,
  work_share: (s, kind) => `Share of commits that were ${WORK_KIND_LABELS[kind as keyof typeof WORK_KIND_LABELS] ?? kind}, ${s.scopeName}`,
};

function describe(ctx: Ctx, s: Scope, kind?: string): string {
  const label = (LABELS[ctx.req.figure] ?? ((x: Scope) => `${ctx.req.figure.replaceAll('_', ' ')}, ${x.scopeName}`))(s, kind);
  const q = ctx.req.quarter;
  return `${label}, ${ctx.req.delta ? `change from ${quarterLabel(prevQuarter(q))} to ${quarterLabel(q)}` : quarterLabel(q)}`;
}

interface Level {
  value: number | null;
  prev: number | null | undefined;
  partial: boolean;
  observed: boolean;
  /** Why value is null. */
  nullText: string;
  /** Null because the small-cell rule emptied it: quoted as "fewer than 3", not an error. */
  suppressed: boolean;
}

function scopeResult(ctx: Ctx, s: Scope, level: Level, kind?: string): MetricResult {
  const { req, def } = ctx;
  const base = { description: describe(ctx, s, kind), scopeType: s.scopeType, scopeId: s.scopeId };
  if (level.value === null) {
    if (!level.suppressed || req.delta) {
      throw new MetricError(`figure '${req.figure}' ${s.scopeText} in ${req.quarter} has no ${req.delta ? 'change to quote' : 'value'} (${level.nullText})`);
    }
    return { ...base, text: FEWER_THAN_3, value: null };
  }
  if (req.delta) {
    const fig = { value: level.value, partial: level.partial, observed: level.observed };
    return { ...base, text: formatFigureChange(def, fig, level.prev ?? (def.kind === 'count' ? 0 : null)), value: level.value };
  }
  return { ...base, text: formatFigure(def, { value: level.value }, req.format), value: level.value };
}

function noRow(ctx: Ctx, s: Scope): never {
  throw new MetricError(`no figure '${ctx.req.figure}' ${s.scopeText} in ${ctx.req.quarter} (nobody was active there in that quarter)`);
}

const CORE_COLUMNS: Record<string, 'core_50' | 'core_80' | 'steady_contributors'> = {
  core_team_50: 'core_50',
  core_team_80: 'core_80',
  steady_contributors: 'steady_contributors',
};

async function coreTeamFigure(ctx: Ctx, s: Scope): Promise<MetricResult> {
  const column = CORE_COLUMNS[ctx.req.figure]!;
  const rows = await ctx.data.query('core-team', { quarter: ctx.req.quarter, scopeType: s.scopeType, scopeId: s.scopeId });
  const cur = rows.find((r) => r.quarter === ctx.req.quarter) ?? noRow(ctx, s);
  const prev = rows.find((r) => r.quarter !== ctx.req.quarter);
  const suppressed = column === 'steady_contributors' ? '0 to 2 people, not published' : '1 or 2 people, not published';
  return scopeResult(ctx, s, {
    value: cur[column],
    prev: prev ? prev[column] : undefined,
    partial: cur.partial,
    observed: cur.observed,
    nullText: suppressed,
    suppressed: true,
  });
}

async function newcomersFigure(ctx: Ctx, s: Scope): Promise<MetricResult> {
  const figure = ctx.req.figure as 'newcomer_share' | 'ecosystem_newcomer_share' | 'new_projects';
  const rows = await ctx.data.query('newcomers', { quarter: ctx.req.quarter, scopeType: s.scopeType, scopeId: s.scopeId });
  const cur = rows.find((r) => r.quarter === ctx.req.quarter) ?? noRow(ctx, s);
  const prev = rows.find((r) => r.quarter !== ctx.req.quarter);
  return scopeResult(ctx, s, {
    value: cur[figure],
    prev: prev ? prev[figure] : undefined,
    partial: cur.partial,
    observed: cur.observed,
    nullText: 'nobody was active',
    suppressed: false,
  });
}

async function workShareFigure(ctx: Ctx, s: Scope): Promise<MetricResult> {
  const kind = ctx.req.kind;
  if (kind === undefined || !isWorkKind(kind)) {
    throw new MetricError(
      `figure 'work_share' needs kind="…", one of ${WORK_KINDS.join(', ')}${kind === undefined ? '' : ` (not '${kind}')`}`,
      'write it like <Metric figure="work_share" category="gpu-kernels" kind="perf" />',
    );
  }
  const rows = await ctx.data.query('work-mix', { scopeType: s.scopeType, scopeId: s.scopeId });
  const cur = rows.find((r) => r.quarter === ctx.req.quarter && r.work_kind === kind);
  const prev = rows.find((r) => r.quarter === prevQuarter(ctx.req.quarter) && r.work_kind === kind);
  return scopeResult(
    ctx,
    s,
    {
      value: cur?.share ?? null,
      prev: prev ? prev.share : undefined,
      partial: cur?.partial ?? false,
      // work_composition counts what is observed; a stopped history's absence shows in commits, not in shares.
      observed: true,
      nullText: 'no human commits in that scope and quarter',
      suppressed: false,
    },
    kind,
  );
}

