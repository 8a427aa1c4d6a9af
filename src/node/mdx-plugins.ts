// The remark plugins articles are compiled with, in one place for astro.config.mjs and
// the editor check (src/node/content-checks), so the check sees exactly the tree (and
// the __source locations) the build does.
import remarkGfm from 'remark-gfm';
import type { PluggableList } from 'unified';
import { remarkBaseLinks } from './remark-base-links.ts';
import { remarkComponentLocations } from './remark-component-locations.ts';

/** `base`: Astro's base, so links written from the site root ("/methodology/") get it. */
export function reportRemarkPlugins(base = '/'): PluggableList {
  return [remarkGfm, remarkComponentLocations, [remarkBaseLinks, { base }]];
}
