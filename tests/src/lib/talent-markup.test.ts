// The pure models and summaries behind <TalentPools>, <WorkMix> and <NewProjects>, on
// literal rows: the sentences a reader gets for shifts the published fixture lacks.
import { describe, expect, it } from 'vitest';
import { toHtml } from '../../../src/lib/markup.ts';
import { newProjectsContent, newProjectsModel, newProjectsSummary } from '../../../src/lib/new-projects-markup.ts';
import type { CategoryRow, NewProjectRow, TalentPoolRow, WorkMixRow } from '../../../src/lib/query-rows.ts';
import { pairId, talentPoolsContent, talentPoolsModel, talentPoolsSummary } from '../../../src/lib/talent-pools-markup.ts';
import { workMixModel, workMixSummary } from '../../../src/lib/work-mix-markup.ts';

const cats: CategoryRow[] = [
  { category_id: 'gpu-kernels', name: 'GPU Kernels & Performance', emoji: '', colour: '#0159e1', sort_order: 1 },
  { category_id: 'llm-serving', name: 'LLM Serving & Inference', emoji: '', colour: '#943fc2', sort_order: 5 },
];
const quarters = ['2025-q1', '2025-q2', '2025-q3', '2025-q4', '2026-q1', '2026-q2'].map((quarter) => ({ quarter, partial: false }));

function pool(quarter: string, people: number, observed = true): TalentPoolRow {
  return {
    quarter, seq: 0, partial: false, from_quarter: quarter, pool_type: 'pair', pool_id: 'gpu-kernels+llm-serving', name: null,
    categories: 'gpu-kernels,llm-serving', min_commits: 1, people, in_stopped_histories: observed ? null : 9, observed,
  };
}

describe('talent pools', () => {
  it('writes a pair id in id order', () => {
    expect(pairId('llm-serving', 'gpu-kernels')).toBe('gpu-kernels+llm-serving');
  });

  it('reads a pool against the year before, which shares no quarter with it', () => {
    // 2025-q2 had fewer than 3 (no row); 2026-q2 has 12.
    const rows = [pool('2025-q3', 4), pool('2025-q4', 6), pool('2026-q1', 9, false), pool('2026-q2', 12)];
    const model = talentPoolsModel(rows, quarters, cats, { quarter: '2026-q2', limit: 5 });
    expect(model.pools[0]?.values).toEqual([null, null, 4, 6, 9, 12]);
    expect(model.pools[0]?.flagged).toEqual([false, false, false, false, true, false]);
    expect(talentPoolsSummary(model)).toBe('12 people worked in both GPU Kernels and LLM Serving in the year to Q2 2026, up from fewer than 3 a year before.');
    const html = toHtml(talentPoolsContent(model, { caption: 'c', base: '/deep-signal/' }));
    expect(html).toContain('<td class="ds-num" data-value="9">9†</td>');
    // Each category of a pair names its atlas page, under the site's base.
    expect(html).toContain('<a class="ds-spark__cat" href="/deep-signal/categories/gpu-kernels/">');
    expect(html).toContain('<a class="ds-spark__cat" href="/deep-signal/categories/llm-serving/">');
    expect(html).toContain('aria-label="GPU Kernels and LLM Serving: 4 people in the year to Q3 2025, 12 in the year to Q2 2026; fewer than 3 in the quarters not shown."');
  });
});

describe('work mix', () => {
  const rows = (quarter: string, shares: [string, number][], partial = false): WorkMixRow[] =>
    shares.map(([work_kind, share], i) => ({ quarter, seq: 0, partial, work_kind, kind_order: i + 1, commits: Math.round(share * 200), share, total_commits: 200 }));

  it('names the two kinds whose share moved most, between complete quarters', () => {
    const model = workMixModel([
      ...rows('2024-q2', [['feature', 0.5], ['fix', 0.2], ['perf', 0.1], ['test', 0.1], ['docs', 0.05], ['ci', 0.05]]),
      ...rows('2026-q2', [['feature', 0.38], ['fix', 0.3], ['perf', 0.12], ['test', 0.1], ['docs', 0.05], ['ci', 0.05]]),
      // A partial quarter is shown but never read as the end of a shift.
      ...rows('2026-q3', [['feature', 0.1], ['fix', 0.9], ['perf', 0], ['test', 0], ['docs', 0], ['ci', 0]], true),
    ]);
    expect(workMixSummary(model, 'GPU Kernels')).toBe('From Q2 2024 to Q2 2026, features fell from 50% to 38% and fixes rose from 20% to 30% of the commits in GPU Kernels.');
  });

  it('says when there is one quarter, or none', () => {
    const one = workMixModel(rows('2026-q2', [['feature', 0.6], ['fix', 0.4], ['perf', 0], ['test', 0], ['docs', 0], ['ci', 0]]));
    expect(workMixSummary(one, 'a/b')).toBe('In Q2 2026, features were 60% of the commits in a/b.');
    expect(workMixSummary([], 'a/b')).toBe('a/b had no human commits in these quarters.');
  });
});

describe('new projects', () => {
  const project = (first_quarter: string, repo: string, category_id: string, rank: number): NewProjectRow => ({
    first_quarter, first_seq: 0, repo, category_id, category_name: category_id, colour: '#000000',
    first_commits: 10, first_contributors: 4, first_newcomers: 1, rank, commits: 20, contributors: 6, tracked_until: null,
  });
  // As the query returns them: newest first quarter first, then rank.
  const rows = [project('2026-q1', 'triton-lang/triton-cpu', 'gpu-kernels', 1), project('2025-q3', 'apache/tvm-ffi', 'ml-compilers', 1), project('2025-q3', 'iree-org/wave', 'gpu-kernels', 2)];

  it('falls back to the most recent when the quarter has none, within a category too', () => {
    const all = newProjectsModel(rows, { quarter: '2026-q2', limit: 10 });
    expect([all.fallback, all.projects.map((p) => p.repo)]).toEqual([true, ['triton-lang/triton-cpu']]);
    expect(newProjectsSummary(all)).toBe('No project joined the tracked set in Q2 2026. The most recent to join did so in Q1 2026: one project.');
    const compilers = newProjectsModel(rows, { quarter: '2026-q2', category: 'ml-compilers', categoryName: 'ML Compilers', limit: 10 });
    expect(newProjectsSummary(compilers)).toBe('No project joined the tracked set in ML Compilers in Q2 2026. The most recent to join did so in Q3 2025: one project.');
    const since = newProjectsModel(rows, { quarter: '2026-q2', since: '2025-q3', limit: 10 });
    expect([since.fallback, since.total, since.people, since.newcomers]).toEqual([false, 3, 12, 3]);
  });

  it('says where a project’s history stops instead of quoting its zeros', () => {
    const stopped = { ...project('2025-q2', 'google/adk-python', 'agent-framework', 1), commits: 0, contributors: 0, tracked_until: '2025-06-20' };
    const html = toHtml(newProjectsContent(newProjectsModel([stopped], { quarter: '2026-q2', since: '2025-q2', limit: 10 }), { caption: 'c', base: '/' }));
    expect(html).toContain('<a class="ds-new__repo" href="/projects/google/adk-python/">google/adk-python</a>');
    expect(html).toMatch(/<a class="ds-new__cat" href="\/categories\/agent-framework\/">/);
    expect(html).toContain('First commits Q2 2025: 4 contributors (1 new to the tracked set), 10 commits; its history is not tracked after 2025-06-20.');
    expect(html).toContain('<td class="ds-num" data-value>not tracked</td>');
  });
});
