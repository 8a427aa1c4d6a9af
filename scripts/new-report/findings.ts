// The drafted findings of a new article: what moved most, read from the quarter's
// published figures, each written as a sentence whose every figure is a <Metric>, so
// the sentence stays true to the published data whatever the editor keeps. Pure: the
// rows come from load.ts.
import type { QuotedChange } from '../../src/lib/explain-inputs.ts';
import { listText } from '../../src/lib/like-for-like.ts';
import { quarterLabel } from '../../src/lib/quarters.ts';
import type { SectionId } from '../../src/lib/report-skeleton.ts';
import { explainFindings } from './explain.ts';
import type { FindingsInput, PoolRow, RepoFigures, ScopeFigures } from './load.ts';

export type { SectionId };

export interface Finding {
  section: SectionId;
  kind: string;
  /** One MDX sentence: prose and <Metric> components, no typed figures. */
  text: string;
  /** Why it was picked, for the editor (an MDX comment, never rendered). */
  why: string;
  /** The changes it quotes, which the artefact guard explains (explain.ts). */
  changes?: QuotedChange[];
  /** A component that shows it, placed in its section (e.g. <WorkMix category="…" />). */
  component?: string;
}

/** Below this many people a category's rates and changes are noise, not findings. */
export const MIN_PEOPLE = 30;
/** Changes smaller than this (5%) are not a movement worth a sentence. */
export const MIN_CHANGE = 0.05;
/** Below this many commits a category's shares of work are noise. */
export const MIN_COMMITS = 100;

const attr = (k: string, v: string | undefined): string => (v === undefined ? '' : ` ${k}="${v}"`);

interface MetricOpts {
  /** work_share: the kind of work. */
  kind?: string;
  /** talent_pool: a named pool. */
  pool?: string;
  /** company_share: the organisation. */
  org?: string;
  category?: string;
  /** overlap: the second category; migration, net_migration: from and to. */
  other?: string;
  from?: string;
  to?: string;
  repo?: string;
  quarter?: string;
  delta?: 'change';
}

export function metric(figure: string, opts: MetricOpts = {}): string {
  const attrs = (['kind', 'pool', 'org', 'category', 'other', 'from', 'to', 'repo', 'quarter', 'delta'] as const).map((k) => attr(k, opts[k])).join('');
  return `<Metric figure="${figure}"${attrs} />`;
}

/**
 * A claim component around the finding's own words, bare (the sentence quotes the
 * figures itself), so a comparison the draft states is one `npm run check` decides.
 */
export function claim(component: 'Rank' | 'Compare', attrs: Readonly<Record<string, string | number | boolean | readonly string[] | undefined>>, words: string): string {
  const shown = Object.entries(attrs).map(([k, v]) =>
    v === undefined || v === false ? '' : v === true ? ` ${k}` : typeof v === 'number' ? ` ${k}={${v}}` : typeof v === 'string' ? ` ${k}="${v}"` : ` ${k}={${JSON.stringify(v)}}`,
  );
  return `<${component}${shown.join('')} bare>${words}</${component}>`;
}

/** A place as <Rank> decides it: 1-based, shared or not. */
interface Place {
  rank: number;
  tied: boolean;
}

function place(values: readonly { id: string; v: number | null }[], id: string, lowest: boolean): Place | null {
  // A member without a value makes <Rank> undecided unless the sentence says it skips them: not drafted.
  if (values.some((x) => x.v === null)) return null;
  const own = values.find((x) => x.id === id)?.v;
  if (own === undefined || own === null) return null;
  return { rank: values.filter((x) => (lowest ? x.v! < own : x.v! > own)).length + 1, tied: values.some((x) => x.id !== id && x.v === own) };
}

/**
 * "highest", "second-highest", "joint third-highest"; null past third, where a rank is no
 * longer a finding, and for a shared place where "joint" would not read (`joint`: false).
 */
function placeWords(p: Place | null, word: string, joint = true): string | null {
  if (p === null || p.rank > 3 || (p.tied && !joint)) return null;
  return `${p.tied ? 'joint ' : ''}${['', 'second-', 'third-'][p.rank - 1]}${word}`;
}

/** <Rank> with the place the data gives (rank, lowest, tied), around words that say that place. */
function rankTag(figure: string, scope: { category: string } | { repo: string }, p: Place, lowest: boolean, words: string): string {
  return claim('Rank', { figure, ...scope, rank: p.rank > 1 ? p.rank : undefined, lowest, tied: p.tied }, words);
}

type CountFigure = 'contributors' | 'new_contributors' | 'commits';
type RateFigure = 'churn_rate' | 'retention' | 'top_repo_share' | 'contributors_qoq' | 'commits_qoq';

/** A category's place among every category of the quarter, read as <Rank> reads them (no row: a count of 0, a rate of nothing). */
function categoryPlace(ctx: Ctx, figure: CountFigure | RateFigure, id: string, lowest = false): Place | null {
  const count = figure === 'contributors' || figure === 'new_contributors' || figure === 'commits';
  const values = ctx.input.categories.map((c) => ({ id: c.id, v: ctx.cur(c.id)?.[figure] ?? (count ? 0 : null) }));
  return place(values, id, lowest);
}

