// The atlas's pure pieces, with exact expected values: mentions in article source,
// series over quarters (0 for a quiet quarter, a gap after a history stops), ranks,
// forks, ranked tables, company and overlap lines, and the registry's CSV fields.
import { describe, expect, it } from 'vitest';
import { findMentions } from '../../../src/lib/atlas-mentions.ts';
import { seriesValues } from '../../../src/lib/atlas-series.ts';
import { forksOf, lastActivityText, rankInCategory, statusOf } from '../../../src/lib/atlas-facts.ts';
import { rankedProjects } from '../../../src/lib/atlas-ranking-markup.ts';
import { companyLines } from '../../../src/lib/atlas-company-markup.ts';
import { overlapLines } from '../../../src/lib/atlas-overlap-markup.ts';
import type { AtlasCompanyRow, AtlasRepoRow, AtlasSeriesRow } from '../../../src/lib/atlas-rows.ts';

const Q = [
  { quarter: '2024-q1', start_ts: '2024-01-01T00:00:00.000Z' },
  { quarter: '2024-q2', start_ts: '2024-04-01T00:00:00.000Z' },
  { quarter: '2024-q3', start_ts: '2024-07-01T00:00:00.000Z' },
];

function row(scope_id: string, quarter: string, o: Partial<AtlasSeriesRow> = {}): AtlasSeriesRow {
  return {
    scope_id, category_id: 'cat-a', quarter, seq: Q.findIndex((q) => q.quarter === quarter), partial: false, observed: true,
    commits: 10, contributors: 4, active_repos: 1, new_contributors: 1, new_to_ecosystem: 0, retained: 3, reactivated: 0, churned: 1,
    churn_rate: 0.25, retention: 0.75, mean_active_weeks: 2.5, test_line_share: 0.2, commits_qoq: null, contributors_qoq: null,
    top_repo: null, top_repo_share: null, core_50: 3, core_80: 4, newcomer_share: null, rank_in_category: null, ...o,
  };
}

function repo(name: string, o: Partial<AtlasRepoRow> = {}): AtlasRepoRow {
  return { repo: name, category_id: 'cat-a', status: 'ingested', ingested: true, upstream: null, first_quarter: '2020-q1', tracked_until: null, last_active_quarter: '2024-q3', note: null, first_commit: null, last_commit: null, ...o };
}

describe('findMentions', () => {
  it('finds repositories by owner/name (also inside a URL or before a full stop) and categories by id or printed name', () => {
    const m = findMentions(
      [
        { quarter: '2024-q3', title: 'A', body: 'See <Metric repo="a/one" /> and https://github.com/b/two/pulls. Also a/one.\n<Rank category="cat-b" /> LLM Serving & Inference grew.' },
        { quarter: '2026-q2', title: 'B', body: 'Mentions b/two. and c/three-not-tracked, cat-a-suffix is not cat-a? It is: cat-a.' },
      ],
      ['a/one', 'b/two', 'c/three'],
      [
        { category_id: 'cat-a', name: 'Alpha' },
        { category_id: 'cat-b', name: 'Beta' },
        { category_id: 'llm-serving', name: 'LLM Serving & Inference' },
      ],
    );
    expect(Object.fromEntries(m.repos)).toEqual({ 'a/one': ['2024-q3'], 'b/two': ['2024-q3', '2026-q2'] });
    expect(Object.fromEntries(m.categories)).toEqual({ 'cat-b': ['2024-q3'], 'llm-serving': ['2024-q3'], 'cat-a': ['2026-q2'] });
  });
});

describe('seriesValues', () => {
  const rows = [row('r', '2024-q1', { commits: 7, core_50: null })];
  it('reads 0 for a count in a quarter without a row, and no value for a rate or size', () => {
    expect(seriesValues(rows, Q, 'commits')).toEqual([7, 0, 0]);
    expect(seriesValues(rows, Q, 'core_50')).toEqual([null, null, null]);
    expect(seriesValues(rows, Q, 'mean_active_weeks')).toEqual([2.5, null, null]);
  });
  it('leaves a gap after the history stops (tracked_until before the quarter starts)', () => {
    expect(seriesValues(rows, Q, 'commits', '2024-04-15')).toEqual([7, 0, null]);
    expect(seriesValues(rows, Q, 'commits', '2024-07-01')).toEqual([7, 0, 0]);
  });
});

