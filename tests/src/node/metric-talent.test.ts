// <Metric> figures of talent pools, core teams, newcomers and the work mix, over the
// published fixture (tests/helpers/published-fixture-talent.ts says how its rows are made).
import { mkdirSync, mkdtempSync, readdirSync, copyFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { resolveMetric, MetricError, type MetricRequest } from '../../../src/node/metric.ts';
import { PUBLISHED_DIR_ENV } from '../../../src/node/paths.ts';
import { openPublished } from '../../../src/node/published-data.ts';
import { usePublishedFixture } from '../../helpers/published-fixture.ts';

let root = '';
beforeAll(async () => {
  root = await usePublishedFixture();
});

const ask = (r: Omit<MetricRequest, 'quarter'> & { quarter?: string }) => resolveMetric({ quarter: '2024-q3', ...r });
const text = async (r: Omit<MetricRequest, 'quarter'> & { quarter?: string }) => (await ask(r)).text;

describe('talent pools', () => {
  it('counts a pair of categories in either order, a named pool, and people in three or more categories', async () => {
    expect(await text({ figure: 'talent_pool', category: 'gpu-kernels', other: 'llm-serving' })).toBe('36');
    expect(await text({ figure: 'talent_pool', category: 'llm-serving', other: 'gpu-kernels' })).toBe('36');
    expect(await text({ figure: 'talent_pool', pool: 'full-stack' })).toBe('7');
    expect(await text({ figure: 'multi_category_people' })).toBe('24');
    expect(await text({ figure: 'talent_pool', pool: 'serving-kernels', quarter: '2023-q3', articleQuarter: '2024-q3' })).toBe('18');
    const r = await ask({ figure: 'talent_pool', category: 'gpu-kernels', other: 'llm-serving' });
    expect([r.scopeType, r.scopeId, r.description]).toEqual(['pair', 'gpu-kernels,llm-serving', 'People active in both GPU Kernels & Performance and LLM Serving & Inference within the year to Q3 2024']);
  });

  it('quotes a pool the small-cell rule left out as fewer than 3, never 0', async () => {
    const r = await ask({ figure: 'talent_pool', category: 'gpu-kernels', other: 'ml-compilers' });
    expect([r.text, r.value]).toEqual(['fewer than 3', null]);
    expect(r.description).toMatch(/a pool of fewer than 3 people is not published/);
  });

  it('marks a pool that rests on a history that stops', async () => {
    const r = await ask({ figure: 'talent_pool', category: 'llm-serving', other: 'training-frameworks' });
    expect(r.text).toBe('40');
    expect(r.note).toBe('9 of these people were active in a history that stops being tracked within the year, so the pool is understated');
  });

  it('says what to write instead', async () => {
    await expect(ask({ figure: 'talent_pool', pool: 'nope' })).rejects.toThrow("no talent pool 'nope' in the 2024-q3 data (named pools: full-stack, serving-kernels)");
    await expect(ask({ figure: 'talent_pool', category: 'gpu-kernels' })).rejects.toThrow('needs two categories (category and other) or a named pool (pool)');
    await expect(ask({ figure: 'talent_pool', category: 'gpu-kernels', other: 'gpu-kernels' })).rejects.toThrow("not 'gpu-kernels' twice");
    await expect(ask({ figure: 'talent_pool', category: 'gpu-kernels', other: 'nope' })).rejects.toThrow('for other="nope" in 2024-q3 (not a category');
    await expect(ask({ figure: 'talent_pool', pool: 'full-stack', delta: 'change' })).rejects.toThrow('quote the year before with quarter="2023-q3"');
    await expect(ask({ figure: 'multi_category_people', category: 'gpu-kernels' })).rejects.toThrow('takes no category, other or pool');
    await expect(ask({ figure: 'contributors', pool: 'full-stack' })).rejects.toThrow(MetricError);
    await expect(ask({ figure: 'overlap', category: 'gpu-kernels', other: 'llm-serving', kind: 'fix' })).rejects.toThrow("kind=\"…\" names a kind of work: it is for figure 'work_share'");
  });
});

describe('core team sizes', () => {
  it('reads core_team for the whole set, a category and a repository', async () => {
    // 689 people: 8% is 55, 35% is 241, 10% is 69.
    expect(await text({ figure: 'core_team_50' })).toBe('55');
    expect(await text({ figure: 'core_team_80' })).toBe('241');
    expect(await text({ figure: 'steady_contributors' })).toBe('69');
    expect(await text({ figure: 'core_team_50', category: 'gpu-kernels' })).toBe('6');
    expect(await text({ figure: 'core_team_50', repo: 'pytorch/pytorch' })).toBe('18');
    expect((await ask({ figure: 'core_team_80', category: 'gpu-kernels' })).description).toBe('Fewest people making four fifths of the commit credit, GPU Kernels & Performance, Q3 2024');
  });

  it('quotes a size of 1 or 2 as fewer than 3, and refuses a change it cannot compute', async () => {
    // edge-ml, 12 people: half is 1 person, four fifths 4, steady 1.
    expect(await text({ figure: 'core_team_50', category: 'edge-ml' })).toBe('fewer than 3');
    expect(await text({ figure: 'core_team_80', category: 'edge-ml' })).toBe('4');
    expect(await text({ figure: 'steady_contributors', category: 'edge-ml' })).toBe('fewer than 3');
    await expect(ask({ figure: 'core_team_50', category: 'edge-ml', delta: 'change' })).rejects.toThrow('has no change to quote (1 or 2 people, not published)');
  });

  it('changes on the quarter before', async () => {
    // gpu-kernels four fifths: 25 (70 people) to 28 (80).
    expect(await text({ figure: 'core_team_80', category: 'gpu-kernels', delta: 'change' })).toBe('+12.0%');
    expect(await text({ figure: 'core_team_80', category: 'gpu-kernels', quarter: '2024-q4', delta: 'change' })).toBe('partial quarter');
  });
});

describe('newcomers and new projects', () => {
  it('reads shares of newcomers and projects new to the tracked set', async () => {
    expect(await text({ figure: 'newcomer_share', category: 'llm-serving' })).toBe('25.0%');
    expect(await text({ figure: 'ecosystem_newcomer_share', category: 'llm-serving' })).toBe('15.0%');
    expect(await text({ figure: 'new_projects', category: 'edge-ml' })).toBe('1');
    expect(await text({ figure: 'new_projects' })).toBe('1');
    expect(await text({ figure: 'new_projects', category: 'gpu-kernels' })).toBe('0');
    // gpu-kernels: 11 of 70 new to the tracked set in Q2 2024, 12 of 80 in Q3.
    expect(await text({ figure: 'ecosystem_newcomer_share', category: 'gpu-kernels', delta: 'change' })).toBe('down 0.7 points');
  });

  it('is counted for categories and the whole set only', async () => {
    await expect(ask({ figure: 'newcomer_share', repo: 'pytorch/pytorch' })).rejects.toThrow("is counted for a category or the whole set, not a repository");
  });
});

describe('work share', () => {
  it('reads one kind of work', async () => {
    expect(await text({ figure: 'work_share', category: 'gpu-kernels', kind: 'fix' })).toBe('25.0%');
    expect(await text({ figure: 'work_share', kind: 'perf', delta: 'change' })).toBe('unchanged');
    expect((await ask({ figure: 'work_share', category: 'gpu-kernels', kind: 'perf' })).description).toBe('Share of commits that were performance, GPU Kernels & Performance, Q3 2024');
  });

  it('needs a kind it knows', async () => {
    await expect(ask({ figure: 'work_share', category: 'gpu-kernels' })).rejects.toThrow('needs kind="…", one of feature, fix, perf, test, docs, ci');
    await expect(ask({ figure: 'work_share', kind: 'refactor' })).rejects.toThrow("(not 'refactor')");
  });
});

describe('a folder published before these tables', () => {
  let old = '';
  afterAll(() => {
    if (old) rmSync(old, { recursive: true, force: true });
    process.env[PUBLISHED_DIR_ENV] = root;
  });

  it('names the missing file and the command that adds it', async () => {
    // A copy of the fixture's 2024-q3 without the talent tables.
    old = mkdtempSync(join(tmpdir(), 'ds-old-'));
    mkdirSync(join(old, '2024-q3'));
    for (const f of readdirSync(join(root, '2024-q3'))) {
      if (!['talent_pools.parquet', 'core_team.parquet', 'scope_newcomers.parquet', 'new_projects.parquet'].includes(f)) copyFileSync(join(root, '2024-q3', f), join(old, '2024-q3', f));
    }
    process.env[PUBLISHED_DIR_ENV] = old;
    await expect(ask({ figure: 'multi_category_people' })).rejects.toThrow(
      /2024-q3 has no talent_pools\.parquet: it was published before that table existed; publish it again with `npm run publish-data -- 2024-q3 --force --why "adds talent_pools"`/,
    );
    // Figures of the tables it has still resolve.
    expect(await text({ figure: 'work_share', kind: 'fix' })).toBe('25.0%');
    expect((await openPublished('2024-q3')).views).not.toContain('core_team');
  });
});
