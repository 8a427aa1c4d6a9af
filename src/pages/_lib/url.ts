// One place that knows about `base` and `site`, so a deploy under a sub-path
// (DEEP_SIGNAL_BASE=/deep-signal/) never produces a broken internal link.

/** Site-internal path, e.g. path('reports/2024-q3/') → '/base/reports/2024-q3/'. */
export function path(p = ''): string {
  const base = import.meta.env.BASE_URL.replace(/\/?$/, '/');
  return base + p.replace(/^\/+/, '');
}

/** Absolute URL for feeds, canonical links and share intents. */
export function absolute(p = ''): string {
  const site = import.meta.env.SITE ?? 'https://deepsignal.example';
  return new URL(path(p), site).href;
}

export const reportPath = (quarter: string): string => path(`reports/${quarter}/`);
export const ogPath = (quarter: string): string => path(`og/${quarter}.png`);
