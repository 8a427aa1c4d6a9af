// The claim components over the published fixture (2024-q3; 2024-q4 partial): the
// editor's words plus the figures as <Metric> prints them, and a build error with the
// file and line when the data does not bear the claim out.
//
// Fixture, 2024-q3: contributors training-frameworks 352, llm-serving 260, gpu-kernels
// 80, ml-compilers 45, edge-ml 12 (new: no QoQ); QoQ llm-serving +30.0%, gpu-kernels
// +14.3%, training-frameworks +4.1%, ml-compilers −8.2%.
import { beforeAll, describe, expect, it } from 'vitest';
import Compare from '../../../src/components/Compare.astro';
import Only from '../../../src/components/Only.astro';
import Rank from '../../../src/components/Rank.astro';
import Streak from '../../../src/components/Streak.astro';
import Threshold from '../../../src/components/Threshold.astro';
import { render, setup } from './render.ts';

beforeAll(setup);

type Component = Parameters<typeof render>[0];
const SOURCE = 'content/reports/2024-q3.mdx:5';
const html = (c: Component, props: Record<string, unknown>, words?: string) =>
  render(c, { props: { ...props, __source: SOURCE }, locals: { reportQuarter: '2024-q3' }, ...(words === undefined ? {} : { slots: { default: words } }) });
/** What a reader reads. */
const text = async (c: Component, props: Record<string, unknown>, words?: string) =>
  (await html(c, props, words)).replace(/<[^>]+>/g, '').replaceAll('&amp;', '&');

describe('<Rank>', () => {
  it('renders the words and the figure, as <Metric> prints it', async () => {
    const out = await html(Rank, { figure: 'contributors', category: 'training-frameworks' }, 'the largest');
    expect(out).toMatch(/^<span class="ds-claim" data-claim="rank">the largest \(<span class="ds-metric" data-figure="contributors" data-scope="category:training-frameworks" data-quarter="2024-q3" data-value="352"[^>]*>352<\/span>\)<\/span>$/);
    expect(await text(Rank, { figure: 'contributors_qoq', category: 'llm-serving', except: ['edge-ml'] }, 'fastest')).toBe('fastest (+30.0%)');
    expect(await text(Rank, { figure: 'contributors_qoq', category: 'ml-compilers', lowest: true, comparable: true }, 'the slowest')).toBe('the slowest (\u22128.2%)');
  });

  it('the words alone with bare, the figure alone without words', async () => {
    expect(await text(Rank, { figure: 'contributors', category: 'training-frameworks', bare: true }, 'the largest')).toBe('the largest');
    expect(await text(Rank, { figure: 'contributors', category: 'training-frameworks' })).toBe('352');
  });

  it('ranks projects, overall or within a category', async () => {
    expect(await text(Rank, { figure: 'contributors', repo: 'pytorch/pytorch' }, 'the most-contributed project')).toBe('the most-contributed project (229)');
    expect(await text(Rank, { figure: 'contributors', repo: 'vllm-project/vllm', within: 'llm-serving' }, 'the largest serving project')).toBe('the largest serving project (169)');
    await expect(html(Rank, { figure: 'contributors', repo: 'vllm-project/vllm' }, 'the largest')).rejects.toThrow(
      `<Rank> in ${SOURCE}: claims vllm-project/vllm is #1 of 9 projects by contributors, but vllm-project/vllm 169: rank 2 of 9; pytorch/pytorch 229 is ahead`,
    );
  });

  it('fails the build with the file, line and what the data says', async () => {
    await expect(html(Rank, { figure: 'contributors', category: 'gpu-kernels' }, 'the largest')).rejects.toThrow(
      `<Rank> in ${SOURCE}: claims gpu-kernels is #1 of 5 categories by contributors, but gpu-kernels 80: rank 3 of 5; training-frameworks 352 and llm-serving 260 are ahead`,
    );
    // edge-ml is new: its QoQ is NULL, so "fastest" is open until the claim leaves it out.
    await expect(html(Rank, { figure: 'contributors_qoq', category: 'llm-serving' }, 'fastest')).rejects.toThrow(
      `<Rank> in ${SOURCE}: cannot check that llm-serving is #1 of the categories by contributors_qoq: 1 category has no contributors_qoq to compare: edge-ml (new this quarter)`,
    );
    await expect(html(Rank, { figure: 'contributors', category: 'gpu-kernel' }, 'x')).rejects.toThrow(`<Rank> in ${SOURCE}: cannot check that gpu-kernel is #1 of the categories by contributors: 'gpu-kernel' is not among the 5 categories`);
    await expect(html(Rank, { figure: 'contributors', category: 'gpu-kernels', lowst: true }, 'x')).rejects.toThrow(`<Rank> in ${SOURCE}: <Rank> has no prop 'lowst'`);
  });
});

