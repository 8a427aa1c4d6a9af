// Edits one Parquet file of a published-fixture folder in place with SQL UPDATEs on a
// table named t, keeping its row order: for tests that need a quarter the shared
// fixture does not have (a history that stops early, say) without changing it for
// every other test.
import { DuckDBInstance } from '@duckdb/node-api';

export async function rewriteParquet(file: string, updates: readonly string[]): Promise<void> {
  const instance = await DuckDBInstance.create(':memory:');
  const conn = await instance.connect();
  try {
    const quoted = `'${file.replaceAll("'", "''")}'`;
    await conn.run(`CREATE TABLE t AS SELECT * FROM read_parquet(${quoted}, file_row_number = true)`);
    for (const sql of updates) await conn.run(sql);
    await conn.run(`COPY (SELECT * EXCLUDE (file_row_number) FROM t ORDER BY file_row_number) TO ${quoted} (FORMAT parquet, COMPRESSION zstd)`);
  } finally {
    conn.closeSync();
    instance.closeSync();
  }
}
