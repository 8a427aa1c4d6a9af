import { beforeAll, describe, expect, it } from 'vitest';
import { QUERIES, type QueryName } from '../../../src/lib/query-registry.ts';
import { readManifest } from '../../../src/node/manifest.ts';
import { categoriesOf } from '../../../src/node/categories.ts';
import { publishedQuarters } from '../../../src/node/paths.ts';
import { openPublished } from '../../../src/node/published-data.ts';
import { usePublishedFixture } from '../../helpers/published-fixture.ts';
import { CATEGORIES, MIGRATION, MIGRATION_THRESHOLDS, OVERLAP, OVERLAP_THRESHOLDS, QUARTERS, REPOS, STORY } from '../../helpers/published-fixture-data.ts';
import { recountMigration, recountOverlap } from '../../helpers/threshold-recount.ts';

beforeAll(async () => {
  await usePublishedFixture();
});

describe('published data', () => {
  it('lists published quarters and opens one folder once', async () => {
    expect(publishedQuarters()).toEqual(['2024-q3', '2024-q4']);
    const a = await openPublished('2024-q3');
    expect(await openPublished('2024-q3')).toBe(a);
    expect(a.views).toContain('scope_quarters');
  });

  it('explains an unpublished quarter', async () => {
    await expect(openPublished('2023-q1')).rejects.toThrow(
      'no published data for 2023-q1 (published quarters: 2024-q3, 2024-q4); run `npm run publish-data -- 2023-q1` to publish it',
    );
    await expect(openPublished('2023Q1')).rejects.toThrow('write it like 2024-q3');
  });

  it('runs the headline query with integers as numbers', async () => {
    const d = await openPublished('2024-q3');
    const [h] = await d.query('headline', { quarter: '2024-q3' });
    expect(h).toMatchObject({ tracked_repos: 10, ingested_repos: 9, commits: 5297, contributors: 689, contributors_prev: 604, partial: false });
    expect(h!.contributors_qoq).toBeCloseTo(85 / 604, 12);
    expect(typeof h!.commits).toBe('number');
  });

  it('snapshot lists every category in order, with "new" for a category with no past', async () => {
    const rows = await (await openPublished('2024-q3')).query('snapshot', { quarter: '2024-q3' });
    expect(rows.map((r) => [r.category_id, r.contributors, r.contributors_prev])).toEqual([
      ['gpu-kernels', 80, 70],
      ['ml-compilers', 45, 49],
      ['llm-serving', 260, 200],
      ['training-frameworks', 352, 338],
      ['edge-ml', 12, 0],
    ]);
    expect(rows.at(-1)!.contributors_qoq).toBeNull();
  });

  it('top-projects ranks overall or within a category', async () => {
    const d = await openPublished('2024-q3');
    const all = await d.query('top-projects', { quarter: '2024-q3', category: 'all', limit: 3 });
    expect(all.map((r) => [r.repo, r.contributors])).toEqual([
      ['pytorch/pytorch', 229],
      ['vllm-project/vllm', 169],
      ['huggingface/transformers', 158],
    ]);
    const cat = await d.query('top-projects', { quarter: '2024-q3', category: 'edge-ml', limit: 10 });
    expect(cat).toEqual([expect.objectContaining({ repo: 'google-ai-edge/litert', new_project: true, rank_in_category: 1 })]);
  });

  it('category-trend gives nine quarters per category', async () => {
    const rows = await (await openPublished('2024-q3')).query('category-trend', { metric: 'contributors' });
    const gpu = rows.filter((r) => r.category_id === 'gpu-kernels');
    expect(gpu.map((r) => r.value)).toEqual([40, 44, 47, 50, 55, 61, 66, 70, 80]);
    expect(rows.filter((r) => r.category_id === 'edge-ml').map((r) => r.value)).toEqual([0, 0, 0, 0, 0, 0, 0, 0, 12]);
  });

  it('every registered query runs on the fixture, and returns rows from one of its folders', async () => {
    // Some rows exist only in the later folder (overlap parts by repository are 2024-q4's).
    const counts = new Map<QueryName, number>();
    for (const quarter of ['2024-q3', '2024-q4']) {
      const d = await openPublished(quarter);
      const params: Record<string, string | number> = { quarter, category: 'all', limit: 5, minCommits: 1, metric: 'churn_rate', scopeType: 'all', scopeId: 'all', categoryA: 'gpu-kernels', categoryB: 'llm-serving' };
      for (const name of Object.keys(QUERIES) as QueryName[]) {
        const p = Object.fromEntries(QUERIES[name].params.map((k) => [k, params[k]!]));
        counts.set(name, (counts.get(name) ?? 0) + (await d.query(name, p as never)).length);
      }
    }
    for (const [name, n] of counts) expect(n, name).toBeGreaterThan(0);
  });
});

