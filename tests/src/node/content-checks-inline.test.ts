// A figure alone on its line would be a paragraph of its own: the check names the line.
import { describe, expect, it } from 'vitest';
import { checkInlineComponents } from '../../../src/node/content-checks/inline-components.ts';

describe('inline components', () => {
  it('names a <Metric> or a claim that stands alone on its line, not one inside a line', () => {
    const text = [
      'Over a year the pools grew.',
      '<Metric figure="talent_pool" pool="serving-kernels" />',
      'people worked in both, against <Metric figure="contributors" /> in all,',
      '<Rank figure="contributors" category="llm-serving" bare>the most</Rank>',
      '',
      '<TalentChord />',
      '```mdx',
      '<Metric figure="commits" />',
      '```',
    ].join('\n');
    expect(checkInlineComponents('content/reports/x.mdx', text).map((p) => [p.line, p.message.slice(0, 9)])).toEqual([
      [2, '<Metric> '],
      [4, '<Rank> st'],
    ]);
  });
});
