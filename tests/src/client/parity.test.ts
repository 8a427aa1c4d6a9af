// Query parity: every registered query, with parameters chosen by name, through the
// build's runner (src/node/published-data.ts, @duckdb/node-api = DuckDB 1.5) and the
// browser's runner (src/client/query-runner.ts over DuckDB-WASM 1.28's Node build =
// DuckDB 0.9.1, opened with the page's config and settings), over the same Parquet.
// Results must be identical, in the order returned: queries ORDER BY deterministically,
// and a query that does not is a bug this test should expose, not paper over.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { QueryRunner } from '../../../src/client/query-runner.ts';
import { QUERIES, TREND_METRICS, viewsRead, type ParamValue, type QueryDef, type QueryName } from '../../../src/lib/query-registry.ts';
import { PUBLISHED_DIR_ENV } from '../../../src/node/paths.ts';
import { openPublished, type PublishedData } from '../../../src/node/published-data.ts';
import { writePublishedFixture } from '../../helpers/published-fixture.ts';
import { openNodeWasm } from './node-wasm.ts';

const repo = fileURLToPath(new URL('../../../', import.meta.url));

interface Folder {
  label: string;
  root: () => string;
  quarter: string;
}
let fixtureRoot = '';
const FOLDERS: Folder[] = [
  { label: 'data/published/2024-q3', root: () => join(repo, 'data', 'published'), quarter: '2024-q3' },
  { label: 'data/published/2026-q2', root: () => join(repo, 'data', 'published'), quarter: '2026-q2' },
  { label: 'fixture 2024-q3', root: () => fixtureRoot, quarter: '2024-q3' },
  { label: 'fixture 2024-q4 (partial)', root: () => fixtureRoot, quarter: '2024-q4' },
];

/** What the data offers to pick parameter values from. */
interface Context {
  quarter: string;
  quarters: string[];
  category: string;
  lastCategory: string;
  repo: string;
  /** Category pairs with people between them, both ways round (see pairsOf). */
  pairs: [string, string][];
}
type Chosen = Record<string, ParamValue>;

// Values by parameter NAME, so a new query with known names is covered without
// touching this file. Each gets the values already chosen for earlier parameters.
const PARAM_VALUES: Record<string, (c: Context, chosen: Chosen) => ParamValue[]> = {
  // The folder's quarter, the one before it, and its first (no quarter before that:
  // empty changes, no migration).
  quarter: (c) => [...new Set([c.quarter, c.quarters.at(-2)!, c.quarters[0]!])],
  category: (c) => ['all', c.category, c.lastCategory],
  limit: () => [3, 25],
  minCommits: () => [1, 3],
  metric: () => [...TREND_METRICS],
  // A pair the data links (as given and reversed) and one it may not (zeros).
  categoryA: (c) => [...new Set([...c.pairs.map((p) => p[0]), c.category])],
  categoryB: (c, chosen) => [...new Set([...c.pairs.filter((p) => p[0] === chosen.categoryA).map((p) => p[1]), c.lastCategory])],
  scopeType: () => ['all', 'category', 'repo'],
  scopeId: (c, chosen) =>
    chosen.scopeType === 'all' ? ['all'] : chosen.scopeType === 'category' ? [c.category] : chosen.scopeType === 'repo' ? [c.repo] : ['all', c.category],
};

/**
 * Queries with no rows in a folder by construction: the fixture's 2024-q3 overlaps are one
 * or two people a cell, which change_people leaves out (fixture 2024-q4 has them).
 */
const EMPTY_BY_DESIGN: Partial<Record<QueryName, string[]>> = { 'atlas-repo-overlap': ['fixture 2024-q3'] };

function paramSets(name: QueryName, c: Context): Chosen[] {
  let sets: Chosen[] = [{}];
  for (const p of QUERIES[name].params) {
    const values = PARAM_VALUES[p];
    if (!values) throw new Error(`query '${name}' has parameter '${p}', which the parity test has no values for: add it to PARAM_VALUES in tests/src/client/parity.test.ts`);
    sets = sets.flatMap((chosen) => values(c, chosen).map((v) => ({ ...chosen, [p]: v })));
  }
  return sets;
}

// ---------------------------------------------------------------------------------
// DuckDB-WASM's Node build behind the runner's Engine interface. Files are registered
// as buffers (the Node runtime has no HTTP); the SQL, views and parameters are the
// runner's own, as in the browser.


// ---------------------------------------------------------------------------------

function normal(v: unknown): unknown {
  if (typeof v === 'bigint') return Number(v);
  if (typeof v === 'number' && !Number.isInteger(v)) return Math.round(v * 1e9) / 1e9;
  if (v instanceof Date) return v.toISOString();
  if (Array.isArray(v)) return v.map(normal);
  return v;
}
const normalRows = (rows: unknown[]) => rows.map((r) => Object.fromEntries(Object.entries(r as Record<string, unknown>).map(([k, v]) => [k, normal(v)])));

