import { beforeAll, describe, expect, it } from 'vitest';
import HeadlineStats from '../../../src/components/HeadlineStats.astro';
import SnapshotTable from '../../../src/components/SnapshotTable.astro';
import { MINUS, THIN_SPACE as T } from '../../../src/lib/format.ts';
import { render, setup } from './render.ts';

beforeAll(setup);

describe('<SnapshotTable>', () => {
  it('renders a sortable table with a row per category and signed, arrowed changes', async () => {
    const html = await render(SnapshotTable, { props: { quarter: '2024-q3' } });
    expect(html).toMatch(/<snapshot-table[^>]*data-quarter="2024-q3"/);
    expect(html).toMatch(/<caption[^>]*>Categories at a glance, Q3 2024\./);
    expect(html.match(/<th scope="col"/g)).toHaveLength(7);
    expect(html.match(/aria-sort="none"/g)).toHaveLength(7);
    expect(html.match(/<tr data-category="[a-z-]+"/g)).toHaveLength(5 + 1); // + the total row
    const gpu = html.slice(html.indexOf('data-category="gpu-kernels"'), html.indexOf('data-category="ml-compilers"'));
    expect(gpu).toContain('style="--cat: #2070fb"');
    expect(gpu).toContain('data-sort-key="commits" data-value="480"');
    expect(gpu).toMatch(/aria-hidden="true"[^>]*>▲<\/span>\+14\.3%/);
    const compilers = html.slice(html.indexOf('data-category="ml-compilers"'), html.indexOf('data-category="llm-serving"'));
    expect(compilers).toMatch(new RegExp(`▼</span>${MINUS}8\\.2%`));
    const edge = html.slice(html.indexOf('data-category="edge-ml"'));
    expect(edge).toMatch(/data-change="new"[^>]*>\s*<span[^>]*>new<\/span>/);
    // The total row, with thin-space separated thousands.
    expect(html).toContain(`5${T}297`);
    expect(html).toContain('Data as of <time datetime="2024-10-01T06:00:00Z">1 October 2024</time>');
  });

  it('says "partial quarter" instead of a change in a partial quarter', async () => {
    const html = await render(SnapshotTable, { props: { quarter: '2024-q4' } });
    expect(html.match(/>partial quarter</g)).toHaveLength(5 * 3 + 3);
    expect(html).not.toContain('▲');
    expect(html).toContain('Q4 2024 is a partial quarter');
  });

  it('takes the quarter from the report page (Astro.locals)', async () => {
    const html = await render(SnapshotTable, { locals: { reportQuarter: '2024-q3' } });
    expect(html).toContain('data-quarter="2024-q3"');
  });
});

describe('<HeadlineStats>', () => {
  it('shows tracked repos, commits and contributors with changes', async () => {
    const html = await render(HeadlineStats, { props: { quarter: '2024-q3' } });
    expect(html).toMatch(/data-figure="tracked_repos" data-value="10"/);
    expect(html).toContain(`>5${T}297</dd>`);
    expect(html).toContain('>689</dd>');
    expect(html).toContain('+14.1%');
    expect(html).toContain('on Q2 2024');
  });
});
