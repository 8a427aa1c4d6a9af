// Writes small published-quarter folders (the data contract the site reads) from the
// literal rows in published-fixture-data.ts, at test time into a temp dir, so site
// tests never depend on the real published data. Two folders: 2024-q3 (complete) and
// 2024-q4 (partial quarter).
import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import { coreTeamRows, newcomerRows, newProjectRows, talentPoolRows } from './published-fixture-talent.ts';
import { CATEGORIES, COMPANIES, MIGRATION, MIGRATION_THRESHOLDS, OVERLAP, OVERLAP_PARTS, OVERLAP_THRESHOLDS, PARTIAL_QUARTER, QUARTERS, REPOS, SEQ0, SERIES, WORK_KINDS } from './published-fixture-data.ts';

export const FIXTURE_QUARTERS = ['2024-q3', '2024-q4'] as const;
export const PUBLISHED_DIR_ENV = 'DEEP_SIGNAL_PUBLISHED_DIR';

type Value = string | number | boolean | null;
type Row = Record<string, Value | undefined>;

const NQ = QUARTERS.length;
const round = Math.round;

interface Scope {
  type: 'all' | 'category' | 'repo';
  id: string;
  category: string | null;
  contributors: number[];
  commits: number[];
}

function scopes(): Scope[] {
  const out: Scope[] = [];
  const repoScopes: Scope[] = [];
  for (const [id] of CATEGORIES) {
    const s = SERIES[id]!;
    const commits = s.contributors.map((c) => c * s.commitsPer);
    out.push({ type: 'category', id, category: id, contributors: s.contributors, commits });
    for (const [repo, cat, cShare, kShare, status] of REPOS) {
      if (cat !== id || status !== 'ingested') continue;
      repoScopes.push({ type: 'repo', id: repo, category: id, contributors: s.contributors.map((c) => round(c * cShare)), commits: commits.map((k) => round(k * kShare)) });
    }
  }
  const sum = (f: (s: Scope) => number[]) => QUARTERS.map((_, i) => out.reduce((t, s) => t + f(s)[i]!, 0));
  // People active in several categories count once overall.
  const all: Scope = { type: 'all', id: 'all', category: null, contributors: sum((s) => s.contributors).map((c) => round(c * 0.92)), commits: sum((s) => s.commits) };
  return [all, ...out, ...repoScopes];
}

function scopeQuarterRows(): Row[] {
  const list = scopes();
  const repos = list.filter((s) => s.type === 'repo');
  const rows: Row[] = [];
  list.forEach((s, si) => {
    const first = s.contributors.findIndex((c) => c > 0);
    if (first < 0) return;
    const members = s.type === 'all' ? repos : s.type === 'category' ? repos.filter((r) => r.category === s.id) : [s];
    const activeRepos = QUARTERS.map((_, i) => members.filter((r) => r.contributors[i]! > 0).length);
    for (let i = first; i < NQ; i++) {
      const quarter = QUARTERS[i]!;
      const partial = quarter === PARTIAL_QUARTER;
      const c = s.contributors[i]!;
      const k = s.commits[i]!;
      const prevC = i > first ? s.contributors[i - 1]! : 0;
      const prevK = i > first ? s.commits[i - 1]! : 0;
      const prevR = i > first ? activeRepos[i - 1]! : 0;
      const retained = Math.min(prevC, round(0.6 * c));
      const fresh = Math.min(round(0.25 * c), c - retained);
      const qoq = (x: number, p: number) => (p > 0 && !partial ? (x - p) / p : null);
      const top = members.filter((r) => r.commits[i]! > 0).sort((a, b) => b.commits[i]! - a.commits[i]! || a.id.localeCompare(b.id))[0];
      const meanWeeks = 2.5 + (i % 4) * 0.25 + (si % 5) * 0.1;
      rows.push({
        scope_type: s.type, scope_id: s.id, category_id: s.category, quarter, seq: SEQ0 + i, partial,
        commits: k, merge_commits: round(k * 0.1), bot_commits: round(k * 0.05), agent_assisted_commits: round(k * 0.02), unattributed_commits: round(k * 0.01), bulk_coauthor_commits: 0,
        contributors: c, active_repos: activeRepos[i]!, new_contributors: fresh, new_to_ecosystem: round(fresh * 0.6),
        retained, reactivated: c - fresh - retained, churned: prevC - retained,
        churn_rate: prevC > 0 ? (prevC - retained) / prevC : null, retention: prevC > 0 ? retained / prevC : null,
        mean_active_weeks: meanWeeks, median_active_weeks: Math.floor(meanWeeks), one_week_share: 0.3 + (i % 3) * 0.05,
        test_lines: k * (10 + (si % 5)), src_lines: k * 40, test_line_share: (10 + (si % 5)) / (50 + (si % 5)),
        test_files: round(k * 0.3), src_files: k, test_file_share: k > 0 ? round(k * 0.3) / (round(k * 0.3) + k) : null,
        commits_prev: prevK, contributors_prev: prevC, active_repos_prev: prevR,
        commits_qoq: qoq(k, prevK), contributors_qoq: qoq(c, prevC), active_repos_qoq: qoq(activeRepos[i]!, prevR),
        top_repo: s.type === 'repo' ? null : (top?.id ?? null),
        top_repo_share: s.type === 'repo' || !top || k === 0 ? null : top.commits[i]! / k,
        observed: true,
        // No history stops in the fixture: every change covers its whole scope.
        qoq_basis_share: prevK > 0 ? 1 : null,
        qoq_basis_excludes: null,
      });
    }
  });
  return rows;
}

