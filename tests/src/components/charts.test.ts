import { beforeAll, describe, expect, it } from 'vitest';
import CategoryTrend from '../../../src/components/CategoryTrend.astro';
import TalentChord from '../../../src/components/TalentChord.astro';
import TopProjects from '../../../src/components/TopProjects.astro';
import { CHORD_THRESHOLDS, thresholdAt, thresholdStep } from '../../../src/lib/chord-thresholds.ts';
import { render, setup } from './render.ts';

beforeAll(setup);

const count = (html: string, re: RegExp) => html.match(re)?.length ?? 0;

describe('<TopProjects>', () => {
  it('renders one bar per project with the new/returning split and a legend', async () => {
    const html = await render(TopProjects, { props: { quarter: '2024-q3', limit: 4 } });
    expect(html).toMatch(/<top-projects data-quarter="2024-q3" data-category="all" data-limit="4"/);
    expect(count(html, /<li class="ds-bars__row"/g)).toBe(4);
    expect(count(html, /ds-bars__seg--returning/g)).toBe(4);
    expect(count(html, /ds-bars__seg--new/g)).toBe(4);
    expect(count(html, /ds-bars__key--(new|returning)/g)).toBe(2);
    expect(html).toContain('returning contributors');
    expect(html).toContain('new to the project');
    const first = html.slice(html.indexOf('data-repo="pytorch/pytorch"'), html.indexOf('data-repo="vllm-project/vllm"'));
    expect(first).toContain('data-value="229"');
    expect(first).toMatch(/229\s*<span class="ds-visually-hidden">\s*contributors: \d+ returning, \d+ new/);
    expect(html).toContain('style="--cat: #15a962" data-repo="pytorch/pytorch"');
    expect(first).toContain('Training Frameworks &amp; Model Architecture');
    // The widest bar fills the nice scale's 250 up to 229/250.
    expect(first).toMatch(/width: \d+(\.\d)?%/);
  });

  it('filters by category and flags new projects', async () => {
    const html = await render(TopProjects, { props: { quarter: '2024-q3', category: 'edge-ml' } });
    expect(count(html, /<li class="ds-bars__row"/g)).toBe(1);
    expect(html).toContain('new project');
    expect(html).toContain('Edge &amp; On-Device ML: projects by contributors, Q3 2024');
  });

  it('names an unknown category', async () => {
    await expect(render(TopProjects, { props: { quarter: '2024-q3', category: 'nope', __source: 'content/reports/2024-q3.mdx:7' } })).rejects.toThrow(
      "<TopProjects> in content/reports/2024-q3.mdx:7: no category 'nope' in 2024-q3 (known categories: gpu-kernels,",
    );
  });
});