/**
 * A category's place by a figure as a checked <Rank> around words that say it
 * ("fastest", "second-fastest"), or null when the place is past third or not decidable
 * (a category without a value): the sentence then states no comparison at all.
 */
function categoryRank(ctx: Ctx, figure: CountFigure | RateFigure, id: string, word: string, lowest = false, wrap: (w: string) => string = (w) => w): string | null {
  const p = categoryPlace(ctx, figure, id, lowest);
  const words = placeWords(p, word);
  return words === null ? null : rankTag(figure, { category: id }, p!, lowest, wrap(words));
}

/** A project's place by a count, from the largest projects load.ts read (one more than drafted, so ties show). */
function repoPlace(top: readonly RepoFigures[], figure: 'contributors' | 'new_contributors', repo: string): Place | null {
  return place(
    top.map((r) => ({ id: r.repo, v: r[figure] })),
    repo,
    false,
  );
}

interface Ctx {
  input: FindingsInput;
  name: (id: string) => string;
  known: (id: string) => boolean;
  cur: (id: string) => ScopeFigures | undefined;
  before: (id: string) => ScopeFigures | undefined;
  prevLabel: string;
  label: string;
  yearLabel: string;
}

function context(input: FindingsInput): Ctx {
  const names = new Map(input.categories.map((c) => [c.id, c.name]));
  const find = (quarter: string) => (id: string) => input.scopes.find((s) => s.scope_id === id && s.quarter === quarter);
  return {
    input,
    name: (id) => names.get(id) ?? id,
    known: (id) => names.has(id),
    cur: find(input.quarter),
    before: find(input.prev),
    prevLabel: quarterLabel(input.prev),
    label: quarterLabel(input.quarter),
    yearLabel: quarterLabel(input.yearAgo),
  };
}

const categoryRows = (ctx: Ctx): ScopeFigures[] =>
  ctx.input.categories.map((c) => ctx.cur(c.id)).filter((s): s is ScopeFigures => s !== undefined && s.scope_type === 'category');

function headline(ctx: Ctx): Finding[] {
  const change = (f: string) => (ctx.input.partial ? '' : ` (${metric(`${f}_qoq`)} on ${ctx.prevLabel})`);
  return [
    {
      section: 'signal',
      kind: 'headline',
      text: `The tracked repositories took ${metric('commits')} commits${change('commits')} from ${metric('contributors')} contributors${change('contributors')}, ${metric('new_contributors')} of them new to the tracked set.`,
      why: 'the quarter in one sentence',
      ...(ctx.input.partial ? {} : { changes: [{ figure: 'commits' }, { figure: 'contributors' }] }),
    },
  ];
}

function agentShare(ctx: Ctx): Finding[] {
  const out: Finding[] = [];
  const all = ctx.cur('all');
  if (!all || all.agent_assisted_commits === 0) return out;
  const against = ctx.input.partial ? '' : `, against ${metric('agent_assisted_commits', { quarter: ctx.input.prev })} in ${ctx.prevLabel}`;
  out.push({
    section: 'signal',
    kind: 'agent-share',
    text: `${metric('agent_assisted_commits')} of the quarter's ${metric('commits')} commits carry the trace of an AI coding agent (a lower bound)${against}.`,
    why: 'agent-assisted share of all commits',
  });
  const top = categoryRows(ctx)
    .filter((s) => s.commits >= 100 && s.agent_assisted_commits > 0)
    .sort((a, b) => b.agent_assisted_commits / b.commits - a.agent_assisted_commits / a.commits || a.scope_id.localeCompare(b.scope_id))[0];
  if (top) {
    out.push({
      section: 'signal',
      kind: 'agent-share',
      // A share of agent-assisted commits is no published figure, so no claim can check "the largest": the sentence quotes the two counts and the why says how it was picked.
      text: `In ${ctx.name(top.scope_id)}, ${metric('agent_assisted_commits', { category: top.scope_id })} of its ${metric('commits', { category: top.scope_id })} commits carry an agent's trace.`,
      why: 'highest share of agent-assisted commits among categories with at least a hundred commits',
    });
  }
  return out;
}

