// Talent pools, core teams, new projects and newcomer shares on the warehouse fixture
// (tests/helpers/warehouse-fixture.ts), every expected value worked out by hand in the
// comments. The fixture's story is a handful of people, so every pool and most core
// team sizes there are small cells; two larger warehouses add a crowd.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it, expect, beforeAll } from 'vitest';
import type { DuckDBConnection } from '@duckdb/node-api';
import { computeMetrics } from '../../../scripts/metrics/metrics.ts';
import { loadRegistry } from '../../../scripts/registry/registry.ts';
import { parseTalentPools } from '../../../scripts/registry/talent-pools.ts';
import { writeRegistryFixture } from '../../helpers/registry-fixture.ts';
import { createWarehouseFixture } from '../../helpers/warehouse-fixture.ts';

type Row = Record<string, unknown>;

async function rows(conn: DuckDBConnection, sql: string): Promise<Row[]> {
  return (await conn.runAndReadAll(sql)).getRowObjectsJS() as Row[];
}

const DAY = 86_400_000;
const CATEGORY: Record<string, string> = { 'acme/trainer': 'training', 'acme/trainer-utils': 'training', 'beta/server': 'serving', 'old/legacy-serve': 'serving', 'gamma/compiler': 'compilers' };

/** Adds human commits, one contributor each: [sha, repo, date (UTC noon), person id]. */
async function addCommits(conn: DuckDBConnection, commits: [string, string, string, number][]): Promise<void> {
  for (const [sha, repo, date, person] of commits) {
    const ms = Date.parse(`${date}T12:00:00Z`);
    const d = new Date(ms);
    const q = Math.floor(d.getUTCMonth() / 3) + 1;
    const quarter = `${d.getUTCFullYear()}-q${q}`;
    const week = Math.floor((ms - Date.UTC(d.getUTCFullYear(), (q - 1) * 3, 1)) / (7 * DAY));
    const cat = CATEGORY[repo]!;
    await conn.run(`INSERT INTO commits VALUES ('${sha}', '${repo}', '${cat}', TIMESTAMP '${date} 12:00:00', '${quarter}', ${week}, false, false, false, NULL, 'feature', 1, 1, 0, 0, 1, 0, 1)`);
    await conn.run(`INSERT INTO commit_credits VALUES ('${sha}', '${repo}', '${cat}', '${quarter}', ${week}, ${person}, 1.0, 'Delta')`);
  }
  const people = [...new Set(commits.map((c) => c[3]))];
  await conn.run(`INSERT INTO people SELECT id, false, false FROM (VALUES ${people.map((p) => `(${p})`).join(', ')}) v(id) WHERE id NOT IN (SELECT person_id FROM people)`);
}

