// A small warehouse (the final tables of data/README.md) built from literal rows, so
// metric tests can assert figures worked out by hand. The story, quarter by quarter
// (Q1 = 2023-q1 … Q6 = 2024-q2, partial):
//
//   alice  training  Q1 Q2 -- Q4 Q5       new, retained, churned, reactivated
//   dave   training  Q1 (co-author with alice, weight 1/2)
//   erin   training  Q1 … Q6              steady; an agent-assisted commit in Q2
//   frank  training  Q1 … Q4, compilers Q4 (new to the category, not the ecosystem)
//   bob    serving   Q1 Q2, training Q3 (migration), gone Q4, serving Q5 (co-author)
//   carol  serving + compilers Q3 (new to the ecosystem; overlap), serving after
//   gina   compilers Q2, -- Q3, Q4 Q5     reactivated in the category
//
// plus a bot commit, a merge, an agent-only commit with no human, a bogus date, a repo
// no longer tracked after 2023-05-15 (mid-quarter) and a repo that could not be fetched.
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';

type WorkKind = 'perf' | 'feature' | 'fix' | 'test' | 'docs' | 'ci';

/** [sha, repo, date (UTC noon), people joined by '+', flags, kind, test_lines, src_lines, test_files, src_files]
 *  flags: m = merge, b = bot author, a = agent-assisted, x = bogus date (no quarter). */
type CommitRow = [string, string, string, string, string, WorkKind, number?, number?, number?, number?];

export const PEOPLE: Record<string, { id: number; org: string }> = {
  alice: { id: 1, org: 'Acme' },
  bob: { id: 2, org: 'Beta' },
  carol: { id: 3, org: 'Acme' },
  dave: { id: 4, org: 'Unknown' },
  erin: { id: 5, org: 'Gamma' },
  frank: { id: 6, org: 'Beta' },
  gina: { id: 7, org: 'Gamma' },
};

// Alphabetical ids run opposite to sort_order so tie-breaks by sort_order are visible.
const CATEGORIES: [string, string, number][] = [
  ['training', 'Training', 1],
  ['serving', 'Serving', 2],
  ['compilers', 'Compilers', 3],
];

/** [repo, category_id, status, tracked_until] */
const REPOS: [string, string, string, string | null][] = [
  ['acme/trainer', 'training', 'ingested', null],
  ['acme/trainer-utils', 'training', 'ingested', null],
  ['beta/server', 'serving', 'ingested', null],
  ['old/legacy-serve', 'serving', 'ingested', '2023-05-15'],
  ['gamma/compiler', 'compilers', 'ingested', null],
  ['lost/unavailable', 'compilers', 'unavailable', null],
];

const T = 'acme/trainer';
const U = 'acme/trainer-utils';
const S = 'beta/server';
const L = 'old/legacy-serve';
const C = 'gamma/compiler';

