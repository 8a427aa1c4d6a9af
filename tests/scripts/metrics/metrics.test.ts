import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import type { DuckDBConnection } from '@duckdb/node-api';
import { computeMetrics, metricTableNames, readMetricFiles } from '../../../scripts/metrics/metrics.ts';
import { createWarehouseFixture, fixtureRows, PEOPLE } from '../../helpers/warehouse-fixture.ts';

type Row = Record<string, unknown>;

let conn: DuckDBConnection;
const timings: string[] = [];

async function rows(sql: string): Promise<Row[]> {
  return (await conn.runAndReadAll(sql)).getRowObjectsJS() as Row[];
}

async function scopeRow(scopeId: string, quarter: string): Promise<Row> {
  const [row] = await rows(`SELECT * FROM scope_quarters WHERE scope_id = '${scopeId}' AND quarter = '${quarter}'`);
  if (!row) throw new Error(`no scope_quarters row for ${scopeId} ${quarter}`);
  return row;
}

beforeAll(async () => {
  ({ conn } = await createWarehouseFixture());
  await computeMetrics(conn, { onTable: (name) => timings.push(name) });
});

describe('metric runner', () => {
  it('creates every table, each after the tables it reads', () => {
    const names = metricTableNames();
    expect([...names].sort()).toEqual([
      'category_migration', 'category_migration_thresholds', 'category_overlap', 'category_overlap_thresholds',
      'change_people', 'commit_sizes', 'company_share', 'core_team', 'lifecycle_violations', 'new_projects',
      'person_activity', 'scope_newcomers', 'scope_quarters', 'talent_pools', 'top_projects', 'work_composition',
    ]);
    expect(timings).toEqual(names);
    expect(names.indexOf('scope_quarters')).toBeLessThan(names.indexOf('top_projects'));
    // scope_quarters names lifecycle_violations in a comment; that is not a dependency.
    expect(names.indexOf('scope_quarters')).toBeLessThan(names.indexOf('lifecycle_violations'));
  });

  describe('with other SQL folders', () => {
    let dir: string;
    beforeAll(() => {
      dir = mkdtempSync(join(tmpdir(), 'metrics-'));
    });
    afterAll(() => rmSync(dir, { recursive: true, force: true }));

    function folder(files: Record<string, string>): string {
      const d = mkdtempSync(join(dir, 'case-'));
      for (const [name, sql] of Object.entries(files)) writeFileSync(join(d, name), sql);
      return d;
    }

    it('orders by whole-word references outside comments and strings', async () => {
      const d = folder({
        'a.sql': "-- built before b_extra? irrelevant: b is only named here\nSELECT x + 1 AS y, 'b' AS s FROM b",
        'b.sql': 'SELECT 41 AS x',
        'b_extra.sql': 'SELECT y FROM a',
      });
      expect(metricTableNames(d)).toEqual(['b', 'a', 'b_extra']);
      await computeMetrics(conn, { dir: d });
      expect(await rows('SELECT y FROM b_extra')).toEqual([{ y: 42 }]);
    });

    it('names the files of a cycle', () => {
      const d = folder({ 'p.sql': 'SELECT * FROM q', 'q.sql': 'SELECT * FROM p', 'r.sql': 'SELECT 1 AS one' });
      expect(() => metricTableNames(d)).toThrow(/cycle.*p\.sql.*q\.sql/);
    });

    it('names the file whose SQL fails', async () => {
      const d = folder({ 'broken.sql': 'SELECT * FROM no_such_table' });
      await expect(computeMetrics(conn, { dir: d })).rejects.toThrow(/broken\.sql.*no_such_table/s);
    });
  });
});