/** Opens a folder with the build's runner, pointing it at the folder's root first. */
function openBuild(f: Folder): Promise<PublishedData> {
  process.env[PUBLISHED_DIR_ENV] = f.root();
  // openPublished resolves the folder synchronously, so the variable is read now.
  return openPublished(f.quarter);
}

async function contextOf(build: PublishedData): Promise<Context> {
  const quarters = (await build.query('quarters', {})).map((q) => q.quarter);
  const cats = await build.query('categories', {});
  const snapshot = await build.query('snapshot', { quarter: build.quarter });
  const busiest = [...snapshot].sort((a, b) => b.contributors - a.contributors || a.category_id.localeCompare(b.category_id))[0];
  const [top] = await build.query('top-projects', { quarter: build.quarter, category: 'all', limit: 1 });
  if (!busiest || !top || cats.length === 0) throw new Error(`${build.folder} has no categories or projects to pick parameters from`);
  return { quarter: build.quarter, quarters, category: busiest.category_id, lastCategory: cats.at(-1)!.category_id, repo: top.repo, pairs: await pairsOf(build, quarters) };
}

/** The largest overlap and the largest move between two categories, from the newest quarter that has either. */
async function pairsOf(build: PublishedData, quarters: string[]): Promise<[string, string][]> {
  for (const quarter of [...quarters].reverse()) {
    const [overlap] = await build.query('overlap-matrix', { quarter });
    const move = (await build.query('migration-matrix', { quarter })).find((m) => m.from_category !== m.to_category);
    const pairs: [string, string][] = [];
    if (overlap) pairs.push([overlap.category_a, overlap.category_b], [overlap.category_b, overlap.category_a]);
    if (move) pairs.push([move.from_category, move.to_category], [move.to_category, move.from_category]);
    if (pairs.length > 0) return pairs;
  }
  return [];
}

let runner: QueryRunner;
let wasmVersion = '';

beforeAll(async () => {
  fixtureRoot = await writePublishedFixture(mkdtempSync(join(tmpdir(), 'ds-parity-')));
  const { engine, version } = await openNodeWasm();
  // One runner for every folder, as on a page: views are re-pointed between quarters.
  runner = new QueryRunner(engine);
  wasmVersion = version;
});

describe('query parity: build (node-api) vs browser (DuckDB-WASM 1.28)', () => {
  it('compares against DuckDB 0.9.1, the engine the browser ships', () => {
    expect(wasmVersion).toBe('v0.9.1');
  });

  it('has values for every parameter name of the registry', () => {
    const context: Context = { quarter: '2024-q3', quarters: ['2024-q2', '2024-q3'], category: 'c', lastCategory: 'd', repo: 'o/r', pairs: [['a', 'b']] };
    for (const name of Object.keys(QUERIES) as QueryName[]) expect(paramSets(name, context).length, name).toBeGreaterThan(0);
  });

  describe.each(FOLDERS)('$label', (folder) => {
    let build: PublishedData;
    let context: Context;
    let folderUrl: string;

    beforeAll(async () => {
      build = await openBuild(folder);
      expect(build.folder).toBe(join(folder.root(), folder.quarter));
      context = await contextOf(build);
      folderUrl = pathToFileURL(build.folder).href + '/';
    });

    it.for(Object.keys(QUERIES) as QueryName[])('%s', async (name, { skip }) => {
      // A committed folder published before a table existed lacks its file until it is
      // published again; the fixture folders have every table, so the query is still
      // compared on both engines there.
      const missing = viewsRead(name).filter((v) => !build.views.includes(v));
      if (missing.length > 0 && !folder.label.startsWith('fixture')) skip(`${folder.label} has no ${missing.join(', ')} (published before it existed)`);
      let rowsSeen = 0;
      for (const params of paramSets(name, context)) {
        const what = `${name} ${JSON.stringify(params)} over ${folder.label}`;
        const expected = normalRows(await build.query(name, params as never));
        let got: unknown[];
        try {
          got = normalRows(await runner.run(QUERIES[name] as QueryDef<unknown, readonly string[]>, params, folderUrl));
        } catch (e) {
          throw new Error(`${what} fails on DuckDB-WASM 1.28 (DuckDB 0.9.1): ${(e as Error).message}`);
        }
        expect(got.length, `${what}: row count`).toBe(expected.length);
        if (expected.length > 0) expect(Object.keys(got[0] as object), `${what}: columns`).toEqual(Object.keys(expected[0]!));
        expect(got, what).toEqual(expected);
        rowsSeen += expected.length;
      }
      // Identical empty results would prove nothing, unless the folder has no such rows by
      // design (then another folder compares them).
      if (EMPTY_BY_DESIGN[name]?.includes(folder.label)) return;
      expect(rowsSeen, `${name} returned no rows for any parameters over ${folder.label}`).toBeGreaterThan(0);
    });
  });
});
