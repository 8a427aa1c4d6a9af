import type { APIRoute, GetStaticPaths } from 'astro';
import { atlasContext } from '../../projects/_lib/atlas-pages.ts';
import { ogSvg } from '../../_lib/og-svg.ts';
import { ogPng } from '../../../node/atlas-og.ts';
import { count, quarterLabel } from '../../_lib/format.ts';
import type { CategoryRow } from '../../../lib/query-rows.ts';

export const getStaticPaths = (async () => {
  const { data } = await atlasContext();
  return data.categories.map((category) => ({ params: { id: category.category_id }, props: { category } }));
}) satisfies GetStaticPaths;

export const GET: APIRoute = async ({ props }) => {
  const { category } = props as { category: CategoryRow };
  const { data } = await atlasContext();
  const row = data.categorySeries.get(category.category_id)?.find((r) => r.quarter === data.quarter);
  const svg = ogSvg({
    quarterLabel: `Atlas · ${quarterLabel(data.quarter)}`,
    title: category.name,
    partial: false,
    bar: [{ colour: category.colour, weight: 1 }],
    figures: [
      { label: 'Contributors', value: count(row?.contributors ?? 0) },
      { label: 'Commits', value: count(row?.commits ?? 0) },
      { label: 'Active projects', value: count(row?.active_repos ?? 0) },
    ],
  });
  return new Response(await ogPng(svg), { headers: { 'Content-Type': 'image/png' } });
};
