// Pure, so the rule is unit-tested without Astro (tests/site/visibility.test.ts).

/** Environment switch for a preview build that includes drafts (never a plain production build). */
export const DRAFTS_ENV = 'DEEP_SIGNAL_DRAFTS';

/**
 * Drafts are visible while writing (`astro dev`) and in an explicit preview build
 * (DEEP_SIGNAL_DRAFTS=1, used by the build tests so the skeletons get checked), never in
 * a plain production build.
 */
export function isVisible(status: 'draft' | 'published', opts: { dev: boolean; includeDrafts: boolean }): boolean {
  return status === 'published' || opts.dev || opts.includeDrafts;
}

export function includeDraftsFromEnv(env: Record<string, string | undefined>): boolean {
  return env[DRAFTS_ENV] === '1';
}