describe('overlap and migration at a commit threshold', () => {
  it('equal the published tables at threshold 1, in every quarter of the folder', async () => {
    for (const folder of ['2024-q3', '2024-q4']) {
      const d = await openPublished(folder);
      const quarters = (await d.query('quarters', {})).map((q) => q.quarter);
      for (const quarter of quarters) {
        const overlap = await d.query('overlap-matrix', { quarter });
        expect(await d.query('overlap-at-threshold', { quarter, minCommits: 1 }), `overlap ${quarter}`).toEqual(overlap);
        const migration = await d.query('migration-matrix', { quarter });
        expect(await d.query('migration-at-threshold', { quarter, minCommits: 1 }), `migration ${quarter}`).toEqual(migration);
      }
    }
    // The fixture has links to compare, including the tie-breaks.
    const d = await openPublished('2024-q3');
    expect(await d.query('migration-matrix', { quarter: '2024-q3' })).toHaveLength(6);
    expect(await d.query('overlap-matrix', { quarter: '2024-q3' })).toHaveLength(5);
  });

  it('read the counts published for a higher threshold, without pairs of fewer than 3', async () => {
    const d = await openPublished('2024-q4');
    expect(await d.query('overlap-at-threshold', { quarter: '2024-q4', minCommits: 2 })).toEqual([{ category_a: 'gpu-kernels', category_b: 'llm-serving', people: 4 }]);
    expect(await d.query('overlap-at-threshold', { quarter: '2024-q4', minCommits: 3 })).toEqual([{ category_a: 'gpu-kernels', category_b: 'llm-serving', people: 3 }]);
    expect(await d.query('overlap-at-threshold', { quarter: '2024-q4', minCommits: 5 })).toEqual([]);
    expect(await d.query('migration-at-threshold', { quarter: '2024-q4', minCommits: 2 })).toEqual([
      { from_category: 'llm-serving', to_category: 'llm-serving', people: 3 },
      { from_category: 'training-frameworks', to_category: 'llm-serving', people: 3 },
    ]);
    expect(await d.query('migration-at-threshold', { quarter: '2024-q4', minCommits: 20 })).toEqual([{ from_category: 'llm-serving', to_category: 'llm-serving', people: 3 }]);
    // 2024-q3's pairs above one commit are one person each: not published.
    const q3 = await openPublished('2024-q3');
    expect(await q3.query('overlap-at-threshold', { quarter: '2024-q3', minCommits: 2 })).toEqual([]);
    expect(await q3.query('migration-at-threshold', { quarter: '2024-q3', minCommits: 3 })).toEqual([]);
  });

  it('a threshold the engine did not publish finds nothing (the chord offers only published ones)', async () => {
    const d = await openPublished('2024-q4');
    expect(await d.query('overlap-at-threshold', { quarter: '2024-q4', minCommits: 4 })).toEqual([]);
  });

  it('the fixture holds what the engine would publish for its people (an independent recount)', () => {
    const categoryOf = new Map(REPOS.map(([repo, cat]) => [repo, cat]));
    const rows = STORY.map(([person, repo, quarter, credit, commits]) => ({ person, category_id: categoryOf.get(repo)!, quarter, credit, commits }));
    const order = [...CATEGORIES].sort((a, b) => a[4] - b[4]).map(([id]) => id);
    const table = (at1: [string, string, string, number][], above: [string, number, string, string, number][]) =>
      [...at1.map(([quarter, source, target, people]) => ({ quarter, min_commits: 1, source, target, people })), ...above.map(([quarter, min_commits, source, target, people]) => ({ quarter, min_commits, source, target, people }))].sort(
        (a, b) => a.quarter.localeCompare(b.quarter) || a.min_commits - b.min_commits || a.source.localeCompare(b.source) || a.target.localeCompare(b.target),
      );
    expect(recountOverlap(rows, QUARTERS)).toEqual(table(OVERLAP, OVERLAP_THRESHOLDS));
    expect(recountMigration(rows, QUARTERS, order, QUARTERS)).toEqual(table(MIGRATION, MIGRATION_THRESHOLDS));
  });
});

describe('manifest and categories', () => {
  it('reads the manifest', () => {
    const m = readManifest('2024-q4');
    expect(m.partial).toBe(true);
    expect(m.quarters).toHaveLength(9);
    expect(m.quarters[0]).toBe('2022-q4');
    expect(() => readManifest('2020-q1')).toThrow('no published data for 2020-q1');
  });

  it('reads category names and colours from the folder', async () => {
    const c = await categoriesOf('2024-q3');
    expect(c.list.map((x) => x.category_id)).toEqual(['gpu-kernels', 'ml-compilers', 'llm-serving', 'training-frameworks', 'edge-ml']);
    expect(c.colour('llm-serving')).toBe('#943fc2');
    expect(c.name('nope')).toBe('nope');
  });
});
