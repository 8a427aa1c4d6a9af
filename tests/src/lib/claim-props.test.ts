// The claim components' props, read the same way for the page and the editor check:
// what each states, and every prop that states nothing refused with what to write.
import { describe, expect, it } from 'vitest';
import { claimIdAttributes, readClaim, type ClaimComponent } from '../../../src/lib/claim-props.ts';

const refuses = (component: ClaimComponent, props: Record<string, unknown>) => {
  try {
    readClaim(component, props);
  } catch (e) {
    return { message: (e as Error).message, hint: (e as { hint?: string }).hint };
  }
  throw new Error('accepted');
};

describe('claim props', () => {
  it('a rank: #1 among categories by default, among projects for a repo', () => {
    expect(readClaim('Rank', { figure: 'contributors_qoq', category: 'gpu-kernels', __source: 'x.mdx:1' })).toEqual({
      component: 'Rank',
      figure: 'contributors_qoq',
      bare: false,
      claim: { kind: 'rank', figure: 'contributors_qoq', subject: 'gpu-kernels', rank: 1, orBetter: false, lowest: false, tied: false, except: [], comparable: false },
      scope: { category: 'gpu-kernels' },
      population: { noun: 'categories' },
    });
    const r = readClaim('Rank', { figure: 'contributors', repo: 'vllm-project/vllm', top: 3, within: 'llm-serving', quarter: '2024-q3', bare: true });
    expect(r).toMatchObject({ quarter: '2024-q3', bare: true, claim: { subject: 'vllm-project/vllm', rank: 3, orBetter: true }, population: { noun: 'projects', within: 'llm-serving' } });
  });

  it('an only, a comparison and a threshold', () => {
    expect(readClaim('Only', { figure: 'contributors_qoq', op: '<', value: 0, repos: [], within: 'edge-ml' })).toMatchObject({
      claim: { kind: 'only', op: '<', value: 0, members: [] },
      population: { noun: 'projects', within: 'edge-ml' },
    });
    expect(readClaim('Compare', { figure: 'contributors', repo: 'a/b', op: '>=', other: 'c/d', times: 2 })).toMatchObject({
      claim: { kind: 'compare', op: '>=', times: 2 },
      scope: { repo: 'a/b' },
      other: { repo: 'c/d' },
    });
    // Another quarter alone: the same scope then.
    expect(readClaim('Compare', { figure: 'commits', op: '>', otherQuarter: '2024-q2' })).toMatchObject({ scope: {}, other: {}, otherQuarter: '2024-q2' });
    expect(readClaim('Threshold', { figure: 'company_share', category: 'gpu-kernels', org: 'Intel', op: '>', value: 0.1 })).toMatchObject({ scope: { category: 'gpu-kernels', org: 'Intel' } });
  });

  it('a kind of work and a named pool, as <Metric> takes them', () => {
    // A work-mix shift on a year before, and between two categories of the same kind.
    expect(readClaim('Compare', { figure: 'work_share', kind: 'fix', category: 'llm-serving', op: '>', otherQuarter: '2025-q2' })).toMatchObject({
      scope: { category: 'llm-serving', kind: 'fix' },
      other: { category: 'llm-serving', kind: 'fix' },
      otherQuarter: '2025-q2',
    });
    expect(readClaim('Compare', { figure: 'work_share', kind: 'fix', category: 'a', op: '>', other: 'b' })).toMatchObject({ other: { category: 'b', kind: 'fix' } });
    // other names another named pool.
    expect(readClaim('Compare', { figure: 'talent_pool', pool: 'serving-kernels', op: '<', other: 'compiler-kernels' })).toMatchObject({
      scope: { pool: 'serving-kernels' },
      other: { pool: 'compiler-kernels' },
    });
    expect(readClaim('Threshold', { figure: 'work_share', kind: 'docs', category: 'a', op: '>', value: 0.2 })).toMatchObject({ scope: { category: 'a', kind: 'docs' } });
    expect(claimIdAttributes('Compare', { pool: 'serving-kernels', other: 'compiler-kernels' }).categories).not.toContain('other');
  });

  it('refuses a prop it does not know rather than ignore it', () => {
    expect(refuses('Rank', { figure: 'contributors', category: 'gpu-kernels', lowst: true })).toEqual({
      message: "<Rank> has no prop 'lowst'",
      hint: '<Rank> takes figure, quarter, format, bare, category, repo, rank, top, lowest, tied, among, within, except, comparable',
    });
  });

  it('refuses claims that state nothing checkable', () => {
    const cases: [ClaimComponent, Record<string, unknown>, string][] = [
      ['Rank', { category: 'gpu-kernels' }, 'which figure? give figure="…"'],
      ['Rank', { figure: 'contributers', category: 'x' }, "no figure 'contributers'"],
      ['Rank', { figure: 'top_repo', category: 'x' }, "'top_repo' is a name, not a number: it cannot be compared"],
      ['Rank', { figure: 'overlap', category: 'x' }, "'overlap' is counted between two categories"],
      ['Rank', { figure: 'company_share', category: 'x' }, '<Rank> compares the figures every category and project has'],
      ['Rank', { figure: 'contributors' }, 'rank what? give category="…" or repo="…"'],
      ['Rank', { figure: 'contributors', category: 'x', rank: 0 }, 'rank must be a whole number from 1 up, not 0'],
      ['Rank', { figure: 'contributors', category: 'x', rank: 2, top: 3 }, 'give rank={n} (exactly that place) or top={n}'],
      ['Rank', { figure: 'contributors', category: 'x', top: 3, tied: true }, 'tied says the place is shared'],
      ['Rank', { figure: 'contributors', category: 'x', lowest: 'yes' }, 'lowest is a switch'],
      ['Rank', { figure: 'contributors', category: 'x', among: 'projects' }, 'among="projects" compares projects, but the claim names categories'],
      ['Rank', { figure: 'contributors', category: 'x', within: 'y' }, 'within="…" names the category whose projects are compared'],
      ['Rank', { figure: 'contributors', category: 'x', except: 'y' }, 'except is a list of ids'],
      ['Compare', { figure: 'contributors', category: 'x', other: 'y' }, 'which comparison? give op=">"'],
      ['Compare', { figure: 'contributors', category: 'x', op: '=' }, 'op must be one of ">", ">=", "<", "<=", not "="'],
      ['Compare', { figure: 'contributors', category: 'x', op: '>' }, 'compare with what?'],
      ['Compare', { figure: 'contributors', op: '>', other: 'y' }, 'other="…" is compared with category="…", repo="…" or pool="…"'],
      ['Compare', { figure: 'talent_pool', pool: 'p', category: 'x', op: '>', otherQuarter: '2024-q2' }, 'give pool or category/repo, not both'],
      ['Rank', { figure: 'contributors', category: 'x', kind: 'fix' }, "<Rank> has no prop 'kind'"],
      ['Only', { figure: 'contributors_qoq', op: '<', value: 0 }, 'which ones? list them'],
      ['Only', { figure: 'contributors_qoq', op: '<', value: '0', categories: [] }, 'value must be a number in braces, like value={0.5}, not "0"'],
      ['Threshold', { figure: 'top_repo_share', category: 'x', op: '>' }, 'value={…} is the number the figure is compared with'],
      ['Threshold', { figure: 'contributors', category: 'x', repo: 'a/b', op: '>', value: 1 }, 'give category or repo, not both'],
    ];
    for (const [component, props, message] of cases) expect(refuses(component, props).message, JSON.stringify(props)).toContain(message);
  });

  it('a share written as a percent says how to write it', () => {
    expect(refuses('Threshold', { figure: 'top_repo_share', category: 'x', op: '>', value: 50 }).message).toBe('value={50}: a share is a fraction, so 50% is value={0.5}');
  });

  it('knows which attributes name categories and which name projects', () => {
    expect(claimIdAttributes('Rank', { category: 'a', except: ['b'] })).toEqual({ categories: ['category', 'categories', 'within', 'except'], repos: ['repo'] });
    expect(claimIdAttributes('Rank', { repo: 'a/b', within: 'c', except: ['d/e'] })).toEqual({ categories: ['category', 'within'], repos: ['repo', 'repos', 'except'] });
    expect(claimIdAttributes('Only', { repos: [] }).repos).toContain('except');
    expect(claimIdAttributes('Compare', { repo: 'a/b', other: 'c/d' }).repos).toContain('other');
    expect(claimIdAttributes('Compare', { category: 'a', other: 'b' }).categories).toContain('other');
  });
});
