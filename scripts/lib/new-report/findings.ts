// The drafted findings of a new article: what moved most, read from the quarter's
// published figures, each written as a sentence whose every figure is a <Metric>, so
// the sentence stays true to the published data whatever the editor keeps. Pure: the
// rows come from load.ts.
import type { QuotedChange } from '../../../src/lib/explain-inputs.ts';
import { quarterLabel } from '../../../src/lib/quarters.ts';
import { explainFindings } from './explain.ts';
import type { FindingsInput, ScopeFigures } from './load.ts';

export type SectionId = 'signal' | 'snapshot' | 'projects' | 'moving' | 'quiet' | 'talent';

export interface Finding {
  section: SectionId;
  kind: string;
  /** One MDX sentence: prose and <Metric> components, no typed figures. */
  text: string;
  /** Why it was picked, for the editor (an MDX comment, never rendered). */
  why: string;
  /** The changes it quotes, which the artefact guard explains (explain.ts). */
  changes?: QuotedChange[];
}

/** Below this many people a category's rates and changes are noise, not findings. */
export const MIN_PEOPLE = 30;
/** Changes smaller than this (5%) are not a movement worth a sentence. */
export const MIN_CHANGE = 0.05;

const attr = (k: string, v: string | undefined): string => (v === undefined ? '' : ` ${k}="${v}"`);

interface MetricOpts {
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
  const attrs = (['category', 'other', 'from', 'to', 'repo', 'quarter', 'delta'] as const).map((k) => attr(k, opts[k])).join('');
  return `<Metric figure="${figure}"${attrs} />`;
}

interface Ctx {
  input: FindingsInput;
  name: (id: string) => string;
  known: (id: string) => boolean;
  cur: (id: string) => ScopeFigures | undefined;
  before: (id: string) => ScopeFigures | undefined;
  prevLabel: string;
}

function context(input: FindingsInput): Ctx {
  const names = new Map(input.categories.map((c) => [c.id, c.name]));
  const find = (quarter: string) => (id: string) => input.scopes.find((s) => s.scope_id === id && s.quarter === quarter);
  return { input, name: (id) => names.get(id) ?? id, known: (id) => names.has(id), cur: find(input.quarter), before: find(input.prev), prevLabel: quarterLabel(input.prev) };
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
      text: `${ctx.name(top.scope_id)} has the largest agent-assisted share: ${metric('agent_assisted_commits', { category: top.scope_id })} of its ${metric('commits', { category: top.scope_id })} commits.`,
      why: 'highest share of agent-assisted commits among categories with at least a hundred commits',
    });
  }
  return out;
}

function movers(ctx: Ctx): Finding[] {
  if (ctx.input.partial) return [];
  const rows = categoryRows(ctx).filter((s) => s.contributors_qoq !== null && s.prev_contributors >= MIN_PEOPLE && Math.abs(s.contributors_qoq) >= MIN_CHANGE);
  const byChange = [...rows].sort((a, b) => b.contributors_qoq! - a.contributors_qoq! || a.scope_id.localeCompare(b.scope_id));
  const out: Finding[] = [];
  for (const s of byChange.filter((r) => r.contributors_qoq! > 0).slice(0, 2)) {
    out.push({
      section: 'snapshot',
      kind: 'mover',
      text: `${ctx.name(s.scope_id)} gained contributors ${out.length === 0 ? 'fastest' : 'next fastest'}: ${metric('contributors', { category: s.scope_id })}, ${metric('contributors_qoq', { category: s.scope_id })} on ${ctx.prevLabel}.`,
      why: 'largest rises in contributors',
      changes: [{ figure: 'contributors', category: s.scope_id }],
    });
  }
  const down = byChange.filter((r) => r.contributors_qoq! < 0).at(-1);
  if (down) {
    out.push({
      section: 'snapshot',
      kind: 'mover',
      text: `${ctx.name(down.scope_id)} lost the most contributors: ${metric('contributors', { category: down.scope_id })}, ${metric('contributors_qoq', { category: down.scope_id })} on ${ctx.prevLabel}.`,
      why: 'largest fall in contributors',
      changes: [{ figure: 'contributors', category: down.scope_id }],
    });
  }
  const commits = categoryRows(ctx)
    .filter((s) => s.commits_qoq !== null && s.prev_contributors >= MIN_PEOPLE && Math.abs(s.commits_qoq) >= MIN_CHANGE)
    .sort((a, b) => Math.abs(b.commits_qoq!) - Math.abs(a.commits_qoq!) || a.scope_id.localeCompare(b.scope_id))[0];
  if (commits) {
    out.push({
      section: 'snapshot',
      kind: 'mover',
      text: `The largest swing in commits was in ${ctx.name(commits.scope_id)}: ${metric('commits_qoq', { category: commits.scope_id })}, to ${metric('commits', { category: commits.scope_id })} commits.`,
      why: 'largest change in commits, either way',
      changes: [{ figure: 'commits', category: commits.scope_id }],
    });
  }
  return out;
}

