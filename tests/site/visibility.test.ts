import { describe, expect, it } from 'vitest';
import { includeDraftsFromEnv, isVisible } from '../../src/pages/_lib/visibility.ts';

describe('draft visibility', () => {
  it('hides drafts from a production build', () => {
    expect(isVisible('draft', { dev: false, includeDrafts: false })).toBe(false);
    expect(isVisible('published', { dev: false, includeDrafts: false })).toBe(true);
  });
  it('shows drafts in astro dev and in an explicit preview build', () => {
    expect(isVisible('draft', { dev: true, includeDrafts: false })).toBe(true);
    expect(isVisible('draft', { dev: false, includeDrafts: true })).toBe(true);
  });
  it('needs DEEP_SIGNAL_DRAFTS=1 exactly', () => {
    expect(includeDraftsFromEnv({})).toBe(false);
    expect(includeDraftsFromEnv({ DEEP_SIGNAL_DRAFTS: '0' })).toBe(false);
    expect(includeDraftsFromEnv({ DEEP_SIGNAL_DRAFTS: 'true' })).toBe(false);
    expect(includeDraftsFromEnv({ DEEP_SIGNAL_DRAFTS: '1' })).toBe(true);
  });
});
