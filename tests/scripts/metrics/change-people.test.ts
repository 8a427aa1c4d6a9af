// change_people, the artefact guard's people counts: the metric SQL on the warehouse
// fixture equals an independent recount from person_activity (plain TypeScript, no SQL
// shared), with every person once (overlap cells hidden) and three times over (shown);
// its totals are what contributors_qoq compares; and the published fixture's literal
// overlap rows are what the engine would publish for STORY's people.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { DuckDBConnection } from '@duckdb/node-api';
import { beforeAll, describe, expect, it } from 'vitest';
import { computeMetrics, METRICS_SQL_DIR } from '../../../scripts/metrics/metrics.ts';
import { SMALL_CELL_MIN_PEOPLE } from '../../../src/lib/chord-thresholds.ts';
import { quarterLastDay } from '../../../src/lib/explain-change.ts';
import { OVERLAP, OVERLAP_PARTS, QUARTERS, REPOS, STORY } from '../../helpers/published-fixture-data.ts';
import { createWarehouseFixture } from '../../helpers/warehouse-fixture.ts';

interface Credit {
  person: number;
  repo: string;
  category_id: string;
  quarter: string;
}

interface ChangeRow {
  quarter: string;
  scope_type: string;
  scope_id: string;
  other_category: string | null;
  repo: string | null;
  people: number | null;
  people_prev: number | null;
}

async function all<T>(conn: DuckDBConnection, sql: string): Promise<T[]> {
  return (await conn.runAndReadAll(sql)).getRowObjectsJS().map((r) => Object.fromEntries(Object.entries(r).map(([k, v]) => [k, typeof v === 'bigint' ? Number(v) : v]))) as T[];
}

const add = <K>(m: Map<K, Set<string>>, k: K, v: string) => m.set(k, (m.get(k) ?? new Set<string>()).add(v));

/** Per person: the repositories they were credited in, by scope ('all' and their categories). */
function scopesOf(credits: readonly Credit[]): Map<string, Map<number, Set<string>>> {
  const out = new Map<string, Map<number, Set<string>>>();
  for (const c of credits) {
    for (const scope of ['all', c.category_id]) {
      const people = out.get(scope) ?? new Map<number, Set<string>>();
      add(people, c.person, c.repo);
      out.set(scope, people);
    }
  }
  return out;
}

/**
 * change_people recounted: for each quarter Q, over the repositories tracked to Q's end,
 * each scope's people in Q and Q-1 and those it has through one repository only; and,
 * with no basis, people in two categories through one repository of the first, cells
 * under the small-cell limit emptied.
 */
function recount(credits: readonly Credit[], quarters: readonly string[], trackedUntil: ReadonlyMap<string, string | null>): ChangeRow[] {
  const out: ChangeRow[] = [];
  const inQuarter = (q: string) => credits.filter((c) => c.quarter === q);
  const overlapCells = (q: string) => {
    const cells = new Map<string, number>();
    const byPerson = new Map<number, Map<string, Set<string>>>();
    for (const c of inQuarter(q)) {
      const cats = byPerson.get(c.person) ?? new Map<string, Set<string>>();
      add(cats, c.category_id, c.repo);
      byPerson.set(c.person, cats);
    }
    for (const cats of byPerson.values()) {
      for (const [x, repos] of cats) {
        if (repos.size !== 1) continue;
        for (const y of cats.keys()) if (y !== x) cells.set(`${x}|${y}|${[...repos][0]}`, (cells.get(`${x}|${y}|${[...repos][0]}`) ?? 0) + 1);
      }
    }
    return cells;
  };
  quarters.forEach((q, i) => {
    const prev = i > 0 ? quarters[i - 1]! : null;
    const basis = (c: Credit) => {
      const until = trackedUntil.get(c.repo) ?? null;
      return until === null || until >= quarterLastDay(q);
    };
    const cur = scopesOf(inQuarter(q).filter(basis));
    const before = prev ? scopesOf(inQuarter(prev).filter(basis)) : new Map<string, Map<number, Set<string>>>();
    for (const scope of new Set([...cur.keys(), ...before.keys()])) {
      const [now, then] = [cur.get(scope) ?? new Map<number, Set<string>>(), before.get(scope) ?? new Map<number, Set<string>>()];
      const scope_type = scope === 'all' ? 'all' : 'category';
      out.push({ quarter: q, scope_type, scope_id: scope, other_category: null, repo: null, people: now.size, people_prev: then.size });
      const solo = (m: Map<number, Set<string>>, repo: string) => [...m.values()].filter((r) => r.size === 1 && r.has(repo)).length;
      const repos = new Set([...now.values(), ...then.values()].filter((r) => r.size === 1).map((r) => [...r][0]!));
      for (const repo of repos) out.push({ quarter: q, scope_type, scope_id: scope, other_category: null, repo, people: solo(now, repo), people_prev: solo(then, repo) });
    }
    const [now, then] = [overlapCells(q), prev ? overlapCells(prev) : new Map<string, number>()];
    for (const key of new Set([...now.keys(), ...then.keys()])) {
      const [x, y, repo] = key.split('|') as [string, string, string];
      const [p, pp] = [now.get(key) ?? 0, then.get(key) ?? 0];
      if (p < SMALL_CELL_MIN_PEOPLE && pp < SMALL_CELL_MIN_PEOPLE) continue;
      const shown = (n: number) => (n >= SMALL_CELL_MIN_PEOPLE ? n : null);
      out.push({ quarter: q, scope_type: 'category', scope_id: x, other_category: y, repo, people: shown(p), people_prev: shown(pp) });
    }
  });
  return sortRows(out);
}