describe('scope_quarters', () => {
  it('follows alice through new, retained, churned and reactivated in her repo', async () => {
    const q = await Promise.all(['2023-q1', '2023-q2', '2023-q3', '2023-q4'].map((x) => scopeRow('acme/trainer', x)));
    // Q1 alice, erin, dave new; Q2 alice+erin retained, dave churned;
    // Q3 erin retained, bob new, alice churned; Q4 alice reactivated, erin retained, bob churned.
    expect(q.map((r) => [r.contributors, r.new_contributors, r.retained, r.reactivated, r.churned, r.contributors_prev]))
      .toEqual([[3, 3, 0, 0, 0, 0], [2, 0, 2, 0, 1, 3], [2, 1, 1, 0, 1, 2], [2, 0, 1, 1, 1, 2]]);
    expect(q[1]?.churn_rate).toBeCloseTo(1 / 3);
    expect(q[1]?.retention).toBeCloseTo(2 / 3);
    expect(q[0]?.churn_rate).toBeNull();
  });

  it('tells new to a category from new to the ecosystem', async () => {
    // bob moves from serving to training in Q3; frank adds compilers in Q4; carol arrives in Q3.
    const training = await scopeRow('training', '2023-q3');
    expect([training.new_contributors, training.new_to_ecosystem]).toEqual([1, 0]);
    const compilers = await scopeRow('compilers', '2023-q4');
    expect([compilers.new_contributors, compilers.new_to_ecosystem, compilers.reactivated]).toEqual([1, 0, 1]);
    const serving = await scopeRow('serving', '2023-q3');
    expect([serving.new_contributors, serving.new_to_ecosystem, serving.churned]).toEqual([1, 1, 1]);
    const all = await scopeRow('all', '2023-q3');
    expect([all.contributors, all.new_contributors, all.retained, all.churned]).toEqual([4, 1, 3, 2]);
    // bob, gone in Q4, returns as a co-author in Q5.
    const all5 = await scopeRow('all', '2024-q1');
    expect([all5.retained, all5.reactivated, all5.churned]).toEqual([4, 1, 1]);
  });

  it('counts bots, merges and agent help apart from human commits, and skips bogus dates', async () => {
    const r = await scopeRow('acme/trainer', '2023-q1');
    // c01-c04, c07, c08 are human work; c05 is dependabot, c06 a merge, c00 a bogus date.
    expect([r.commits, r.merge_commits, r.bot_commits, r.agent_assisted_commits]).toEqual([6, 1, 1, 0]);
    const compilers = await scopeRow('gamma/compiler', '2023-q2');
    // c20 was written by an agent with no human: work, but nobody is credited.
    expect([compilers.commits, compilers.agent_assisted_commits, compilers.contributors]).toEqual([2, 1, 1]);
    const [bogus] = await rows("SELECT count(*)::INTEGER AS n FROM scope_quarters WHERE quarter IS NULL OR quarter < '2023'");
    expect(bogus?.n).toBe(0);
  });

  it('measures test share on human commits only', async () => {
    const r = await scopeRow('acme/trainer', '2023-q1');
    expect([r.test_lines, r.src_lines, r.test_files, r.src_files]).toEqual([80, 170, 4, 8]);
    expect(r.test_line_share).toBeCloseTo(80 / 250);
    expect(r.test_file_share).toBeCloseTo(4 / 12);
    expect((await scopeRow('acme/trainer', '2023-q2')).test_line_share).toBeNull();
  });

  it('counts distinct active weeks per person, across repos within a scope', async () => {
    // training Q1: alice weeks {0,6}, erin {2,6,11}, dave {6}, frank {9}.
    const t = await scopeRow('training', '2023-q1');
    expect(t.mean_active_weeks).toBeCloseTo(7 / 4);
    expect(t.median_active_weeks).toBeCloseTo(1.5);
    expect(t.one_week_share).toBeCloseTo(0.5);
    // bob in Q2: server weeks {2,4}, legacy-serve {4}; the shared week counts once.
    expect((await scopeRow('serving', '2023-q2')).mean_active_weeks).toBe(2);
    expect((await scopeRow('old/legacy-serve', '2023-q2')).mean_active_weeks).toBe(1);
  });

  it('leaves QoQ empty when the previous value is 0 or the quarter is partial', async () => {
    const first = await scopeRow('compilers', '2023-q2');
    expect([first.commits_prev, first.commits_qoq, first.contributors_qoq]).toEqual([0, null, null]);
    const q2 = await scopeRow('acme/trainer', '2023-q2');
    expect(q2.commits_qoq).toBeCloseTo(-0.5);
    expect(q2.contributors_qoq).toBeCloseTo(-1 / 3);
    const partial = await scopeRow('acme/trainer', '2024-q2');
    expect([partial.partial, partial.commits_prev, partial.commits_qoq]).toEqual([true, 2, null]);
  });

  it('flags quarters distorted by a repo whose tracking stops (legacy-serve, 2023-05-15)', async () => {
    const observed = async (scope: string) =>
      Promise.all(['2023-q1', '2023-q2', '2023-q3', '2023-q4'].map(async (q) => (await scopeRow(scope, q)).observed));
    // The repo is not tracked to the end of Q2; serving and 'all' lose it between Q1 and Q3.
    expect(await observed('old/legacy-serve')).toEqual([true, false, false, false]);
    expect(await observed('serving')).toEqual([true, false, false, true]);
    expect(await observed('all')).toEqual([true, false, false, true]);
    expect(await observed('training')).toEqual([true, true, true, true]);
    const serving3 = await scopeRow('serving', '2023-q3');
    expect([serving3.commits_prev, serving3.commits_qoq, serving3.churned]).toEqual([3, null, 1]);
    expect((await scopeRow('serving', '2023-q4')).commits_qoq).toBe(0);
  });

  it('names the top repo of a category and its share (ties by name)', async () => {
    const t = await scopeRow('training', '2023-q1');
    expect(t.top_repo).toBe('acme/trainer');
    expect(t.top_repo_share).toBeCloseTo(6 / 7);
    const s = await scopeRow('serving', '2023-q1');
    expect([s.top_repo, s.top_repo_share, s.active_repos]).toEqual(['beta/server', 0.5, 2]);
    expect((await scopeRow('acme/trainer', '2023-q1')).top_repo).toBeNull();
  });

  it('starts each scope at its first quarter and keeps quiet quarters after it', async () => {
    const counts = await rows(`SELECT scope_id, count(*)::INTEGER AS n, min(quarter) AS first
      FROM scope_quarters GROUP BY scope_id ORDER BY scope_id`);
    expect(counts.find((r) => r.scope_id === 'compilers')).toEqual({ scope_id: 'compilers', n: 5, first: '2023-q2' });
    expect(counts.find((r) => r.scope_id === 'acme/trainer-utils')?.n).toBe(6);
    expect(counts.some((r) => r.scope_id === 'lost/unavailable')).toBe(false);
  });

  it('keeps the lifecycle invariants in every scope and quarter', async () => {
    const all = await rows('SELECT * FROM scope_quarters ORDER BY scope_type, scope_id, seq');
    expect(all.length).toBe(52);
    let prev: Row | undefined;
    for (const r of all) {
      const same = prev && prev.scope_id === r.scope_id && prev.scope_type === r.scope_type;
      expect(r.contributors, `${r.scope_id} ${r.quarter}`).toBe(
        Number(r.new_contributors) + Number(r.retained) + Number(r.reactivated));
      expect(r.contributors_prev, `${r.scope_id} ${r.quarter}`).toBe(Number(r.retained) + Number(r.churned));
      expect(r.contributors_prev).toBe(same ? prev?.contributors : 0);
      expect(r.new_to_ecosystem as number).toBeLessThanOrEqual(r.new_contributors as number);
      // A scope whose basis leaves a stopped history out is compared like-for-like
      // (scope-quarters-like-for-like.test.ts recounts it); elsewhere QoQ is the plain change.
      if (r.partial || r.commits_prev === 0 || (r.qoq_basis_share as number) < 0.8) expect(r.commits_qoq).toBeNull();
      else if (r.qoq_basis_excludes === null) expect(r.commits_qoq).toBeCloseTo((Number(r.commits) - Number(r.commits_prev)) / Number(r.commits_prev));
      prev = r;
    }
    expect(await rows('SELECT * FROM lifecycle_violations')).toEqual([]);
  });

  it('has a check that reports a broken invariant', async () => {
    const own = await createWarehouseFixture();
    await computeMetrics(own.conn);
    await own.conn.run("UPDATE scope_quarters SET churned = churned + 1 WHERE scope_id = 'serving' AND quarter = '2023-q3'");
    const check = readMetricFiles().find((f) => f.name === 'lifecycle_violations');
    const found = (await own.conn.runAndReadAll(check?.sql ?? '')).getRowObjectsJS();
    expect(found).toEqual([{
      scope_type: 'category', scope_id: 'serving', quarter: '2023-q3',
      rule: 'contributors_prev = retained + churned', expected: 1, actual: 2,
    }]);
    own.conn.closeSync();
  });

  it('agrees with a direct recount of every lifecycle figure', async () => {
    const { credits, quarters } = fixtureRows();
    const seqOf = new Map(quarters.map((q) => [q[0] as string, q[1] as number]));
    const lastSeq = Math.max(...seqOf.values());
    const active = new Map<string, Set<string>>(); // scope -> "person@seq"
    const firstAnywhere = new Map<number, number>();
    for (const [, repo, cat, quarter, , person] of credits) {
      const seq = seqOf.get(quarter as string) ?? NaN;
      for (const scope of [`repo:${repo}`, `category:${cat}`, 'all:all']) {
        active.set(scope, (active.get(scope) ?? new Set()).add(`${person}@${seq}`));
      }
      firstAnywhere.set(person as number, Math.min(firstAnywhere.get(person as number) ?? Infinity, seq));
    }
    const sql = await rows('SELECT * FROM scope_quarters');
    for (const r of sql) {
      const set = active.get(`${r.scope_type}:${r.scope_id}`) ?? new Set<string>();
      const people = new Set([...set].map((k) => Number(k.split('@')[0])));
      const seq = r.seq as number;
      const on = (p: number, s: number) => set.has(`${p}@${s}`);
      const seen = (p: number, upTo: number) => [...set].some((k) => k.startsWith(`${p}@`) && Number(k.split('@')[1]) <= upTo);
      const now = [...people].filter((p) => on(p, seq));
      const expected = {
        contributors: now.length,
        new_contributors: now.filter((p) => !seen(p, seq - 1)).length,
        new_to_ecosystem: now.filter((p) => firstAnywhere.get(p) === seq).length,
        retained: now.filter((p) => on(p, seq - 1)).length,
        reactivated: now.filter((p) => !on(p, seq - 1) && seen(p, seq - 2)).length,
        churned: [...people].filter((p) => on(p, seq - 1) && !on(p, seq)).length,
      };
      const got = Object.fromEntries(Object.keys(expected).map((k) => [k, r[k]]));
      expect(got, `${r.scope_id} ${r.quarter}`).toEqual(expected);
      expect(seq).toBeLessThanOrEqual(lastSeq);
    }
  });
});

