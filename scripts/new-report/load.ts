// Reads what the drafted findings need from one published quarter folder (its Parquet,
// never the warehouse): the folder is what the article will quote, so the findings
// can only name figures the article can show.
import { byCodePoint, SCOPE_TYPE_ORDER } from '../../src/lib/text-order.ts';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ChangeData } from '../../src/lib/explain-inputs.ts';
import { prevQuarter } from '../../src/lib/quarters.ts';
import type { PUBLISHED_VIEWS } from '../../src/lib/query-registry.ts';
import type { ScopeQuarterRow, TalentPoolRow } from '../../src/lib/query-rows.ts';
import { changeDataOf } from '../../src/node/content-checks/change-data.ts';
import { readPublishedFolder, type PublishedData } from '../../src/node/published-data.ts';

export interface ScopeFigures {
  scope_type: 'all' | 'category' | 'repo';
  scope_id: string;
  quarter: string;
  partial: boolean;
  observed: boolean;
  commits: number;
  contributors: number;
  agent_assisted_commits: number;
  contributors_prev: number;
  new_contributors: number;
  churn_rate: number | null;
  retention: number | null;
  top_repo: string | null;
  top_repo_share: number | null;
  commits_qoq: number | null;
  contributors_qoq: number | null;
}

export interface FindingsInput {
  quarter: string;
  prev: string;
  partial: boolean;
  categories: { id: string; name: string }[];
  /** 'all' and category rows for the quarter and the one before. */
  scopes: ScopeFigures[];
  /** Repositories whose first counted commit is in the quarter, with their figures in it. */
  newRepos: { repo: string; category_id: string; contributors: number; commits: number }[];
  overlap: { quarter: string; a: string; b: string; people: number }[];
  migration: { from: string; to: string; people: number }[];
  /** What explains the quarter's changes (the artefact guard); none for a partial quarter. */
  explain?: ChangeData;
  /** The quarter a year before, which the trailing-year figures (pools, work mix) are compared with. */
  yearAgo: string;
  /** The categories' commits by kind of work (fix and feature only), in the quarter and a year before. */
  workMix?: WorkMixRow[];
  /** The largest projects by contributors in the quarter (a few more than drafted, to see ties). */
  topRepos: RepoFigures[];
  /** The projects with the most people new to them in the quarter. */
  topNewcomerRepos: RepoFigures[];
  /** Each category's organisation with the largest share of commit credit, Unknown and Other aside. */
  leadingOrgs?: { category: string; organization: string; share: number; unknown_share: number | null }[];
  // The tables below came later (LATER_VIEWS): a folder published before them lacks them, and
  // the findings that need them are not drafted until the quarter is published again.
  /** talent_pools in the quarter and a year before, with the named pools of the whole folder. */
  pools?: PoolRow[];
  /** core_team in the quarter. */
  coreTeams?: CoreTeamRow[];
  /** scope_newcomers in the quarter (categories and 'all'). */
  newcomers?: NewcomerRow[];
  /** new_projects rows in the quarter (what <NewProjects /> lists). */
  newProjects?: number;
}

export interface WorkMixRow {
  category: string;
  quarter: string;
  work_kind: 'fix' | 'feature';
  share: number;
  /** All the category's commits in that quarter, whatever their kind. */
  total: number;
}

export interface RepoFigures {
  repo: string;
  category_id: string;
  contributors: number;
  new_contributors: number;
}

export interface PoolRow {
  quarter: string;
  pool_type: 'pair' | 'breadth' | 'named';
  pool_id: string;
  name: string | null;
  categories: string | null;
  people: number;
  observed: boolean;
}

export interface CoreTeamRow {
  scope_type: 'all' | 'category' | 'repo';
  scope_id: string;
  contributors: number;
  core_50: number | null;
  steady_contributors: number | null;
}

export interface NewcomerRow {
  scope_type: 'all' | 'category';
  scope_id: string;
  contributors: number;
  new_contributors: number;
  newcomer_share: number | null;
  new_projects: number;
}

export interface FolderManifest {
  quarter: string;
  published: string;
  partial: boolean;
  quarters: string[];
  dataset: { snapshot: string };
}

export function readFolderManifest(folder: string): FolderManifest | null {
  const file = join(folder, 'manifest.json');
  return existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as FolderManifest) : null;
}


export async function loadFindingsInput(folder: string, manifest: FolderManifest): Promise<FindingsInput> {
  const data = await readPublishedFolder(folder, manifest.quarter);
  try {
    return await read(data, manifest);
  } finally {
    data.close();
  }
}

