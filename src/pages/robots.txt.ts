import type { APIRoute } from 'astro';
import { absolute } from './_lib/url.ts';

// Generated rather than in public/ because the Sitemap line must be an absolute URL,
// and the site's origin and base come from the environment.
export const GET: APIRoute = () =>
  new Response(`User-agent: *\nAllow: /\n\nSitemap: ${absolute('sitemap.xml')}\n`, {
    headers: { 'Content-Type': 'text/plain; charset=utf-8' },
  });
