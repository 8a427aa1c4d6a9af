import type { APIRoute } from 'astro';
import { publishedReports } from './_lib/reports.ts';
import { absolute } from './_lib/url.ts';

const esc = (s: string): string =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

// Hand-written RSS 2.0: one item per published report; drafts are never announced.
export const GET: APIRoute = async () => {
  const reports = await publishedReports();
  const newest = reports.map((r) => r.data.published).sort((a, b) => b.getTime() - a.getTime())[0];
  const items = reports
    .map((r) => {
      const link = absolute(`reports/${r.data.quarter}/`);
      return `    <item>
      <title>${esc(r.data.title)}</title>
      <link>${esc(link)}</link>
      <guid isPermaLink="true">${esc(link)}</guid>
      <pubDate>${r.data.published.toUTCString()}</pubDate>
      <description>${esc(r.data.summary)}</description>
    </item>`;
    })
    .join('\n');
  const xml = `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:atom="http://www.w3.org/2005/Atom">
  <channel>
    <title>Deep Signal</title>
    <link>${esc(absolute())}</link>
    <atom:link href="${esc(absolute('rss.xml'))}" rel="self" type="application/rss+xml"/>
    <description>A quarterly contributor-intelligence report on ML-systems open source.</description>
    <language>en</language>
${newest ? `    <lastBuildDate>${newest.toUTCString()}</lastBuildDate>\n` : ''}${items}
  </channel>
</rss>
`;
  return new Response(xml, { headers: { 'Content-Type': 'application/rss+xml; charset=utf-8' } });
};