// Every figure through the registry's queries (src/lib/queries), as the article's
// components read them: a drafted finding can only quote what the article can show.
async function read(data: PublishedData, manifest: FolderManifest): Promise<FindingsInput> {
  const q = manifest.quarter;
  const prev = prevQuarter(q);
  const yearAgo = prevQuarter(q, 4);
  const has = (name: (typeof PUBLISHED_VIEWS)[number]) => data.views.includes(name);
  const categories = (await data.query('categories', {})).map((c) => ({ id: c.category_id, name: c.name }));
  const scopes: ScopeFigures[] = [];
  for (const scopeType of ['all', 'category'] as const) {
    for (const quarter of [prev, q]) scopes.push(...(await data.query('scope-figures', { quarter, scopeType })).map(scopeFigures));
  }
  scopes.sort((x, y) => SCOPE_TYPE_ORDER[x.scope_type] - SCOPE_TYPE_ORDER[y.scope_type] || byCodePoint(x.scope_id, y.scope_id) || byCodePoint(x.quarter, y.quarter));
  const repos = (await data.query('repos', {})).filter((r) => r.ingested);
  const repoRows = new Map((await data.query('scope-figures', { quarter: q, scopeType: 'repo' })).map((s) => [s.scope_id, s]));
  const withFigures = repos.flatMap((r) => {
    const s = repoRows.get(r.repo);
    return s ? [{ r, s }] : [];
  });
  const newRepos = withFigures
    .filter(({ r }) => r.first_quarter === q)
    .sort((x, y) => count(y.s, 'contributors') - count(x.s, 'contributors') || count(y.s, 'commits') - count(x.s, 'commits') || byCodePoint(x.r.repo, y.r.repo))
    .map(({ r, s }) => ({ repo: r.repo, category_id: r.category_id, contributors: count(s, 'contributors'), commits: count(s, 'commits') }));
  // Ranked as the claim components rank projects: every repository with a history, by its scope_quarters figure.
  const repoFigures = (by: 'contributors' | 'new_contributors'): RepoFigures[] =>
    [...withFigures]
      .sort((x, y) => count(y.s, by) - count(x.s, by) || byCodePoint(x.r.repo, y.r.repo))
      .slice(0, 4)
      .map(({ r, s }) => ({ repo: r.repo, category_id: r.category_id, contributors: count(s, 'contributors'), new_contributors: count(s, 'new_contributors') }));
  const topRepos = repoFigures('contributors');
  const topNewcomerRepos = repoFigures('new_contributors');
  const overlap = (await Promise.all([prev, q].map(async (quarter) => (await data.query('overlap-matrix', { quarter })).map((o) => ({ quarter, a: o.category_a, b: o.category_b, people: o.people })))))
    .flat()
    .sort((x, y) => byCodePoint(x.quarter, y.quarter) || byCodePoint(x.a, y.a) || byCodePoint(x.b, y.b));
  const migration = (await data.query('migration-matrix', { quarter: q }))
    .map((m) => ({ from: m.from_category, to: m.to_category, people: m.people }))
    .sort((x, y) => byCodePoint(x.from, y.from) || byCodePoint(x.to, y.to));
  // A partial quarter quotes no change, so there is nothing to explain.
  const explain = manifest.partial ? undefined : await changeDataOf(data, q);
  // A kind with no commits has no work_composition row, so it is no shift either.
  const workMix = has('work_composition')
    ? (
        await Promise.all(
          categories.map(async (c) =>
            (await data.query('work-mix', { scopeType: 'category', scopeId: c.id }))
              .filter((w) => (w.quarter === q || w.quarter === yearAgo) && (w.work_kind === 'fix' || w.work_kind === 'feature') && w.commits > 0)
              .map((w): WorkMixRow => ({ category: c.id, quarter: w.quarter, work_kind: w.work_kind as WorkMixRow['work_kind'], share: w.share ?? 0, total: w.total_commits })),
          ),
        )
      )
        .flat()
        .sort((x, y) => byCodePoint(x.category, y.category) || byCodePoint(x.work_kind, y.work_kind) || byCodePoint(x.quarter, y.quarter))
    : undefined;
  const leadingOrgs = has('company_share')
    ? (
        await Promise.all(
          categories.map(async (c) => {
            const rows = (await data.query('company-share', { quarter: q, scopeId: c.id })).filter((r) => r.quarter === q && r.scope_type === 'category');
            const lead = rows
              .filter((r) => r.organization !== 'Unknown' && r.organization !== 'Other')
              .sort((x, y) => y.share - x.share || byCodePoint(x.organization, y.organization))[0];
            const unknown = rows.find((r) => r.organization === 'Unknown');
            return lead ? [{ category: c.id, organization: lead.organization, share: lead.share, unknown_share: unknown?.share ?? null }] : [];
          }),
        )
      )
        .flat()
        .sort((x, y) => byCodePoint(x.category, y.category))
    : undefined;
  // Folders published before these tables: the findings that need them wait for a republish.
  const pools = has('talent_pools') ? poolsOf(await data.query('talent-pools', {}), q, yearAgo) : undefined;
  const coreTeams = has('core_team')
    ? (await Promise.all(topRepos.map(async (r) => (await data.query('core-team', { quarter: q, scopeType: 'repo', scopeId: r.repo })).filter((c) => c.quarter === q))))
        .flat()
        .map(({ scope_type, scope_id, contributors, core_50, steady_contributors }) => ({ scope_type, scope_id, contributors, core_50, steady_contributors }))
    : undefined;
  const newcomers = has('scope_newcomers')
    ? (
        await Promise.all(
          [{ scopeType: 'all', scopeId: 'all' }, ...categories.map((c) => ({ scopeType: 'category', scopeId: c.id }))].map(async (p) =>
            (await data.query('newcomers', { quarter: q, ...p })).filter((n) => n.quarter === q),
          ),
        )
      )
        .flat()
        .sort((x, y) => SCOPE_TYPE_ORDER[x.scope_type] - SCOPE_TYPE_ORDER[y.scope_type] || byCodePoint(x.scope_id, y.scope_id))
        .map(({ scope_type, scope_id, contributors, new_contributors, newcomer_share, new_projects }) => ({ scope_type, scope_id, contributors, new_contributors, newcomer_share, new_projects }))
    : undefined;
  const newProjects = has('new_projects') ? (await data.query('new-projects', { quarter: q })).filter((n) => n.first_quarter === q).length : undefined;
  return {
    quarter: q,
    prev,
    yearAgo,
    partial: manifest.partial,
    categories,
    scopes,
    newRepos,
    overlap,
    migration,
    topRepos,
    topNewcomerRepos,
    ...(explain ? { explain } : {}),
    ...(workMix ? { workMix } : {}),
    ...(leadingOrgs ? { leadingOrgs } : {}),
    ...(pools ? { pools } : {}),
    ...(coreTeams ? { coreTeams } : {}),
    ...(newcomers ? { newcomers } : {}),
    ...(newProjects !== undefined ? { newProjects } : {}),
  };
}

