// The figures files of each published quarter hold exactly the rows the built figures
// are drawn from (<SnapshotTable>, and <TalentChord> at one commit in either mode), in
// a form the browser decodes back to those rows.
import { beforeAll, describe, expect, it } from 'vitest';
import { decodeChordFigures, decodeSnapshotFigures, decodeTopProjectsFigures, TOP_PROJECTS_FILE_LIMIT, topProjectsFromFigures } from '../../../src/lib/figure-fragments.ts';
import { categoriesOf } from '../../../src/node/categories.ts';
import { openPublished } from '../../../src/node/published-data.ts';
import { chordFigures, snapshotFigures } from '../../../src/node/quarter-figures.ts';
import * as chordFile from '../../../src/pages/data/[quarter]/figures/chord.json.ts';
import * as snapshotFile from '../../../src/pages/data/[quarter]/figures/snapshot.json.ts';
import * as topProjectsFile from '../../../src/pages/data/[quarter]/figures/top-projects.json.ts';
import * as coveredFile from '../../../src/pages/data/[quarter]/figures/[covered]/[figure].json.ts';
import { usePublishedFixture } from '../../helpers/published-fixture.ts';

beforeAll(async () => {
  await usePublishedFixture();
});

const QUARTERS = ['2024-q3', '2024-q4'];

async function body(route: typeof snapshotFile, quarter: string): Promise<unknown> {
  const res = await route.GET({ params: { quarter } } as never);
  expect(res.headers.get('Content-Type')).toBe('application/json');
  return JSON.parse(await res.text());
}

describe('figures files', () => {
  it('are written for every published quarter', () => {
    expect(snapshotFile.getStaticPaths().map((p) => p.params.quarter)).toEqual(QUARTERS);
    expect(chordFile.getStaticPaths().map((p) => p.params.quarter)).toEqual(QUARTERS);
  });

  it.each(QUARTERS)('%s: the snapshot file decodes to the rows of the snapshot and headline queries', async (quarter) => {
    const decoded = decodeSnapshotFigures(await body(snapshotFile, quarter), quarter);
    const data = await openPublished(quarter);
    expect(decoded.rows).toEqual(await data.query('snapshot', { quarter }));
    expect(decoded.total).toEqual((await data.query('headline', { quarter }))[0]);
    expect(decoded).toEqual(await snapshotFigures(quarter));
  });

  it.each(QUARTERS)('%s: the chord file decodes to the categories and both matrices at one commit', async (quarter) => {
    const decoded = decodeChordFigures(await body(chordFile, quarter), quarter);
    const data = await openPublished(quarter);
    expect(decoded.categories).toEqual((await categoriesOf(quarter)).list);
    expect(decoded.overlap).toEqual(await data.query('overlap-matrix', { quarter }));
    expect(decoded.migration).toEqual(await data.query('migration-matrix', { quarter }));
    expect(decoded.overlap.length).toBeGreaterThan(0);
    expect(decoded).toEqual(await chordFigures(quarter));
  });
});

describe('top projects and covered quarters’ files', () => {
  it.each(QUARTERS)('%s: the top projects file gives every list the query gives, overall and per category', async (quarter) => {
    const res = await topProjectsFile.GET({ params: { quarter } } as never);
    const decoded = decodeTopProjectsFigures(JSON.parse(await res.text()), quarter);
    expect(decoded.limit).toBe(TOP_PROJECTS_FILE_LIMIT);
    const data = await openPublished(quarter);
    const categories = (await categoriesOf(quarter)).list.map((c) => c.category_id);
    for (const category of ['all', ...categories]) {
      for (const limit of [1, 3, TOP_PROJECTS_FILE_LIMIT]) {
        expect(topProjectsFromFigures(decoded, category, limit), `${category} ${limit}`).toEqual(await data.query('top-projects', { quarter, category, limit }));
      }
    }
  });

  it('every quarter a folder holds besides its own gets snapshot and chord files, read from that folder', async () => {
    const paths = coveredFile.getStaticPaths();
    const folder = QUARTERS[0]!;
    const held = (await import('../../../src/node/manifest.ts')).readManifest(folder).quarters.filter((q) => q !== folder);
    expect(held.length).toBeGreaterThan(0);
    expect(paths.filter((p) => p.params.quarter === folder).map((p) => `${p.params.covered}/${p.params.figure}`).sort()).toEqual(held.flatMap((q) => [`${q}/chord`, `${q}/snapshot`]).sort());
    const quarter = held.at(-1)!;
    const res = await coveredFile.GET({ params: { quarter: folder, covered: quarter, figure: 'snapshot' } } as never);
    const decoded = decodeSnapshotFigures(JSON.parse(await res.text()), quarter);
    const data = await openPublished(folder);
    expect(decoded.rows).toEqual(await data.query('snapshot', { quarter }));
    expect(decoded.rows.length).toBeGreaterThan(0);
    const chord = await coveredFile.GET({ params: { quarter: folder, covered: quarter, figure: 'chord' } } as never);
    expect(decodeChordFigures(JSON.parse(await chord.text()), quarter).overlap).toEqual(await data.query('overlap-matrix', { quarter }));
  });
});