function movers(ctx: Ctx): Finding[] {
  if (ctx.input.partial) return [];
  const rows = categoryRows(ctx).filter((s) => s.contributors_qoq !== null && s.contributors_prev >= MIN_PEOPLE && Math.abs(s.contributors_qoq) >= MIN_CHANGE);
  const byChange = [...rows].sort((a, b) => b.contributors_qoq! - a.contributors_qoq! || a.scope_id.localeCompare(b.scope_id));
  const out: Finding[] = [];
  // Places are ranked among every category, as <Rank> checks them: a small category left out here may be ahead.
  for (const s of byChange.filter((r) => r.contributors_qoq! > 0).slice(0, 2)) {
    const rank = categoryRank(ctx, 'contributors_qoq', s.scope_id, 'fastest');
    out.push({
      section: 'snapshot',
      kind: 'mover',
      text: `${ctx.name(s.scope_id)} gained contributors${rank ? ` ${rank}` : ''}: ${metric('contributors', { category: s.scope_id })}, ${metric('contributors_qoq', { category: s.scope_id })} on ${ctx.prevLabel}.`,
      why: 'largest rises in contributors',
      changes: [{ figure: 'contributors', category: s.scope_id }],
    });
  }
  const down = byChange.filter((r) => r.contributors_qoq! < 0).at(-1);
  if (down) {
    const rank = categoryRank(ctx, 'contributors_qoq', down.scope_id, 'largest', true, (w) => `the ${w} share of its contributors`);
    out.push({
      section: 'snapshot',
      kind: 'mover',
      text: `${ctx.name(down.scope_id)} lost ${rank ?? 'contributors'}: ${metric('contributors', { category: down.scope_id })}, ${metric('contributors_qoq', { category: down.scope_id })} on ${ctx.prevLabel}.`,
      why: 'largest fall in contributors',
      changes: [{ figure: 'contributors', category: down.scope_id }],
    });
  }
  const commits = categoryRows(ctx)
    .filter((s) => s.commits_qoq !== null && s.contributors_prev >= MIN_PEOPLE && Math.abs(s.commits_qoq) >= MIN_CHANGE)
    .sort((a, b) => Math.abs(b.commits_qoq!) - Math.abs(a.commits_qoq!) || a.scope_id.localeCompare(b.scope_id))[0];
  if (commits) {
    // A swing either way is ranked the way it went: a rise from the top, a fall from the bottom.
    const rose = commits.commits_qoq! > 0;
    const rank = categoryRank(ctx, 'commits_qoq', commits.scope_id, rose ? 'largest' : 'steepest', !rose, (w) => `the ${w} ${rose ? 'rise' : 'fall'} in commits`);
    out.push({
      section: 'snapshot',
      kind: 'mover',
      text: `${ctx.name(commits.scope_id)} had ${rank ?? `a ${rose ? 'rise' : 'fall'} in commits`}: ${metric('commits_qoq', { category: commits.scope_id })}, to ${metric('commits', { category: commits.scope_id })} commits.`,
      why: 'largest change in commits, either way',
      changes: [{ figure: 'commits', category: commits.scope_id }],
    });
  }
  return out;
}

function opposite(ctx: Ctx): Finding[] {
  if (ctx.input.partial) return [];
  return categoryRows(ctx)
    .filter((s) => s.contributors_prev >= MIN_PEOPLE && s.commits_qoq !== null && s.contributors_qoq !== null)
    .filter((s) => Math.abs(s.commits_qoq!) >= MIN_CHANGE && Math.abs(s.contributors_qoq!) >= MIN_CHANGE && Math.sign(s.commits_qoq!) !== Math.sign(s.contributors_qoq!))
    .sort((a, b) => Math.abs(b.commits_qoq! - b.contributors_qoq!) - Math.abs(a.commits_qoq! - a.contributors_qoq!) || a.scope_id.localeCompare(b.scope_id))
    .slice(0, 3)
    .map((s) => ({
      section: 'snapshot' as const,
      kind: 'opposite',
      text: `${ctx.name(s.scope_id)} moved in two directions: contributors ${metric('contributors_qoq', { category: s.scope_id })}, commits ${metric('commits_qoq', { category: s.scope_id })}.`,
      why: s.contributors_qoq! > 0 ? 'more people, fewer commits' : 'fewer people, more commits',
      changes: [
        { figure: 'contributors', category: s.scope_id },
        { figure: 'commits', category: s.scope_id },
      ],
    }));
}

function newProjects(ctx: Ctx): Finding[] {
  return ctx.input.newRepos.slice(0, 4).map((r) => ({
    section: 'projects' as const,
    kind: 'new-project',
    text: `\`${r.repo}\` (${ctx.name(r.category_id)}) is new to the tracked set this quarter, with ${metric('contributors', { repo: r.repo })} contributors and ${metric('commits', { repo: r.repo })} commits.`,
    why: 'first counted commit in this quarter, most contributors first',
  }));
}

