// The drafted findings, from literal rows: which category each finding picks, and the
// rules that keep noise (small bases, small changes, partial quarters) out.
import { describe, expect, it } from 'vitest';
import { claim, draftFindings, metric, sectionComponents } from '../../../scripts/new-report/findings.ts';
import type { FindingsInput, PoolRow, ScopeFigures, WorkMixRow } from '../../../scripts/new-report/load.ts';

const row = (scope_id: string, quarter: string, f: Partial<ScopeFigures> = {}): ScopeFigures => ({
  scope_type: scope_id === 'all' ? 'all' : 'category',
  scope_id,
  quarter,
  partial: false,
  observed: true,
  commits: 1000,
  contributors: 100,
  agent_assisted_commits: 0,
  contributors_prev: 100,
  new_contributors: 25,
  churn_rate: 0.5,
  retention: 0.5,
  top_repo: 'o/r',
  top_repo_share: 0.3,
  commits_qoq: 0,
  contributors_qoq: 0,
  ...f,
});

function input(over: Partial<FindingsInput> = {}): FindingsInput {
  return {
    quarter: '2026-q2',
    prev: '2026-q1',
    yearAgo: '2025-q2',
    partial: false,
    topRepos: [],
    topNewcomerRepos: [],
    categories: [
      { id: 'a', name: 'Alpha' },
      { id: 'b', name: 'Beta' },
      { id: 'c', name: 'Gamma' },
      { id: 'tiny', name: 'Tiny' },
    ],
    scopes: [
      row('all', '2026-q2', { agent_assisted_commits: 40, churn_rate: 0.5 }),
      row('a', '2026-q2', { contributors_qoq: 0.3, commits_qoq: -0.2, churn_rate: 0.7, agent_assisted_commits: 30, top_repo_share: 0.6 }),
      row('a', '2026-q1', { top_repo_share: 0.58 }),
      row('b', '2026-q2', { contributors_qoq: 0.1, commits_qoq: 0.4, churn_rate: 0.2, agent_assisted_commits: 5, top_repo_share: 0.2 }),
      row('b', '2026-q1', { top_repo_share: 0.4 }),
      row('c', '2026-q2', { contributors_qoq: -0.15, commits_qoq: 0.1, churn_rate: 0.4 }),
      // A big swing on a small base is noise.
      row('tiny', '2026-q2', { contributors_prev: 5, contributors_qoq: 2, commits_qoq: -0.9, churn_rate: 0.95, top_repo_share: 1, commits: 20 }),
    ],
    newRepos: [{ repo: 'o/new', category_id: 'b', contributors: 12, commits: 40 }],
    overlap: [
      { quarter: '2026-q1', a: 'a', b: 'b', people: 10 },
      { quarter: '2026-q2', a: 'a', b: 'b', people: 25 },
      { quarter: '2026-q1', a: 'b', b: 'c', people: 9 },
      { quarter: '2026-q2', a: 'a', b: 'c', people: 2 },
    ],
    migration: [
      { from: 'a', to: 'b', people: 3 },
      { from: 'b', to: 'a', people: 10 },
      { from: 'c', to: 'a', people: 4 },
      { from: 'a', to: 'a', people: 50 },
    ],
    ...over,
  };
}

const byKind = (kind: string, i = input()) => draftFindings(i).filter((f) => f.kind === kind).map((f) => f.text);

