// data/<folder>/figures/<quarter>/<figure>.json: the figures of the other eight quarters
// a published folder holds, read from that folder, so a quarter picker can offer every
// quarter of the article's data and answer each before the engine loads
// (src/lib/figure-fragments.ts says where each file lives).
import type { APIRoute, GetStaticPaths } from 'astro';
import type { FigureName } from '../../../../../lib/figure-fragments.ts';
import { coveredQuarters, figuresFile } from '../../../../../node/quarter-figures.ts';

// The figures with a quarter picker; top projects has none.
const FIGURES: readonly FigureName[] = ['snapshot', 'chord'];

export const getStaticPaths = (() =>
  coveredQuarters().flatMap(({ folder, quarter }) => FIGURES.map((figure) => ({ params: { quarter: folder, covered: quarter, figure } })))) satisfies GetStaticPaths;

export const GET: APIRoute = async ({ params }) =>
  new Response(await figuresFile(params.figure as FigureName, params.covered!, params.quarter!), { headers: { 'Content-Type': 'application/json' } });