function churn(ctx: Ctx): Finding[] {
  if (ctx.input.partial) return [];
  const rows = categoryRows(ctx).filter((s) => s.contributors_prev >= MIN_PEOPLE && s.churn_rate !== null && s.observed);
  const all = ctx.cur('all');
  if (rows.length < 3 || !all || all.churn_rate === null) return [];
  const sorted = [...rows].sort((a, b) => b.churn_rate! - a.churn_rate! || a.scope_id.localeCompare(b.scope_id));
  const high = sorted[0]!;
  const low = sorted.at(-1)!;
  const churned = categoryRank(ctx, 'churn_rate', high.scope_id, 'highest', false, (w) => `the ${w} churn rate`);
  const kept = categoryRank(ctx, 'retention', low.scope_id, 'highest', false, (w) => `the ${w} retention`);
  return [
    {
      section: 'moving',
      kind: 'churn',
      text: `${ctx.name(high.scope_id)} lost ${churned ? `people at ${churned}` : 'many of its people'}: a churn rate of ${metric('churn_rate', { category: high.scope_id })}, against ${metric('churn_rate')} across the tracked set.`,
      why: 'highest churn among categories with a meaningful base last quarter',
    },
    {
      section: 'moving',
      kind: 'retention',
      text: `${ctx.name(low.scope_id)} kept ${kept ? `its people best, with ${kept}` : 'its people'}: retention of ${metric('retention', { category: low.scope_id })}, against ${metric('retention')} overall.`,
      why: 'highest retention among categories with a meaningful base last quarter',
    },
  ];
}

function concentration(ctx: Ctx): Finding[] {
  const rows = categoryRows(ctx).filter((s) => s.top_repo_share !== null && s.commits >= 100);
  const out: Finding[] = [];
  const most = [...rows].sort((a, b) => b.top_repo_share! - a.top_repo_share! || a.scope_id.localeCompare(b.scope_id))[0];
  if (most) {
    const rank = categoryRank(ctx, 'top_repo_share', most.scope_id, 'most', false, (w) => `${w} on one project`);
    out.push({
      section: 'quiet',
      kind: 'concentration',
      text: `${ctx.name(most.scope_id)} depends ${rank ?? 'on one project'}: ${metric('top_repo', { category: most.scope_id })} has ${metric('top_repo_share', { category: most.scope_id })} of its commits.`,
      why: "highest share of a category's commits in its largest project",
    });
  }
  if (ctx.input.partial) return out;
  const changed = rows
    .map((s) => ({ s, before: ctx.before(s.scope_id)?.top_repo_share ?? null }))
    .filter((x): x is { s: ScopeFigures; before: number } => x.before !== null && Math.abs(x.s.top_repo_share! - x.before) >= MIN_CHANGE)
    .sort((a, b) => Math.abs(b.s.top_repo_share! - b.before) - Math.abs(a.s.top_repo_share! - a.before) || a.s.scope_id.localeCompare(b.s.scope_id))[0];
  if (changed && changed.s.scope_id !== most?.scope_id) {
    const more = changed.s.top_repo_share! > changed.before;
    const became = claim('Compare', { figure: 'top_repo_share', category: changed.s.scope_id, op: more ? '>' : '<', otherQuarter: ctx.input.prev }, `${more ? 'more' : 'less'} concentrated`);
    out.push({
      section: 'quiet',
      kind: 'concentration-change',
      text: `${ctx.name(changed.s.scope_id)} became ${became}: its largest project, ${metric('top_repo', { category: changed.s.scope_id })}, has ${metric('top_repo_share', { category: changed.s.scope_id })} of its commits (${metric('top_repo_share', { category: changed.s.scope_id, delta: 'change' })}).`,
      why: "largest change in the largest project's share of a category's commits",
      changes: [{ figure: 'top_repo_share', category: changed.s.scope_id }],
    });
  }
  return out;
}

function overlapChanges(ctx: Ctx): Finding[] {
  if (ctx.input.partial) return [];
  // The table lists pairs with people in both; a pair missing from a quarter had none.
  const key = (a: string, b: string) => `${a}\u0000${b}`;
  const count = (quarter: string) => new Map(ctx.input.overlap.filter((o) => o.quarter === quarter).map((o) => [key(o.a, o.b), o.people]));
  const now = count(ctx.input.quarter);
  const before = count(ctx.input.prev);
  const pairs = new Map([...ctx.input.overlap].map((o) => [key(o.a, o.b), { a: o.a, b: o.b }]));
  const changes = [...pairs]
    .map(([k, o]) => ({ ...o, now: now.get(k) ?? 0, delta: (now.get(k) ?? 0) - (before.get(k) ?? 0) }))
    // The overlap figure needs both categories in the published list.
    .filter((o) => o.delta !== 0 && ctx.known(o.a) && ctx.known(o.b))
    .sort((x, y) => y.delta - x.delta || x.a.localeCompare(y.a) || x.b.localeCompare(y.b));
  if (changes.length === 0) return [];
  const pair = (o: { a: string; b: string; now: number }, more: 'more' | 'fewer') =>
    `${ctx.name(o.a)} and ${ctx.name(o.b)} share ${claim('Compare', { figure: 'overlap', category: o.a, other: o.b, op: more === 'more' ? '>' : '<', otherQuarter: ctx.input.prev }, `${more} people than in ${ctx.prevLabel}`)}: ${metric('overlap', { category: o.a, other: o.b })} ${o.now === 1 ? 'was' : 'were'} active in both, against ${metric('overlap', { category: o.a, other: o.b, quarter: ctx.input.prev })}`;
  const out: Finding[] = [];
  const up = changes[0]!;
  const quoted = (o: { a: string; b: string }): QuotedChange[] => [{ figure: 'overlap', category: o.a, other: o.b }];
  // A rise in overlap is no published figure: "the largest rise" stays in the why, for the editor, not in the checked sentence.
  if (up.delta > 0) out.push({ section: 'talent', kind: 'overlap', text: `${pair(up, 'more')}.`, why: 'largest rise in people active in both categories', changes: quoted(up) });
  const down = changes.at(-1)!;
  if (down.delta < 0) out.push({ section: 'talent', kind: 'overlap', text: `${pair(down, 'fewer')}.`, why: 'largest fall in people active in both categories', changes: quoted(down) });
  return out;
}

