// Astro integration: the editor check (npm run check) runs before every build and stops
// it on any problem, listing them all with file, line and hint, instead of the first
// component that fails to render. In `astro dev` the same problems are warnings, so a
// half-written article still previews.
import type { AstroIntegration } from 'astro';
import { includeDraftsFromEnv } from '../pages/_lib/visibility.ts';
import { registerRawImports } from './raw-imports.ts';

export interface ContentChecksOptions {
  /** Folder with reports/ and predictions/ (default: content/); tests point it elsewhere. */
  contentDir?: string;
}

export function contentChecks(opts: ContentChecksOptions = {}): AstroIntegration {
  const run = async (includeDrafts: boolean) => {
    // Astro loads its config (and so this module) with plain Node, which needs to be
    // taught the `?raw` SQL imports before the checks are loaded.
    registerRawImports();
    const { checkContent, formatProblems } = await import('./content-checks/check-content.ts');
    const result = await checkContent({ includeDrafts, ...(opts.contentDir ? { contentDir: opts.contentDir } : {}) });
    return { result, text: result.problems.length ? formatProblems(result.problems) : '', warnings: result.warnings.length ? formatProblems(result.warnings) : '' };
  };
  return {
    name: 'deep-signal:content-checks',
    hooks: {
      'astro:build:start': async ({ logger }) => {
        // A production build never renders drafts, so only their frontmatter must be valid.
        const { result, text, warnings } = await run(includeDraftsFromEnv(process.env));
        // Warnings (the artefact guard) are for the editor; they never stop a build.
        if (warnings) logger.warn(`content checks warn:\n\n${warnings}`);
        if (text) throw new Error(`content checks failed:\n\n${text}\n\n(\`npm run check\` lists the same problems without building)`);
        const n = result.articles.filter((a) => a.checked).length;
        logger.info(`content checks passed: ${n} article${n === 1 ? '' : 's'}, ${result.predictionFiles} predictions file${result.predictionFiles === 1 ? '' : 's'}`);
      },
      'astro:server:setup': async ({ logger }) => {
        const { text, warnings } = await run(true);
        // Vitest sets up a dev server through Astro's Vite config: the article's warnings are for the editor in `astro dev`.
        if (warnings && !process.env.VITEST) logger.warn(`content checks warn:\n\n${warnings}`);
        if (text) logger.warn(`content checks found problems (the build will refuse them):\n\n${text}`);
      },
    },
  };
}
