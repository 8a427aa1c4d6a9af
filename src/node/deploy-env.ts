// What a deploy is configured with, read from the environment once: the site's origin
// and sub-path, and the newsletter form's target. A production build without an origin
// still works, but its canonical URLs, sitemap, feed and share cards point at a
// placeholder domain, so the deployer is told.

export const PLACEHOLDER_SITE = 'https://deepsignal.example';
export const PLACEHOLDER_NEWSLETTER = 'https://newsletter.deepsignal.example/subscribe';

export interface DeployEnv {
  site: string;
  /** With a leading and a trailing slash ("/" or "/deep-signal/"). */
  base: string;
  newsletter: string;
  /** Lines to print before a production build. */
  warnings: string[];
}

export function deployEnv(env: Record<string, string | undefined>, production: boolean): DeployEnv {
  const warnings: string[] = [];
  const site = env.DEEP_SIGNAL_SITE || PLACEHOLDER_SITE;
  if (production && !env.DEEP_SIGNAL_SITE) {
    warnings.push(`DEEP_SIGNAL_SITE is not set: canonical URLs, the sitemap, the feed and share cards will point at ${PLACEHOLDER_SITE}. Set it to the site's origin, e.g. DEEP_SIGNAL_SITE=https://deepsignal.example.org npm run build`);
  }
  if (production && !env.DEEP_SIGNAL_NEWSLETTER_URL) {
    warnings.push(`DEEP_SIGNAL_NEWSLETTER_URL is not set: the Subscribe form will post to ${PLACEHOLDER_NEWSLETTER}. Set it to your newsletter provider's form URL.`);
  }
  // Astro wants a base with a leading slash; a trailing one keeps BASE_URL + path joins simple.
  const base = `/${(env.DEEP_SIGNAL_BASE || '/').replace(/^\/+|\/+$/g, '')}/`.replace(/^\/\/$/, '/');
  return { site, base, newsletter: env.DEEP_SIGNAL_NEWSLETTER_URL || PLACEHOLDER_NEWSLETTER, warnings };
}
