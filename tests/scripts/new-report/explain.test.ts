// Drafted findings get the artefact guard's sentence after the change they quote, named
// by figure when they quote two; smaller explanations go in the editor's comment.
import { describe, expect, it } from 'vitest';
import type { ChangeData } from '../../../src/lib/explain-inputs.ts';
import type { ScopeQuarterRow } from '../../../src/lib/query-rows.ts';
import { explainFindings } from '../../../scripts/new-report/explain.ts';
import { metric, type Finding } from '../../../scripts/new-report/findings.ts';

const row = (scope_type: ScopeQuarterRow['scope_type'], scope_id: string, quarter: string, f: Record<string, number>): ScopeQuarterRow =>
  ({ scope_type, scope_id, category_id: 'a', quarter, seq: quarter === '2026-q2' ? 70 : 69, partial: false, observed: true, top_repo: null, ...f }) as ScopeQuarterRow;

/** Category a: commits 300 → 400 (o/big +90, o/small +10); contributors 100 → 80 (o/big −6, o/small −4 alone). */
const data: ChangeData = {
  quarter: '2026-q2',
  prev: '2026-q1',
  repos: [
    { repo: 'o/big', category_id: 'a', first_quarter: '2020-q1', tracked_until: null },
    { repo: 'o/small', category_id: 'a', first_quarter: '2020-q1', tracked_until: null },
  ],
  scopes: [
    row('category', 'a', '2026-q1', { commits: 300, contributors: 100 }),
    row('category', 'a', '2026-q2', { commits: 400, contributors: 80, commits_qoq: 1 / 3, contributors_qoq: -0.2 }),
    row('repo', 'o/big', '2026-q1', { commits: 200, contributors: 60 }),
    row('repo', 'o/big', '2026-q2', { commits: 290, contributors: 54 }),
    row('repo', 'o/small', '2026-q1', { commits: 100, contributors: 50 }),
    row('repo', 'o/small', '2026-q2', { commits: 110, contributors: 46 }),
  ],
  sizes: null,
  likeForLike: false,
  people: [
    { scope_id: 'a', quarter: '2026-q1', people: 100 },
    { scope_id: 'a', quarter: '2026-q2', people: 80 },
  ],
  soloPeople: [
    { scope_id: 'a', repo: 'o/big', quarter: '2026-q1', people: 50 },
    { scope_id: 'a', repo: 'o/big', quarter: '2026-q2', people: 44 },
    { scope_id: 'a', repo: 'o/small', quarter: '2026-q1', people: 40 },
    { scope_id: 'a', repo: 'o/small', quarter: '2026-q2', people: 36 },
  ],
  overlap: [],
  soloOverlap: [],
};

describe('explained findings', () => {
  it('a finding quoting two changes names the one explained; the other goes in the comment', () => {
    const f: Finding = {
      section: 'snapshot',
      kind: 'opposite',
      text: 'Alpha moved in two directions.',
      why: 'fewer people, more commits',
      changes: [
        { figure: 'contributors', category: 'a' },
        { figure: 'commits', category: 'a' },
      ],
    };
    const [out] = explainFindings([f], data, metric);
    expect(out!.text).toBe(
      'Alpha moved in two directions. 90% of the rise in commits is one repository: `o/big` (from <Metric figure="commits" repo="o/big" quarter="2026-q1" /> to <Metric figure="commits" repo="o/big" /> commits).',
    );
    // −6 of −20 people: o/big is 30% of the fall, not a sentence.
    expect(out!.why).toBe('fewer people, more commits; largest single repository behind the fall in contributors: o/big, 30%');
  });

  it('findings that quote no change are left as they are', () => {
    const f: Finding = { section: 'quiet', kind: 'concentration', text: 'x.', why: 'y' };
    expect(explainFindings([f], data, metric)).toEqual([f]);
  });
});