const SCOPE_FIGURES = [
  'scope_type', 'scope_id', 'quarter', 'partial', 'observed', 'commits', 'contributors', 'agent_assisted_commits', 'contributors_prev',
  'new_contributors', 'churn_rate', 'retention', 'top_repo', 'top_repo_share', 'commits_qoq', 'contributors_qoq',
] as const satisfies readonly (keyof ScopeFigures)[];

// scope_quarters rows are typed by figure name only (ScopeQuarterRow): these are the
// figures the findings read, with the types the published schema gives them.
function scopeFigures(s: ScopeQuarterRow): ScopeFigures {
  return Object.fromEntries(SCOPE_FIGURES.map((k) => [k, s[k] ?? null])) as unknown as ScopeFigures;
}

/** A count the published schema never leaves empty. */
const count = (s: ScopeQuarterRow, figure: string): number => Number(s[figure] ?? 0);

/** The quarter's and the year-ago pools, and every named pool the quarter has no row for (under 3 people then). */
function poolsOf(all: TalentPoolRow[], q: string, yearAgo: string): PoolRow[] {
  const inQuarter = new Set(all.filter((p) => p.quarter === q).map((p) => p.pool_id));
  return all
    .filter((p) => p.quarter === q || p.quarter === yearAgo || (p.pool_type === 'named' && !inQuarter.has(p.pool_id)))
    .sort((x, y) => byCodePoint(x.quarter, y.quarter) || byCodePoint(x.pool_type, y.pool_type) || y.people - x.people || byCodePoint(x.pool_id, y.pool_id))
    .map(({ quarter, pool_type, pool_id, name, categories, people, observed }) => ({ quarter, pool_type, pool_id, name, categories, people, observed }));
}