function netMigration(ctx: Ctx): Finding[] {
  const m = new Map(ctx.input.migration.map((r) => [`${r.from}\u0000${r.to}`, r.people]));
  const flows = ctx.input.migration
    .filter((r) => r.from !== r.to)
    .map((r) => ({ from: r.from, to: r.to, net: r.people - (m.get(`${r.to}\u0000${r.from}`) ?? 0) }))
    // The migration figures need both categories in the published list.
    .filter((f) => f.net > 0 && ctx.known(f.from) && ctx.known(f.to))
    .sort((a, b) => b.net - a.net || a.from.localeCompare(b.from) || a.to.localeCompare(b.to))
    .slice(0, 2);
  // Every flow between two published categories, as <Rank> ranks them (a flow with nobody is 0).
  const ids = ctx.input.categories.map((c) => c.id);
  const nets = ids.flatMap((a) => ids.filter((b) => b !== a).map((b) => ({ id: `${a}\u0000${b}`, v: (m.get(`${a}\u0000${b}`) ?? 0) - (m.get(`${b}\u0000${a}`) ?? 0) })));
  return flows.map((f) => {
    const more = claim('Compare', { figure: 'migration', from: f.from, to: f.to, op: '>', otherPair: [f.to, f.from] }, 'More people');
    const p = place(nets, `${f.from}\u0000${f.to}`, false);
    const words = placeWords(p, 'largest');
    const rank = words ? `, ${claim('Rank', { figure: 'net_migration', from: f.from, to: f.to, rank: p!.rank > 1 ? p!.rank : undefined, tied: p!.tied }, `the ${words} of the quarter`)}` : '';
    return {
      section: 'talent' as const,
      kind: 'migration',
      text: `${more} moved their main work from ${ctx.name(f.from)} to ${ctx.name(f.to)} than the other way: ${metric('migration', { from: f.from, to: f.to })} against ${metric('migration', { from: f.to, to: f.from })}, a net flow of ${metric('net_migration', { from: f.from, to: f.to })}${rank}.`,
      why: p?.rank === 1 ? 'largest net migration between two categories' : 'second-largest net migration',
    };
  });
}

// ---------------------------------------------------------------------------------
// From the tables beside scope_quarters: talent pools, the work mix, core teams,
// newcomers and company shares. A folder published before talent_pools, core_team,
// scope_newcomers and new_projects has none of them (load.ts leaves them out): those
// findings are not drafted until the quarter is published again with them.

/** "up from" / "down from", checked: <Compare> of the figure now with a year before. */
function yearOnYear(figure: string, scope: { kind?: string; pool?: string; category?: string }, now: number, then: number, yearAgo: string): string {
  if (now === then) return claim('Compare', { figure, ...scope, op: '>=', otherQuarter: yearAgo }, 'as many as');
  return claim('Compare', { figure, ...scope, op: now > then ? '>' : '<', otherQuarter: yearAgo }, now > then ? 'up from' : 'down from');
}

const understated = '; understated: some of its people worked in a history that stops within the year (the figure says so)';

