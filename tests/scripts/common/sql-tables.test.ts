// The SQL runner's ordering: dependencies read off the SQL (comments and strings are
// not reads), and the split the warehouse build uses to run the tables that do not
// read people beside identity resolution.
import { describe, it, expect } from 'vitest';
import { dependencyOrder, splitByReads, type SqlTable } from '../../../scripts/common/sql-tables.ts';

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

  it('splits off the tables that read an outside table, directly or through another', () => {
    const { without, reading } = splitByReads(TABLES, ['identities', 'coauthor_names']);
    expect(without.map((t) => t.name)).toEqual(['changes', 'provenance']);
    expect(reading.map((t) => t.name)).toEqual(['commits', 'credits', 'repos']);
  });

  it('names every file of a cycle', () => {
    expect(() => dependencyOrder([table('a', 'SELECT * FROM b'), table('b', 'SELECT * FROM a')])).toThrow(/a\.sql \(reads b\); b\.sql \(reads a\)/);
  });
});
