// No sentence template more than twice per article: openings compared with names as N
// and figures as #, so three "<Company> holds <Metric/> of …" sentences are one template.
import { describe, expect, it } from 'vitest';
import { checkSentenceTemplates, opening, proseSentences } from '../../../src/node/content-checks/templates.ts';

const HEAD = ['---', 'title: "x"', '---', '', "import Metric from '../../src/components/Metric.astro';", ''];

describe('sentence templates', () => {
  it('an opening is its first words, names as N and figures as #', () => {
    expect(opening('NVIDIA holds # of the commit credit.')).toBe('N holds # of');
    expect(opening('Meta Platforms holds 31.0% of edge ML.')).toBe('N holds # of');
    expect(opening('the pool grew.')).toBe('the pool grew');
  });

  it('reads prose sentences with their lines, leaving out headings, imports, comments and block components', () => {
    const text = [...HEAD, '## Head', '', 'One <Metric figure="commits" /> here. Two', 'lines on.', '', '{/* a note. */}', '<TalentChord />', 'Three.'].join('\n');
    expect(proseSentences(text)).toEqual([
      { line: 9, text: 'One # here.' },
      { line: 9, text: 'Two lines on.' },
      { line: 14, text: 'Three.' },
    ]);
  });

  it('a template used three times is a problem at its third use; twice is fine', () => {
    const s = (org: string, cat: string) => `${org} holds <Metric figure="company_share" org="${org}" category="${cat}" /> of ${cat}'s credit.`;
    const twice = [...HEAD, s('NVIDIA', 'a'), '', s('Intel', 'b')].join('\n');
    expect(checkSentenceTemplates('x.mdx', twice)).toEqual([]);
    const thrice = [...HEAD, s('NVIDIA', 'a'), '', s('Intel', 'b'), '', 'Google leads c.', '', s('Meta', 'd')].join('\n');
    expect(checkSentenceTemplates('x.mdx', thrice)).toEqual([
      {
        file: 'x.mdx',
        line: 13,
        message: 'the sentence template "N holds # of …" is used 3 times (paragraphs at lines 7, 9, 13): no template more than twice per article',
        hint: 'open the sentence another way, or join two of them into one',
      },
    ]);
  });
});
