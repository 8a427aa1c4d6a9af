// @ts-check
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';
import { unified } from '@astrojs/markdown-remark';
import remarkGfm from 'remark-gfm';
import { reportRemarkPlugins } from './src/node/mdx-plugins.ts';
import { contentChecks } from './src/node/content-checks-integration.ts';
import { downloads } from './src/node/downloads-integration.ts';
import { securityHeaders } from './src/node/headers.ts';
import { copyPublished } from './src/node/copy-published.ts';
import { deployEnv } from './src/node/deploy-env.ts';
import { atlasSearch } from './src/node/atlas-search-integration.ts';

const production = process.argv.includes('build') && !process.env.VITEST;
const { site, base, warnings } = deployEnv(process.env, production);
for (const w of warnings) console.warn(`warning: ${w}`);

export default defineConfig({
  site,
  base,
  // Every page is a folder with index.html, so links end in "/" and no static host redirects.
  trailingSlash: 'always',
  // Inline the (small) stylesheets: on a slow connection each linked file costs a round
  // trip before the first paint (LCP 1.9 s linked vs ~0.8 s inlined on slow 4G).
  build: { format: 'directory', inlineStylesheets: 'always' },
  // Astro 7 defaults to JSX whitespace rules ('jsx'), which glue "is\n<strong>x</strong>" into
  // "is<strong>" — wrong for a prose site. `true` compresses whitespace losslessly (HTML rules).
  compressHTML: true,
  // Astro 7's default processor (satteri) ignores remark plugins. .md files only need GFM.
  markdown: { processor: unified({ remarkPlugins: [remarkGfm] }) },
  integrations: [
    // The editor check (npm run check) before every build: a broken article stops it.
    contentChecks(),
    // The published Parquet is served by the site itself, for the browser's DuckDB.
    copyPublished(),
    mdx({
      // In @astrojs/mdx 8 the `remarkPlugins` option of mdx() is deprecated: MDX is compiled
      // by the markdown processor, so the plugins go on a unified() processor given to mdx().
      // `gfm: false` because remarkGfm is in reportRemarkPlugins and must not run twice.
      processor: unified({ gfm: false, remarkPlugins: [...reportRemarkPlugins(base)] }),
    }),
    // Each quarter's CSV and data dictionary next to its Parquet, for the download links.
    downloads(),
    // The static search index (Pagefind) over the finished pages.
    atlasSearch(),
    // Last: _headers' Content-Security-Policy is computed from the finished build.
    securityHeaders(),
  ],
  vite: {
    build: {
      // Scripts always ship as files, never inlined into the HTML, so the Content-Security-Policy
      // in _headers needs no 'unsafe-inline' or per-build hashes for them. Other assets keep Vite's default.
      assetsInlineLimit: (file) => (file.endsWith('.js') ? false : undefined),
    },
    // DuckDB-WASM ships its own workers and wasm; pre-bundling breaks their ?url imports.
    optimizeDeps: { exclude: ['@duckdb/duckdb-wasm'] },
    // A native addon: it must be required at build time, never bundled.
    ssr: { external: ['@duckdb/node-api'] },
  },
});