describe('company_share', () => {
  it('gives each co-author 1/n of a commit', async () => {
    const t = await rows(`SELECT organization, credit, share, rank FROM company_share
      WHERE scope_type = 'repo' AND scope_id = 'acme/trainer' AND quarter = '2023-q1' ORDER BY rank`);
    // erin 4 commits (Gamma); alice 1 + 1/2 (Acme); dave 1/2 (Unknown).
    expect(t.map((r) => [r.organization, r.credit, r.rank])).toEqual([['Gamma', 4, 1], ['Acme', 1.5, 2], ['Unknown', 0.5, 3]]);
    expect(t.map((r) => r.share as number).reduce((a, b) => a + b)).toBeCloseTo(1);
    const s = await rows(`SELECT organization, share FROM company_share
      WHERE scope_type = 'category' AND scope_id = 'serving' AND quarter = '2024-q1' ORDER BY rank`);
    expect(s).toEqual([{ organization: 'Acme', share: 0.75 }, { organization: 'Beta', share: 0.25 }]);
  });
});

describe('work_composition', () => {
  it('splits human commits by kind', async () => {
    const w = await rows(`SELECT work_kind, commits, share FROM work_composition
      WHERE scope_type = 'repo' AND scope_id = 'acme/trainer' AND quarter = '2023-q1' ORDER BY work_kind`);
    // the bot's ci commit and the merge are not work
    expect(w.map((r) => [r.work_kind, r.commits])).toEqual([['feature', 2], ['fix', 2], ['perf', 1], ['test', 1]]);
    expect(w[0]?.share).toBeCloseTo(2 / 6);
  });
});

