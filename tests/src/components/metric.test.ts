import { beforeAll, describe, expect, it } from 'vitest';
import Figure from '../../../src/components/Figure.astro';
import Metric from '../../../src/components/Metric.astro';
import { THIN_SPACE as T } from '../../../src/lib/format.ts';
import { render, setup } from './render.ts';

beforeAll(setup);

describe('<Metric>', () => {
  it('renders one formatted figure inline', async () => {
    expect(await render(Metric, { props: { figure: 'commits', quarter: '2024-q3' } })).toMatch(new RegExp(`<span class="ds-metric"[^>]*data-value="5297"[^>]*>5${T}297</span>`));
    const html = await render(Metric, { props: { figure: 'contributors', category: 'llm-serving', quarter: '2024-q3' } });
    expect(html).toContain('data-scope="category:llm-serving"');
    expect(html).toContain('title="Contributors, LLM Serving &amp; Inference, Q3 2024"');
    expect(html).toContain('>260</span>');
    expect(await render(Metric, { props: { figure: 'contributors', delta: 'change', quarter: '2024-q3' } })).toContain('>+14.1%</span>');
  });

  it('defaults to the article quarter from Astro.locals or the MDX file name', async () => {
    expect(await render(Metric, { props: { figure: 'contributors' }, locals: { reportQuarter: '2024-q3' } })).toContain('>689</span>');
    expect(await render(Metric, { props: { figure: 'contributors', __source: 'content/reports/2024-q4.mdx:3' } })).toContain('data-quarter="2024-q4"');
    // A quarter inside the article's folder is read from that folder.
    expect(await render(Metric, { props: { figure: 'contributors', quarter: '2024-q2' }, locals: { reportQuarter: '2024-q3' } })).toContain('>604</span>');
  });

  it('renders figures between two categories, a net flow with its sign', async () => {
    const overlap = await render(Metric, { props: { figure: 'overlap', category: 'llm-serving', other: 'gpu-kernels', quarter: '2024-q3' } });
    expect(overlap).toContain('data-scope="pair:gpu-kernels,llm-serving"');
    expect(overlap).toContain('title="People active in both LLM Serving &amp; Inference and GPU Kernels &amp; Performance, Q3 2024"');
    expect(overlap).toContain('>2</span>');
    expect(await render(Metric, { props: { figure: 'net_migration', from: 'training-frameworks', to: 'ml-compilers', quarter: '2024-q3' } })).toContain('>+1</span>');
  });

  it('fails with the file and line when a pair figure names an unknown, missing or repeated category', async () => {
    const at = (props: Record<string, string>) => render(Metric, { props: { ...props, __source: 'content/reports/2024-q3.mdx:7' }, locals: { reportQuarter: '2024-q3' } });
    await expect(at({ figure: 'overlap', category: 'gpu-kernels', other: 'gpu' })).rejects.toThrow(
      `<Metric> in content/reports/2024-q3.mdx:7: no figure 'overlap' for other="gpu" in 2024-q3 (not a category; known categories: gpu-kernels,`,
    );
    await expect(at({ figure: 'migration', from: 'gpu-kernels' })).rejects.toThrow(`<Metric> in content/reports/2024-q3.mdx:7: figure 'migration' needs two categories: to="…" is missing`);
    await expect(at({ figure: 'net_migration', from: 'edge-ml', to: 'edge-ml' })).rejects.toThrow(
      "<Metric> in content/reports/2024-q3.mdx:7: figure 'net_migration' needs two different categories, not 'edge-ml' twice",
    );
  });

  it('fails with the file, line and what is known when the figure does not exist', async () => {
    await expect(
      render(Metric, { props: { figure: 'contributors', category: 'foo', __source: 'content/reports/2024-q3.mdx:42' }, locals: { reportQuarter: '2024-q3' } }),
    ).rejects.toThrow(
      "<Metric> in content/reports/2024-q3.mdx:42: no figure 'contributors' for category 'foo' in 2024-q3 (known categories: gpu-kernels, ml-compilers, llm-serving, training-frameworks, edge-ml)",
    );
    await expect(render(Metric, { props: { figure: 'commits', quarter: '2030-q1', __source: 'content/reports/2030-q1.mdx:5' } })).rejects.toThrow(
      '<Metric> in content/reports/2030-q1.mdx:5: no published data for 2030-q1 (published quarters: 2024-q3, 2024-q4); run `npm run publish-data -- 2030-q1` to publish it',
    );
    await expect(render(Metric, { props: { figure: 'commits', __source: 'content/notes.mdx:9' } })).rejects.toThrow('<Metric> in content/notes.mdx:9: no quarter');
  });
});

describe('<Figure>', () => {
  it('wraps content with title, caption, source and data-as-of', async () => {
    const html = await render(Figure, { props: { title: 'A chart', caption: 'What it shows.', quarter: '2024-q4' }, slots: { default: '<svg></svg>' } });
    expect(html).toMatch(/<figure class="ds-figure" data-quarter="2024-q4">\s*<figcaption/);
    expect(html).toContain('<span class="ds-figure__title">A chart</span>');
    expect(html).toContain('What it shows.');
    expect(html).toContain('<svg></svg>');
    expect(html).toContain('Source: Deep Signal analysis of the git history of 9 of 10 tracked repositories.');
    expect(html).toContain('Data as of <time datetime="2024-11-15T06:00:00Z">15 November 2024</time> (Q4 2024 is a partial quarter).');
  });
});