describe('<Compare>', () => {
  it('renders both figures, against each other', async () => {
    expect(await text(Compare, { figure: 'contributors', category: 'llm-serving', op: '>', other: 'gpu-kernels', times: 3 }, 'more than three times as many people as')).toBe(
      'more than three times as many people as (260 against 80)',
    );
    // Another quarter of the same scope: the whole set's commits on the quarter before.
    expect(await text(Compare, { figure: 'commits', op: '>', otherQuarter: '2024-q2' }, 'more commits than')).toBe('more commits than (5\u202F297 against 4\u202F631)');
  });

  it('fails the build when the data says otherwise', async () => {
    await expect(html(Compare, { figure: 'contributors', category: 'gpu-kernels', op: '>', other: 'llm-serving' }, 'more people than')).rejects.toThrow(
      `<Compare> in ${SOURCE}: claims gpu-kernels is above llm-serving on contributors, but 80 (gpu-kernels) against 260 (llm-serving)`,
    );
  });
});

describe('<Only>', () => {
  it('renders the words and each member named with its figure', async () => {
    const props = { figure: 'contributors_qoq', op: '>', value: 0, except: ['edge-ml'] };
    expect(await text(Only, { ...props, categories: ['llm-serving', 'gpu-kernels', 'training-frameworks'] }, 'grew')).toBe(
      'grew (LLM Serving & Inference +30.0%, GPU Kernels & Performance +14.3% and Training Frameworks & Model Architecture +4.1%)',
    );
    expect(await text(Only, { ...props, op: '<', value: -0.1, categories: [] }, 'no category lost a tenth of its people')).toBe('no category lost a tenth of its people');
  });

  it('fails the build naming the member the claim leaves out', async () => {
    await expect(html(Only, { figure: 'contributors_qoq', op: '>', value: 0, except: ['edge-ml'], categories: ['llm-serving', 'gpu-kernels'] }, 'only two grew')).rejects.toThrow(
      `<Only> in ${SOURCE}: claims among 4 categories other than edge-ml, the only ones with contributors_qoq above 0.0% are llm-serving and gpu-kernels, but llm-serving +30.0%, gpu-kernels +14.3% and training-frameworks +4.1% have contributors_qoq above 0.0%; the claim leaves out training-frameworks +4.1%`,
    );
  });
});

describe('<Threshold>', () => {
  it('renders the words and the figure while it holds', async () => {
    expect(await text(Threshold, { figure: 'top_repo_share', category: 'edge-ml', op: '>', value: 0.5 }, 'more than half')).toBe('more than half (100.0%)');
    expect(await text(Threshold, { figure: 'contributors_qoq', op: '>', value: 0.1 }, 'more than a tenth')).toBe('more than a tenth (+14.1%)');
  });

  it('a QoQ in a partial quarter is not comparable: the claim fails clearly', async () => {
    await expect(render(Threshold, { props: { figure: 'contributors_qoq', category: 'gpu-kernels', op: '>', value: 0, __source: 'content/reports/2024-q4.mdx:9' }, slots: { default: 'grew' } })).rejects.toThrow(
      '<Threshold> in content/reports/2024-q4.mdx:9: cannot check that gpu-kernels is above 0.0% on contributors_qoq: gpu-kernels has no contributors_qoq (partial quarter, not compared): a claim on it cannot be checked',
    );
  });
});

describe('claims between categories, over quarters and between organizations', () => {
  it('render the words and the figures as <Metric> prints them', async () => {
    expect(await text(Rank, { figure: 'overlap', category: 'gpu-kernels', other: 'llm-serving' }, 'the largest overlap')).toBe('the largest overlap (2)');
    expect(await text(Compare, { figure: 'company_share', org: 'Meta', category: 'gpu-kernels', op: '>', otherOrg: 'NVIDIA' }, 'ahead of NVIDIA')).toBe('ahead of NVIDIA (31.0% against 18.0%)');
    // The run as claimed: each quarter's figure, named by its quarter.
    expect(await text(Streak, { figure: 'talent_pool', category: 'ml-compilers', other: 'training-frameworks', op: '<', quarters: 3 }, 'shrank for three quarters')).toBe(
      'shrank for three quarters (Q4 2023 12, Q1 2024 11, Q2 2024 10 and Q3 2024 9)',
    );
  });

  it('fail the build with the file, line and the run the data shows', async () => {
    await expect(html(Streak, { figure: 'talent_pool', category: 'ml-compilers', other: 'training-frameworks', op: '<', quarters: 4 }, 'x')).rejects.toThrow(
      `<Streak> in ${SOURCE}: claims pool ml-compilers \u2194 training-frameworks fell on talent_pool in each of 4 consecutive quarters to 2024-q3, but 12 (2023-q4)`,
    );
  });
});