describe('on the fixture story', () => {
  let conn: DuckDBConnection;
  beforeAll(async () => {
    ({ conn } = await createWarehouseFixture());
    await computeMetrics(conn);
  });

  it('lists each project in the quarter its counted history starts, with the people it brought in', async () => {
    expect(await rows(conn, 'SELECT quarter, repo, category_id, commits, contributors, newcomers, rank FROM new_projects ORDER BY seq, rank')).toEqual([
      // 2023-q1: trainer has c01-c04, c07, c08 (the bot's and the merge left out): alice, erin, dave, all new anywhere.
      { quarter: '2023-q1', repo: 'acme/trainer', category_id: 'training', commits: 6, contributors: 3, newcomers: 3, rank: 1 },
      // Three one-commit projects, ties by name: frank (c11), bob (c09), bob (c10).
      { quarter: '2023-q1', repo: 'acme/trainer-utils', category_id: 'training', commits: 1, contributors: 1, newcomers: 1, rank: 2 },
      { quarter: '2023-q1', repo: 'beta/server', category_id: 'serving', commits: 1, contributors: 1, newcomers: 1, rank: 3 },
      { quarter: '2023-q1', repo: 'old/legacy-serve', category_id: 'serving', commits: 1, contributors: 1, newcomers: 1, rank: 4 },
      // 2023-q2: gina's c19 and the agent's c20, which credits nobody; gina is new anywhere.
      { quarter: '2023-q2', repo: 'gamma/compiler', category_id: 'compilers', commits: 2, contributors: 1, newcomers: 1, rank: 1 },
    ]);
  });

  it('gives each category its newcomer shares and new projects', async () => {
    const got = await rows(conn, `SELECT scope_id, quarter, contributors, new_contributors, new_to_ecosystem, newcomer_share, ecosystem_newcomer_share,
        new_projects, new_project_contributors, observed
      FROM scope_newcomers WHERE (scope_id, quarter) IN (('all', '2023-q1'), ('serving', '2023-q1'), ('compilers', '2023-q4'), ('all', '2023-q3'), ('serving', '2023-q2'))
      ORDER BY quarter, scope_id`);
    expect(got).toEqual([
      // Everyone is new in the first quarter; four projects start, five people work in them.
      { scope_id: 'all', quarter: '2023-q1', contributors: 5, new_contributors: 5, new_to_ecosystem: 5, newcomer_share: 1, ecosystem_newcomer_share: 1, new_projects: 4, new_project_contributors: 5, observed: true },
      // bob is in both new serving projects and counts once.
      { scope_id: 'serving', quarter: '2023-q1', contributors: 1, new_contributors: 1, new_to_ecosystem: 1, newcomer_share: 1, ecosystem_newcomer_share: 1, new_projects: 2, new_project_contributors: 1, observed: true },
      // Q2: legacy-serve stops mid-quarter, so serving is not observed.
      { scope_id: 'serving', quarter: '2023-q2', contributors: 1, new_contributors: 0, new_to_ecosystem: 0, newcomer_share: 0, ecosystem_newcomer_share: 0, new_projects: 0, new_project_contributors: 0, observed: false },
      // carol is the one newcomer of the four (alice churned, bob moved); the quarter after
      // legacy-serve stops is still not observed for the whole set.
      { scope_id: 'all', quarter: '2023-q3', contributors: 4, new_contributors: 1, new_to_ecosystem: 1, newcomer_share: 0.25, ecosystem_newcomer_share: 0.25, new_projects: 0, new_project_contributors: 0, observed: false },
      // frank is new to compilers, not to the tracked set; gina is back.
      { scope_id: 'compilers', quarter: '2023-q4', contributors: 2, new_contributors: 1, new_to_ecosystem: 0, newcomer_share: 0.5, ecosystem_newcomer_share: 0, new_projects: 0, new_project_contributors: 0, observed: true },
    ]);
    // Categories and 'all' only: training 6 quarters, serving 6, compilers 5, all 6.
    expect(await rows(conn, 'SELECT count(*)::INTEGER AS n, count(DISTINCT scope_type)::INTEGER AS types FROM scope_newcomers')).toEqual([{ n: 23, types: 2 }]);
  });

  it('leaves core team sizes of 1 or 2 and steady counts under 3 empty', async () => {
    const got = await rows(conn, `SELECT scope_id, contributors, credit, core_50, core_80, steady_contributors FROM core_team
      WHERE quarter = '2023-q1' AND scope_id IN ('all', 'acme/trainer') ORDER BY scope_id`);
    expect(got).toEqual([
      // trainer: erin 4 of 6 credits is half alone (1), with alice 1.5 four fifths (2): both small cells.
      { scope_id: 'acme/trainer', contributors: 3, credit: 6, core_50: null, core_80: null, steady_contributors: null },
      // all: erin 4, bob 2, alice 1.5, frank 1, dave 0.5 of 9: half takes 2 (6 >= 4.5), four fifths 3 (7.5 >= 7.2).
      { scope_id: 'all', contributors: 5, credit: 9, core_50: null, core_80: 3, steady_contributors: null },
    ]);
    // One row per scope_quarters row that has people.
    const [n] = await rows(conn, `SELECT (SELECT count(*) FROM core_team)::INTEGER AS core, (SELECT count(*) FROM scope_quarters WHERE contributors > 0)::INTEGER AS scopes`);
    expect(n?.core).toBe(n?.scopes);
  });

  it('publishes no pool of the story: every one has fewer than 3 people', async () => {
    // bob (training + serving), frank (training + compilers), carol (serving + compilers): one a pair.
    expect(await rows(conn, 'SELECT * FROM talent_pools')).toEqual([]);
  });
});

