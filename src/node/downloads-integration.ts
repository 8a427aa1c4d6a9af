// Astro integration: after the build, each published quarter's CSV files and data
// dictionary (src/node/downloads.ts) go next to its Parquet under data/<quarter>/.
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { registerRawImports } from './raw-imports.ts';

export function downloads(): AstroIntegration {
  return {
    name: 'deep-signal:downloads',
    hooks: {
      'astro:build:done': async ({ dir, logger }) => {
        // Astro loads integrations with plain Node; the writer reads manifests through
        // modules that import SQL as `?raw`, so it is loaded only now, after the hook.
        registerRawImports();
        const { DATA_URL_DIR, writeDownloads } = await import('./downloads.ts');
        const n = await writeDownloads(fileURLToPath(dir));
        logger.info(`wrote ${n} CSV files and the data dictionaries to ${DATA_URL_DIR}/<quarter>/`);
      },
    },
  };
}
