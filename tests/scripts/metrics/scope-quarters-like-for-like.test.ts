// Like-for-like QoQ in scope_quarters: a history that stops early (registry
// tracked_until) is left out of both quarters of the comparison instead of blanking
// its category's change, and the change is NULL only when that basis holds less than
// four fifths of the quarter before's commits. The expected values are recounted here
// from the warehouse rows, independently of the SQL.
import { beforeAll, describe, expect, it } from 'vitest';
import type { DuckDBConnection } from '@duckdb/node-api';
import { computeMetrics } from '../../../scripts/metrics/metrics.ts';
import { createWarehouseFixture } from '../../helpers/warehouse-fixture.ts';

type Row = Record<string, unknown>;

async function rows(conn: DuckDBConnection, sql: string): Promise<Row[]> {
  return (await conn.runAndReadAll(sql)).getRowObjectsJS() as Row[];
}

async function scopeRow(conn: DuckDBConnection, scopeId: string, quarter: string): Promise<Row> {
  const [row] = await rows(conn, `SELECT * FROM scope_quarters WHERE scope_id = '${scopeId}' AND quarter = '${quarter}'`);
  if (!row) throw new Error(`no scope_quarters row for ${scopeId} ${quarter}`);
  return row;
}

interface Recount {
  commits: [number, number];
  contributors: [number, number];
  activeRepos: [number, number];
}

/**
 * The analyst's same-store recount: the scope's repositories tracked to the end of
 * `quarter`, their human commits, people and active repos in the quarter before and
 * in `quarter`.
 */
async function recount(conn: DuckDBConnection, category: string | null, quarter: string): Promise<Recount> {
  const quarters = await rows(conn, 'SELECT quarter, seq, end_ts FROM quarters ORDER BY seq');
  const cur = quarters.find((q) => q.quarter === quarter)!;
  const prev = quarters.find((q) => q.seq === (cur.seq as number) - 1)!;
  const end = (cur.end_ts as Date).getTime();
  const repos = await rows(conn, 'SELECT repo, category_id, tracked_until FROM repos');
  const basis = new Set(
    repos
      .filter((r) => category === null || r.category_id === category)
      // tracked_until is the last day observed, so the repo is observed up to the next midnight.
      .filter((r) => r.tracked_until === null || (r.tracked_until as Date).getTime() + 86_400_000 >= end)
      .map((r) => r.repo as string),
  );
  const commits = (await rows(conn, 'SELECT repo, quarter FROM commits WHERE NOT is_merge AND NOT is_bot AND quarter IS NOT NULL')).filter((c) => basis.has(c.repo as string));
  const credits = (await rows(conn, 'SELECT repo, quarter, person_id FROM commit_credits')).filter((c) => basis.has(c.repo as string));
  const side = (q: string) => ({
    commits: commits.filter((c) => c.quarter === q).length,
    people: new Set(credits.filter((c) => c.quarter === q).map((c) => c.person_id)).size,
    repos: new Set(commits.filter((c) => c.quarter === q).map((c) => c.repo)).size,
  });
  const [a, b] = [side(prev.quarter as string), side(quarter)];
  return { commits: [a.commits, b.commits], contributors: [a.people, b.people], activeRepos: [a.repos, b.repos] };
}

const change = ([before, after]: [number, number]) => (after - before) / before;

function expectLikeForLike(row: Row, r: Recount): void {
  expect(row.commits_qoq as number).toBeCloseTo(change(r.commits), 12);
  expect(row.contributors_qoq as number).toBeCloseTo(change(r.contributors), 12);
  expect(row.active_repos_qoq as number).toBeCloseTo(change(r.activeRepos), 12);
}