function topProjectRows(scopeRows: Row[]): Row[] {
  const out: Row[] = [];
  for (const quarter of QUARTERS) {
    const rs = scopeRows.filter((r) => r.scope_type === 'repo' && r.quarter === quarter);
    const order = (a: Row, b: Row) => (b.contributors as number) - (a.contributors as number) || (b.commits as number) - (a.commits as number) || String(a.scope_id).localeCompare(String(b.scope_id));
    const overall = [...rs].sort(order);
    for (const r of overall) {
      const inCat = overall.filter((x) => x.category_id === r.category_id);
      out.push({
        quarter, category_id: r.category_id, repo: r.scope_id, contributors: r.contributors, new_contributors: r.new_contributors,
        returning_contributors: (r.contributors as number) - (r.new_contributors as number), commits: r.commits,
        rank_in_category: inCat.indexOf(r) + 1, rank_overall: overall.indexOf(r) + 1,
      });
    }
  }
  return out;
}

function shareRows(scopeRows: Row[], kind: 'company' | 'work'): Row[] {
  const out: Row[] = [];
  for (const r of scopeRows) {
    if (r.scope_type === 'repo') continue;
    const i = QUARTERS.indexOf(r.quarter as (typeof QUARTERS)[number]);
    const k = r.commits as number;
    if (kind === 'work') {
      for (const [work_kind, share] of WORK_KINDS) out.push({ scope_type: r.scope_type, scope_id: r.scope_id, quarter: r.quarter, work_kind, commits: round(k * share), share });
      continue;
    }
    // Meta gains half a point a quarter from Unknown, so changes are visible.
    const shares = COMPANIES.map(([org, share]): [string, number] => [org, share + (org === 'Meta' ? 1 : org === 'Unknown' ? -1 : 0) * 0.005 * (i - 8)]);
    shares.sort((a, b) => b[1] - a[1]);
    shares.forEach(([organization, share], rank) => out.push({ scope_type: r.scope_type, scope_id: r.scope_id, quarter: r.quarter, organization, credit: k * share, share, rank: rank + 1 }));
  }
  return out;
}

/**
 * change_people's rows. No history stops in the fixture, so a scope's basis totals are
 * its contributors. A category's repositories share the people their contributor shares
 * count twice (a tenth of a two-repository category), so each has alone its share less
 * that; the whole set has alone nine in ten of those (people in two categories count
 * once there, see scopes()). Overlap rows: OVERLAP_PARTS.
 */
