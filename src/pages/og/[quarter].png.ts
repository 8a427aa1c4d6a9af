import type { APIRoute, GetStaticPaths } from 'astro';
import sharp from 'sharp';
import { visibleReports, type Report } from '../_lib/reports.ts';
import { loadManifest } from '../_lib/manifest.ts';
import { openPublished } from '../../node/published-data.ts';
import { count, qoq, quarterLabel } from '../_lib/format.ts';
import { ogSvg } from '../_lib/og-svg.ts';

export const getStaticPaths = (async () =>
  (await visibleReports()).map((entry) => ({ params: { quarter: entry.data.quarter }, props: { entry } }))) satisfies GetStaticPaths;

/** Each category's commits in the quarter, in reading order: the bar across the top. */
async function categoryBar(quarter: string): Promise<{ colour: string; weight: number }[]> {
  const rows = await (await openPublished(quarter)).query('snapshot', { quarter });
  return [...rows].sort((a, b) => a.sort_order - b.sort_order).map((r) => ({ colour: r.colour, weight: r.commits }));
}

export const GET: APIRoute = async ({ props }) => {
  const { entry } = props as { entry: Report };
  const q = entry.data.quarter;
  const m = loadManifest(q);
  const h = m.headline;
  const svg = ogSvg({
    quarterLabel: quarterLabel(q),
    title: entry.data.title,
    partial: m.partial,
    bar: await categoryBar(q),
    figures: [
      { label: 'Commits', value: count(h.commits), delta: qoq(h.commits_qoq, m.partial) },
      { label: 'Contributors', value: count(h.contributors), delta: qoq(h.contributors_qoq, m.partial) },
      { label: 'New contributors', value: count(h.new_contributors) },
      { label: 'Active repositories', value: count(h.active_repos), delta: `of ${count(h.tracked_repos)} tracked` },
    ],
  });
  const png = await sharp(Buffer.from(svg)).png({ compressionLevel: 9 }).toBuffer();
  return new Response(new Uint8Array(png), { headers: { 'Content-Type': 'image/png' } });
};