export const COMMITS: CommitRow[] = [
  ['c00', T, '1999-01-01', 'erin', 'x', 'fix', 0, 99, 0, 1],
  // 2023-q1
  ['c01', T, '2023-01-03', 'alice', '', 'feature', 10, 30, 1, 2],
  ['c02', T, '2023-01-20', 'erin', '', 'perf', 0, 50, 0, 1],
  ['c03', T, '2023-02-15', 'erin', '', 'fix', 0, 20, 0, 1],
  ['c04', T, '2023-02-16', 'alice+dave', '', 'feature', 40, 60, 2, 3],
  ['c05', T, '2023-03-01', 'dependabot[bot]', 'b', 'ci', 0, 5, 0, 1],
  ['c06', T, '2023-03-02', 'alice', 'm', 'feature', 0, 0, 0, 0],
  ['c07', T, '2023-03-20', 'erin', '', 'test', 30, 0, 1, 0],
  ['c08', T, '2023-03-21', 'erin', '', 'fix', 0, 10, 0, 1],
  ['c09', S, '2023-01-10', 'bob', '', 'feature'],
  ['c10', L, '2023-02-01', 'bob', '', 'fix'],
  ['c11', U, '2023-03-10', 'frank', '', 'docs'],
  // 2023-q2
  ['c12', T, '2023-04-05', 'alice', '', 'fix'],
  ['c13', T, '2023-04-06', 'erin', '', 'test'],
  ['c14', T, '2023-05-20', 'erin', 'a', 'perf'],
  ['c15', S, '2023-04-15', 'bob', '', 'feature'],
  ['c16', S, '2023-05-01', 'bob', '', 'feature'],
  ['c17', L, '2023-05-02', 'bob', '', 'ci'],
  ['c18', U, '2023-06-10', 'frank', '', 'docs'],
  ['c19', C, '2023-05-05', 'gina', '', 'feature'],
  ['c20', C, '2023-06-20', '', 'a', 'feature'],
  // 2023-q3
  ['c21', T, '2023-07-10', 'erin', '', 'feature'],
  ['c22', T, '2023-08-01', 'bob', '', 'feature'],
  ['c23', T, '2023-08-02', 'bob', '', 'fix'],
  ['c24', S, '2023-07-20', 'carol', '', 'feature'],
  ['c25', C, '2023-08-15', 'carol', '', 'perf'],
  ['c26', U, '2023-09-01', 'frank', '', 'docs'],
  // 2023-q4
  ['c30', T, '2023-10-02', 'alice', '', 'fix'],
  ['c31', T, '2023-10-03', 'erin', '', 'feature'],
  ['c32', C, '2023-11-01', 'frank', '', 'perf'],
  ['c33', U, '2023-11-02', 'frank', '', 'docs'],
  ['c34', S, '2023-12-01', 'carol', '', 'feature'],
  ['c35', C, '2023-12-15', 'gina', '', 'feature'],
  // 2024-q1
  ['c40', T, '2024-01-05', 'alice', '', 'fix'],
  ['c41', T, '2024-01-06', 'erin', '', 'feature'],
  ['c42', S, '2024-02-01', 'carol', '', 'feature'],
  ['c43', S, '2024-02-02', 'carol+bob', '', 'feature'],
  ['c44', C, '2024-03-01', 'gina', '', 'fix'],
  // 2024-q2, partial: the snapshot is 2024-05-15
  ['c50', T, '2024-04-02', 'erin', '', 'feature'],
  ['c51', S, '2024-04-10', 'carol', '', 'fix'],
  ['c52', T, '2024-05-01', 'renovate[bot]', 'b', 'ci'],
];

const FIRST_QUARTER = { year: 2023, q: 1 };
const LAST_QUARTER = { year: 2024, q: 2 };
const SNAPSHOT = Date.UTC(2024, 4, 15);
const DAY = 86_400_000;

function quarterStart(year: number, q: number): number {
  return Date.UTC(year, (q - 1) * 3, 1);
}

function quarterOf(ms: number): { quarter: string; start: number } {
  const d = new Date(ms);
  const q = Math.floor(d.getUTCMonth() / 3) + 1;
  return { quarter: `${d.getUTCFullYear()}-q${q}`, start: quarterStart(d.getUTCFullYear(), q) };
}

function lit(v: string | number | boolean | null): string {
  if (v === null) return 'NULL';
  if (typeof v === 'string') return `'${v.replaceAll("'", "''")}'`;
  return String(v);
}

function values(rows: (string | number | boolean | null)[][]): string {
  return rows.map((r) => `(${r.map(lit).join(', ')})`).join(',\n');
}

function ts(ms: number): string {
  return new Date(ms).toISOString().replace('T', ' ').replace('Z', '');
}

const DDL = `
CREATE TABLE categories (category_id VARCHAR, name VARCHAR, emoji VARCHAR, colour VARCHAR, sort_order INTEGER);
CREATE TABLE repos (repo VARCHAR, category_id VARCHAR, status VARCHAR, upstream VARCHAR,
  tracked_until DATE, first_ts TIMESTAMP, first_quarter VARCHAR);
CREATE TABLE quarters (quarter VARCHAR, seq INTEGER, start_ts TIMESTAMP, end_ts TIMESTAMP, partial BOOLEAN);
CREATE TABLE commits (sha VARCHAR, repo VARCHAR, category_id VARCHAR, ts TIMESTAMP, quarter VARCHAR,
  week SMALLINT, is_merge BOOLEAN, is_bot BOOLEAN, agent_assisted BOOLEAN, date_flag VARCHAR,
  work_kind VARCHAR, files_changed INTEGER, lines_added INTEGER, lines_deleted INTEGER,
  test_lines INTEGER, src_lines INTEGER, test_files INTEGER, src_files INTEGER,
  -- The story has no team-account commit and no bulk co-author list; generated, so
  -- INSERTs of the columns above by position keep working.
  is_unattributed BOOLEAN GENERATED ALWAYS AS (false) VIRTUAL,
  bulk_coauthors BOOLEAN GENERATED ALWAYS AS (false) VIRTUAL);
CREATE TABLE commit_credits (sha VARCHAR, repo VARCHAR, category_id VARCHAR, quarter VARCHAR,
  week SMALLINT, person_id INTEGER, weight DOUBLE, organization VARCHAR);
CREATE TABLE unattributed_credits (sha VARCHAR, repo VARCHAR, category_id VARCHAR, quarter VARCHAR,
  week SMALLINT, weight DOUBLE, organization VARCHAR);
CREATE TABLE people (person_id INTEGER, is_bot BOOLEAN, is_agent BOOLEAN);
CREATE TABLE talent_pool_defs (pool_id VARCHAR, name VARCHAR, category_id VARCHAR, min_commits INTEGER, sort_order INTEGER);
`;

