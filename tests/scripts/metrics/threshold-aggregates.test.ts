// The talent chord's threshold data, end to end from a warehouse: no published table
// holds a person (no person column, no row count that grows with people), and what the
// chord draws at each threshold, read through its own registry queries from a folder
// published by the publish SQL, is an independent recount from person_activity.
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { computeMetrics, METRICS_SQL_DIR } from '../../../scripts/metrics/metrics.ts';
import { PUBLISH_SQL_DIR, TRAILING_QUARTERS } from '../../../scripts/publish/publish.ts';
import { readSqlDir } from '../../../scripts/common/sql-tables.ts';
import { CHORD_THRESHOLDS, SMALL_CELL_MIN_PEOPLE } from '../../../src/lib/chord-thresholds.ts';
import type { ChordMode } from '../../../src/lib/figure-text.ts';
import { PUBLISHED_DIR_ENV } from '../../../src/node/paths.ts';
import { openPublished } from '../../../src/node/published-data.ts';
import { chordCounts, recountMigration, recountOverlap, type PersonActivity, type ThresholdCount } from '../../helpers/threshold-recount.ts';
import { createWarehouseFixture } from '../../helpers/warehouse-fixture.ts';

const QUARTER = '2024-q1';
let root: string;

async function all<T>(conn: DuckDBConnection, sql: string): Promise<T[]> {
  return (await conn.runAndReadAll(sql)).getRowObjectsJS().map((r) => Object.fromEntries(Object.entries(r).map(([k, v]) => [k, typeof v === 'bigint' ? Number(v) : v]))) as T[];
}

/**
 * The fixture warehouse with every person there `copies` times over (new ids, the same
 * commits), metrics computed: the same story told by more people.
 */
async function warehouse(copies: number): Promise<DuckDBConnection> {
  const { conn } = await createWarehouseFixture();
  // hank (id 900) gives the fixture a person above one commit on both sides: serving
  // with 4 commits in 2023-q4, then 2 in serving and 3 in compilers in 2024-q1 (overlap
  // at 2, and a move serving → compilers at up to 4).
  const hank: [string, string, string, string, string][] = [
    ['h1', 'beta/server', 'serving', '2023-11-10', '2023-q4'],
    ['h2', 'beta/server', 'serving', '2023-11-11', '2023-q4'],
    ['h3', 'beta/server', 'serving', '2023-11-12', '2023-q4'],
    ['h4', 'beta/server', 'serving', '2023-11-13', '2023-q4'],
    ['h5', 'beta/server', 'serving', '2024-02-05', '2024-q1'],
    ['h6', 'beta/server', 'serving', '2024-02-06', '2024-q1'],
    ['h7', 'gamma/compiler', 'compilers', '2024-02-07', '2024-q1'],
    ['h8', 'gamma/compiler', 'compilers', '2024-02-08', '2024-q1'],
    ['h9', 'gamma/compiler', 'compilers', '2024-02-09', '2024-q1'],
  ];
  for (const [sha, repo, cat, day, quarter] of hank) {
    await conn.run(`INSERT INTO commits VALUES ('${sha}', '${repo}', '${cat}', TIMESTAMP '${day} 12:00:00', '${quarter}', 5, false, false, false, NULL, 'feature', 1, 1, 0, 0, 1, 0, 1)`);
    await conn.run(`INSERT INTO commit_credits VALUES ('${sha}', '${repo}', '${cat}', '${quarter}', 5, 900, 1.0, 'Delta')`);
  }
  await conn.run('INSERT INTO people VALUES (900, false, false)');
  await conn.run('CREATE TEMP TABLE one_copy AS SELECT * FROM commit_credits');
  for (let i = 1; i < copies; i++) {
    await conn.run(`INSERT INTO commit_credits SELECT sha, repo, category_id, quarter, week, person_id + ${i * 1000}, weight, organization FROM one_copy`);
    await conn.run(`INSERT INTO people SELECT person_id + ${i * 1000}, is_bot, is_agent FROM people WHERE person_id < 1000`);
  }
  // What the ingest adds and the literal fixture lacks, none of it about people.
  await conn.run("CREATE TABLE provenance_quarters AS SELECT 'all' AS scope_type, 'all' AS scope_id, quarter, 0 AS held_commits FROM quarters");
  await conn.run("ALTER TABLE repos ADD COLUMN ingested BOOLEAN; UPDATE repos SET ingested = status = 'ingested'; ALTER TABLE repos ADD COLUMN note VARCHAR");
  await computeMetrics(conn);
  return conn;
}

/** What `npm run publish-data` writes for `quarter` (its publish SQL, its window), as Parquet in dir/<quarter>/. */
async function publish(conn: DuckDBConnection, quarter: string, dir: string): Promise<Record<string, { rows: number; columns: string[] }>> {
  const [{ seq }] = await all<{ seq: number }>(conn, `SELECT seq FROM quarters WHERE quarter = '${quarter}'`) as [{ seq: number }];
  await conn.run(`CREATE OR REPLACE TEMP TABLE publish_window AS SELECT quarter FROM quarters WHERE seq BETWEEN ${seq - TRAILING_QUARTERS} AND ${seq}`);
  const folder = join(dir, quarter);
  mkdirSync(folder, { recursive: true });
  const out: Record<string, { rows: number; columns: string[] }> = {};
  for (const t of readSqlDir(PUBLISH_SQL_DIR)) {
    const file = join(folder, `${t.name}.parquet`);
    await conn.run(`COPY (${t.sql}) TO '${file}' (FORMAT parquet)`);
    const [{ n }] = (await all<{ n: number }>(conn, `SELECT count(*)::INTEGER AS n FROM read_parquet('${file}')`)) as [{ n: number }];
    const columns = (await all<{ column_name: string }>(conn, `DESCRIBE SELECT * FROM read_parquet('${file}')`)).map((c) => c.column_name);
    out[t.name] = { rows: n, columns };
  }
  writeFileSync(join(folder, 'manifest.json'), '{}\n');
  return out;
}

