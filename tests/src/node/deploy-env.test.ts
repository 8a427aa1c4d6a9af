// A deployer hears about a production build that would point at placeholder addresses.
import { describe, expect, it } from 'vitest';
import { deployEnv, PLACEHOLDER_SITE } from '../../../src/node/deploy-env.ts';

describe('deployEnv', () => {
  it('warns a production build without a site origin or a newsletter URL', () => {
    const e = deployEnv({}, true);
    expect(e.site).toBe(PLACEHOLDER_SITE);
    expect(e.warnings).toHaveLength(2);
    expect(e.warnings[0]).toMatch(/^DEEP_SIGNAL_SITE is not set: canonical URLs/);
    expect(e.warnings[1]).toMatch(/^DEEP_SIGNAL_NEWSLETTER_URL is not set/);
  });

  it('is quiet when both are set, and in development', () => {
    expect(deployEnv({ DEEP_SIGNAL_SITE: 'https://a.org', DEEP_SIGNAL_NEWSLETTER_URL: 'https://n.org/s' }, true).warnings).toEqual([]);
    expect(deployEnv({}, false).warnings).toEqual([]);
  });

  it('normalises the sub-path', () => {
    expect(deployEnv({ DEEP_SIGNAL_BASE: 'deep-signal' }, false).base).toBe('/deep-signal/');
    expect(deployEnv({ DEEP_SIGNAL_BASE: '/deep-signal/' }, false).base).toBe('/deep-signal/');
    expect(deployEnv({}, false).base).toBe('/');
  });
});