describe('talent pools with a crowd', () => {
  let conn: DuckDBConnection;
  beforeAll(async () => {
    ({ conn } = await createWarehouseFixture());
    await addCommits(conn, [
      // hana: serving in legacy-serve before it stops (Q2), training Q3, compilers Q6.
      ['h1', 'acme/trainer', '2023-08-10', 101],
      ['h2', 'old/legacy-serve', '2023-04-20', 101],
      ['h3', 'gamma/compiler', '2024-04-15', 101],
      // ivan: two commits in legacy-serve (Q2), two in training (Q4).
      ['i1', 'old/legacy-serve', '2023-05-01', 102],
      ['i2', 'old/legacy-serve', '2023-05-02', 102],
      ['i3', 'acme/trainer', '2023-10-20', 102],
      ['i4', 'acme/trainer', '2023-10-21', 102],
      // jon: serving twice and compilers in Q5, training twice in Q6.
      ['j1', 'beta/server', '2024-01-20', 103],
      ['j2', 'beta/server', '2024-01-21', 103],
      ['j3', 'gamma/compiler', '2024-02-10', 103],
      ['j4', 'acme/trainer', '2024-04-05', 103],
      ['j5', 'acme/trainer', '2024-04-06', 103],
      // kim: everything in Q6, two commits each in training and serving.
      ['k1', 'acme/trainer', '2024-04-08', 104],
      ['k2', 'acme/trainer', '2024-04-09', 104],
      ['k3', 'beta/server', '2024-04-11', 104],
      ['k4', 'beta/server', '2024-04-12', 104],
      ['k5', 'gamma/compiler', '2024-04-13', 104],
      // frank (training Q1-Q4, compilers Q4) adds two serving commits in Q6.
      ['f1', 'beta/server', '2024-04-20', 6],
      ['f2', 'beta/server', '2024-04-21', 6],
    ]);
    await computeMetrics(conn);
  });

  it('counts people in both categories of every pair, in three or more, and in the named pools, over a trailing year', async () => {
    const got = await rows(conn, 'SELECT * FROM talent_pools');
    const row = (quarter: string, from_quarter: string, pool_type: string, pool_id: string, name: string | null, categories: string | null, min_commits: number, people: number, in_stopped_histories: number | null, observed: boolean) =>
      ({ quarter, from_quarter, pool_type, pool_id, name, categories, min_commits, people, in_stopped_histories, observed });
    expect(got).toEqual([
      // 2023-q4, the first quarter with a full year behind it (Q1-Q4). Training and serving:
      // bob (serving Q1-Q2, training Q3), hana (serving Q2, training Q3), ivan (serving Q2,
      // training Q4). All three worked in legacy-serve, which stops inside the year: the
      // pool rests on a stopped history and is not comparable. Every other pool has 0-2
      // people: frank alone in training + compilers, carol alone in serving + compilers.
      row('2023-q4', '2023-q1', 'pair', 'serving+training', null, 'serving,training', 1, 3, 3, false),
      // 2024-q1 (Q2-Q5): the same three (bob's serving is Q2 and Q5 now); jon's serving and
      // compilers make 2 with carol, no row. "Two commits each" has bob and ivan: 2, no row.
      row('2024-q1', '2023-q2', 'pair', 'serving+training', null, 'serving,training', 1, 3, 3, false),
      // 2024-q2 (Q3-Q6): legacy-serve's stop is before the year, so nothing rests on it.
      // Three categories: frank, jon, kim (hana's serving is Q2, out of the year).
      row('2024-q2', '2023-q3', 'breadth', 'three-plus', 'Active in three or more categories', null, 1, 3, null, true),
      row('2024-q2', '2023-q3', 'named', 'everything', 'All three categories', 'compilers,serving,training', 1, 3, null, true),
      // Two commits each in training and serving: frank (c26 + c33; f1 + f2), jon, kim; bob
      // has one serving credit in the year (c43), ivan none.
      row('2024-q2', '2023-q3', 'named', 'deep-training-serving', 'Two commits each in training and serving', 'serving,training', 2, 3, null, true),
      // carol, frank, jon, kim.
      row('2024-q2', '2023-q3', 'pair', 'compilers+serving', null, 'compilers,serving', 1, 4, null, true),
      // frank, hana, jon, kim.
      row('2024-q2', '2023-q3', 'pair', 'compilers+training', null, 'compilers,training', 1, 4, null, true),
      // bob (training Q3, serving Q5), frank, jon, kim.
      row('2024-q2', '2023-q3', 'pair', 'serving+training', null, 'serving,training', 1, 4, null, true),
    ]);
  });
});

