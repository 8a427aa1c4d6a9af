import { openPublished } from '../../node/published-data.ts';
import { publishedQuarters } from '../../node/paths.ts';

export interface ListedRepo {
  repo: string;
  category_id: string;
}

export interface TrackedSet {
  /** Where the list came from, said on the page. */
  source: { kind: 'published'; quarter: string } | { kind: 'none' };
  unavailable: ListedRepo[];
  tracked: number;
}

const byCategoryThenName = (a: ListedRepo, b: ListedRepo): number =>
  a.category_id.localeCompare(b.category_id) || a.repo.toLowerCase().localeCompare(b.repo.toLowerCase());

/**
 * The repositories listed but not ingested, from the newest published quarter: the set
 * the figures were computed on. The registry itself is parsed by the engine only
 * (scripts/registry), so before anything is published there is no list to show.
 */
export async function trackedSet(): Promise<TrackedSet> {
  const quarter = publishedQuarters().at(-1);
  if (!quarter) return { source: { kind: 'none' }, unavailable: [], tracked: 0 };
  const rows = await (await openPublished(quarter)).query('repos', {});
  return {
    source: { kind: 'published', quarter },
    unavailable: rows.filter((r) => !r.ingested).map(({ repo, category_id }) => ({ repo, category_id })).sort(byCategoryThenName),
    tracked: rows.length,
  };
}