function talentPools(ctx: Ctx): Finding[] {
  const pools = ctx.input.pools;
  if (!pools) return [];
  const { quarter, yearAgo, partial } = ctx.input;
  const out: Finding[] = [];
  const pairs = pools
    .filter((p) => p.quarter === quarter && p.pool_type === 'pair')
    .map((p) => ({ p, ids: p.pool_id.split('+') }))
    // The figure needs both categories in the published list.
    .filter((x) => x.ids.length === 2 && x.ids.every(ctx.known))
    .sort((a, b) => b.p.people - a.p.people || a.p.pool_id.localeCompare(b.p.pool_id))
    .slice(0, 2);
  // Ranked among the published pair pools of the quarter, as <Rank> ranks them (a pool without a row has fewer than 3 people).
  const sizes = pools
    .filter((p) => p.quarter === quarter && p.pool_type === 'pair' && p.pool_id.split('+').every(ctx.known))
    .map((p) => ({ id: p.pool_id, v: p.people }));
  pairs.forEach(({ p, ids: [a, b] }, i) => {
    const pair = { category: a!, other: b! };
    const then = pools.find((x) => x.quarter === yearAgo && x.pool_id === p.pool_id);
    const against = then ? yearOnYear('talent_pool', pair, p.people, then.people, yearAgo) : 'against';
    const before = partial ? '' : `, ${against} ${metric('talent_pool', { ...pair, quarter: yearAgo })} in the year to ${ctx.yearLabel}`;
    const at = place(sizes, p.pool_id, false);
    const words = placeWords(at, 'largest');
    const rank = words ? ` (${claim('Rank', { figure: 'talent_pool', ...pair, rank: at!.rank > 1 ? at!.rank : undefined, tied: at!.tied }, `the ${words} pool of any two categories`)})` : '';
    out.push({
      section: 'talent',
      kind: 'talent-pool',
      text: `Over the year to ${ctx.label}, ${metric('talent_pool', pair)} people committed to both ${ctx.name(a!)} and ${ctx.name(b!)}${rank}${before}.`,
      why: `${i === 0 ? 'the largest pool' : 'the second-largest pool'} of people active in two categories within a trailing year${p.observed ? '' : understated}`,
    });
  });
  const breadth = (q: string) => pools.find((p) => p.quarter === q && p.pool_type === 'breadth');
  const now = breadth(quarter);
  if (now) {
    const then = partial ? undefined : breadth(yearAgo);
    const against = then ? `, ${yearOnYear('multi_category_people', {}, now.people, then.people, yearAgo)} the ${metric('multi_category_people', { quarter: yearAgo })} of the year to ${ctx.yearLabel}` : '';
    out.push({
      section: 'talent',
      kind: 'breadth',
      text: `${metric('multi_category_people')} people were active in three or more categories over the year to ${ctx.label}${against}.`,
      why: `people whose work spans categories${now.observed ? '' : understated}`,
    });
  }
  return out;
}

function workMix(ctx: Ctx): Finding[] {
  const rows = ctx.input.workMix;
  if (!rows || ctx.input.partial) return [];
  const { quarter, yearAgo } = ctx.input;
  const shifts = ctx.input.categories.flatMap((c) => {
    const get = (q: string, kind: 'fix' | 'feature') => rows.find((r) => r.category === c.id && r.quarter === q && r.work_kind === kind);
    const [fixNow, fixThen, featureNow, featureThen] = [get(quarter, 'fix'), get(yearAgo, 'fix'), get(quarter, 'feature'), get(yearAgo, 'feature')];
    if (!fixNow || !fixThen || !featureNow || !featureThen || fixNow.total < MIN_COMMITS || fixThen.total < MIN_COMMITS) return [];
    const fix = { now: fixNow.share, then: fixThen.share };
    const feature = { now: featureNow.share, then: featureThen.share };
    // Towards fixing is positive: fixes gained on features.
    return [{ id: c.id, fix, feature, shift: fix.now - fix.then - (feature.now - feature.then) }];
  });
  const top = shifts.filter((x) => Math.abs(x.shift) >= MIN_CHANGE).sort((a, b) => Math.abs(b.shift) - Math.abs(a.shift) || a.id.localeCompare(b.id))[0];
  if (!top) return [];
  const category = top.id;
  const part = (kind: 'fix' | 'feature', v: { now: number; then: number }) =>
    `${metric('work_share', { kind, category })}, ${yearOnYear('work_share', { kind, category }, v.now, v.then, yearAgo)} ${metric('work_share', { kind, category, quarter: yearAgo })} a year earlier`;
  return [
    {
      section: 'moving',
      kind: 'work-mix',
      text: `In ${ctx.name(category)}, fixes were ${part('fix', top.fix)}, and features ${part('feature', top.feature)}.`,
      why: `the largest shift between fixes and features on a year earlier of any category with a hundred commits or more (towards ${top.shift > 0 ? 'fixing' : 'building'})`,
      component: `<WorkMix category="${category}" />`,
    },
  ];
}

function coreTeams(ctx: Ctx): Finding[] {
  const teams = ctx.input.coreTeams;
  if (!teams) return [];
  const repos = new Set(teams.filter((t) => t.scope_type === 'repo').map((t) => t.scope_id));
  return ctx.input.topRepos.slice(0, 3).flatMap((r) => {
    if (!repos.has(r.repo)) return [];
    const repo = { repo: r.repo };
    const p = repoPlace(ctx.input.topRepos, 'contributors', r.repo);
    const words = placeWords(p, 'most');
    const drew = words ? `drew the ${rankTag('contributors', repo, p!, false, `${words} contributors`)} (${metric('contributors', repo)})` : `drew ${metric('contributors', repo)} contributors`;
    // In a partial quarter there are fewer weeks to be steady in: the count would mislead.
    const steady = ctx.input.partial ? '' : `, and ${metric('steady_contributors', repo)} committed in eight or more weeks of the quarter`;
    return [
      {
        section: 'projects' as const,
        kind: 'core-team',
        text: `\`${r.repo}\` ${drew}, but half its commit credit came from ${metric('core_team_50', repo)} people${steady}.`,
        why: 'one of the three projects with the most contributors: the core that carries the crowd',
      },
    ];
  });
}

