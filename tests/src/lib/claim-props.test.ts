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

  it('pairs of categories, flows, named pools and organizations, as <Metric> names them', () => {
    // An overlap ranked among every pair of categories (of one category, with within).
    expect(readClaim('Rank', { figure: 'overlap', category: 'training-frameworks', other: 'ml-compilers', within: 'ml-compilers' })).toMatchObject({
      claim: { kind: 'rank', subject: 'ml-compilers \u2194 training-frameworks', rank: 1 },
      scope: { category: 'training-frameworks', other: 'ml-compilers' },
      population: { noun: 'pairs', within: 'ml-compilers' },
    });
    expect(readClaim('Rank', { figure: 'net_migration', from: 'a', to: 'b', rank: 2 })).toMatchObject({ claim: { subject: 'a \u2192 b', rank: 2 }, scope: { from: 'a', to: 'b' }, population: { noun: 'flows' } });
    expect(readClaim('Rank', { figure: 'talent_pool', pool: 'serving-kernels', lowest: true })).toMatchObject({ claim: { subject: 'serving-kernels', lowest: true }, population: { noun: 'pools' } });
    expect(readClaim('Rank', { figure: 'company_share', org: 'NVIDIA', category: 'gpu-kernels' })).toMatchObject({ claim: { subject: 'NVIDIA' }, population: { noun: 'organizations', within: 'gpu-kernels' } });
    // Compared with another pair, the flow the other way, another pool or another organization.
    expect(readClaim('Compare', { figure: 'overlap', category: 'a', other: 'b', op: '>', otherPair: ['c', 'd'] })).toMatchObject({
      scope: { category: 'a', other: 'b' },
      other: { category: 'c', other: 'd' },
    });
    expect(readClaim('Compare', { figure: 'migration', from: 'a', to: 'b', op: '>', otherPair: ['b', 'a'] })).toMatchObject({ other: { from: 'b', to: 'a' } });
    expect(readClaim('Compare', { figure: 'talent_pool', category: 'a', other: 'b', op: '>', otherPool: 'p' })).toMatchObject({ other: { pool: 'p' } });
    expect(readClaim('Compare', { figure: 'talent_pool', category: 'a', other: 'b', op: '>', otherQuarter: '2023-q3' })).toMatchObject({ other: { category: 'a', other: 'b' }, otherQuarter: '2023-q3' });
    // Two kinds of work in one scope ("fixing more than building").
    expect(readClaim('Compare', { figure: 'work_share', category: 'x', kind: 'fix', op: '>', otherKind: 'feature' })).toMatchObject({ other: { category: 'x', kind: 'feature' } });
    expect(readClaim('Compare', { figure: 'company_share', category: 'x', org: 'NVIDIA', op: '>', otherOrg: 'Meta' })).toMatchObject({
      scope: { category: 'x', org: 'NVIDIA' },
      other: { category: 'x', org: 'Meta' },
    });
    // "Only" lists pairs as pairs, and leaves pairs out the same way.
    expect(readClaim('Only', { figure: 'overlap', op: '>=', value: 2, pairs: [['b', 'a']], except: [['c', 'd']] })).toMatchObject({
      claim: { members: ['a \u2194 b'], except: ['c \u2194 d'] },
      population: { noun: 'pairs' },
    });
    expect(readClaim('Only', { figure: 'company_share', category: 'x', op: '>', value: 0.2, orgs: ['Meta'] })).toMatchObject({ population: { noun: 'organizations', within: 'x' } });
    expect(readClaim('Streak', { figure: 'talent_pool', category: 'a', other: 'b', op: '>', quarters: 3, orMore: true })).toMatchObject({
      claim: { kind: 'streak', op: '>', quarters: 3, orMore: true },
      scope: { category: 'a', other: 'b' },
    });
    expect(claimIdAttributes('Only', { figure: 'overlap', pairs: [['a', 'b']] }).categories).toContain('pairs');
    expect(claimIdAttributes('Compare', { figure: 'migration', from: 'a', to: 'b', otherPair: ['b', 'a'] }).categories).toEqual(expect.arrayContaining(['from', 'to', 'otherPair']));
  });

  it('refuses a prop it does not know rather than ignore it', () => {
    expect(refuses('Rank', { figure: 'contributors', category: 'gpu-kernels', lowst: true })).toEqual({
      message: "<Rank> has no prop 'lowst'",
      hint: '<Rank> takes figure, quarter, format, bare, category, repo, rank, top, lowest, tied, among, within, except, comparable, other, from, to, org, pool',
    });
  });

  it('refuses claims that state nothing checkable', () => {
    const cases: [ClaimComponent, Record<string, unknown>, string][] = [
      ['Rank', { category: 'gpu-kernels' }, 'which figure? give figure="…"'],
      ['Rank', { figure: 'contributers', category: 'x' }, "no figure 'contributers'"],
      ['Rank', { figure: 'top_repo', category: 'x' }, "'top_repo' is a name, not a number: it cannot be compared"],
      ['Rank', { figure: 'overlap', category: 'x' }, '\'overlap\' is counted for two categories: give category="…" and other="…"'],
      ['Rank', { figure: 'core_team_50', category: 'x' }, '<Rank> compares the figures every category, project, category pair, flow, named pool or organization has'],
      ['Rank', { figure: 'migration', from: 'x' }, '\'migration\' is a flow between two categories: give from="…" and to="…"'],
      ['Rank', { figure: 'contributors', category: 'x', from: 'y', to: 'z' }, 'from="…" and to="…" name a migration flow'],
      ['Threshold', { figure: 'contributors', category: 'x', other: 'y', op: '>', value: 1 }, 'other="…" is the second category of an overlap or a talent pool'],
      ['Compare', { figure: 'overlap', category: 'x', other: 'y', op: '>' }, 'compare with what? give otherPair={["…", "…"]} (another pair of categories) or otherQuarter="…"'],
      ['Compare', { figure: 'overlap', category: 'x', other: 'y', op: '>', otherPair: ['a'] }, 'otherPair is two category ids'],
      ['Compare', { figure: 'contributors', category: 'x', op: '>', otherPair: ['a', 'b'] }, 'otherPair={[…]} is a second pair of categories'],
      ['Compare', { figure: 'company_share', category: 'x', op: '>', otherOrg: 'Meta' }, 'otherOrg="…" is a second organization: it goes with figure="company_share" and org="…"'],
      ['Only', { figure: 'overlap', op: '>', value: 1, categories: ['x'] }, "which ones? 'overlap' lists its members as pairs={[[\"a\", \"b\"]]}"],
      ['Rank', { figure: 'company_share', org: 'NVIDIA', within: 'x' }, 'organizations are compared within a category with category="…"'],
      ['Streak', { figure: 'contributors', category: 'x', op: '>' }, 'for how many quarters? give quarters={n}'],
      ['Rank', { figure: 'company_share', category: 'x' }, 'rank which organization? give org="…"'],
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
      ['Only', { figure: 'contributors_qoq', op: '<', value: 0 }, 'which ones? \'contributors_qoq\' lists its members as categories'],
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