function changePeopleRows(): Row[] {
  const out: Row[] = [];
  const push = (scope_type: string, scope_id: string, repo: string | null, series: number[]) =>
    series.forEach((people, i) => {
      const people_prev = i > 0 ? series[i - 1]! : 0;
      if (people > 0 || people_prev > 0) out.push({ quarter: QUARTERS[i]!, scope_type, scope_id, other_category: null, repo, people, people_prev });
    });
  const allSolo = new Map<string, number[]>();
  const totals = QUARTERS.map(() => 0);
  for (const [id] of CATEGORIES) {
    const c = SERIES[id]!.contributors;
    c.forEach((n, i) => (totals[i]! += n));
    push('category', id, null, c);
    const repos = REPOS.filter(([, cat, , , status]) => cat === id && status === 'ingested');
    // Rounded so 0.65 + 0.45 - 1 is the tenth it reads as, not 0.1000…09.
    const twice = round((repos.reduce((t, r) => t + r[2], 0) - 1) * 100) / 100;
    for (const [repo, , share] of repos) {
      const solo = c.map((n) => round(n * (share - twice)));
      push('category', id, repo, solo);
      allSolo.set(repo, solo.map((n) => round(n * 0.9)));
    }
  }
  push('all', 'all', null, totals.map((n) => round(n * 0.92)));
  for (const [repo, solo] of allSolo) push('all', 'all', repo, solo);
  for (const [quarter, scope_id, other_category, repo, people, people_prev] of OVERLAP_PARTS) out.push({ quarter, scope_type: 'category', scope_id, other_category, repo, people, people_prev });
  return out;
}

function columns(rows: Row[], types: Record<string, string>): [string, string][] {
  const names = Object.keys(rows[0] ?? types);
  return names.map((n) => [n, types[n] ?? (typeof rows.find((r) => r[n] !== null)?.[n] === 'number' ? 'INTEGER' : typeof rows.find((r) => r[n] !== null)?.[n] === 'boolean' ? 'BOOLEAN' : 'VARCHAR')]);
}

function literal(v: Value): string {
  if (v === null) return 'NULL';
  if (typeof v === 'string') return `'${v.replaceAll("'", "''")}'`;
  return String(v);
}

async function writeParquet(conn: DuckDBConnection, file: string, cols: [string, string][], rows: Row[], where: string, order: string): Promise<void> {
  await conn.run(`CREATE OR REPLACE TEMP TABLE t (${cols.map(([n, t]) => `${n} ${t}`).join(', ')})`);
  if (rows.length > 0) {
    const values = rows.map((r) => `(${cols.map(([n]) => literal(r[n] ?? null)).join(', ')})`);
    await conn.run(`INSERT INTO t VALUES ${values.join(',\n')}`);
  }
  await conn.run(`COPY (SELECT * FROM t WHERE ${where} ORDER BY ${order}) TO '${file}' (FORMAT parquet, COMPRESSION zstd)`);
}

const DOUBLES = ['churn_rate', 'retention', 'mean_active_weeks', 'median_active_weeks', 'one_week_share', 'test_line_share', 'test_file_share', 'commits_qoq', 'contributors_qoq', 'active_repos_qoq', 'top_repo_share', 'credit', 'share', 'qoq_basis_share'];

