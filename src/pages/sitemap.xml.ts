import type { APIRoute } from 'astro';
import { publishedReports } from './_lib/reports.ts';
import { absolute } from './_lib/url.ts';
import { isoDate } from './_lib/format.ts';
import { atlasContext } from './projects/_lib/atlas-pages.ts';
import { categoryPath, projectPath } from '../lib/atlas-paths.ts';

// Hand-written so it lists exactly the indexable pages: no drafts, no 404.
export const GET: APIRoute = async () => {
  const reports = await publishedReports();
  const urls: { loc: string; lastmod?: string }[] = [
    { loc: absolute(), ...(reports[0] ? { lastmod: isoDate(reports[0].data.published) } : {}) },
    { loc: absolute('methodology/') },
    { loc: absolute('predictions/') },
    { loc: absolute('explore/') },
    ...reports.map((r) => ({ loc: absolute(`reports/${r.data.quarter}/`), lastmod: isoDate(r.data.published) })),
    // The atlas: every category and project page, as of the newest published quarter.
    { loc: absolute('categories/') },
    ...(await atlasContext()).data.categories.map((c) => ({ loc: absolute(categoryPath(c.category_id)) })),
    ...(await atlasContext()).data.repos.map((r) => ({ loc: absolute(projectPath(r.repo)) })),
  ];
  const body = urls
    .map((u) => `  <url><loc>${u.loc}</loc>${u.lastmod ? `<lastmod>${u.lastmod}</lastmod>` : ''}</url>`)
    .join('\n');
  const xml = `<?xml version="1.0" encoding="UTF-8"?>
<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
${body}
</urlset>
`;
  return new Response(xml, { headers: { 'Content-Type': 'application/xml; charset=utf-8' } });
};