describe('commit_sizes', () => {
  it('sizes each repository-quarter: human commits, their lines and the largest commit', async () => {
    // acme/trainer 2023-q1: six human commits of 40, 50, 20, 100, 30 and 10 lines (the bot's and the merge left out)
    expect(
      await rows(`SELECT commits, lines::INTEGER AS lines, largest_commit_lines::INTEGER AS largest, largest_commit_share AS share
        FROM commit_sizes WHERE repo = 'acme/trainer' AND quarter = '2023-q1'`),
    ).toEqual([{ commits: 6, lines: 250, largest: 100, share: 0.4 }]);
  });

  it('counts the commits scope_quarters counts', async () => {
    const differ = await rows(`SELECT c.repo, c.quarter FROM commit_sizes c
      JOIN scope_quarters s ON s.scope_type = 'repo' AND s.scope_id = c.repo AND s.quarter = c.quarter
      WHERE c.commits <> s.commits`);
    expect(differ).toEqual([]);
    const [n] = await rows(`SELECT count(*)::INTEGER AS n FROM scope_quarters s
      WHERE s.scope_type = 'repo' AND s.commits > 0 AND NOT EXISTS (SELECT 1 FROM commit_sizes c WHERE c.repo = s.scope_id AND c.quarter = s.quarter)`);
    expect(n).toEqual({ n: 0 });
  });
});

