// Reads, from one published folder, the rows that explain changes from one quarter to
// the next (src/lib/explain-inputs.ts): repositories, their figures, how their commits
// arrived, and the people a category or an overlap has only through one repository.
// The article check and new-report both read it, so the two say the same thing. Only
// published aggregates are read, through the registry's queries; a table an older
// folder lacks leaves the changes it explains unexplained (null), never guessed.
import { byCodePoint, SCOPE_TYPE_ORDER } from '../../lib/text-order.ts';
import type { ChangeData } from '../../lib/explain-inputs.ts';
import type { ChangePeopleRow, ScopeQuarterRow } from '../../lib/query-rows.ts';
import { prevQuarter } from '../../lib/quarters.ts';
import { readPublishedFolder, type PublishedData } from '../published-data.ts';

type PeopleRows = Pick<ChangeData, 'people' | 'soloPeople' | 'soloOverlap'>;

/**
 * change_people's rows of the quarter, each holding the quarter and the one before,
 * as one row per quarter. An empty overlap cell (fewer than 3 people) gets no row.
 */
function changePeople(all: ChangePeopleRow[], quarter: string, prev: string): PeopleRows {
  const sides = <R>(r: { people: number | null; people_prev: number | null }, row: (quarter: string, people: number) => R): R[] => [
    ...(r.people_prev !== null ? [row(prev, r.people_prev)] : []),
    ...(r.people !== null ? [row(quarter, r.people)] : []),
  ];
  const people = all.filter((r) => r.other_category === null && r.repo === null).flatMap((r) => sides(r, (q, n) => ({ scope_id: r.scope_id, quarter: q, people: n })));
  const soloPeople = all.filter((r) => r.other_category === null && r.repo !== null).flatMap((r) => sides(r, (q, n) => ({ scope_id: r.scope_id, repo: r.repo!, quarter: q, people: n })));
  const soloOverlap = all
    .filter((r) => r.other_category !== null && r.repo !== null)
    .flatMap((r) => {
      const [a, b] = [r.scope_id, r.other_category!].sort() as [string, string];
      return sides(r, (q, n) => ({ a, b, repo: r.repo!, quarter: q, people: n }));
    });
  return { people, soloPeople, soloOverlap };
}


async function load(folder: string, quarter: string): Promise<ChangeData> {
  const prev = prevQuarter(quarter);
  const data = await readPublishedFolder(folder, quarter);
  try {
    return await read(data, quarter, prev);
  } finally {
    data.close();
  }
}

/** The change rows of `quarter` from a folder the caller has open (new-report reads it for its findings too). */
export function changeDataOf(data: PublishedData, quarter: string): Promise<ChangeData> {
  return read(data, quarter, prevQuarter(quarter));
}

async function read(data: PublishedData, quarter: string, prev: string): Promise<ChangeData> {
  const has = (view: string) => data.views.includes(view);
  const repos = (await data.query('repos', {})).filter((r) => r.ingested).map(({ repo, category_id, first_quarter, tracked_until }) => ({ repo, category_id, first_quarter, tracked_until }));
  const scopes: ScopeQuarterRow[] = [];
  for (const scopeType of ['all', 'category', 'repo'] as const) {
    for (const q of [prev, quarter]) scopes.push(...(await data.query('scope-figures', { quarter: q, scopeType })));
  }
  scopes.sort((x, y) => SCOPE_TYPE_ORDER[x.scope_type] - SCOPE_TYPE_ORDER[y.scope_type] || byCodePoint(x.scope_id, y.scope_id) || byCodePoint(x.quarter, y.quarter));
  // Folders published before commit_sizes existed: the guard falls back on code lines.
  const sizes = has('commit_sizes') ? await data.query('commit-sizes', { quarter }) : null;
  const likeForLike = (await data.columns('scope_quarters')).some((c) => c.name === 'qoq_basis_share');
  const overlap = has('category_overlap')
    ? (await Promise.all([prev, quarter].map(async (q) => (await data.query('overlap-matrix', { quarter: q })).map((r) => ({ a: r.category_a, b: r.category_b, quarter: q, people: r.people })))))
        .flat()
        .sort((x, y) => byCodePoint(x.a, y.a) || byCodePoint(x.b, y.b) || byCodePoint(x.quarter, y.quarter))
    : [];
  // Folders published before change_people (with a person-level table since withdrawn, or nothing): people are not split.
  const people: PeopleRows = has('change_people')
    ? changePeople(await data.query('change-people', { quarter }), quarter, prev)
    : { people: null, soloPeople: null, soloOverlap: null };
  return { quarter, prev, repos, scopes, sizes, likeForLike, overlap, ...people };
}


const cache = new Map<string, Promise<ChangeData>>();

/** The change rows of `quarter` (from the quarter before) in a published folder, read once per folder and quarter. */
export function loadChangeData(folder: string, quarter: string): Promise<ChangeData> {
  const key = `${folder}\u0000${quarter}`;
  let hit = cache.get(key);
  if (!hit) {
    hit = load(folder, quarter);
    cache.set(key, hit);
    // A folder published again (or a fixture rewritten by a test) must be read again.
    hit.catch(() => cache.delete(key));
  }
  return hit;
}