describe('project facts', () => {
  const series = new Map([
    ['a/one', [row('a/one', '2024-q3', { rank_in_category: 2 })]],
    ['a/two', [row('a/two', '2024-q3', { rank_in_category: 1, contributors: 9 })]],
    ['a/three', [row('a/three', '2024-q2', { rank_in_category: 1 })]],
    ['b/other', [row('b/other', '2024-q3', { category_id: 'cat-b', rank_in_category: 1 })]],
    // Bot commits only: a row, but no rank, so not among the ranked.
    ['a/bots', [row('a/bots', '2024-q3', { commits: 0, contributors: 0 })]],
  ]);
  it('ranks among the category projects active in the quarter', () => {
    expect(rankInCategory(repo('a/one'), series, '2024-q3')).toEqual({ rank: 2, of: 2, quarter: '2024-q3' });
    expect(rankInCategory(repo('a/three'), series, '2024-q3')).toBeNull();
  });
  it('lists forks by upstream, and says what state a history is in', () => {
    const repos = [repo('up/x'), repo('f/2', { upstream: 'up/x' }), repo('f/1', { upstream: 'up/x' })];
    expect(forksOf('up/x', repos)).toEqual(['f/1', 'f/2']);
    expect(statusOf(repo('a/one')).kind).toBe('observed');
    expect(statusOf(repo('a/one', { tracked_until: '2024-10-24' }))).toEqual({ kind: 'stopped', text: 'Tracked until 24 October 2024' });
    expect(statusOf(repo('a/one', { ingested: false, status: 'unavailable' })).kind).toBe('unavailable');
    expect(lastActivityText(repo('a/one', { last_active_quarter: null }), '2024-q1')).toBe('none since Q1 2024');
  });
  it('orders a category table: ranked first, then quiet projects, then unavailable ones, by name', () => {
    const repos = [repo('a/zeta', { status: 'unavailable', ingested: false }), repo('a/quiet'), repo('a/one'), repo('a/two'), repo('a/three'), repo('b/other', { category_id: 'cat-b' })];
    expect(rankedProjects('cat-a', repos, series, '2024-q3').map((p) => [p.repo, p.rank])).toEqual([
      ['a/two', 1],
      ['a/one', 2],
      ['a/quiet', null],
      ['a/three', null],
      ['a/zeta', null],
    ]);
  });
});

describe('company and overlap lines', () => {
  it('takes the largest organizations with their share a year before (0 when absent then)', () => {
    const c = (quarter: string, seq: number, organization: string, share: number, rank: number): AtlasCompanyRow => ({ scope_id: 'x', quarter, seq, organization, credit: share * 100, share, rank });
    const rows = [c('2023-q3', 1, 'A', 0.5, 1), c('2023-q3', 1, 'B', 0.1, 2), c('2024-q3', 5, 'B', 0.4, 1), c('2024-q3', 5, 'A', 0.3, 2), c('2024-q3', 5, 'C', 0.2, 3)];
    expect(companyLines(rows, '2024-q3', 3)).toEqual({
      beforeQuarter: '2023-q3',
      lines: [
        { organization: 'B', share: 0.4, before: 0.1 },
        { organization: 'A', share: 0.3, before: 0.5 },
        { organization: 'C', share: 0.2, before: 0 },
      ],
    });
  });
  it('keeps categories with 3 or more people in some quarter, largest latest first; under 3 is null', () => {
    const o = (quarter: string, other_category: string, people: number | null) => ({ repo: 'r', quarter, seq: 0, other_category, people });
    const rows = [o('q1', 'x', 5), o('q2', 'x', null), o('q1', 'y', null), o('q2', 'y', 4), o('q2', 'z', null)];
    expect(overlapLines(rows, ['q1', 'q2'])).toEqual([
      { category_id: 'y', people: [null, 4] },
      { category_id: 'x', people: [5, null] },
    ]);
  });
});

