// Astro integration: after the build, Pagefind indexes the articles and atlas pages
// (those marked data-pagefind-body) into <outDir>/pagefind/, a static index the search
// page loads from the site itself, in chunks, only when a reader searches. Nothing is
// fetched from another origin and pages carry no search script.
import { readdirSync, rmSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import type { AstroIntegration } from 'astro';

/** What the index leaves out: charts' text, table twins and figure source lines repeat the page. */
export const SEARCH_EXCLUDE = ['svg', '.ds-twin', '.ds-twin__toggle', '.ds-figure__source', '.ds-mix', '.ds-mix__legend'];

export async function buildSearchIndex(dir: string): Promise<{ pages: number; errors: string[] }> {
  const pagefind = await import('pagefind');
  const { index, errors } = await pagefind.createIndex({ excludeSelectors: SEARCH_EXCLUDE, forceLanguage: 'en' });
  if (!index) return { pages: 0, errors };
  const added = await index.addDirectory({ path: dir });
  const written = await index.writeFiles({ outputPath: join(dir, 'pagefind') });
  await pagefind.close();
  // Pagefind also writes its ready-made UIs (scripts, styles, translators' e-mail
  // addresses in credits); the search page uses only the engine, so they are not shipped.
  const bundle = join(dir, 'pagefind');
  for (const f of readdirSync(bundle)) if (/^pagefind-(ui|component-ui|modular-ui|highlight)\./.test(f)) rmSync(join(bundle, f));
  return { pages: added.page_count, errors: [...errors, ...added.errors, ...written.errors] };
}

export function atlasSearch(): AstroIntegration {
  return {
    name: 'deep-signal:search',
    hooks: {
      'astro:build:done': async ({ dir, logger }) => {
        const out = fileURLToPath(dir);
        const { pages, errors } = await buildSearchIndex(out);
        if (errors.length > 0) throw new Error(`search index: ${errors.join('; ')}`);
        logger.info(`indexed ${pages} pages into pagefind/`);
      },
    },
  };
}