function sortRows(rows: ChangeRow[]): ChangeRow[] {
  const k = (v: string | null) => v ?? '';
  return rows.sort(
    (a, b) =>
      a.quarter.localeCompare(b.quarter) || a.scope_type.localeCompare(b.scope_type) || a.scope_id.localeCompare(b.scope_id) || k(a.other_category).localeCompare(k(b.other_category)) || k(a.repo).localeCompare(k(b.repo)),
  );
}

/** The warehouse fixture with every person there `copies` times over (new ids, the same commits), metrics computed. */
async function warehouse(copies: number): Promise<DuckDBConnection> {
  const { conn } = await createWarehouseFixture();
  await conn.run('CREATE TEMP TABLE one_copy AS SELECT * FROM commit_credits');
  for (let i = 1; i < copies; i++) {
    await conn.run(`INSERT INTO commit_credits SELECT sha, repo, category_id, quarter, week, person_id + ${i * 1000}, weight, organization FROM one_copy`);
  }
  await computeMetrics(conn);
  return conn;
}

async function published(conn: DuckDBConnection): Promise<ChangeRow[]> {
  return sortRows(await all<ChangeRow>(conn, 'SELECT * FROM change_people'));
}

async function recountFrom(conn: DuckDBConnection): Promise<ChangeRow[]> {
  const credits = await all<Credit>(conn, 'SELECT person_id AS person, repo, category_id, quarter FROM person_activity');
  const quarters = (await all<{ quarter: string }>(conn, 'SELECT quarter FROM quarters ORDER BY seq')).map((q) => q.quarter);
  const repos = await all<{ repo: string; until: string | null }>(conn, "SELECT repo, strftime(tracked_until, '%Y-%m-%d') AS until FROM repos");
  return recount(credits, quarters, new Map(repos.map((r) => [r.repo, r.until])));
}