describe('drafted findings', () => {
  it('writes <Metric> tags', () => {
    expect(metric('contributors', { category: 'a', quarter: '2026-q1', delta: 'change' })).toBe('<Metric figure="contributors" category="a" quarter="2026-q1" delta="change" />');
    expect(metric('overlap', { category: 'a', other: 'b', quarter: '2026-q1' })).toBe('<Metric figure="overlap" category="a" other="b" quarter="2026-q1" />');
    expect(metric('net_migration', { from: 'b', to: 'a' })).toBe('<Metric figure="net_migration" from="b" to="a" />');
  });

  it('largest QoQ movers, ignoring small bases, each place a checked <Rank> among every category', () => {
    const movers = byKind('mover');
    // Tiny's +200% on a base of five is no finding, but <Rank> ranks every category: Alpha is second-fastest, not fastest.
    expect(movers).toEqual([
      'Alpha gained contributors <Rank figure="contributors_qoq" category="a" rank={2} bare>second-fastest</Rank>: <Metric figure="contributors" category="a" />, <Metric figure="contributors_qoq" category="a" /> on Q1 2026.',
      'Beta gained contributors <Rank figure="contributors_qoq" category="b" rank={3} bare>third-fastest</Rank>: <Metric figure="contributors" category="b" />, <Metric figure="contributors_qoq" category="b" /> on Q1 2026.',
      'Gamma lost <Rank figure="contributors_qoq" category="c" lowest bare>the largest share of its contributors</Rank>: <Metric figure="contributors" category="c" />, <Metric figure="contributors_qoq" category="c" /> on Q1 2026.',
      'Beta had <Rank figure="commits_qoq" category="b" bare>the largest rise in commits</Rank>: <Metric figure="commits_qoq" category="b" />, to <Metric figure="commits" category="b" /> commits.',
    ]);
    expect(movers.join(' ')).not.toContain('Tiny');
    // A place past third states no comparison at all.
    const far = input({ scopes: [...input().scopes.filter((r) => r.scope_id !== 'a'), row('a', '2026-q2', { contributors_qoq: 0.3 }), row('tiny', '2026-q2', { contributors_prev: 5, contributors_qoq: 0.5 }), row('d', '2026-q2', { contributors_prev: 5, contributors_qoq: 0.6 }), row('e', '2026-q2', { contributors_prev: 5, contributors_qoq: 0.7 })] });
    const named = { ...far, categories: [...far.categories, { id: 'd', name: 'Delta' }, { id: 'e', name: 'Epsilon' }] };
    expect(byKind('mover', named)).toContain('Alpha gained contributors: <Metric figure="contributors" category="a" />, <Metric figure="contributors_qoq" category="a" /> on Q1 2026.');
  });

  it('categories whose contributors and commits moved in opposite directions', () => {
    expect(byKind('opposite')).toEqual([
      'Alpha moved in two directions: contributors <Metric figure="contributors_qoq" category="a" />, commits <Metric figure="commits_qoq" category="a" />.',
      'Gamma moved in two directions: contributors <Metric figure="contributors_qoq" category="c" />, commits <Metric figure="commits_qoq" category="c" />.',
    ]);
  });

  it('projects new to the tracked set', () => {
    expect(byKind('new-project')).toEqual([
      '`o/new` (Beta) is new to the tracked set this quarter, with <Metric figure="contributors" repo="o/new" /> contributors and <Metric figure="commits" repo="o/new" /> commits.',
    ]);
  });

  it('overlap changes, counting a pair missing from a quarter as none', () => {
    expect(byKind('overlap')).toEqual([
      'Alpha and Beta share <Compare figure="overlap" category="a" other="b" op=">" otherQuarter="2026-q1" bare>more people than in Q1 2026</Compare>: <Metric figure="overlap" category="a" other="b" /> were active in both, against <Metric figure="overlap" category="a" other="b" quarter="2026-q1" />.',
      'Beta and Gamma share <Compare figure="overlap" category="b" other="c" op="<" otherQuarter="2026-q1" bare>fewer people than in Q1 2026</Compare>: <Metric figure="overlap" category="b" other="c" /> were active in both, against <Metric figure="overlap" category="b" other="c" quarter="2026-q1" />.',
    ]);
  });

  it('net migration flows, largest first, stayers ignored', () => {
    expect(byKind('migration')).toEqual([
      '<Compare figure="migration" from="b" to="a" op=">" otherPair={["a","b"]} bare>More people</Compare> moved their main work from Beta to Alpha than the other way: <Metric figure="migration" from="b" to="a" /> against <Metric figure="migration" from="a" to="b" />, a net flow of <Metric figure="net_migration" from="b" to="a" />, <Rank figure="net_migration" from="b" to="a" bare>the largest of the quarter</Rank>.',
      '<Compare figure="migration" from="c" to="a" op=">" otherPair={["a","c"]} bare>More people</Compare> moved their main work from Gamma to Alpha than the other way: <Metric figure="migration" from="c" to="a" /> against <Metric figure="migration" from="a" to="c" />, a net flow of <Metric figure="net_migration" from="c" to="a" />, <Rank figure="net_migration" from="c" to="a" rank={2} bare>the second-largest of the quarter</Rank>.',
    ]);
  });

  it('churn and retention outliers against the whole set', () => {
    expect(byKind('churn')).toEqual([
      // Tiny, left out as noise, churned more: <Rank> counts it, so Alpha is second.
      'Alpha lost people at <Rank figure="churn_rate" category="a" rank={2} bare>the second-highest churn rate</Rank>: a churn rate of <Metric figure="churn_rate" category="a" />, against <Metric figure="churn_rate" /> across the tracked set.',
    ]);
    expect(byKind('retention')[0]).toMatch(/^Beta kept its people best, with <Rank figure="retention" category="b" tied bare>the joint highest retention<\/Rank>: retention of <Metric figure="retention" category="b" \/>/);
  });

  it('concentration: the most concentrated category and the largest change', () => {
    expect(byKind('concentration')[0]).toMatch(/^Alpha depends <Rank figure="top_repo_share" category="a" rank=\{2\} bare>second-most on one project<\/Rank>: <Metric figure="top_repo" category="a" \/>/);
    expect(byKind('concentration-change')).toEqual([
      'Beta became <Compare figure="top_repo_share" category="b" op="<" otherQuarter="2026-q1" bare>less concentrated</Compare>: its largest project, <Metric figure="top_repo" category="b" />, has <Metric figure="top_repo_share" category="b" /> of its commits (<Metric figure="top_repo_share" category="b" delta="change" />).',
    ]);
  });

  it('agent-assisted share, overall and the leading category', () => {
    const [all, top] = byKind('agent-share');
    expect(all).toContain('against <Metric figure="agent_assisted_commits" quarter="2026-q1" /> in Q1 2026');
    // The share is no published figure, so the sentence states no comparison a claim could not check.
    expect(top).toBe('In Alpha, <Metric figure="agent_assisted_commits" category="a" /> of its <Metric figure="commits" category="a" /> commits carry an agent\'s trace.');
  });

  it('a partial quarter gets no comparison with the previous one', () => {
    const kinds = new Set(draftFindings(input({ partial: true })).map((f) => f.kind));
    expect([...kinds].sort()).toEqual(['agent-share', 'concentration', 'headline', 'hiring-newcomers', 'migration', 'new-project']);
    expect(draftFindings(input({ partial: true })).map((f) => f.text).join(' ')).not.toMatch(/_qoq|delta=|quarter="2026-q1"/);
  });
});