/** [pool_id, name, categories, min_commits]: the editor's named pools (data/talent-pools.yaml). */
export const TALENT_POOLS: [string, string, string[], number][] = [
  ['everything', 'All three categories', ['training', 'serving', 'compilers'], 1],
  ['deep-training-serving', 'Two commits each in training and serving', ['training', 'serving'], 2],
];

/** The fixture's rows in warehouse shape (also handy for reference computations in tests). */
export function fixtureRows() {
  const categoryOf = new Map(REPOS.map(([repo, cat]) => [repo, cat]));
  const quarters: (string | number | boolean)[][] = [];
  let seq = 1;
  for (let y = FIRST_QUARTER.year, q = FIRST_QUARTER.q; y * 4 + q <= LAST_QUARTER.year * 4 + LAST_QUARTER.q; ) {
    const start = quarterStart(y, q);
    const end = q === 4 ? quarterStart(y + 1, 1) : quarterStart(y, q + 1);
    quarters.push([`${y}-q${q}`, seq++, ts(start), ts(end), SNAPSHOT < end]);
    [y, q] = q === 4 ? [y + 1, 1] : [y, q + 1];
  }
  const commits: (string | number | boolean | null)[][] = [];
  const credits: (string | number | null)[][] = [];
  for (const [sha, repo, date, who, flags, kind, tl = 0, sl = 0, tf = 0, sf = 0] of COMMITS) {
    const cat = categoryOf.get(repo) ?? null;
    const ms = Date.parse(`${date}T12:00:00Z`);
    const bogus = flags.includes('x');
    const { quarter, start } = quarterOf(ms);
    const week = bogus ? null : Math.floor((ms - start) / (7 * DAY));
    const isMerge = flags.includes('m');
    const isBot = flags.includes('b');
    commits.push([
      sha, repo, cat, ts(ms), bogus ? null : quarter, week, isMerge, isBot, flags.includes('a'),
      bogus ? 'bogus_date' : null, kind, tf + sf, tl + sl, 0, tl, sl, tf, sf,
    ]);
    if (bogus || isMerge || isBot || who === '') continue;
    const names = who.split('+');
    for (const name of names) {
      const person = PEOPLE[name];
      if (!person) throw new Error(`fixture: unknown person ${name}`);
      credits.push([sha, repo, cat, quarter, week, person.id, 1 / names.length, person.org]);
    }
  }
  return { quarters, commits, credits };
}

export async function createWarehouseFixture(): Promise<{ instance: DuckDBInstance; conn: DuckDBConnection }> {
  const instance = await DuckDBInstance.create(':memory:');
  const conn = await instance.connect();
  const { quarters, commits, credits } = fixtureRows();
  await conn.run(DDL);
  await conn.run(`INSERT INTO categories VALUES ${values(CATEGORIES.map(([id, name, order]) => [id, name, '', '#000000', order]))}`);
  await conn.run(`INSERT INTO quarters VALUES ${values(quarters)}`);
  await conn.run(`INSERT INTO commits VALUES ${values(commits)}`);
  await conn.run(`INSERT INTO commit_credits VALUES ${values(credits)}`);
  await conn.run(`INSERT INTO people VALUES ${values(Object.values(PEOPLE).map((p) => [p.id, false, false]))}`);
  await conn.run(`INSERT INTO talent_pool_defs VALUES ${values(TALENT_POOLS.flatMap(([id, name, cats, min], i) => cats.map((c) => [id, name, c, min, i + 1])))}`);
  await conn.run(`INSERT INTO repos VALUES ${values(REPOS.map(([repo, cat, status, until]) => [repo, cat, status, null, until, null, null]))}`);
  // first_ts / first_quarter as the ingest derives them: the earliest dated commit.
  await conn.run(`
    UPDATE repos SET first_ts = f.first_ts, first_quarter = f.first_quarter
    FROM (SELECT repo, min(ts) AS first_ts, arg_min(quarter, ts) AS first_quarter
          FROM commits WHERE quarter IS NOT NULL GROUP BY repo) f
    WHERE repos.repo = f.repo`);
  return { instance, conn };
}
