// The figures of a quarter that its quarter pickers offer, read once for both places that
// show them: the figures the build writes into an article (SnapshotTable.astro, and
// TalentChord.astro through the same registry queries) and the files a reader's quarter
// change fetches (src/pages/data/[quarter]/figures/). One reader of the data, so a file
// can never hold other figures than the built ones.
import type { ChordFigures, SnapshotFigures } from '../lib/figure-fragments.ts';
import { categoriesOf } from './categories.ts';
import { openPublished } from './published-data.ts';

export async function snapshotFigures(quarter: string): Promise<SnapshotFigures> {
  const data = await openPublished(quarter);
  const [rows, [total]] = await Promise.all([data.query('snapshot', { quarter }), data.query('headline', { quarter })]);
  return { quarter, rows, total };
}

/** The chords at the built threshold (1+ commits): chordQueryName's matrix queries. */
export async function chordFigures(quarter: string): Promise<ChordFigures> {
  const data = await openPublished(quarter);
  const [categories, overlap, migration] = await Promise.all([categoriesOf(quarter), data.query('overlap-matrix', { quarter }), data.query('migration-matrix', { quarter })]);
  return { quarter, categories: categories.list, overlap, migration };
}