// The tables beside scope_quarters: talent pools, work mix, core teams, newcomers, company shares.

const pool = (quarter: string, pool_type: PoolRow['pool_type'], pool_id: string, people: number, more: Partial<PoolRow> = {}): PoolRow => ({
  quarter,
  pool_type,
  pool_id,
  name: pool_type === 'pair' ? null : pool_id.toUpperCase(),
  categories: pool_type === 'pair' ? pool_id.replace('+', ',') : null,
  people,
  observed: true,
  ...more,
});

const POOLS: PoolRow[] = [
  pool('2026-q2', 'pair', 'a+b', 40),
  pool('2026-q2', 'pair', 'a+c', 30),
  pool('2026-q2', 'pair', 'b+c', 12, { observed: false }),
  // A category the quarter's list does not have: its figure could not be quoted.
  pool('2026-q2', 'pair', 'a+gone', 99),
  pool('2025-q2', 'pair', 'a+b', 20),
  pool('2026-q2', 'breadth', 'three-plus', 15),
  pool('2025-q2', 'breadth', 'three-plus', 18),
  pool('2026-q2', 'named', 'big', 50, { name: 'Big pool', categories: 'a,b' }),
  pool('2025-q2', 'named', 'big', 45, { name: 'Big pool', categories: 'a,b' }),
  pool('2026-q2', 'named', 'small', 4, { name: 'Small pool', categories: 'a,b,c' }),
  pool('2025-q2', 'named', 'small', 6, { name: 'Small pool', categories: 'a,b,c' }),
];

const mix = (category: string, quarter: string, fix: number, feature: number, total = 1000): WorkMixRow[] => [
  { category, quarter, work_kind: 'fix', share: fix, total },
  { category, quarter, work_kind: 'feature', share: feature, total },
];

