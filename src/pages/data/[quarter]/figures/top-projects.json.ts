// data/<quarter>/figures/top-projects.json: every top projects list of every published
// quarter (overall and per category), fetched by <top-projects> on a change of category
// so that the answer does not wait for the engine (see snapshot.json.ts).
import type { APIRoute, GetStaticPaths } from 'astro';
import { publishedQuarters } from '../../../../node/paths.ts';
import { figuresFile } from '../../../../node/quarter-figures.ts';

export const getStaticPaths = (() => publishedQuarters().map((quarter) => ({ params: { quarter } }))) satisfies GetStaticPaths;

export const GET: APIRoute = async ({ params }) => new Response(await figuresFile('top-projects', params.quarter!), { headers: { 'Content-Type': 'application/json' } });
