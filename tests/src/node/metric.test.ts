import { beforeAll, describe, expect, it } from 'vitest';
import { MINUS, THIN_SPACE as T } from '../../../src/lib/format.ts';
import { articleQuarter, resolveQuarter } from '../../../src/node/component-context.ts';
import { resolveMetric, type MetricRequest } from '../../../src/node/metric.ts';
import { usePublishedFixture } from '../../helpers/published-fixture.ts';

beforeAll(async () => {
  await usePublishedFixture();
});

const text = async (r: Omit<MetricRequest, 'quarter'> & { quarter?: string }) => (await resolveMetric({ quarter: '2024-q3', ...r })).text;

describe('resolveMetric', () => {
  it('formats counts, ratios, weeks and changes', async () => {
    expect(await text({ figure: 'commits' })).toBe(`5${T}297`);
    expect(await text({ figure: 'contributors', category: 'llm-serving' })).toBe('260');
    expect(await text({ figure: 'contributors', repo: 'pytorch/pytorch' })).toBe('229');
    expect(await text({ figure: 'churn_rate', category: 'gpu-kernels' })).toBe('31.4%');
    expect(await text({ figure: 'contributors_qoq', category: 'ml-compilers' })).toBe(`${MINUS}8.2%`);
    expect(await text({ figure: 'contributors_qoq', category: 'edge-ml' })).toBe('new');
    expect(await text({ figure: 'mean_active_weeks', category: 'gpu-kernels' })).toMatch(/^\d\.\d weeks$/);
    expect(await text({ figure: 'top_repo', category: 'llm-serving' })).toBe('vllm-project/vllm');
    expect(await text({ figure: 'tracked_repos' })).toBe('10');
    expect(await text({ figure: 'company_share', org: 'Meta' })).toBe('31.0%');
    expect(await text({ figure: 'test_line_share', format: 'number' })).toBe('0.200');
  });

  it('says changes on the previous quarter', async () => {
    expect(await text({ figure: 'contributors', delta: 'change' })).toBe('+14.1%');
    expect(await text({ figure: 'contributors', category: 'edge-ml', delta: 'change' })).toBe('new');
    expect(await text({ figure: 'retention', category: 'gpu-kernels', delta: 'change' })).toMatch(/^(up|down) \d+\.\d points?$|^unchanged$/);
    expect(await text({ figure: 'company_share', org: 'Meta', delta: 'change' })).toBe('up 0.5 points');
    expect(await text({ figure: 'new_contributors', delta: 'change', quarter: '2024-q4' })).toBe('partial quarter');
    expect(await text({ figure: 'contributors_qoq', quarter: '2024-q4' })).toBe('partial quarter');
  });

  it('reads an earlier quarter from the article’s folder', async () => {
    const r = await resolveMetric({ figure: 'contributors', category: 'gpu-kernels', quarter: '2024-q2', articleQuarter: '2024-q3' });
    expect(r.text).toBe('70');
    expect(r.description).toBe('Contributors, GPU Kernels & Performance, Q2 2024');
    const d = await resolveMetric({ figure: 'contributors', quarter: '2024-q3', delta: 'change' });
    expect(d.description).toBe('Contributors, all tracked repositories, change from Q2 2024 to Q3 2024');
  });

  it('fails with the reason when a figure does not exist', async () => {
    await expect(text({ figure: 'contributors', category: 'foo' })).rejects.toThrow(
      "no figure 'contributors' for category 'foo' in 2024-q3 (known categories: gpu-kernels, ml-compilers, llm-serving, training-frameworks, edge-ml)",
    );
    await expect(text({ figure: 'contributers' })).rejects.toThrow("no figure 'contributers' (known figures: commits, contributors,");
    await expect(text({ figure: 'commits', repo: 'vllm' })).rejects.toThrow("not a tracked repository; did you mean vllm-project/vllm?");
    await expect(text({ figure: 'commits', category: 'edge-ml', quarter: '2024-q1', articleQuarter: '2024-q3' })).rejects.toThrow(
      "no figure 'commits' for category 'edge-ml' in 2024-q1 (no activity in that scope by then)",
    );
    await expect(text({ figure: 'churn_rate', category: 'edge-ml' })).rejects.toThrow('has no value (nobody was active in the quarter before)');
    await expect(text({ figure: 'company_share', org: 'Initech' })).rejects.toThrow("no figure 'company_share' for organization 'Initech' for the whole tracked set in 2024-q3 (largest: Meta (31.0%)");
    await expect(text({ figure: 'company_share' })).rejects.toThrow('needs org=');
    await expect(text({ figure: 'commits', quarter: '2025-q1' })).rejects.toThrow('no published data for 2025-q1 (published quarters: 2024-q3, 2024-q4)');
    await expect(text({ figure: 'commits_qoq', delta: 'change' })).rejects.toThrow('already a change');
  });
});

describe('component context', () => {
  it('takes the quarter from the prop, the page, or the article file', () => {
    expect(resolveQuarter('Metric', { quarter: '2024-q2' }, { reportQuarter: '2024-q3' })).toBe('2024-q2');
    expect(resolveQuarter('Metric', {}, { reportQuarter: '2024-q3' })).toBe('2024-q3');
    expect(articleQuarter({}, 'content/reports/2026-q2.mdx:12')).toBe('2026-q2');
    expect(() => resolveQuarter('Metric', { __source: 'content/x.mdx:3' }, {})).toThrow('<Metric> in content/x.mdx:3: no quarter');
  });
});
