// The drafted findings, from literal rows: which category each finding picks, and the
// rules that keep noise (small bases, small changes, partial quarters) out.
import { describe, expect, it } from 'vitest';
import { draftFindings, metric } from '../../../scripts/lib/new-report/findings.ts';
import type { FindingsInput, ScopeFigures } from '../../../scripts/lib/new-report/load.ts';

const row = (scope_id: string, quarter: string, f: Partial<ScopeFigures> = {}): ScopeFigures => ({
  scope_type: scope_id === 'all' ? 'all' : 'category',
  scope_id,
  quarter,
  partial: false,
  observed: true,
  commits: 1000,
  contributors: 100,
  agent_assisted_commits: 0,
  prev_contributors: 100,
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
    partial: false,
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
      row('tiny', '2026-q2', { prev_contributors: 5, contributors_qoq: 2, commits_qoq: -0.9, churn_rate: 0.95, top_repo_share: 1, commits: 20 }),
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

  it('largest QoQ movers, ignoring small bases', () => {
    const movers = byKind('mover');
    expect(movers[0]).toMatch(/^Alpha gained contributors fastest/);
    expect(movers[1]).toMatch(/^Beta gained contributors next fastest/);
    expect(movers[2]).toMatch(/^Gamma lost the most contributors/);
    expect(movers[3]).toMatch(/^The largest swing in commits was in Beta: <Metric figure="commits_qoq" category="b" \/>/);
    expect(movers.join(' ')).not.toContain('Tiny');
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
      'Alpha and Beta share more people than in Q1 2026: <Metric figure="overlap" category="a" other="b" /> were active in both, against <Metric figure="overlap" category="a" other="b" quarter="2026-q1" />, the largest rise in overlap of any two categories.',
      'Beta and Gamma share fewer people than in Q1 2026: <Metric figure="overlap" category="b" other="c" /> were active in both, against <Metric figure="overlap" category="b" other="c" quarter="2026-q1" />, the largest fall in overlap.',
    ]);
  });

  it('net migration flows, largest first, stayers ignored', () => {
    expect(byKind('migration')).toEqual([
      'More people moved their main work from Beta to Alpha than the other way: <Metric figure="migration" from="b" to="a" /> against <Metric figure="migration" from="a" to="b" />, a net flow of <Metric figure="net_migration" from="b" to="a" />, the largest of the quarter.',
      'More people moved their main work from Gamma to Alpha than the other way: <Metric figure="migration" from="c" to="a" /> against <Metric figure="migration" from="a" to="c" />, a net flow of <Metric figure="net_migration" from="c" to="a" />.',
    ]);
  });

  it('churn and retention outliers against the whole set', () => {
    expect(byKind('churn')).toEqual([
      'Alpha kept the fewest of its people: a churn rate of <Metric figure="churn_rate" category="a" />, against <Metric figure="churn_rate" /> across the tracked set.',
    ]);
    expect(byKind('retention')[0]).toMatch(/^Beta kept the most: retention of <Metric figure="retention" category="b" \/>/);
  });

  it('concentration: the most concentrated category and the largest change', () => {
    expect(byKind('concentration')[0]).toMatch(/^Alpha depends most on one project: <Metric figure="top_repo" category="a" \/>/);
    expect(byKind('concentration-change')).toEqual([
      'Beta became less concentrated: its largest project, <Metric figure="top_repo" category="b" />, has <Metric figure="top_repo_share" category="b" /> of its commits (<Metric figure="top_repo_share" category="b" delta="change" />).',
    ]);
  });

  it('agent-assisted share, overall and the leading category', () => {
    const [all, top] = byKind('agent-share');
    expect(all).toContain('against <Metric figure="agent_assisted_commits" quarter="2026-q1" /> in Q1 2026');
    expect(top).toMatch(/^Alpha has the largest agent-assisted share/);
  });

  it('a partial quarter gets no comparison with the previous one', () => {
    const kinds = new Set(draftFindings(input({ partial: true })).map((f) => f.kind));
    expect([...kinds].sort()).toEqual(['agent-share', 'concentration', 'headline', 'migration', 'new-project']);
    expect(draftFindings(input({ partial: true })).map((f) => f.text).join(' ')).not.toMatch(/_qoq|delta=|quarter="2026-q1"/);
  });
});
