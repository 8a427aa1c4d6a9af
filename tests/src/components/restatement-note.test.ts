import { beforeAll, describe, expect, it } from 'vitest';
import RestatementNote from '../../../src/components/site/RestatementNote.astro';
import { render, setup } from './render.ts';

beforeAll(setup);

describe('<RestatementNote>', () => {
  it('says nothing for data never restated', async () => {
    expect((await render(RestatementNote, { props: { quarter: '2024-q3', dates: [] } })).trim()).toBe('');
  });

  it('names the latest restatement and links every note', async () => {
    const html = await render(RestatementNote, { props: { quarter: '2024-q3', dates: ['2024-11-02', '2025-01-15'] } });
    expect(html).toMatch(/<strong>Figures restated on <time datetime="2025-01-15">15 January 2025<\/time>:<\/strong>/);
    expect(html).toContain('<a href="/reports/2024-q3/restatements/2025-01-15/">What changed</a>');
    expect(html).toContain('<a href="/reports/2024-q3/restatements/2024-11-02/">2 November 2024</a>');
    // Punctuation sits against the words, with no stray space before it.
    const text = html.replace(/<[^>]+>/g, '').replace(/\s+/g, ' ');
    expect(text).toContain('What changed (earlier: 2 November 2024).');
  });
});
