// data/<quarter>/figures/snapshot.json: the snapshot table of every published quarter
// (any of them can be offered by some article's quarter picker), fetched by
// <snapshot-table> on a quarter change so that the first answer does not wait for the
// engine. A separate file, never inlined: the article's own bytes do not grow.
import type { APIRoute, GetStaticPaths } from 'astro';
import { publishedQuarters } from '../../../../node/paths.ts';
import { figuresFile } from '../../../../node/quarter-figures.ts';

export const getStaticPaths = (() => publishedQuarters().map((quarter) => ({ params: { quarter } }))) satisfies GetStaticPaths;

export const GET: APIRoute = async ({ params }) =>
  new Response(await figuresFile('snapshot', params.quarter!), { headers: { 'Content-Type': 'application/json' } });