describe('like-for-like QoQ when a history stops (old/legacy-serve, tracked until 2023-05-15)', () => {
  describe('in the standard fixture, where legacy-serve made half of serving', () => {
    let conn: DuckDBConnection;
    beforeAll(async () => {
      ({ conn } = await createWarehouseFixture());
      await computeMetrics(conn);
    });

    it('leaves serving not comparable: the basis holds less than four fifths of the quarter before', async () => {
      const q2 = await scopeRow(conn, 'serving', '2023-q2');
      // Q1 serving: beta/server 1 commit, legacy-serve 1.
      expect([q2.qoq_basis_share, q2.qoq_basis_excludes, q2.commits_qoq, q2.contributors_qoq, q2.active_repos_qoq]).toEqual([0.5, 'old/legacy-serve', null, null, null]);
      const q3 = await scopeRow(conn, 'serving', '2023-q3');
      expect(q3.qoq_basis_share as number).toBeCloseTo(2 / 3, 12);
      expect([q3.qoq_basis_excludes, q3.commits_qoq]).toEqual(['old/legacy-serve', null]);
      // The quarter after that compares two quarters without it: nothing to name.
      const q4 = await scopeRow(conn, 'serving', '2023-q4');
      expect([q4.qoq_basis_share, q4.qoq_basis_excludes, q4.commits_qoq]).toEqual([1, null, 0]);
    });

    it("compares the whole set on the repositories observed in both quarters (legacy-serve is 1 of Q1's 9 commits)", async () => {
      const all = await scopeRow(conn, 'all', '2023-q2');
      expect(all.observed).toBe(false);
      expect([all.qoq_basis_share, all.qoq_basis_excludes]).toEqual([8 / 9, 'old/legacy-serve']);
      const r = await recount(conn, null, '2023-q2');
      expect(r).toEqual({ commits: [8, 8], contributors: [5, 5], activeRepos: [3, 4] });
      expectLikeForLike(all, r);
      expectLikeForLike(await scopeRow(conn, 'all', '2023-q3'), await recount(conn, null, '2023-q3'));
    });

    it('keeps the stopped repo itself without a change, and the lifecycle as counted', async () => {
      const legacy = await scopeRow(conn, 'old/legacy-serve', '2023-q2');
      expect([legacy.qoq_basis_share, legacy.qoq_basis_excludes, legacy.commits_qoq]).toEqual([0, 'old/legacy-serve', null]);
      const all = await scopeRow(conn, 'all', '2023-q3');
      // Lifecycle is about the whole scope: bob's legacy-serve work still counts him in Q2.
      expect(all.contributors).toBe(Number(all.new_contributors) + Number(all.retained) + Number(all.reactivated));
      expect(all.contributors_prev).toBe(Number(all.retained) + Number(all.churned));
    });
  });

  describe('when the stopped history is a small part of its category', () => {
    let conn: DuckDBConnection;
    beforeAll(async () => {
      ({ conn } = await createWarehouseFixture());
      await addGateway(conn);
      await computeMetrics(conn);
    });

    it('no longer blanks the category: its QoQ is the same-store recount', async () => {
      for (const quarter of ['2023-q2', '2023-q3']) {
        const row = await scopeRow(conn, 'serving', quarter);
        expect(row.observed, quarter).toBe(false);
        expect(row.qoq_basis_excludes, quarter).toBe('old/legacy-serve');
        expect(row.qoq_basis_share as number, quarter).toBeGreaterThanOrEqual(0.8);
        expectLikeForLike(row, await recount(conn, 'serving', quarter));
      }
      // Worked by hand for Q2: beta/server + gateway had 1 + 8 commits in Q1 and 2 + 8 in
      // Q2 (legacy-serve's 2 and 1 are out of both); people bob + 4 and bob + 4.
      const q2 = await scopeRow(conn, 'serving', '2023-q2');
      expect(q2.qoq_basis_share as number).toBeCloseTo(9 / 11, 12);
      expect(q2.commits_qoq as number).toBeCloseTo(1 / 9, 12);
      expect(q2.contributors_qoq).toBe(0);
      // The plain change would have counted legacy-serve's only Q1 author, who stops with it.
      expect([q2.commits_prev, q2.contributors_prev, q2.contributors]).toEqual([11, 6, 5]);
    });

    it('is the plain change again once neither quarter holds the stopped history', async () => {
      const q4 = await scopeRow(conn, 'serving', '2023-q4');
      expect([q4.observed, q4.qoq_basis_share, q4.qoq_basis_excludes]).toEqual([true, 1, null]);
      expect(q4.commits_qoq as number).toBeCloseTo((Number(q4.commits) - Number(q4.commits_prev)) / Number(q4.commits_prev), 12);
    });
  });
});

/**
 * A second serving repository with eight commits a quarter (2023-q1 to q4) by four
 * people of its own, and one Q1 commit in legacy-serve by a person seen nowhere else.
 */
async function addGateway(conn: DuckDBConnection): Promise<void> {
  const repo = 'beta/gateway';
  await conn.run(`INSERT INTO repos VALUES ('${repo}', 'serving', 'ingested', NULL, NULL, TIMESTAMP '2023-01-02 12:00:00', '2023-q1')`);
  await conn.run('INSERT INTO people VALUES (20, false, false), (21, false, false), (22, false, false), (23, false, false), (24, false, false), (25, false, false), (26, false, false)');
  const quarters: [string, number[]][] = [
    ['2023-01', [20, 21, 22, 23]],
    ['2023-04', [20, 21, 22, 24]],
    ['2023-07', [20, 21, 24, 25]],
    ['2023-10', [20, 21, 22, 23]],
  ];
  const commits: string[] = [];
  const credits: string[] = [];
  const add = (sha: string, r: string, ts: string, person: number) => {
    const quarter = `${ts.slice(0, 4)}-q${Math.floor((Number(ts.slice(5, 7)) - 1) / 3) + 1}`;
    commits.push(`('${sha}', '${r}', 'serving', TIMESTAMP '${ts} 12:00:00', '${quarter}', 1, false, false, false, NULL, 'feature', 1, 1, 0, 0, 1, 0, 1)`);
    credits.push(`('${sha}', '${r}', 'serving', '${quarter}', 1, ${person}, 1.0, 'Beta')`);
  };
  for (const [month, people] of quarters) {
    people.forEach((p, i) => {
      add(`g${month}-${i}a`, repo, `${month}-0${i + 2}`, p);
      add(`g${month}-${i}b`, repo, `${month}-1${i + 2}`, p);
    });
  }
  add('l-solo', 'old/legacy-serve', '2023-02-20', 26);
  await conn.run(`INSERT INTO commits VALUES ${commits.join(',\n')}`);
  await conn.run(`INSERT INTO commit_credits VALUES ${credits.join(',\n')}`);
}