/** Writes <root>/2024-q3 and <root>/2024-q4 and returns root. */
export async function writePublishedFixture(root: string): Promise<string> {
  const instance = await DuckDBInstance.create(':memory:');
  const conn = await instance.connect();
  const types: Record<string, string> = Object.fromEntries(DOUBLES.map((d) => [d, 'DOUBLE']));
  const sq = scopeQuarterRows();
  const projects = newProjectRows(sq);
  const firstQuarter = (repo: string) => (sq.find((r) => r.scope_type === 'repo' && r.scope_id === repo)?.quarter as string | undefined) ?? null;
  const tables: Record<string, { rows: Row[]; order: string; types?: Record<string, string>; windowed: boolean }> = {
    quarters: {
      rows: QUARTERS.map((quarter, i) => ({ quarter, seq: SEQ0 + i, start_ts: quarterStart(i), end_ts: quarterStart(i + 1), partial: quarter === PARTIAL_QUARTER })),
      types: { start_ts: 'TIMESTAMP', end_ts: 'TIMESTAMP' },
      order: 'seq',
      windowed: true,
    },
    categories: { rows: CATEGORIES.map(([category_id, name, emoji, colour, sort_order]) => ({ category_id, name, emoji, colour, sort_order })), order: 'sort_order', windowed: false },
    repos: {
      // The first counted commit mid-way through its first quarter; last commits are not in the fixture (empty).
      rows: REPOS.map(([repo, category_id, , , status]) => {
        const first = firstQuarter(repo);
        const firstCommit = first ? `${first.slice(0, 4)}-${String((Number(first.slice(6)) - 1) * 3 + 2).padStart(2, '0')}-15` : null;
        const note = status === 'unavailable' ? 'history not available in this dataset (repository too large to mirror)' : null;
        return { repo, category_id, status, upstream: null, tracked_until: null, ingested: status === 'ingested', first_quarter: first, note, first_commit: firstCommit, last_commit: null };
      }),
      types: { upstream: 'VARCHAR', tracked_until: 'DATE', first_quarter: 'VARCHAR', note: 'VARCHAR', first_commit: 'DATE', last_commit: 'DATE' },
      order: 'category_id, repo',
      windowed: false,
    },
    scope_quarters: { rows: sq, types: { category_id: 'VARCHAR', top_repo: 'VARCHAR', qoq_basis_excludes: 'VARCHAR' }, order: 'seq, scope_type, scope_id', windowed: true },
    top_projects: { rows: topProjectRows(sq), order: 'quarter, rank_overall', windowed: true },
    work_composition: { rows: shareRows(sq, 'work'), order: 'quarter, scope_type, scope_id, work_kind', windowed: true },
    company_share: { rows: shareRows(sq, 'company'), order: 'quarter, scope_type, scope_id, rank', windowed: true },
    category_overlap: { rows: OVERLAP.map(([quarter, category_a, category_b, people]) => ({ quarter, category_a, category_b, people })), order: 'quarter, category_a, category_b', windowed: true },
    category_migration: { rows: MIGRATION.map(([quarter, from_category, to_category, people]) => ({ quarter, from_category, to_category, people })), order: 'quarter, from_category, to_category', windowed: true },
    change_people: {
      rows: changePeopleRows(),
      types: { other_category: 'VARCHAR', repo: 'VARCHAR', people: 'INTEGER', people_prev: 'INTEGER' },
      order: 'quarter, scope_type, scope_id, other_category NULLS FIRST, repo NULLS FIRST',
      windowed: true,
    },
    // Sizes follow the repositories' commits: 40 lines each, the largest a quarter of them.
    commit_sizes: {
      rows: sq
        .filter((r) => r.scope_type === 'repo')
        .map((r) => {
          const commits = Number(r.commits);
          return { repo: r.scope_id, category_id: r.category_id, quarter: r.quarter, commits, lines: commits * 40, largest_commit_lines: commits > 0 ? commits * 10 : null, largest_commit_share: commits > 0 ? 0.25 : null };
        }),
      types: { lines: 'BIGINT', largest_commit_lines: 'BIGINT', largest_commit_share: 'DOUBLE' },
      order: 'quarter, category_id, repo',
      windowed: true,
    },
    talent_pools: {
      rows: talentPoolRows(),
      types: { name: 'VARCHAR', categories: 'VARCHAR', in_stopped_histories: 'INTEGER' },
      order: 'quarter, pool_type, pool_id',
      windowed: true,
    },
    core_team: {
      rows: coreTeamRows(sq),
      types: { category_id: 'VARCHAR', core_50: 'INTEGER', core_80: 'INTEGER', steady_contributors: 'INTEGER' },
      order: 'seq, scope_type, scope_id',
      windowed: true,
    },
    scope_newcomers: {
      rows: newcomerRows(sq, projects),
      types: { newcomer_share: 'DOUBLE', ecosystem_newcomer_share: 'DOUBLE' },
      order: 'seq, scope_type, scope_id',
      windowed: true,
    },
    new_projects: { rows: projects, order: 'seq, rank', windowed: true },
    // Threshold 1 is category_overlap / category_migration themselves, as the engine publishes it.
    category_overlap_thresholds: {
      rows: [...OVERLAP.map(([quarter, a, b, people]): [string, number, string, string, number] => [quarter, 1, a, b, people]), ...OVERLAP_THRESHOLDS].map(
        ([quarter, min_commits, category_a, category_b, people]) => ({ quarter, min_commits, category_a, category_b, people }),
      ),
      order: 'quarter, min_commits, category_a, category_b',
      windowed: true,
    },
    category_migration_thresholds: {
      rows: [...MIGRATION.map(([quarter, from, to, people]): [string, number, string, string, number] => [quarter, 1, from, to, people]), ...MIGRATION_THRESHOLDS].map(
        ([quarter, min_commits, from_category, to_category, people]) => ({ quarter, min_commits, from_category, to_category, people }),
      ),
      order: 'quarter, min_commits, from_category, to_category',
      windowed: true,
    },
  };
  for (const quarter of FIXTURE_QUARTERS) {
    const dir = join(root, quarter);
    mkdirSync(dir, { recursive: true });
    const end = QUARTERS.indexOf(quarter);
    const window = QUARTERS.slice(end - 8, end + 1);
    const inWindow = `quarter IN (${window.map((q) => `'${q}'`).join(', ')})`;
    const files: Record<string, { rows: number; bytes: number; sha256: string }> = {};
    for (const [name, t] of Object.entries(tables)) {
      const file = join(dir, `${name}.parquet`);
      await writeParquet(conn, file, columns(t.rows, { ...types, ...t.types }), t.rows, t.windowed ? inWindow : 'true', t.order);
      const rows = t.windowed ? t.rows.filter((r) => (window as readonly string[]).includes(r.quarter as string)).length : t.rows.length;
      files[`${name}.parquet`] = { rows, bytes: statSync(file).size, sha256: createHash('sha256').update(readFileSync(file)).digest('hex') };
    }
    const all = sq.find((r) => r.scope_type === 'all' && r.quarter === quarter)!;
    const pick = (k: string) => (all[k] as number | null) ?? null;
    const manifest = {
      quarter,
      published: quarter === '2024-q3' ? '2024-10-06' : '2024-11-20',
      engine: { version: 'fixture', parser: 'fixture', classifiers: 'fixture' },
      dataset: {
        snapshot: quarter === '2024-q3' ? '2024-10-01T06:00:00Z' : '2024-11-15T06:00:00Z',
        repos_tracked: REPOS.length,
        repos_ingested: REPOS.filter((r) => r[4] === 'ingested').length,
        repos_unavailable: REPOS.filter((r) => r[4] !== 'ingested').length,
        fingerprint: 'fixture',
      },
      quarters: window,
      partial: quarter === PARTIAL_QUARTER,
      headline: {
        tracked_repos: REPOS.length,
        ingested_repos: REPOS.filter((r) => r[4] === 'ingested').length,
        ...Object.fromEntries(['active_repos', 'commits', 'contributors', 'new_contributors', 'commits_qoq', 'contributors_qoq', 'bot_commits', 'agent_assisted_commits', 'merge_commits'].map((k) => [k, pick(k)])),
      },
      files,
    };
    writeFileSync(join(dir, 'manifest.json'), JSON.stringify(manifest, null, 2) + '\n');
  }
  conn.closeSync();
  instance.closeSync();
  return root;
}

function quarterStart(i: number): string {
  const [y, q] = (QUARTERS[0] ?? '2022-q3').split('-q').map(Number) as [number, number];
  const idx = y * 4 + (q - 1) + i;
  const year = Math.floor(idx / 4);
  return `${year}-${String((idx % 4) * 3 + 1).padStart(2, '0')}-01 00:00:00`;
}

/** A fresh fixture in a temp dir, and DEEP_SIGNAL_PUBLISHED_DIR pointed at it. */
export async function usePublishedFixture(): Promise<string> {
  const root = await writePublishedFixture(mkdtempSync(join(tmpdir(), 'ds-published-')));
  process.env[PUBLISHED_DIR_ENV] = root;
  return root;
}
