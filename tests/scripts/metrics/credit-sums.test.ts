// Credit sums must not depend on the order rows reach an aggregate. A 1/n weight is not
// exact in binary, so a float sum's last bits follow the summation order (parallel
// threads, or a table written in another order), and rounding that sum to 1e-9 flips
// when the exact value lies near a rounding boundary: the 2024-q3 ecosystem credit of
// one organization came out 26,442.967460318 in one build and …317 in the next, which
// moved every share of that quarter. Here the same rows are stored in two orders and
// the metric tables that sum credit must come out identical.
import { describe, it, expect } from 'vitest';
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import { readMetricFiles } from '../../../scripts/metrics/metrics.ts';
import { createSqlMacros } from '../../../scripts/common/sql-tables.ts';

/**
 * 2,000 credits of one person, repository and organisation, with 1/n weights (n drawn
 * from 3…13 by a fixed sequence) whose float sum is 310.830502831 added first to last
 * and 310.830502830 last to first: the exact value, 310.8305028305…, lies within float
 * noise of a 1e-9 rounding boundary (the sequence was searched for that).
 */
function credits(): string[] {
  const ns = [3, 5, 6, 7, 9, 11, 13];
  const out: string[] = [];
  let x = 604;
  for (let i = 0; i < 2000; i++) {
    x = (Math.imul(x, 1103515245) + 12345) >>> 0;
    out.push(`('s${i}', 'o/r', 'c', '2024-q3', ${i % 13}, 1, 1::DOUBLE / ${ns[x % 7]}, 'Org')`);
  }
  return out;
}

async function sums(order: 'forward' | 'reverse'): Promise<Record<string, unknown[][]>> {
  const db = await DuckDBInstance.create(':memory:', { threads: '1' });
  const conn: DuckDBConnection = await db.connect();
  try {
    await createSqlMacros(conn);
    await conn.run('CREATE TABLE commit_credits (sha VARCHAR, repo VARCHAR, category_id VARCHAR, quarter VARCHAR, week INTEGER, person_id BIGINT, weight DOUBLE, organization VARCHAR)');
    await conn.run('CREATE TABLE unattributed_credits AS SELECT * FROM commit_credits LIMIT 0');
    const rows = credits();
    if (order === 'reverse') rows.reverse();
    await conn.run(`INSERT INTO commit_credits VALUES ${rows.join(', ')}`);
    // core_team takes each scope's category and sequence from scope_quarters.
    await conn.run(`CREATE TABLE scope_quarters AS
      SELECT DISTINCT scope_type_of(grouping(repo), grouping(category_id)) AS scope_type,
        scope_id_of(grouping(repo), grouping(category_id), repo, category_id) AS scope_id,
        category_id, quarter, CAST(right(quarter, 1) AS INTEGER) AS seq, false AS partial, true AS observed
      FROM commit_credits GROUP BY GROUPING SETS ((repo, category_id, quarter), (category_id, quarter), (quarter))`);
    const out: Record<string, unknown[][]> = {};
    for (const t of readMetricFiles().filter((f) => ['company_share', 'person_activity', 'core_team'].includes(f.name))) {
      out[t.name] = (await conn.runAndReadAll(`SELECT * FROM (${t.sql}) ORDER BY ALL`)).getRows().map((r) => r.map((v) => (typeof v === 'bigint' ? Number(v) : v)));
    }
    return out;
  } finally {
    conn.closeSync();
    db.closeSync();
  }
}

describe('credit sums', () => {
  it('are the same whatever order the credits are stored in (company_share, person_activity, core_team)', async () => {
    const [a, b] = [await sums('forward'), await sums('reverse')];
    expect(Object.keys(a).sort()).toEqual(['company_share', 'core_team', 'person_activity']);
    for (const name of Object.keys(a)) {
      expect(a[name]!.length, name).toBeGreaterThan(0);
      const differ = a[name]!.filter((row, i) => JSON.stringify(row) !== JSON.stringify(b[name]![i]));
      expect(differ.slice(0, 3), `${name}: ${differ.length} rows differ`).toEqual([]);
    }
  });
});
