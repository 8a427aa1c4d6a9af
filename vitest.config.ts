/// <reference types="vitest/config" />
// Astro's Vite config (its plugins compile .astro and .mdx, and the container API
// needs them), plus the test settings.
import { getViteConfig } from 'astro/config';

export default getViteConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    // DuckDB and git subprocesses are heavy; two cores on CI machines.
    maxWorkers: 2,
  },
});
