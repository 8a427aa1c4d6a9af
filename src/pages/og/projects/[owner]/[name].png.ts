import type { APIRoute, GetStaticPaths } from 'astro';
import { atlasContext } from '../../../projects/_lib/atlas-pages.ts';
import { ogSvg } from '../../../_lib/og-svg.ts';
import { ogPng } from '../../../../node/atlas-og.ts';
import { count, quarterLabel } from '../../../_lib/format.ts';
import type { AtlasRepoRow } from '../../../../lib/atlas-rows.ts';

export const getStaticPaths = (async () => {
  const { data } = await atlasContext();
  return data.repos.map((repo) => {
    const [owner = '', name = ''] = repo.repo.split('/');
    return { params: { owner, name }, props: { repo } };
  });
}) satisfies GetStaticPaths;

export const GET: APIRoute = async ({ props }) => {
  const { repo } = props as { repo: AtlasRepoRow };
  const { data } = await atlasContext();
  const cat = data.categories.find((c) => c.category_id === repo.category_id);
  const row = data.repoSeries.get(repo.repo)?.find((r) => r.quarter === data.quarter);
  const svg = ogSvg({
    quarterLabel: `Atlas · ${cat?.name ?? repo.category_id}`,
    title: repo.repo,
    partial: false,
    bar: [{ colour: cat?.colour ?? '#888888', weight: 1 }],
    figures: repo.ingested
      ? [
          { label: `Contributors, ${quarterLabel(data.quarter)}`, value: count(row?.contributors ?? 0) },
          { label: 'New contributors', value: count(row?.new_contributors ?? 0) },
          { label: 'Commits', value: count(row?.commits ?? 0) },
        ]
      : [{ label: 'History', value: 'not available' }],
  });
  return new Response(await ogPng(svg), { headers: { 'Content-Type': 'image/png' } });
};