describe('drafted findings from talent pools, the work mix, core teams and newcomers', () => {
  it('the two largest pair pools against a year before, and people in three or more categories (a checked comparison)', () => {
    expect(byKind('talent-pool', input({ pools: POOLS }))).toEqual([
      'Over the year to Q2 2026, <Metric figure="talent_pool" category="a" other="b" /> people committed to both Alpha and Beta (<Rank figure="talent_pool" category="a" other="b" bare>the largest pool of any two categories</Rank>), <Compare figure="talent_pool" category="a" other="b" op=">" otherQuarter="2025-q2" bare>up from</Compare> <Metric figure="talent_pool" category="a" other="b" quarter="2025-q2" /> in the year to Q2 2025.',
      // No pool a year before (fewer than 3): nothing to compare, so no claim.
      'Over the year to Q2 2026, <Metric figure="talent_pool" category="a" other="c" /> people committed to both Alpha and Gamma (<Rank figure="talent_pool" category="a" other="c" rank={2} bare>the second-largest pool of any two categories</Rank>), against <Metric figure="talent_pool" category="a" other="c" quarter="2025-q2" /> in the year to Q2 2025.',
    ]);
    expect(byKind('breadth', input({ pools: POOLS }))).toEqual([
      '<Metric figure="multi_category_people" /> people were active in three or more categories over the year to Q2 2026, <Compare figure="multi_category_people" op="<" otherQuarter="2025-q2" bare>down from</Compare> the <Metric figure="multi_category_people" quarter="2025-q2" /> of the year to Q2 2025.',
    ]);
    expect(sectionComponents(input({ pools: POOLS }), [])).toEqual({ talent: ['<TalentPools />'] });
  });

  it('hiring: the scarcest named pool, one with no row in the quarter (fewer than 3) first', () => {
    expect(byKind('hiring-pool', input({ pools: POOLS }))).toEqual([
      'Small pool: <Metric figure="talent_pool" pool="small" /> people were active in each of Alpha, Beta and Gamma within the year to Q2 2026, <Compare figure="talent_pool" pool="small" op="<" otherQuarter="2025-q2" bare>down from</Compare> <Metric figure="talent_pool" pool="small" quarter="2025-q2" /> a year earlier.',
    ]);
    const rare = [...POOLS, pool('2025-q3', 'named', 'rare', 3, { name: 'Rare pool', categories: 'b,c' })];
    expect(byKind('hiring-pool', input({ pools: rare }))).toEqual(['Rare pool: <Metric figure="talent_pool" pool="rare" /> people were active in both Beta and Gamma within the year to Q2 2026.']);
  });

  it('the category whose work moved most between fixes and features on a year before, with <WorkMix>', () => {
    const workMix = [...mix('a', '2026-q2', 0.3, 0.4), ...mix('a', '2025-q2', 0.2, 0.5), ...mix('b', '2026-q2', 0.21, 0.5), ...mix('b', '2025-q2', 0.2, 0.5), ...mix('c', '2026-q2', 0.9, 0, 50), ...mix('c', '2025-q2', 0, 0.9, 50)];
    const i = input({ workMix });
    const [f] = draftFindings(i).filter((x) => x.kind === 'work-mix');
    expect(f!.text).toBe(
      'In Alpha, fixes were <Metric figure="work_share" kind="fix" category="a" />, <Compare figure="work_share" kind="fix" category="a" op=">" otherQuarter="2025-q2" bare>up from</Compare> <Metric figure="work_share" kind="fix" category="a" quarter="2025-q2" /> a year earlier, and features <Metric figure="work_share" kind="feature" category="a" />, <Compare figure="work_share" kind="feature" category="a" op="<" otherQuarter="2025-q2" bare>down from</Compare> <Metric figure="work_share" kind="feature" category="a" quarter="2025-q2" /> a year earlier.',
    );
    expect(f!.why).toContain('(towards fixing)');
    expect(sectionComponents(i, draftFindings(i))).toEqual({ moving: ['<WorkMix category="a" />'] });
    // Gamma moved more, on fewer than a hundred commits; in a partial quarter nothing is compared.
    expect(byKind('work-mix', input({ workMix, partial: true }))).toEqual([]);
  });

  it("the largest projects' core teams against their crowds, ranked as <Rank> will check them", () => {
    const repo = (name: string, contributors: number) => ({ repo: name, category_id: 'a', contributors, new_contributors: 0 });
    const team = (scope_id: string) => ({ scope_type: 'repo' as const, scope_id, contributors: 1, core_50: 5, steady_contributors: 4 });
    const i = input({ topRepos: [repo('o/one', 300), repo('o/two', 200), repo('o/three', 200), repo('o/four', 100)], coreTeams: [team('o/one'), team('o/two'), team('o/three')] });
    const [one, two] = byKind('core-team', i);
    expect(one).toBe(
      '`o/one` drew the <Rank figure="contributors" repo="o/one" bare>most contributors</Rank> (<Metric figure="contributors" repo="o/one" />), but half its commit credit came from <Metric figure="core_team_50" repo="o/one" /> people, and <Metric figure="steady_contributors" repo="o/one" /> committed in eight or more weeks of the quarter.',
    );
    expect(two).toMatch(/^`o\/two` drew the <Rank figure="contributors" repo="o\/two" rank=\{2\} tied bare>joint second-most contributors<\/Rank>/);
    expect(byKind('core-team', { ...i, partial: true })[0]).not.toContain('steady_contributors');
  });

  it('newcomer share extremes, with the multiple the data bears out', () => {
    const row = (scope_id: string, newcomer_share: number, contributors = 100) => ({ scope_type: 'category' as const, scope_id, contributors, new_contributors: 0, newcomer_share, new_projects: 0 });
    const newcomers = [row('a', 0.6), row('b', 0.2), row('c', 0.25), row('tiny', 0.9, 5), { ...row('all', 0.3), scope_type: 'all' as const, new_projects: 2 }];
    const i = input({ newcomers, newProjects: 2 });
    expect(byKind('newcomers', i)).toEqual([
      'Newcomers were <Metric figure="newcomer_share" category="a" /> of the contributors in Alpha, <Compare figure="newcomer_share" category="a" op=">" other="b" times={2} bare>more than twice the</Compare> <Metric figure="newcomer_share" category="b" /> in Beta.',
    ]);
    expect(byKind('new-projects', i)).toEqual(['<Metric figure="new_projects" /> projects entered the tracked set this quarter.']);
    expect(sectionComponents(i, [])).toEqual({ projects: ['<NewProjects />'] });
  });

  it('hiring: where churn frees people, ranked among every category (a small one ahead says so)', () => {
    // Tiny's churn is the highest, on five people: left out of the finding, still ahead in the rank.
    expect(byKind('hiring-churn')).toEqual([
      'Churn frees people in Alpha and Gamma: <Metric figure="churned" category="a" /> and <Metric figure="churned" category="c" /> of the previous quarter\'s contributors did not commit again, churn rates of <Metric figure="churn_rate" category="a" /> and <Metric figure="churn_rate" category="c" />, the <Rank figure="churn_rate" category="a" rank={2} bare>second-highest</Rank> and <Rank figure="churn_rate" category="c" rank={3} bare>third-highest</Rank> of any category.',
    ]);
    expect(byKind('hiring-churn', input({ partial: true }))).toEqual([]);
  });

  it('hiring: the leading named employer of the largest categories, and where newcomers arrive', () => {
    const sized = input().scopes.map((s) => (s.quarter !== '2026-q2' ? s : { ...s, contributors: { a: 300, b: 200, c: 100, tiny: 10 }[s.scope_id] ?? s.contributors, new_contributors: { a: 10, b: 60 }[s.scope_id] ?? 5 }));
    const i = input({
      scopes: sized,
      leadingOrgs: [
        { category: 'a', organization: 'Org A', share: 0.3, unknown_share: 0.5 },
        { category: 'b', organization: 'Org B', share: 0.2, unknown_share: null },
      ],
      topNewcomerRepos: [
        { repo: 'o/new', category_id: 'b', contributors: 80, new_contributors: 40 },
        { repo: 'o/old', category_id: 'a', contributors: 90, new_contributors: 12 },
      ],
    });
    expect(byKind('hiring-company', i)).toEqual([
      'In Alpha, the <Rank figure="contributors" category="a" bare>largest category by people</Rank>, Org A holds <Metric figure="company_share" org="Org A" category="a" /> of the commit credit; <Metric figure="company_share" org="Unknown" category="a" /> comes from addresses that name no employer.',
      'In Beta, the <Rank figure="contributors" category="b" rank={2} bare>second-largest category by people</Rank>, Org B holds <Metric figure="company_share" org="Org B" category="b" /> of the commit credit.',
    ]);
    // Without scope_newcomers (an older folder) there is no share to quote.
    expect(byKind('hiring-newcomers', i)).toEqual([
      'Newcomers arrive in Beta, which drew the <Rank figure="new_contributors" category="b" bare>most</Rank> people new to it (<Metric figure="new_contributors" category="b" />), and `o/new` drew the <Rank figure="new_contributors" repo="o/new" bare>most of any project</Rank> (<Metric figure="new_contributors" repo="o/new" />).',
    ]);
  });

  it('a folder published before the newer tables drafts everything else, and places none of their components', () => {
    const findings = draftFindings(input());
    const kinds = new Set(findings.map((f) => f.kind));
    for (const k of ['talent-pool', 'breadth', 'hiring-pool', 'core-team', 'newcomers', 'new-projects', 'work-mix', 'hiring-company']) expect(kinds).not.toContain(k);
    expect(kinds).toContain('hiring-churn');
    expect(sectionComponents(input(), findings)).toEqual({});
  });

  it('writes claim tags around the words, bare', () => {
    expect(claim('Compare', { figure: 'work_share', kind: 'fix', category: 'a', op: '>', otherQuarter: '2025-q2', times: undefined }, 'up from')).toBe(
      '<Compare figure="work_share" kind="fix" category="a" op=">" otherQuarter="2025-q2" bare>up from</Compare>',
    );
    expect(claim('Rank', { figure: 'contributors', repo: 'o/r', rank: 2, lowest: false, tied: true }, 'joint second')).toBe('<Rank figure="contributors" repo="o/r" rank={2} tied bare>joint second</Rank>');
  });
});