function newProjectCount(ctx: Ctx): Finding[] {
  const all = ctx.input.newcomers?.find((r) => r.scope_type === 'all');
  if (!all || all.new_projects === 0) return [];
  return [{ section: 'projects', kind: 'new-projects', text: `${metric('new_projects')} projects entered the tracked set this quarter.`, why: 'projects whose counted history starts in the quarter' }];
}

const TIMES = ['', '', 'twice', 'three times', 'four times', 'five times'];

function newcomerShares(ctx: Ctx): Finding[] {
  const rows = (ctx.input.newcomers ?? [])
    .filter((r): r is typeof r & { newcomer_share: number } => r.scope_type === 'category' && ctx.known(r.scope_id) && r.contributors >= MIN_PEOPLE && r.newcomer_share !== null)
    .sort((a, b) => b.newcomer_share - a.newcomer_share || a.scope_id.localeCompare(b.scope_id));
  const hi = rows[0];
  const lo = rows.at(-1);
  if (!hi || !lo || hi.newcomer_share <= lo.newcomer_share) return [];
  // The largest whole multiple the data bears out, in words ("more than three times the").
  const times = [5, 4, 3, 2].find((k) => hi.newcomer_share > k * lo.newcomer_share) ?? 1;
  const words = times > 1 ? `more than ${TIMES[times]} the` : 'more than the';
  const cmp = claim('Compare', { figure: 'newcomer_share', category: hi.scope_id, op: '>', other: lo.scope_id, times: times > 1 ? times : undefined }, words);
  return [
    {
      section: 'moving',
      kind: 'newcomers',
      text: `Newcomers were ${metric('newcomer_share', { category: hi.scope_id })} of the contributors in ${ctx.name(hi.scope_id)}, ${cmp} ${metric('newcomer_share', { category: lo.scope_id })} in ${ctx.name(lo.scope_id)}.`,
      why: 'the highest and the lowest share of contributors new to the category, among categories with a meaningful base',
    },
  ];
}

// What this means if you're hiring: aggregates only, never a person and never pay.

function scarcestPool(ctx: Ctx): Finding[] {
  const pools = ctx.input.pools;
  if (!pools) return [];
  const { quarter, yearAgo, partial } = ctx.input;
  const named = new Map<string, PoolRow>();
  for (const p of pools) if (p.pool_type === 'named' && !named.has(p.pool_id)) named.set(p.pool_id, p);
  const people = (id: string, q: string) => pools.find((p) => p.quarter === q && p.pool_id === id)?.people ?? null;
  // A named pool without a row in the quarter had fewer than 3 people: the scarcest of all.
  const pick = [...named.values()]
    .filter((p) => (p.categories ?? '').split(',').every(ctx.known))
    .sort((a, b) => (people(a.pool_id, quarter) ?? 0) - (people(b.pool_id, quarter) ?? 0) || a.pool_id.localeCompare(b.pool_id))[0];
  if (!pick || named.size < 2) return [];
  const pool = pick.pool_id;
  const cats = (pick.categories ?? '').split(',').map(ctx.name);
  const now = people(pool, quarter);
  const then = partial ? null : people(pool, yearAgo);
  const change =
    partial || now === null
      ? ''
      : then === null
        ? `, against ${metric('talent_pool', { pool, quarter: yearAgo })} a year earlier`
        : `, ${yearOnYear('talent_pool', { pool }, now, then, yearAgo)} ${metric('talent_pool', { pool, quarter: yearAgo })} a year earlier`;
  const observed = pools.find((p) => p.quarter === quarter && p.pool_id === pool)?.observed ?? true;
  return [
    {
      section: 'hiring',
      kind: 'hiring-pool',
      text: `${pick.name ?? pool}: ${metric('talent_pool', { pool })} people were active in ${cats.length === 2 ? 'both' : 'each of'} ${listText(cats)} within the year to ${ctx.label}${change}.`,
      why: `the scarcest of the named pools (data/talent-pools.yaml) in the quarter${observed ? '' : understated}`,
    },
  ];
}

function churnFrees(ctx: Ctx): Finding[] {
  if (ctx.input.partial) return [];
  const top = categoryRows(ctx)
    .filter((s) => s.contributors_prev >= MIN_PEOPLE && s.churn_rate !== null && s.observed)
    .sort((a, b) => b.churn_rate! - a.churn_rate! || a.scope_id.localeCompare(b.scope_id))
    .slice(0, 2);
  if (top.length === 0) return [];
  const ids = top.map((s) => s.scope_id);
  // Ranked among every category, as <Rank> checks it: a category left out above may outrank these.
  const ranks = ids.flatMap((id) => {
    const p = categoryPlace(ctx, 'churn_rate', id);
    const words = placeWords(p, 'highest');
    return words ? [{ id, tag: rankTag('churn_rate', { category: id }, p!, false, words) }] : [];
  });
  const ranked =
    ranks.length === 0
      ? ''
      : ranks.length === ids.length
        ? `, the ${listText(ranks.map((r) => r.tag))} of any category`
        : `, ${listText(ranks.map((r) => `${ctx.name(r.id)}'s the ${r.tag}`))} of any category`;
  const each = (f: (id: string) => string) => listText(ids.map(f));
  return [
    {
      section: 'hiring',
      kind: 'hiring-churn',
      text: `Churn frees people in ${each(ctx.name)}: ${each((id) => metric('churned', { category: id }))} of the previous quarter's contributors did not commit again, ${ids.length === 1 ? 'a churn rate' : 'churn rates'} of ${each((id) => metric('churn_rate', { category: id }))}${ranked}.`,
      why: 'the highest churn among fully observed categories with a meaningful base last quarter (a history that stops early inflates churn): where people become free to hire',
    },
  ];
}