describe('change_people from the warehouse', () => {
  let once: DuckDBConnection;
  let thrice: DuckDBConnection;

  beforeAll(async () => {
    once = await warehouse(1);
    thrice = await warehouse(3);
  });

  it('follows bob across the history that stops (old/legacy-serve, tracked until 2023-05-15)', async () => {
    const serving = (q: string) => all<ChangeRow>(once, `SELECT * FROM change_people WHERE quarter = '${q}' AND scope_id IN ('serving', 'all') AND other_category IS NULL ORDER BY scope_id, repo NULLS FIRST`);
    // 2023-q1: bob works in beta/server and old/legacy-serve, so neither scope has him through one repository.
    expect(await serving('2023-q1')).toEqual([
      { quarter: '2023-q1', scope_type: 'all', scope_id: 'all', other_category: null, repo: null, people: 5, people_prev: 0 },
      { quarter: '2023-q1', scope_type: 'all', scope_id: 'all', other_category: null, repo: 'acme/trainer', people: 3, people_prev: 0 }, // alice dave erin
      { quarter: '2023-q1', scope_type: 'all', scope_id: 'all', other_category: null, repo: 'acme/trainer-utils', people: 1, people_prev: 0 }, // frank
      { quarter: '2023-q1', scope_type: 'category', scope_id: 'serving', other_category: null, repo: null, people: 1, people_prev: 0 },
    ]);
    // 2023-q2 leaves old/legacy-serve out of both quarters: bob is then serving's through beta/server alone, before and after.
    expect(await serving('2023-q2')).toEqual([
      { quarter: '2023-q2', scope_type: 'all', scope_id: 'all', other_category: null, repo: null, people: 5, people_prev: 5 },
      { quarter: '2023-q2', scope_type: 'all', scope_id: 'all', other_category: null, repo: 'acme/trainer', people: 2, people_prev: 3 },
      { quarter: '2023-q2', scope_type: 'all', scope_id: 'all', other_category: null, repo: 'acme/trainer-utils', people: 1, people_prev: 1 },
      { quarter: '2023-q2', scope_type: 'all', scope_id: 'all', other_category: null, repo: 'beta/server', people: 1, people_prev: 1 },
      { quarter: '2023-q2', scope_type: 'all', scope_id: 'all', other_category: null, repo: 'gamma/compiler', people: 1, people_prev: 0 }, // gina
      { quarter: '2023-q2', scope_type: 'category', scope_id: 'serving', other_category: null, repo: null, people: 1, people_prev: 1 },
      { quarter: '2023-q2', scope_type: 'category', scope_id: 'serving', other_category: null, repo: 'beta/server', people: 1, people_prev: 1 },
    ]);
  });

  it('equals a recount from person_activity, every person once: overlaps of one person have no row', async () => {
    const rows = await published(once);
    expect(rows).toEqual(await recountFrom(once));
    // carol (serving and compilers, 2023-q3) and frank (compilers and training, 2023-q4) are one person a cell.
    expect(rows.filter((r) => r.other_category !== null)).toEqual([]);
  });

  it('equals a recount with every person three times: the overlap cells are published', async () => {
    const rows = await published(thrice);
    expect(rows).toEqual(await recountFrom(thrice));
    const overlap = rows.filter((r) => r.other_category !== null).map((r) => [r.quarter, r.scope_id, r.other_category, r.repo, r.people, r.people_prev]);
    expect(overlap).toEqual([
      ['2023-q3', 'compilers', 'serving', 'gamma/compiler', 3, null], // carol ×3
      ['2023-q3', 'serving', 'compilers', 'beta/server', 3, null],
      ['2023-q4', 'compilers', 'serving', 'gamma/compiler', null, 3], // carol's side of the quarter before
      ['2023-q4', 'compilers', 'training', 'gamma/compiler', 3, null], // frank ×3
      ['2023-q4', 'serving', 'compilers', 'beta/server', null, 3],
      ['2023-q4', 'training', 'compilers', 'acme/trainer-utils', 3, null],
      ['2024-q1', 'compilers', 'training', 'gamma/compiler', null, 3],
      ['2024-q1', 'training', 'compilers', 'acme/trainer-utils', null, 3],
    ]);
  });

  it('totals are the two counts contributors_qoq compares, like-for-like where a history stops', async () => {
    const differ = await all<Record<string, unknown>>(
      thrice,
      `SELECT c.quarter, c.scope_id FROM change_people c
       JOIN scope_quarters s ON s.scope_type = c.scope_type AND s.scope_id = c.scope_id AND s.quarter = c.quarter
       WHERE c.repo IS NULL AND c.other_category IS NULL AND s.contributors_qoq IS NOT NULL
         AND abs((c.people - c.people_prev) / c.people_prev - s.contributors_qoq) > 1e-12`,
    );
    expect(differ).toEqual([]);
    const [{ n }] = (await all<{ n: number }>(
      thrice,
      `SELECT count(*)::INTEGER AS n FROM change_people c JOIN scope_quarters s ON s.scope_type = c.scope_type AND s.scope_id = c.scope_id AND s.quarter = c.quarter
       WHERE c.repo IS NULL AND c.other_category IS NULL AND s.contributors_qoq IS NOT NULL`,
    )) as [{ n: number }];
    expect(n).toBeGreaterThan(0);
  });

  it("overlap cells of a category's side add up to no more than the pair (people with two repositories there count in none)", async () => {
    const over = await all<Record<string, unknown>>(
      thrice,
      `SELECT c.quarter, c.scope_id, c.other_category FROM change_people c
       JOIN category_overlap o ON o.quarter = c.quarter AND o.category_a = least(c.scope_id, c.other_category) AND o.category_b = greatest(c.scope_id, c.other_category)
       WHERE c.other_category IS NOT NULL
       GROUP BY ALL HAVING sum(c.people) > any_value(o.people)`,
    );
    expect(over).toEqual([]);
  });

  it('hides cells under the small-cell limit the chord uses', () => {
    const sql = readFileSync(join(METRICS_SQL_DIR, 'change_people.sql'), 'utf8').replace(/--[^\n]*/g, '');
    const limits = [...sql.matchAll(/people(?:_prev)?\) >= (\d+)|people(?:_prev)? >= (\d+)/g)].map((m) => Number(m[1] ?? m[2]));
    expect(limits.length).toBeGreaterThan(0);
    expect(new Set(limits)).toEqual(new Set([SMALL_CELL_MIN_PEOPLE]));
  });
});

describe("the published fixture's change_people", () => {
  it('holds, for overlaps, what the engine would publish for STORY (an independent recount)', () => {
    const categoryOf = new Map(REPOS.map(([repo, cat]) => [repo, cat]));
    const credits = STORY.map(([person, repo, quarter]) => ({ person, repo, category_id: categoryOf.get(repo)!, quarter }));
    const overlap = recount(credits, QUARTERS, new Map()).filter((r) => r.other_category !== null);
    expect(overlap.map((r) => [r.quarter, r.scope_id, r.other_category, r.repo, r.people, r.people_prev])).toEqual(OVERLAP_PARTS);
    // And STORY is what the fixture's category_overlap counts, so the parts belong to those pairs.
    const pairs = new Set(OVERLAP.map(([q, a, b]) => `${q}|${a}|${b}`));
    for (const r of overlap) expect(pairs.has(`${r.quarter}|${[r.scope_id, r.other_category!].sort().join('|')}`)).toBe(true);
  });
});
