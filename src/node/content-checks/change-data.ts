// Reads, from one published folder, the rows that explain changes from one quarter to
// the next (src/lib/explain-inputs.ts): repositories, their figures, how their commits
// arrived, and the people a category or an overlap has only through one repository.
// The article check and new-report both read it, so the two say the same thing. Only
// published aggregates are read; a table an older folder lacks leaves the changes it
// explains unexplained (null), never guessed.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import type { ChangeData } from '../../lib/explain-inputs.ts';
import { prevQuarter } from '../../lib/quarters.ts';

const sql = (s: string): string => `'${s.replaceAll("'", "''")}'`;

async function rows<T>(conn: DuckDBConnection, text: string): Promise<T[]> {
  const out = (await conn.runAndReadAll(text)).getRowObjectsJS() as Record<string, unknown>[];
  return out.map((r) => Object.fromEntries(Object.entries(r).map(([k, v]) => [k, typeof v === 'bigint' ? Number(v) : v])) as T);
}

type PeopleRows = Pick<ChangeData, 'people' | 'soloPeople' | 'soloOverlap'>;

/**
 * change_people's rows of the quarter, each holding the quarter and the one before,
 * as one row per quarter. An empty overlap cell (fewer than 3 people) gets no row.
 */
async function changePeople(conn: DuckDBConnection, file: string, quarter: string, prev: string): Promise<PeopleRows> {
  const all = await rows<{ scope_id: string; other_category: string | null; repo: string | null; people: number | null; people_prev: number | null }>(
    conn,
    `SELECT scope_id, other_category, repo, people, people_prev FROM read_parquet(${file}) WHERE quarter = ${sql(quarter)} ORDER BY scope_type, scope_id, other_category NULLS FIRST, repo NULLS FIRST`,
  );
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
  const path = (name: string) => join(folder, `${name}.parquet`);
  const file = (name: string) => sql(path(name));
  const both = `quarter IN (${sql(quarter)}, ${sql(prev)})`;
  const instance = await DuckDBInstance.create(':memory:');
  const conn = await instance.connect();
  try {
    const repos = await rows<ChangeData['repos'][number]>(
      conn,
      `SELECT repo, category_id, first_quarter, strftime(tracked_until, '%Y-%m-%d') AS tracked_until FROM read_parquet(${file('repos')}) WHERE ingested ORDER BY repo`,
    );
    const scopes = await rows<ChangeData['scopes'][number]>(conn, `SELECT * FROM read_parquet(${file('scope_quarters')}) WHERE ${both} ORDER BY scope_type, scope_id, quarter`);
    // Folders published before commit_sizes existed: the guard falls back on code lines.
    const sizes = existsSync(path('commit_sizes'))
      ? await rows<NonNullable<ChangeData['sizes']>[number]>(
          conn,
          `SELECT repo, quarter, commits, lines, largest_commit_lines FROM read_parquet(${file('commit_sizes')}) WHERE ${both} ORDER BY repo, quarter`,
        )
      : null;
    const likeForLike =
      (await rows<{ n: number }>(conn, `SELECT count(*)::INTEGER AS n FROM (DESCRIBE SELECT * FROM read_parquet(${file('scope_quarters')})) WHERE column_name = 'qoq_basis_share'`))[0]!.n > 0;
    const overlap = existsSync(path('category_overlap'))
      ? await rows<ChangeData['overlap'][number]>(
          conn,
          `SELECT category_a AS a, category_b AS b, quarter, people FROM read_parquet(${file('category_overlap')}) WHERE ${both} ORDER BY a, b, quarter`,
        )
      : [];
    // Folders published before change_people (with a person-level table since withdrawn, or nothing): people are not split.
    const people: PeopleRows = existsSync(path('change_people'))
      ? await changePeople(conn, file('change_people'), quarter, prev)
      : { people: null, soloPeople: null, soloOverlap: null };
    return { quarter, prev, repos, scopes, sizes, likeForLike, overlap, ...people };
  } finally {
    conn.closeSync();
    instance.closeSync();
  }
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
