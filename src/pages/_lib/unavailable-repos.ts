import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { openPublished } from '../../node/published-data.ts';
import { publishedQuarters, repoRoot } from '../../node/paths.ts';

export interface ListedRepo {
  repo: string;
  category_id: string;
}

export interface TrackedSet {
  /** Where the list came from, said on the page. */
  source: { kind: 'published'; quarter: string } | { kind: 'registry' };
  unavailable: ListedRepo[];
  tracked: number;
}

const byCategoryThenName = (a: ListedRepo, b: ListedRepo): number =>
  a.category_id.localeCompare(b.category_id) || a.repo.toLowerCase().localeCompare(b.repo.toLowerCase());

/**
 * The repositories listed but not ingested, from the newest published quarter (the set
 * the figures were computed on); from the registry only while nothing is published.
 */
export async function trackedSet(): Promise<TrackedSet> {
  const quarter = publishedQuarters().at(-1);
  if (quarter) {
    const rows = await (await openPublished(quarter)).query('repos', {});
    return {
      source: { kind: 'published', quarter },
      unavailable: rows.filter((r) => !r.ingested).map(({ repo, category_id }) => ({ repo, category_id })).sort(byCategoryThenName),
      tracked: rows.length,
    };
  }
  // The registry's first three columns are never quoted, so a split is exact there.
  const rows = readFileSync(join(repoRoot(), 'data/tracked-repos.csv'), 'utf8').trim().split('\n').slice(1).map((l) => l.split(','));
  return {
    source: { kind: 'registry' },
    unavailable: rows
      .filter((r) => r[2] === 'unavailable')
      .map((r) => ({ repo: r[0] ?? '', category_id: r[1] ?? '' }))
      .sort(byCategoryThenName),
    tracked: rows.length,
  };
}
