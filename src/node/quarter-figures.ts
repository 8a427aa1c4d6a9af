// The figures of a quarter that its pickers offer, read once for both places that show
// them: the figures the build writes into an article (SnapshotTable.astro, TopProjects.astro,
// and TalentChord.astro through the same registry queries) and the files a reader's
// change of quarter or category fetches (src/pages/data/[quarter]/figures/). One reader
// of the data, so a file can never hold other figures than the built ones.
//
// `folder` is the published folder read (see figure-fragments.ts): the quarter's own by
// default, or the article's folder for a quarter that has none of its own.
import { TOP_PROJECTS_FILE_LIMIT, type ChordFigures, type FigureName, type SnapshotFigures, type TopProjectsFigures } from '../lib/figure-fragments.ts';
import { encodeChordFigures, encodeSnapshotFigures, encodeTopProjectsFigures } from '../lib/figure-fragments.ts';
import type { TopProjectRow } from '../lib/query-rows.ts';
import { categoriesOf } from './categories.ts';
import { readManifest } from './manifest.ts';
import { publishedQuarters } from './paths.ts';
import { openPublished } from './published-data.ts';

export async function snapshotFigures(quarter: string, folder: string = quarter): Promise<SnapshotFigures> {
  const data = await openPublished(folder);
  const [rows, [total]] = await Promise.all([data.query('snapshot', { quarter }), data.query('headline', { quarter })]);
  return { quarter, rows, total };
}

/** The chords at the built threshold (1+ commits): chordQueryName's matrix queries. */
export async function chordFigures(quarter: string, folder: string = quarter): Promise<ChordFigures> {
  const data = await openPublished(folder);
  const [categories, overlap, migration] = await Promise.all([categoriesOf(folder), data.query('overlap-matrix', { quarter }), data.query('migration-matrix', { quarter })]);
  return { quarter, categories: categories.list, overlap, migration };
}

/** Every list <TopProjects> can show for the quarter (overall and per category), up to the file's limit. */
export async function topProjectsFigures(quarter: string, folder: string = quarter): Promise<TopProjectsFigures> {
  const [data, categories] = await Promise.all([openPublished(folder), categoriesOf(folder)]);
  const limit = TOP_PROJECTS_FILE_LIMIT;
  const lists = await Promise.all(['all', ...categories.list.map((c) => c.category_id)].map((category) => data.query('top-projects', { quarter, category, limit })));
  const byRepo = new Map<string, TopProjectRow>();
  for (const r of lists.flat()) byRepo.set(r.repo, r);
  const projects = [...byRepo.values()].sort((a, b) => a.rank_overall - b.rank_overall);
  return { quarter, limit, projects };
}

const ENCODERS: Record<FigureName, (quarter: string, folder: string) => Promise<string>> = {
  snapshot: async (q, f) => encodeSnapshotFigures(await snapshotFigures(q, f)),
  chord: async (q, f) => encodeChordFigures(await chordFigures(q, f)),
  'top-projects': async (q, f) => encodeTopProjectsFigures(await topProjectsFigures(q, f)),
};

/** The text of one figures file (the pages under src/pages/data/ serve it). */
export function figuresFile(figure: FigureName, quarter: string, folder: string = quarter): Promise<string> {
  return ENCODERS[figure](quarter, folder);
}

/**
 * The quarters each published folder holds besides its own (a folder holds nine). Every
 * one gets files, even where it has a folder too: an article pinned before that folder
 * was published still reads it from its own folder (QuarterSelect.astro).
 */
export function coveredQuarters(): { folder: string; quarter: string }[] {
  return publishedQuarters().flatMap((folder) => readManifest(folder).quarters.filter((quarter) => quarter !== folder).map((quarter) => ({ folder, quarter })));
}