beforeAll(() => {
  root = mkdtempSync(join(tmpdir(), 'ds-thresholds-'));
});
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('published data holds no person', () => {
  let threeTimes: Record<string, { rows: number; columns: string[] }>;
  let sixTimes: Record<string, { rows: number; columns: string[] }>;

  beforeAll(async () => {
    threeTimes = await publish(await warehouse(3), QUARTER, join(root, 'x3'));
    sixTimes = await publish(await warehouse(6), QUARTER, join(root, 'x6'));
  });

  it('publishes the threshold tables and no activity table', () => {
    expect(Object.keys(threeTimes)).toContain('category_overlap_thresholds');
    expect(Object.keys(threeTimes)).toContain('category_migration_thresholds');
    expect(Object.keys(threeTimes)).not.toContain('activity');
    expect(threeTimes.category_overlap_thresholds!.rows).toBeGreaterThan(0);
  });

  it("publishes the artefact guard's people as counts too (change_people), overlap cells included", async () => {
    expect(threeTimes.change_people!.rows).toBeGreaterThan(0);
    // Three copies put the fixture's overlaps (one person a cell) above the small-cell limit, so the check below sees them.
    const db = await DuckDBInstance.create(':memory:');
    const conn = await db.connect();
    const [{ n }] = (await all<{ n: number }>(conn, `SELECT count(*)::INTEGER AS n FROM read_parquet('${join(root, 'x3', QUARTER, 'change_people.parquet')}') WHERE other_category IS NOT NULL`)) as [{ n: number }];
    conn.closeSync();
    db.closeSync();
    expect(n).toBeGreaterThan(0);
  });

  it('has no column that names a person', () => {
    for (const [table, t] of Object.entries(threeTimes)) {
      for (const c of t.columns) expect(c, `${table}.${c}`).not.toMatch(/person|^(author|committer|email|login|identity)(_|$)/i);
    }
  });

  it('has as many rows with twice the people: no table has a row per person', () => {
    // Three copies already put every count at 3 or more, so the small-cell rule hides the same cells in both.
    for (const [table, t] of Object.entries(threeTimes)) expect(sixTimes[table]?.rows, table).toBe(t.rows);
  });
});

describe('the chord at each threshold equals a recount from person_activity', () => {
  for (const copies of [1, 3]) {
    it(`with every person ${copies === 1 ? 'once (small cells hidden)' : `${copies} times`}`, async () => {
      const conn = await warehouse(copies);
      const dir = join(root, `chord-x${copies}`);
      await publish(conn, QUARTER, dir);
      const activity = await all<PersonActivity>(conn, 'SELECT person_id AS person, category_id, quarter, credit, commits FROM person_activity');
      const quarters = (await all<{ quarter: string }>(conn, 'SELECT quarter FROM quarters ORDER BY seq')).map((q) => q.quarter);
      const order = (await all<{ category_id: string }>(conn, 'SELECT category_id FROM categories ORDER BY sort_order')).map((c) => c.category_id);
      const window = quarters.slice(0, quarters.indexOf(QUARTER) + 1).slice(-(TRAILING_QUARTERS + 1));
      const expected: Record<ChordMode, ThresholdCount[]> = {
        overlap: recountOverlap(activity, window),
        migration: recountMigration(activity, quarters, order, window),
      };

      process.env[PUBLISHED_DIR_ENV] = dir;
      const data = await openPublished(QUARTER);
      for (const mode of ['overlap', 'migration'] as const) {
        const drawn = await chordCounts(data, mode, window);
        expect(drawn, mode).toEqual(expected[mode]);
        // Something above threshold 1 is compared, and nothing under the small-cell limit is there.
        if (copies > 1) expect(drawn.some((l) => l.min_commits > 1), mode).toBe(true);
        expect(drawn.filter((l) => l.min_commits > 1 && l.people < SMALL_CELL_MIN_PEOPLE), mode).toEqual([]);
      }
    });
  }

  it('lists the thresholds and the small-cell limit the site uses', () => {
    for (const table of ['category_overlap_thresholds', 'category_migration_thresholds']) {
      const sql = readFileSync(join(METRICS_SQL_DIR, `${table}.sql`), 'utf8').replace(/--[^\n]*/g, '');
      expect(/unnest\(\[([\d,\s]+)\]\)/.exec(sql)?.[1]?.split(',').map(Number), table).toEqual([...CHORD_THRESHOLDS]);
      expect(/count\(\*\) >= (\d+)/.exec(sql)?.[1], table).toBe(String(SMALL_CELL_MIN_PEOPLE));
    }
  });
});
