import { compile } from '@mdx-js/mdx';
import { describe, expect, it } from 'vitest';
import { remarkBaseLinks, withBase } from '../../../src/node/remark-base-links.ts';

describe('remarkBaseLinks', () => {
  it('prefixes links written from the site root with the base', () => {
    expect(withBase('/methodology/', '/deep-signal/')).toBe('/deep-signal/methodology/');
    expect(withBase('/deep-signal/methodology/', '/deep-signal/')).toBe('/deep-signal/methodology/');
    expect(withBase('/methodology/', '/')).toBe('/methodology/');
    for (const u of ['https://x.org/', '//cdn.example/x', '#top', '../x/', 'mailto:a']) expect(withBase(u, '/deep-signal/')).toBe(u);
  });

  it('rewrites markdown links, definitions and <a href> in MDX', async () => {
    const src = 'See [the methodology](/methodology/#bots) and [ref].\n\n[ref]: /predictions/\n\n<a href="/rss.xml">RSS</a>';
    const out = String(await compile(src, { remarkPlugins: [[remarkBaseLinks, { base: '/deep-signal/' }]] }));
    expect(out).toContain('"/deep-signal/methodology/#bots"');
    expect(out).toContain('"/deep-signal/predictions/"');
    expect(out).toContain('"/deep-signal/rss.xml"');
  });
});
