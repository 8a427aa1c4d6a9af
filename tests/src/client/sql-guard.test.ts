import { describe, expect, it } from 'vitest';
import { checkReadOnly, maskLiterals } from '../../../src/client/sql-guard.ts';

const ok = (sql: string) => checkReadOnly(sql).ok;
const why = (sql: string) => {
  const r = checkReadOnly(sql);
  return r.ok ? '' : r.reason;
};

describe('sql-guard', () => {
  it('accepts one SELECT or WITH … SELECT, with comments and a trailing semicolon', () => {
    expect(ok('SELECT 1')).toBe(true);
    expect(ok('  -- a comment\nselect * from scope_quarters;  ')).toBe(true);
    expect(ok('WITH x AS (SELECT 1) SELECT * FROM x')).toBe(true);
    expect(ok('(SELECT 1) UNION ALL (SELECT 2)')).toBe(true);
    expect(checkReadOnly('SELECT 1; -- done').ok && (checkReadOnly('SELECT 1; -- done') as { sql: string }).sql).toBe('SELECT 1');
  });

  it('refuses other statements and a second statement', () => {
    expect(why('DELETE FROM scope_quarters')).toMatch(/Only SELECT/);
    expect(why('INSTALL httpfs')).toMatch(/Only SELECT/);
    expect(why('SELECT 1; DROP TABLE scope_quarters')).toMatch(/one statement/);
    expect(why('WITH x AS (SELECT 1) INSERT INTO t SELECT * FROM x')).toMatch(/INSERT/);
    expect(why('')).toMatch(/Write a SELECT/);
  });

  it('refuses file and URL readers, even in a SELECT', () => {
    expect(why("SELECT * FROM read_parquet('https://example.com/x.parquet')")).toMatch(/READ_PARQUET/);
    expect(why("SELECT * FROM Read_CSV_Auto('x.csv')")).toMatch(/READ_CSV_AUTO/);
    expect(why("SELECT * FROM glob('*')")).toMatch(/GLOB/);
  });

  it('does not see keywords inside strings, quoted names or comments', () => {
    expect(ok("SELECT 'DROP TABLE x; DELETE' AS s")).toBe(true);
    expect(ok('SELECT 1 AS "set", 2 AS "update" -- insert\n')).toBe(true);
    expect(ok("SELECT 'it''s; fine'")).toBe(true);
    expect(ok('SELECT /* ; copy */ 1')).toBe(true);
    expect(ok('SELECT last_update, offset_x FROM t')).toBe(true);
  });

  it('says what is unterminated', () => {
    expect(why("SELECT 'open")).toMatch(/string/);
    expect(why('SELECT /* open')).toMatch(/comment/);
    expect(maskLiterals("a 'b' c")).toBe('a     c');
  });
});