describe('<TalentChord>', () => {
  it('overlap: arcs, ribbons, labels, summary and a table twin', async () => {
    const html = await render(TalentChord, { props: { quarter: '2024-q3' } });
    expect(html).toMatch(/<talent-chord data-quarter="2024-q3" data-mode="overlap"/);
    expect(html).toMatch(/<svg class="ds-chord" viewBox="[-\d. ]+"[^>]*role="img"/);
    expect(html).toMatch(/<title id="chord-overlap-2024-q3-svg-title">/);
    expect(count(html, /class="chord-arc" d="M[^"]+" fill="#[0-9a-f]{6}"/g)).toBe(5);
    expect(count(html, /class="chord-ribbon" d="M[^"]+"/g)).toBe(5);
    expect(html).toContain('fill="#2070fb"');
    // Every drawn arc is named beside it, however thin.
    expect(count(html, /class="chord-label"/g)).toBe(5);
    expect(html).toContain('The largest overlap: 2 people were active in both GPU Kernels and LLM Serving, followed by');
    // The table twin lists every link.
    const table = html.slice(html.indexOf('<table class="ds-twin__table"'));
    expect(count(table, /<tr data-source=/g)).toBe(5);
    expect(table).toContain('<caption>People active in two categories, Q3 2024</caption>');
    expect(html).toMatch(/<details class="ds-twin__toggle">\s*<summary>/);
  });

  it('migration: directed flows, stayers and net flows in the table', async () => {
    const html = await render(TalentChord, { props: { quarter: '2024-q3', mode: 'migration', minPeople: 1 } });
    expect(html).toContain('data-mode="migration"');
    expect(html).toContain('The largest move: 1 person shifted their main work from GPU Kernels to LLM Serving');
    expect(html).toMatch(/Stayed in the same main category<\/th>\s*<td class="ds-num" data-value="4">4</);
    expect(html).toContain('From (Q2 2024)');
    expect(count(html.slice(html.indexOf('<table class="ds-twin__table"')), /<tr data-source=/g)).toBe(3);
  });

  it('migration draws the flows of 3 or more people and leaves the one-person flows to the table', async () => {
    // 2024-q3's three flows are one person each: no ribbon, and the note says where they are.
    const few = await render(TalentChord, { props: { quarter: '2024-q3', mode: 'migration' } });
    expect(count(few, /class="chord-ribbon"/g)).toBe(0);
    expect(few).toContain('No flow had 3 or more people, so the chart draws none; the table lists all 3.');
    // 2024-q4: four people moved from training to serving, and that flow is drawn.
    const html = await render(TalentChord, { props: { quarter: '2024-q4', mode: 'migration' } });
    expect([...html.matchAll(/class="chord-ribbon"[^>]*data-value="(\d+)"/g)].map((r) => Number(r[1]))).toEqual([4]);
    expect(html).not.toContain('ds-chord__note');
    // Overlap pairs are fewer and larger: every one is drawn.
    const overlap = await render(TalentChord, { props: { quarter: '2024-q3' } });
    expect(count(overlap, /class="chord-ribbon"/g)).toBe(5);
    expect(overlap).not.toContain('ds-chord__note');
  });

  it('names every arc on a phone without JavaScript: numbers beside the arcs, a key, and the largest links by name', async () => {
    const html = await render(TalentChord, { props: { quarter: '2024-q3' } });
    const svg = /<svg class="ds-chord"[^>]*>/.exec(html)![0];
    // Narrow, CSS crops the chart to the circle with these proportions.
    expect(svg).toContain('preserveAspectRatio="xMidYMid slice"');
    expect(svg).toMatch(/style="--chord-crop: \d+ \/ \d+"/);
    const groups = [...html.matchAll(/<g class="chord-group" data-category="([^"]+)" data-name="([^"]+)"[\s\S]*?<\/g>/g)];
    expect(groups).toHaveLength(5);
    groups.forEach((g, i) => expect(g[0]).toMatch(new RegExp(`<text class="chord-key"[^>]*>${i + 1}</text>`)));
    const key = html.slice(html.indexOf('<ol class="ds-chord__legend"'), html.indexOf('</ol>', html.indexOf('<ol class="ds-chord__legend"')));
    expect([...key.matchAll(/<li[^>]*data-category="([^"]+)"><span class="ds-chord__n">(\d+)<\/span><span class="ds-swatch"><\/span>([^<]+)<\/li>/g)].map((r) => [r[1], r[2], r[3]])).toEqual(
      groups.map((g, i) => [g[1], String(i + 1), g[2]]),
    );
    const top = html.slice(html.indexOf('<div class="ds-chord__top"'));
    expect(top).toContain('<p class="ds-chord__top-title">All 5 overlaps, largest first</p>');
    expect(top).toMatch(/<li data-source="gpu-kernels" data-target="llm-serving"[^>]*><span class="ds-chord__pair"><span class="ds-chord__cat"><span class="ds-swatch"[^>]*><\/span>GPU Kernels<\/span><span class="ds-chord__joiner"> &amp; <\/span><span class="ds-chord__cat"><span class="ds-swatch"[^>]*><\/span>LLM Serving<\/span><\/span> <span class="ds-chord__count">2<\/span>/);
  });

  it('reads the counts published for a commit threshold, and says small pairs are left out', async () => {
    const strict = await render(TalentChord, { props: { quarter: '2024-q4', minCommits: 3 } });
    expect(count(strict, /class="chord-ribbon"/g)).toBe(1);
    expect(strict).toContain('The largest overlap: 3 people were active in both GPU Kernels and LLM Serving.');
    expect(strict).toContain('only people with at least 3 commits in each category count, and pairs of fewer than 3 people are not published');
    // Every 2024-q3 pair above one commit is one person: none is published, and the summary says why the chart is empty.
    const empty = await render(TalentChord, { props: { quarter: '2024-q3', minCommits: 2 } });
    expect(empty).not.toContain('<svg');
    expect(empty).toContain('No two categories shared 3 or more people with at least 2 commits in each in Q3 2024; smaller pairs are not published.');
    const moves = await render(TalentChord, { props: { quarter: '2024-q4', mode: 'migration', minCommits: 2 } });
    expect(count(moves, /class="chord-ribbon"/g)).toBe(1);
    expect(moves).toMatch(/Stayed in the same main category<\/th>\s*<td class="ds-num" data-value="3">3</);
    const big = await render(TalentChord, { props: { quarter: '2024-q3', minPeople: 2 } });
    expect(count(big, /class="chord-ribbon"/g)).toBe(1);
    const none = await render(TalentChord, { props: { quarter: '2024-q3', minPeople: 5 } });
    expect(none).not.toContain('<svg');
    expect(none).toContain('No contributor was active in two categories in Q3 2024.');
  });

  it('steps its slider through exactly the published thresholds', async () => {
    const at = async (minCommits: number) => /<input type="range" data-control="min-commits"[^>]*>/.exec(await render(TalentChord, { props: { quarter: '2024-q4', minCommits } }))![0];
    const slider = await at(1);
    expect(slider).toMatch(new RegExp(`min="0" max="${CHORD_THRESHOLDS.length - 1}" step="1" value="0"`));
    expect(CHORD_THRESHOLDS).toEqual([1, 2, 3, 5, 10, 20, 50]);
    CHORD_THRESHOLDS.forEach((t, step) => {
      expect(thresholdAt(step)).toBe(t);
      expect(thresholdStep(t)).toBe(step);
    });
    expect(await at(10)).toMatch(/value="4" aria-valuetext="10\+ commits"/);
    await expect(render(TalentChord, { props: { quarter: '2024-q4', minCommits: 4 } })).rejects.toThrow('minCommits must be one of 1, 2, 3, 5, 10, 20, 50 (the thresholds the data is published for), not 4');
  });
});

describe('<CategoryTrend>', () => {
  it('draws one sparkline per category with first and last values', async () => {
    const html = await render(CategoryTrend, { props: { quarter: '2024-q3' } });
    expect(html).toMatch(/<category-trend data-quarter="2024-q3" data-metric="contributors" data-scale="independent"/);
    expect(count(html, /<li class="ds-trend"/g)).toBe(5);
    expect(count(html, /class="ds-trend__line" d="M[^"]+"/g)).toBe(5);
    expect(html).toContain('aria-label="GPU Kernels: contributors rose from 40 in Q3 2022 to 80 in Q3 2024."');
    expect(html).toMatch(/class="ds-trend__value"[^>]*>40</);
    expect(html).toMatch(/class="ds-trend__value"[^>]*>80</);
    expect(html).toContain('Q3 \u201922');
  });

  it('formats ratios and marks a partial last quarter', async () => {
    const html = await render(CategoryTrend, { props: { quarter: '2024-q4', metric: 'churn_rate', categories: 'gpu-kernels, llm-serving' } });
    expect(count(html, /<li class="ds-trend"/g)).toBe(2);
    expect(html).toMatch(/>\d+%</);
    expect(html).toContain('ds-trend__line--partial');
    expect(html).toContain('(partial)');
    expect(html).toContain('Q4 2024 is partial');
  });

  it('rejects unknown metrics and categories', async () => {
    await expect(render(CategoryTrend, { props: { quarter: '2024-q3', metric: 'stars' } })).rejects.toThrow("no trend for metric 'stars'");
    await expect(render(CategoryTrend, { props: { quarter: '2024-q3', categories: ['gpu', 'edge-ml'] } })).rejects.toThrow("no category 'gpu' in 2024-q3");
  });
});
