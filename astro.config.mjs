// @ts-check
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';
import { unified } from '@astrojs/markdown-remark';
import remarkGfm from 'remark-gfm';
import { remarkComponentLocations } from './src/node/remark-component-locations.ts';
import { copyPublished } from './src/node/copy-published.ts';

const site = process.env.DEEP_SIGNAL_SITE || 'https://deepsignal.example';
// Astro wants a base with a leading slash; a trailing one keeps BASE_URL + path joins simple.
const base = `/${(process.env.DEEP_SIGNAL_BASE || '/').replace(/^\/+|\/+$/g, '')}/`.replace(/^\/\/$/, '/');

export default defineConfig({
  site,
  base,
  // Every page is a folder with index.html, so links end in "/" and no static host redirects.
  trailingSlash: 'always',
  build: { format: 'directory' },
  // Astro 7 defaults to JSX whitespace rules ('jsx'), which glue "is\n<strong>x</strong>" into
  // "is<strong>" — wrong for a prose site. `true` compresses whitespace losslessly (HTML rules).
  compressHTML: true,
  // Astro 7's default processor (satteri) ignores remark plugins. .md files only need GFM.
  markdown: { processor: unified({ remarkPlugins: [remarkGfm] }) },
  integrations: [
    // The published Parquet is served by the site itself, for the browser's DuckDB.
    copyPublished(),
    mdx({
      // In @astrojs/mdx 8 the `remarkPlugins` option of mdx() is deprecated: MDX is compiled
      // by the markdown processor, so the plugins go on a unified() processor given to mdx().
      // `gfm: false` because remarkGfm is listed explicitly and must not run twice.
      processor: unified({ gfm: false, remarkPlugins: [remarkGfm, remarkComponentLocations] }),
    }),
  ],
  vite: {
    // DuckDB-WASM ships its own workers and wasm; pre-bundling breaks their ?url imports.
    optimizeDeps: { exclude: ['@duckdb/duckdb-wasm'] },
    // A native addon: it must be required at build time, never bundled.
    ssr: { external: ['@duckdb/node-api'] },
  },
});
