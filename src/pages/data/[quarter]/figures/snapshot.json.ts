// data/<quarter>/figures/snapshot.json: the snapshot table of every published quarter
// (any of them can be offered by some article's quarter picker), fetched by
// <snapshot-table> on a quarter change so that the first answer does not wait for the
// engine. A separate file, never inlined: the article's own bytes do not grow.
import type { APIRoute, GetStaticPaths } from 'astro';
import { encodeSnapshotFigures } from '../../../../lib/figure-fragments.ts';
import { publishedQuarters } from '../../../../node/paths.ts';
import { snapshotFigures } from '../../../../node/quarter-figures.ts';

export const getStaticPaths = (() => publishedQuarters().map((quarter) => ({ params: { quarter } }))) satisfies GetStaticPaths;

export const GET: APIRoute = async ({ params }) =>
  new Response(encodeSnapshotFigures(await snapshotFigures(params.quarter!)), { headers: { 'Content-Type': 'application/json' } });
