// data/<quarter>/figures/chord.json: the talent chords of every published quarter at
// the built threshold, both modes, fetched by <talent-chord> on a quarter change so
// that the first answer does not wait for the engine (see snapshot.json.ts).
import type { APIRoute, GetStaticPaths } from 'astro';
import { publishedQuarters } from '../../../../node/paths.ts';
import { figuresFile } from '../../../../node/quarter-figures.ts';

export const getStaticPaths = (() => publishedQuarters().map((quarter) => ({ params: { quarter } }))) satisfies GetStaticPaths;

export const GET: APIRoute = async ({ params }) =>
  new Response(await figuresFile('chord', params.quarter!), { headers: { 'Content-Type': 'application/json' } });