function opposite(ctx: Ctx): Finding[] {
  if (ctx.input.partial) return [];
  return categoryRows(ctx)
    .filter((s) => s.prev_contributors >= MIN_PEOPLE && s.commits_qoq !== null && s.contributors_qoq !== null)
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
  const rows = categoryRows(ctx).filter((s) => s.prev_contributors >= MIN_PEOPLE && s.churn_rate !== null && s.observed);
  const all = ctx.cur('all');
  if (rows.length < 3 || !all || all.churn_rate === null) return [];
  const sorted = [...rows].sort((a, b) => b.churn_rate! - a.churn_rate! || a.scope_id.localeCompare(b.scope_id));
  const high = sorted[0]!;
  const low = sorted.at(-1)!;
  return [
    {
      section: 'moving',
      kind: 'churn',
      text: `${ctx.name(high.scope_id)} kept the fewest of its people: a churn rate of ${metric('churn_rate', { category: high.scope_id })}, against ${metric('churn_rate')} across the tracked set.`,
      why: 'highest churn among categories with a meaningful base last quarter',
    },
    {
      section: 'moving',
      kind: 'retention',
      text: `${ctx.name(low.scope_id)} kept the most: retention of ${metric('retention', { category: low.scope_id })}, against ${metric('retention')} overall.`,
      why: 'highest retention among categories with a meaningful base last quarter',
    },
  ];
}

function concentration(ctx: Ctx): Finding[] {
  const rows = categoryRows(ctx).filter((s) => s.top_repo_share !== null && s.commits >= 100);
  const out: Finding[] = [];
  const most = [...rows].sort((a, b) => b.top_repo_share! - a.top_repo_share! || a.scope_id.localeCompare(b.scope_id))[0];
  if (most) {
    out.push({
      section: 'quiet',
      kind: 'concentration',
      text: `${ctx.name(most.scope_id)} depends most on one project: ${metric('top_repo', { category: most.scope_id })} has ${metric('top_repo_share', { category: most.scope_id })} of its commits.`,
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
    out.push({
      section: 'quiet',
      kind: 'concentration-change',
      text: `${ctx.name(changed.s.scope_id)} became ${more ? 'more' : 'less'} concentrated: its largest project, ${metric('top_repo', { category: changed.s.scope_id })}, has ${metric('top_repo_share', { category: changed.s.scope_id })} of its commits (${metric('top_repo_share', { category: changed.s.scope_id, delta: 'change' })}).`,
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
    `${ctx.name(o.a)} and ${ctx.name(o.b)} share ${more} people than in ${ctx.prevLabel}: ${metric('overlap', { category: o.a, other: o.b })} ${o.now === 1 ? 'was' : 'were'} active in both, against ${metric('overlap', { category: o.a, other: o.b, quarter: ctx.input.prev })}`;
  const out: Finding[] = [];
  const up = changes[0]!;
  const quoted = (o: { a: string; b: string }): QuotedChange[] => [{ figure: 'overlap', category: o.a, other: o.b }];
  if (up.delta > 0) out.push({ section: 'talent', kind: 'overlap', text: `${pair(up, 'more')}, the largest rise in overlap of any two categories.`, why: 'largest rise in people active in both categories', changes: quoted(up) });
  const down = changes.at(-1)!;
  if (down.delta < 0) out.push({ section: 'talent', kind: 'overlap', text: `${pair(down, 'fewer')}, the largest fall in overlap.`, why: 'largest fall in people active in both categories', changes: quoted(down) });
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
  return flows.map((f, i) => ({
    section: 'talent' as const,
    kind: 'migration',
    text: `More people moved their main work from ${ctx.name(f.from)} to ${ctx.name(f.to)} than the other way: ${metric('migration', { from: f.from, to: f.to })} against ${metric('migration', { from: f.to, to: f.from })}, a net flow of ${metric('net_migration', { from: f.from, to: f.to })}${i === 0 ? ', the largest of the quarter' : ''}.`,
    why: i === 0 ? 'largest net migration between two categories' : 'second-largest net migration',
  }));
}

export function draftFindings(input: FindingsInput): Finding[] {
  const ctx = context(input);
  const drafted = [...headline(ctx), ...agentShare(ctx), ...movers(ctx), ...opposite(ctx), ...newProjects(ctx), ...churn(ctx), ...concentration(ctx), ...overlapChanges(ctx), ...netMigration(ctx)];
  return input.explain ? explainFindings(drafted, input.explain, metric) : drafted;
}
