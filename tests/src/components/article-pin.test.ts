// An article is pinned to the data it was written with: a quarter published later
// appears neither in its pickers nor in its prediction verdicts.
import { beforeAll, describe, expect, it } from 'vitest';
import QuarterSelect from '../../../src/components/report/QuarterSelect.astro';
import { publishedQuartersAsOf } from '../../../src/node/paths.ts';
import { render, setup } from './render.ts';

beforeAll(setup);

describe('articles pinned to their data', () => {
  // The fixture publishes 2024-q3 on 2024-10-06 and 2024-q4 on 2024-11-20.
  it('offers only the quarters published by the pin date', async () => {
    expect(publishedQuartersAsOf('2024-10-06')).toEqual(['2024-q3']);
    expect(publishedQuartersAsOf('2024-11-20')).toEqual(['2024-q3', '2024-q4']);
    expect(publishedQuartersAsOf(undefined)).toEqual(['2024-q3', '2024-q4']);
  });

  it("keeps a later quarter out of an article's quarter picker", async () => {
    const pinned = await render(QuarterSelect, { props: { quarter: '2024-q3' }, locals: { reportQuarter: '2024-q3', reportDataAsOf: '2024-10-06' } });
    expect(pinned).not.toContain('value="2024-q4"');
    expect(pinned).toContain('value="2024-q3"');
    const later = await render(QuarterSelect, { props: { quarter: '2024-q3' }, locals: { reportQuarter: '2024-q3', reportDataAsOf: '2024-12-01' } });
    expect(later).toContain('value="2024-q4"');
    // Outside an article (the explore page), every quarter.
    expect(await render(QuarterSelect, { props: { quarter: '2024-q3' } })).toContain('value="2024-q4"');
  });
});
