// <TalentPools>, <OverlapTrend>, <WorkMix> and <NewProjects> over the published fixture
// (tests/helpers/published-fixture-talent.ts and published-fixture-data.ts say what
// its rows hold): complete HTML and SVG at build, a table twin, and clear errors.
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import CategoryTrend from '../../../src/components/CategoryTrend.astro';
import NewProjects from '../../../src/components/NewProjects.astro';
import OverlapTrend from '../../../src/components/OverlapTrend.astro';
import TalentPools from '../../../src/components/TalentPools.astro';
import WorkMix from '../../../src/components/WorkMix.astro';
import { PUBLISHED_DIR_ENV } from '../../../src/node/paths.ts';
import { render, setup } from './render.ts';

beforeAll(setup);

const count = (html: string, re: RegExp) => html.match(re)?.length ?? 0;
const series = (html: string) => [...html.matchAll(/data-series="([^"]+)"/g)].map((m) => m[1]);
const twin = (html: string) => html.slice(html.indexOf('<table class="ds-twin__table"'));

describe('<TalentPools>', () => {
  it('draws the largest pairs of the quarter, each with its trend, and a table twin', async () => {
    const html = await render(TalentPools, { props: { quarter: '2024-q3' } });
    expect(html).toContain('<span class="ds-figure__title">Talent pools: people in two categories, year to Q3 2024</span>');
    // 40, 36 and 9 people in 2024-q3; compilers + kernels fell under 3 (no row) and ranks last.
    expect(series(html)).toEqual(['llm-serving+training-frameworks', 'gpu-kernels+llm-serving', 'ml-compilers+training-frameworks', 'gpu-kernels+ml-compilers']);
    expect(html).toContain(
      'The largest pool shown: 40 people worked in both LLM Serving and Training Frameworks in the year to Q3 2024, up from 30 a year before. 24 people worked in three or more categories.',
    );
    expect(count(html, /<svg class="ds-spark__chart"[^>]*role="img" aria-label="[^"]+"/g)).toBe(4);
    // 9 of the 40 worked in a history that stops: ringed, and marked in the table.
    expect(count(html, /class="ds-spark__ring"/g)).toBe(1);
    expect(html).toContain('Ringed († in the table): a fifth or more of the pool worked in a history that stops');
    const table = twin(html);
    expect(count(table, /<tr data-pool=/g)).toBe(4);
    expect(table).toContain('<td class="ds-num" data-value="40">40†</td>');
    // The pool under 3 people reads <3, never 0.
    const compilers = table.slice(table.indexOf('data-pool="gpu-kernels+ml-compilers"'));
    expect(compilers).toMatch(/<td class="ds-num" data-value="3">3<\/td><td class="ds-num" data-value>&lt;3<\/td><\/tr>/);
    expect(html).toMatch(/<details class="ds-twin__toggle"><summary>Table of these figures<\/summary><\/details><div class="ds-twin">/);
  });

  it('shows the named pools, or exactly the pools asked for', async () => {
    const named = await render(TalentPools, { props: { quarter: '2024-q3', show: 'named' } });
    expect(series(named)).toEqual(['serving-kernels', 'full-stack']);
    expect(named).toContain('The largest pool shown: Serving engineers with kernel depth: 36 people in the year to Q3 2024, up from 18 a year before.');
    const chosen = await render(TalentPools, { props: { quarter: '2024-q3', pools: 'llm-serving+gpu-kernels, three-plus' } });
    expect(series(chosen)).toEqual(['gpu-kernels+llm-serving', 'three-plus']);
    expect(chosen).toContain('<th scope="row">three or more categories</th>');
    // Pairs of one category.
    expect(series(await render(TalentPools, { props: { quarter: '2024-q3', category: 'ml-compilers' } }))).toEqual(['ml-compilers+training-frameworks', 'gpu-kernels+ml-compilers']);
  });

  it('draws a partial quarter dashed', async () => {
    const html = await render(TalentPools, { props: { quarter: '2024-q4', pools: ['gpu-kernels+llm-serving'] } });
    expect(count(html, /ds-spark__line--partial/g)).toBe(1);
    expect(count(html, /ds-spark__dot--partial/g)).toBe(1);
    expect(html).toContain('Q4 2024 is a partial quarter (dashed).');
    expect(html).toContain('<th scope="col" class="ds-num">Q4 ’24 (partial)</th>');
  });

  it('names a pool it does not have, and a folder published before the table', async () => {
    await expect(render(TalentPools, { props: { quarter: '2024-q3', pools: 'nope', __source: 'content/reports/2024-q3.mdx:9' } })).rejects.toThrow(
      "<TalentPools> in content/reports/2024-q3.mdx:9: no pool 'nope' in the 2024-q3 data (named pools: full-stack, serving-kernels, three-plus;",
    );
    const root = process.env[PUBLISHED_DIR_ENV]!;
    const old = mkdtempSync(join(tmpdir(), 'ds-old-pools-'));
    mkdirSync(join(old, '2024-q3'));
    for (const f of readdirSync(join(root, '2024-q3'))) if (f !== 'talent_pools.parquet') copyFileSync(join(root, '2024-q3', f), join(old, '2024-q3', f));
    process.env[PUBLISHED_DIR_ENV] = old;
    try {
      await expect(render(TalentPools, { props: { quarter: '2024-q3', __source: 'content/reports/2024-q3.mdx:9' } })).rejects.toThrow(
        /<TalentPools> in content\/reports\/2024-q3\.mdx:9: .*2024-q3 has no talent_pools\.parquet: it was published before that table existed; publish it again with `npm run publish-data -- 2024-q3 --force/,
      );
    } finally {
      process.env[PUBLISHED_DIR_ENV] = root;
    }
  });
});

describe('<OverlapTrend>', () => {
  it('draws the largest pairs of the quarter over the folder, 0 where nobody was in both', async () => {
    const html = await render(OverlapTrend, { props: { quarter: '2024-q3' } });
    // 2 people in kernels and serving, then the four pairs of 1 (by id), then serving and training (1 in 2024-q2, 0 now).
    expect(series(html)).toEqual([
      'gpu-kernels+llm-serving', 'edge-ml+gpu-kernels', 'edge-ml+ml-compilers', 'gpu-kernels+ml-compilers', 'ml-compilers+training-frameworks', 'llm-serving+training-frameworks',
    ]);
    expect(html).toContain('The largest overlap shown: 2 people were active in both GPU Kernels and LLM Serving in Q3 2024 (0 a year before, in Q3 2023).');
    const row = twin(html).slice(twin(html).indexOf('data-pair="llm-serving+training-frameworks"'));
    // Nine quarters, 1 person in 2024-q2 only.
    expect([...row.matchAll(/data-value="(\d+)"/g)].slice(0, 9).map((m) => Number(m[1]))).toEqual([0, 0, 0, 0, 0, 0, 0, 1, 0]);
  });

  it('draws one pair, the asked category first, or a category’s pairs', async () => {
    const one = await render(OverlapTrend, { props: { quarter: '2024-q3', category: 'llm-serving', other: 'gpu-kernels' } });
    expect(series(one)).toEqual(['llm-serving+gpu-kernels']);
    expect(one).toContain('People in both LLM Serving and GPU Kernels, by quarter to Q3 2024');
    const mine = await render(OverlapTrend, { props: { quarter: '2024-q3', category: 'ml-compilers' } });
    expect(series(mine)).toEqual(['ml-compilers+edge-ml', 'ml-compilers+gpu-kernels', 'ml-compilers+training-frameworks']);
  });

  it('names a category it does not know', async () => {
    await expect(render(OverlapTrend, { props: { quarter: '2024-q3', category: 'gpu-kernels', other: 'nope' } })).rejects.toThrow("<OverlapTrend>: no other 'nope' in 2024-q3 (known categories: gpu-kernels,");
    await expect(render(OverlapTrend, { props: { quarter: '2024-q3', other: 'gpu-kernels' } })).rejects.toThrow('needs category="…"');
  });
});

describe('<WorkMix>', () => {
  it('stacks each quarter’s kinds of work, with a legend, the commits and a table twin', async () => {
    const html = await render(WorkMix, { props: { quarter: '2024-q3', category: 'gpu-kernels' } });
    expect(html).toContain('What the work was: GPU Kernels &amp; Performance, by quarter to Q3 2024');
    expect(count(html, /<li class="ds-mix__row"/g)).toBe(9);
    expect(count(html, /class="ds-mix__seg /g)).toBe(54);
    // 2024-q3: 480 commits, a quarter of them fixes; the band writes its number, 5% bands none.
    const q3 = html.slice(html.indexOf('<li class="ds-mix__row" data-quarter="2024-q3"'));
    expect(q3).toContain('aria-label="Q3 2024: features 35%, fixes 25%, performance 20%, tests 10%, docs 5.0%, CI and build 5.0% of 480 commits"');
    expect(q3).toContain('style="width: 25.00%" title="fixes: 25.0% (120 commits)" data-kind="fix" data-share="0.2500">25%</span>');
    expect(q3).toContain('data-kind="docs" data-share="0.0500"></span>');
    expect(html).toContain('From Q3 2022 to Q3 2024, the mix of work in GPU Kernels &amp; Performance held steady.');
    expect(count(twin(html), /<tr data-quarter=/g)).toBe(9);
  });

  it('marks a partial quarter and says when a scope has no commits', async () => {
    const partial = await render(WorkMix, { props: { quarter: '2024-q4' } });
    expect(partial).toContain('<li class="ds-mix__row ds-mix__row--partial" data-quarter="2024-q4">');
    expect(partial).toContain('Q4 2024 is a partial quarter.');
    // The fixture publishes no repository rows of work_composition.
    const repo = await render(WorkMix, { props: { quarter: '2024-q3', repo: 'pytorch/pytorch' } });
    expect(repo).toContain('pytorch/pytorch had no human commits in these quarters.');
    await expect(render(WorkMix, { props: { quarter: '2024-q3', category: 'gpu-kernels', repo: 'pytorch/pytorch' } })).rejects.toThrow('give category or repo, not both');
  });
});

describe('<NewProjects>', () => {
  it('lists the projects whose history starts in the quarter', async () => {
    const html = await render(NewProjects, { props: { quarter: '2024-q3' } });
    expect(html).toContain('Projects new to the tracked set, Q3 2024');
    expect(html).toContain('One project joined the tracked set in Q3 2024, with 12 contributors in their first quarter, 6 of them new to the tracked set.');
    expect(count(html, /<li class="ds-new__item"/g)).toBe(1);
    expect(html).toContain('First commits Q3 2024: 12 contributors (6 new to the tracked set), 48 commits.');
  });

  it('lists the most recent ones when the quarter has none, and where they stand now', async () => {
    const html = await render(NewProjects, { props: { quarter: '2024-q4' } });
    expect(html).toContain('No project joined the tracked set in Q4 2024. The most recent to join did so in Q3 2024: one project.');
    expect(html).toContain('First commits Q3 2024: 12 contributors (6 new to the tracked set), 48 commits; Q4 2024: 6 contributors, 24 commits.');
  });

  it('lists every project new since a quarter, newest first', async () => {
    const html = await render(NewProjects, { props: { quarter: '2024-q3', since: '2022-q3', limit: 3 } });
    // litert (2024-q3), then 2022-q3's eight by contributors: pytorch 195, transformers 135.
    expect([...html.matchAll(/<li class="ds-new__item"[^>]*data-repo="([^"]+)"/g)].map((m) => m[1])).toEqual(['google-ai-edge/litert', 'pytorch/pytorch', 'huggingface/transformers']);
    expect(html).toContain('9 projects joined the tracked set from Q3 2022 to Q3 2024 (3 shown, the newest first), with 464 contributors in their first quarter, 235 of them new to the tracked set.');
    await expect(render(NewProjects, { props: { quarter: '2024-q3', since: '2021-q1' } })).rejects.toThrow('since="2021-q1" must be a quarter of the 2024-q3 folder up to 2024-q3 (2022-q3 to 2024-q3)');
  });
});

describe('<CategoryTrend metric="newcomer_share">', () => {
  it('draws each category’s share of contributors new to it', async () => {
    const html = await render(CategoryTrend, { props: { quarter: '2024-q3', metric: 'newcomer_share', categories: 'edge-ml' } });
    // edge-ml's first quarter: 3 of its 12 people are new to it (a quarter, as the fixture makes every share).
    expect(html).toContain('aria-label="Edge &amp; On-Device ML: newcomer share was unchanged from 25% in Q3 2024 to 25% in Q3 2024."');
    expect(html).toContain('Newcomer share per category, Q3 2022 to Q3 2024');
  });
});