function leadingOrgs(ctx: Ctx): Finding[] {
  const orgs = ctx.input.leadingOrgs;
  if (!orgs) return [];
  const biggest = categoryRows(ctx)
    .sort((a, b) => b.contributors - a.contributors || a.scope_id.localeCompare(b.scope_id))
    .slice(0, 3);
  return biggest.flatMap((s) => {
    const o = orgs.find((x) => x.category === s.scope_id);
    if (!o) return [];
    const category = s.scope_id;
    const p = categoryPlace(ctx, 'contributors', category);
    const words = placeWords(p, 'largest');
    const which = words ? `, the ${rankTag('contributors', { category }, p!, false, `${words} category by people`)}` : '';
    const unknown = o.unknown_share === null ? '' : `; ${metric('company_share', { org: 'Unknown', category })} comes from addresses that name no employer`;
    return [
      {
        section: 'hiring' as const,
        kind: 'hiring-company',
        text: `In ${ctx.name(category)}${which}, ${o.organization} holds ${metric('company_share', { org: o.organization, category })} of the commit credit${unknown}.`,
        why: 'the named organisation with the largest share of commit credit in one of the three largest categories (Unknown and Other name no employer)',
      },
    ];
  });
}

function newcomersArrive(ctx: Ctx): Finding[] {
  const top = categoryRows(ctx).sort((a, b) => b.new_contributors - a.new_contributors || a.scope_id.localeCompare(b.scope_id))[0];
  if (!top || top.new_contributors === 0) return [];
  const category = top.scope_id;
  const p = categoryPlace(ctx, 'new_contributors', category);
  const words = placeWords(p, 'most', false);
  const most = words ? `the ${rankTag('new_contributors', { category }, p!, false, words)}` : '';
  // newcomer_share is in scope_newcomers, which older folders lack.
  const hasShare = ctx.input.newcomers?.some((r) => r.scope_type === 'category' && r.scope_id === category && r.newcomer_share !== null) ?? false;
  const share = hasShare ? `, ${metric('newcomer_share', { category })} of its contributors` : '';
  const repo = ctx.input.topNewcomerRepos[0];
  const rp = repo ? repoPlace(ctx.input.topNewcomerRepos, 'new_contributors', repo.repo) : null;
  const repoWords = placeWords(rp, 'most', false);
  const project =
    repo && repoWords
      ? `, and \`${repo.repo}\` drew the ${rankTag('new_contributors', { repo: repo.repo }, rp!, false, `${repoWords} of any project`)} (${metric('new_contributors', { repo: repo.repo })})`
      : '';
  return [
    {
      section: 'hiring',
      kind: 'hiring-newcomers',
      text: `Newcomers arrive in ${ctx.name(category)}, which drew ${most ? `${most} ` : ''}people new to it (${metric('new_contributors', { category })}${share})${project}.`,
      why: 'where the most people made their first commit to a category or a project: where new engineers surface',
    },
  ];
}

/** The components a draft places besides each section's standard ones, where the data has something to show. */
export function sectionComponents(input: FindingsInput, findings: readonly Finding[]): Partial<Record<SectionId, string[]>> {
  const out: Partial<Record<SectionId, string[]>> = {};
  const add = (section: SectionId, c: string): void => {
    const list = (out[section] ??= []);
    if (!list.includes(c)) list.push(c);
  };
  if ((input.newProjects ?? 0) > 0) add('projects', '<NewProjects />');
  for (const f of findings) if (f.component) add(f.section, f.component);
  if (input.pools) add('talent', '<TalentPools />');
  return out;
}

export function draftFindings(input: FindingsInput): Finding[] {
  const ctx = context(input);
  const drafted = [
    ...headline(ctx),
    ...agentShare(ctx),
    ...movers(ctx),
    ...opposite(ctx),
    ...newProjectCount(ctx),
    ...newProjects(ctx),
    ...coreTeams(ctx),
    ...workMix(ctx),
    ...newcomerShares(ctx),
    ...churn(ctx),
    ...concentration(ctx),
    ...overlapChanges(ctx),
    ...netMigration(ctx),
    ...talentPools(ctx),
    ...scarcestPool(ctx),
    ...churnFrees(ctx),
    ...leadingOrgs(ctx),
    ...newcomersArrive(ctx),
  ];
  return input.explain ? explainFindings(drafted, input.explain, metric) : drafted;
}
