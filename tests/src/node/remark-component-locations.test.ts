import { compile } from '@mdx-js/mdx';
import { describe, expect, it } from 'vitest';
import { VFile } from 'vfile';
import { remarkComponentLocations, sourceLabel } from '../../../src/node/remark-component-locations.ts';

const MDX = `# Q3

Contributors grew to <Metric figure="contributors" /> this quarter.

<SnapshotTable quarter="2024-q3" />

<div class="note">plain HTML stays as it is</div>

<Charts.Trend />
`;

describe('remarkComponentLocations', () => {
  it('adds __source="path:line" to component elements only', async () => {
    const file = new VFile({ path: '/repo/content/reports/2024-q3.mdx', value: MDX });
    const out = String(await compile(file, { remarkPlugins: [[remarkComponentLocations, { root: '/repo' }]] }));
    expect(out).toContain('__source: "content/reports/2024-q3.mdx:3"');
    expect(out).toContain('__source: "content/reports/2024-q3.mdx:5"');
    expect(out).toContain('__source: "content/reports/2024-q3.mdx:9"');
    expect(out.match(/__source/g)).toHaveLength(3);
  });

  it('keeps a __source written by hand', async () => {
    const file = new VFile({ path: '/repo/a.mdx', value: '<Metric __source="elsewhere:1" />' });
    const out = String(await compile(file, { remarkPlugins: [[remarkComponentLocations, { root: '/repo' }]] }));
    expect(out).toContain('"elsewhere:1"');
    expect(out.match(/__source/g)).toHaveLength(1);
  });

  it('labels paths outside the root and files without a path', () => {
    expect(sourceLabel('/other/x.mdx', 4, '/repo')).toBe('/other/x.mdx:4');
    expect(sourceLabel('/repo/content/a.mdx?query', 2, '/repo')).toBe('content/a.mdx:2');
    expect(sourceLabel(undefined, 7, '/repo')).toBe('<mdx>:7');
  });
});