describe('category overlap and migration', () => {
  it('counts people active in two categories in the same quarter', async () => {
    expect(await rows('SELECT * FROM category_overlap ORDER BY quarter')).toEqual([
      { quarter: '2023-q3', category_a: 'compilers', category_b: 'serving', people: 1 }, // carol
      { quarter: '2023-q4', category_a: 'compilers', category_b: 'training', people: 1 }, // frank
    ]);
  });

  it('moves people by primary category, ties going to the category listed first', async () => {
    const m = await rows("SELECT from_category, to_category, people FROM category_migration WHERE quarter = '2023-q3'");
    // bob serving -> training; erin and frank stay in training.
    expect(m).toEqual([
      { from_category: 'serving', to_category: 'training', people: 1 },
      { from_category: 'training', to_category: 'training', people: 2 },
    ]);
    // Q3 carol: serving 1 = compilers 1 -> serving (sort_order 2 < 3);
    // Q4 frank: training 1 = compilers 1 -> training.
    const q4 = await rows("SELECT from_category, to_category, people FROM category_migration WHERE quarter = '2023-q4'");
    expect(q4).toEqual([
      { from_category: 'serving', to_category: 'serving', people: 1 },
      { from_category: 'training', to_category: 'training', people: 2 },
    ]);
  });
});

describe('person_activity and top_projects', () => {
  it('records credit, commits and weeks per person, repo and quarter', async () => {
    const [a] = await rows(`SELECT credit, commits, weeks FROM person_activity
      WHERE person_id = ${PEOPLE.alice?.id} AND repo = 'acme/trainer' AND quarter = '2023-q1'`);
    expect(a).toEqual({ credit: 1.5, commits: 2, weeks: 2 });
    const [{ n } = {}] = await rows('SELECT count(*)::INTEGER AS n FROM person_activity');
    const cells = new Set(fixtureRows().credits.map(([, repo, , quarter, , person]) => `${person} ${repo} ${quarter}`));
    expect(n).toBe(cells.size);
  });

  it('ranks repos by contributors, then commits, then name', async () => {
    const t = await rows(`SELECT repo, contributors, new_contributors, returning_contributors, rank_in_category, rank_overall
      FROM top_projects WHERE quarter = '2023-q1' ORDER BY rank_overall`);
    expect(t.map((r) => [r.repo, r.rank_in_category, r.rank_overall])).toEqual([
      ['acme/trainer', 1, 1], ['acme/trainer-utils', 2, 2], ['beta/server', 1, 3], ['old/legacy-serve', 2, 4],
    ]);
    const [q3] = await rows("SELECT * FROM top_projects WHERE quarter = '2023-q3' AND repo = 'acme/trainer'");
    expect([q3?.contributors, q3?.new_contributors, q3?.returning_contributors, q3?.commits]).toEqual([2, 1, 1, 3]);
  });
});
