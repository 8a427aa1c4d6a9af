// Changes compared like-for-like that leave out a history stopping early say so where
// they are shown: a mark on the change and a footnote naming the repositories (the
// table, the headline), or a mark with the note for screen readers and the tooltip
// (<Metric> in prose). The published fixture has no history that stops, so this file
// restates its 2024-q3 scope_quarters the way the engine publishes such a quarter:
// ml-compilers and 'all' compared without openxla/xla, llm-serving not comparable
// (sglang made more than a fifth of the quarter before).
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import HeadlineStats from '../../../src/components/HeadlineStats.astro';
import Metric from '../../../src/components/Metric.astro';
import SnapshotTable from '../../../src/components/SnapshotTable.astro';
import { MINUS } from '../../../src/lib/format.ts';
import { PUBLISHED_DIR_ENV } from '../../helpers/published-fixture.ts';
import { rewriteParquet } from '../../helpers/rewrite-parquet.ts';
import { render, setup } from './render.ts';

beforeAll(async () => {
  await setup();
  const in2024q3 = "quarter = '2024-q3' AND scope_type <> 'repo'";
  await rewriteParquet(join(process.env[PUBLISHED_DIR_ENV]!, '2024-q3', 'scope_quarters.parquet'), [
    `UPDATE t SET observed = false, qoq_basis_share = 0.9, qoq_basis_excludes = 'openxla/xla' WHERE ${in2024q3} AND scope_id = 'ml-compilers'`,
    `UPDATE t SET observed = false, qoq_basis_share = 0.5, qoq_basis_excludes = 'sgl-project/sglang',
       commits_qoq = NULL, contributors_qoq = NULL, active_repos_qoq = NULL WHERE ${in2024q3} AND scope_id = 'llm-serving'`,
    `UPDATE t SET observed = false, qoq_basis_share = 0.95, qoq_basis_excludes = 'openxla/xla, sgl-project/sglang' WHERE ${in2024q3} AND scope_id = 'all'`,
  ]);
});

const MARK = '<sup class="ds-change__note" aria-hidden="true">†</sup>';

function row(html: string, category: string): string {
  const start = html.indexOf(`data-category="${category}"`);
  return html.slice(start, html.indexOf('</tr>', start));
}

describe('<SnapshotTable> with a like-for-like quarter', () => {
  it('marks the changes that leave a repository out and footnotes what they leave out', async () => {
    const html = await render(SnapshotTable, { props: { quarter: '2024-q3' } });
    const compilers = row(html, 'ml-compilers');
    expect(compilers).toContain(`${MINUS}8.2%${MARK}`);
    expect(compilers).toContain('title="down 8.2% on the previous quarter (same repositories in both quarters; excludes openxla/xla, whose history stops)"');
    expect(row(html, 'gpu-kernels')).not.toContain('†');
    // The total row is compared on the same basis, so it carries the mark as well.
    expect(row(html, 'all')).toContain(MARK);
    expect(html).toContain(
      '<p class="ds-table__note" data-basis-note>† Same repositories in both quarters: changes exclude openxla/xla (ML Compilers &amp; Graph Optimization); ' +
        'sgl-project/sglang (LLM Serving &amp; Inference), whose histories stop. ' +
        'No change is shown where those made more than a fifth of the quarter before&#39;s commits.</p>',
    );
  });

  it('shows "not comparable" with the reason where the basis holds too little', async () => {
    const serving = row(await render(SnapshotTable, { props: { quarter: '2024-q3' } }), 'llm-serving');
    expect(serving).toContain('data-change="none"');
    expect(serving).toContain('title="not comparable: sgl-project/sglang, whose history stops, leaving too little observed in both quarters"');
    expect(serving).not.toContain('†');
  });

  it('has an empty, hidden footnote where every change covers its whole category', async () => {
    const html = await render(SnapshotTable, { props: { quarter: '2024-q4' } });
    expect(html).toContain('<p class="ds-table__note" data-basis-note hidden></p>');
  });
});

describe('<HeadlineStats> with a like-for-like quarter', () => {
  it('marks both changes and names what the whole set leaves out', async () => {
    const html = await render(HeadlineStats, { props: { quarter: '2024-q3' } });
    expect(html.match(/ds-change__note/g)).toHaveLength(2);
    expect(html).toContain('<p class="ds-headline__basis">† Same repositories in both quarters; excludes openxla/xla and sgl-project/sglang, whose histories stop.</p>');
  });

  it('has no footnote in a quarter without one', async () => {
    expect(await render(HeadlineStats, { props: { quarter: '2024-q4' } })).not.toContain('ds-headline__basis');
  });
});

describe('<Metric delta="change"> with a like-for-like quarter', () => {
  const note = 'same repositories in both quarters; excludes openxla/xla, whose history stops';

  it('marks the change and gives the note to screen readers and the tooltip', async () => {
    for (const props of [
      { figure: 'contributors', category: 'ml-compilers', delta: 'change' },
      { figure: 'contributors_qoq', category: 'ml-compilers' },
    ]) {
      const html = await render(Metric, { props: { ...props, quarter: '2024-q3' } });
      expect(html).toContain(`>${MINUS}8.2%<sup class="ds-metric__note"><span aria-hidden="true">†</span><span class="ds-visually-hidden"> (${note})</span></sup></span>`);
      expect(html).toContain(`(${note})"`);
    }
    expect(await render(Metric, { props: { figure: 'contributors', category: 'gpu-kernels', delta: 'change', quarter: '2024-q3' } })).not.toContain('ds-metric__note');
  });

  it('shows no change for a count without a like-for-like recount where a history stops', async () => {
    // new_contributors has no published QoQ: its plain change would count the stopped repository on one side only.
    const html = await render(Metric, { props: { figure: 'new_contributors', category: 'ml-compilers', delta: 'change', quarter: '2024-q3' } });
    expect(html).toMatch(/>–<\/span>$/);
    expect(await render(Metric, { props: { figure: 'new_contributors', category: 'gpu-kernels', delta: 'change', quarter: '2024-q3' } })).toMatch(/>\+\d+\.\d%<\/span>$/);
  });

  it('keeps "not comparable" (no mark) where the basis holds too little', async () => {
    const html = await render(Metric, { props: { figure: 'commits', category: 'llm-serving', delta: 'change', quarter: '2024-q3' } });
    expect(html).toMatch(/>–<\/span>$/);
    expect(html).not.toContain('ds-metric__note');
  });
});