describe('core team sizes with a crowd', () => {
  let conn: DuckDBConnection;
  beforeAll(async () => {
    ({ conn } = await createWarehouseFixture());
    // Person 900 commits in acme/trainer in each of the first eight weeks of 2023-q2.
    const weeks = ['2023-04-01', '2023-04-08', '2023-04-15', '2023-04-22', '2023-04-29', '2023-05-06', '2023-05-13', '2023-05-20'];
    await addCommits(conn, weeks.map((d, i): [string, string, string, number] => [`w${i}`, 'acme/trainer', d, 900]));
    // Three copies of everyone (ids + 0, 1000, 2000), so sizes reach 3 and are published.
    await conn.run('CREATE TABLE one_copy AS SELECT * FROM commit_credits');
    for (const i of [1, 2]) await conn.run(`INSERT INTO commit_credits SELECT sha, repo, category_id, quarter, week, person_id + ${i * 1000}, weight, organization FROM one_copy`);
    await computeMetrics(conn);
  });

  it('counts the fewest people making half and four fifths of the credit, and the steady contributors', async () => {
    const got = await rows(conn, `SELECT scope_id, quarter, contributors, credit, core_50, core_80, steady_contributors FROM core_team
      WHERE (scope_id, quarter) IN (('all', '2023-q1'), ('acme/trainer', '2023-q1'), ('all', '2023-q2'), ('acme/trainer', '2023-q2'), ('training', '2023-q2'))
      ORDER BY quarter, scope_id`);
    expect(got).toEqual([
      // Per copy trainer Q1: erin 4, alice 1.5, dave 0.5 (18 in all). Half (9): 4 + 4 + 4.
      // Four fifths (14.4): three erins and two alices (15).
      { scope_id: 'acme/trainer', quarter: '2023-q1', contributors: 9, credit: 18, core_50: 3, core_80: 5, steady_contributors: null },
      // Per copy Q1: erin 4, bob 2, alice 1.5, frank 1, dave 0.5 (27 in all). Half (13.5):
      // three erins and a bob (14). Four fifths (21.6): erins, bobs and all three alices (22.5).
      { scope_id: 'all', quarter: '2023-q1', contributors: 15, credit: 27, core_50: 4, core_80: 9, steady_contributors: null },
      // Per copy trainer Q2: p900 8, erin 2 (c13, c14), alice 1 (33 in all). Half (16.5): three
      // p900s (24). Four fifths (26.4): and two erins (28). The p900s had 8 weeks each.
      { scope_id: 'acme/trainer', quarter: '2023-q2', contributors: 9, credit: 33, core_50: 3, core_80: 5, steady_contributors: 3 },
      // Per copy Q2: p900 8, bob 3, erin 2, alice 1, frank 1, gina 1 (48 in all). Half (24):
      // three p900s, exactly half. Four fifths (38.4): p900s, bobs, erins (39).
      { scope_id: 'all', quarter: '2023-q2', contributors: 18, credit: 48, core_50: 3, core_80: 9, steady_contributors: 3 },
      // Per copy training Q2: p900 8, erin 2, alice 1, frank 1 (36). Four fifths (28.8): p900s and erins (30).
      { scope_id: 'training', quarter: '2023-q2', contributors: 12, credit: 36, core_50: 3, core_80: 6, steady_contributors: 3 },
    ]);
  });
});

