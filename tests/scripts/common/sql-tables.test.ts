// The SQL runner's ordering: dependencies read off the SQL (comments and strings are
// not reads), and a cycle named file by file.
import { describe, it, expect } from 'vitest';
import { dependencyOrder, type SqlTable } from '../../../scripts/common/sql-tables.ts';

const table = (name: string, sql: string): SqlTable => ({ name, file: `${name}.sql`, sql });

const TABLES = [
  table('commits', 'SELECT * FROM raw_commits JOIN identities USING (email)'),
  table('credits', 'SELECT * FROM commits'),
  table('changes', "SELECT * FROM raw_commits -- not people: 'identities' in a comment"),
  table('provenance', "SELECT *, 'identities' AS label FROM changes"),
  table('repos', 'SELECT * FROM commits JOIN provenance USING (sha)'),
];

describe('SQL tables', () => {
  it('orders each table after the tables it reads, otherwise as given', () => {
    expect(dependencyOrder(TABLES).map((t) => t.name)).toEqual(['commits', 'changes', 'credits', 'provenance', 'repos']);
  });

  it('names every file of a cycle', () => {
    expect(() => dependencyOrder([table('a', 'SELECT * FROM b'), table('b', 'SELECT * FROM a')])).toThrow(/a\.sql \(reads b\); b\.sql \(reads a\)/);
  });
});