describe('named pools (data/talent-pools.yaml)', () => {
  const cats = new Set(['gpu-kernels', 'llm-serving', 'ml-compilers']);
  const parse = (text: string) => parseTalentPools(text, 'talent-pools.yaml', cats);

  it('reads id, name, categories and min_commits (default 1)', () => {
    expect(parse('pools:\n  - id: serving-kernels\n    name: Serving with kernels\n    categories: [llm-serving, gpu-kernels]\n  - id: deep\n    name: Deep\n    categories: [gpu-kernels, ml-compilers]\n    min_commits: 5\n')).toEqual([
      { id: 'serving-kernels', name: 'Serving with kernels', categories: ['llm-serving', 'gpu-kernels'], minCommits: 1 },
      { id: 'deep', name: 'Deep', categories: ['gpu-kernels', 'ml-compilers'], minCommits: 5 },
    ]);
    expect(parse('pools: []\n')).toEqual([]);
  });

  it('names the line of every mistake', () => {
    const pool = (body: string) => `pools:\n  - id: ok\n    name: Fine\n    categories: [llm-serving, gpu-kernels]\n  - ${body}\n`;
    expect(() => parse(pool('id: typo\n    name: T\n    categories: [llm-serving, gpu-kernel]'))).toThrow(/talent-pools\.yaml:5.*unknown category "gpu-kernel"/);
    expect(() => parse(pool('id: ok\n    name: Again\n    categories: [llm-serving, gpu-kernels]'))).toThrow(/duplicate pool id 'ok' \(first at line 2\)/);
    expect(() => parse(pool('id: one\n    name: One\n    categories: [llm-serving]'))).toThrow(/two or more category ids/);
    expect(() => parse(pool('id: dup\n    name: Dup\n    categories: [llm-serving, llm-serving]'))).toThrow(/lists a category twice/);
    expect(() => parse(pool('id: zero\n    name: Zero\n    categories: [llm-serving, gpu-kernels]\n    min_commits: 0'))).toThrow(/min_commits must be a whole number/);
    expect(() => parse(pool('id: three-plus\n    name: Mine\n    categories: [llm-serving, gpu-kernels]'))).toThrow(/the engine's own pool/);
    expect(() => parse(pool('id: x\n    name: X\n    categories: [llm-serving, gpu-kernels]\n    colour: red'))).toThrow(/unknown field "colour"/);
  });

  it('loads the repository file with the registry, and none beside a registry without one', async () => {
    const registry = await loadRegistry();
    expect(registry.talentPools.find((p) => p.id === 'serving-kernels')).toEqual({ id: 'serving-kernels', name: 'Serving engineers with kernel depth', categories: ['llm-serving', 'gpu-kernels'], minCommits: 1 });
    const files = writeRegistryFixture(mkdtempSync(join(tmpdir(), 'pools-registry-')), [{ repo: 'a/b', category: 'llm-serving' }]);
    expect((await loadRegistry({ reposCsv: files.reposCsv, categoriesYaml: files.categoriesYaml })).talentPools).toEqual([]);
  });
});
