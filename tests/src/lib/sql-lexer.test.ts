// One SQL reader for the guard, the runner's view finder and the dependency reader.
import { describe, expect, it } from 'vitest';
import { contentEnd, lexSql, maskSql } from '../../../src/lib/sql-lexer.ts';
import { checkReadOnly } from '../../../src/client/sql-guard.ts';
import { viewsOf } from '../../../src/client/query-runner.ts';
import { dependencies } from '../../../scripts/common/sql-tables.ts';

const kinds = (sql: string) => {
  const r = lexSql(sql);
  if (!r.ok) throw new Error(r.error);
  return r.tokens.map((t) => [t.kind, sql.slice(t.start, t.end)]);
};

describe('lexSql', () => {
  it('tells strings, quoted names, comments and code apart', () => {
    expect(kinds(`SELECT "a""b", 'it''s' -- note\n/* x /* nested */ y */ $$ $x$ $$`)).toEqual([
      ['code', 'SELECT'], ['space', ' '], ['quoted', '"a""b"'], ['code', ','], ['space', ' '], ['string', "'it''s'"], ['space', ' '],
      ['comment', '-- note'], ['space', '\n'], ['comment', '/* x /* nested */ y */'], ['space', ' '], ['string', '$$ $x$ $$'],
    ]);
  });

  it("reads E'…' strings with backslash escapes, and leaves a word ending in e alone", () => {
    expect(kinds("E'it\\'s' e'a'")).toEqual([['string', "E'it\\'s'"], ['space', ' '], ['string', "e'a'"]]);
    expect(kinds("name'x'")).toEqual([['code', 'name'], ['string', "'x'"]]);
  });

  it('keeps -- inside a string and $1 parameters as what they are', () => {
    expect(kinds("'a -- b' $1")).toEqual([['string', "'a -- b'"], ['space', ' '], ['code', '$1']]);
    expect(kinds('$tag$ -- $tag$')).toEqual([['string', '$tag$ -- $tag$']]);
  });

  it('names what is not closed', () => {
    expect(lexSql("SELECT 'x")).toMatchObject({ ok: false, error: "a 'string' is not closed", at: 7 });
    expect(lexSql('SELECT "x')).toMatchObject({ ok: false, error: 'a "quoted name" is not closed' });
    expect(lexSql('/* a /* b */')).toMatchObject({ ok: false, error: 'a /* comment is not closed' });
    expect(lexSql('$q$ x')).toMatchObject({ ok: false, error: 'a $q$ string is not closed' });
  });

  it('masks to the same length and keeps newlines', () => {
    const sql = "SELECT 'a\nb' -- c\nFROM t";
    const masked = maskSql(sql) as string;
    expect(masked).toHaveLength(sql.length);
    expect(masked.split('\n')).toHaveLength(3);
    expect(masked).toBe('SELECT   \n       \nFROM t');
  });

  it('finds where the statement ends, past a trailing string and before a trailing comment', () => {
    const sql = "SELECT 'x' -- done\n";
    const r = lexSql(sql);
    expect(r.ok && sql.slice(0, contentEnd(r.tokens))).toBe("SELECT 'x'");
  });
});

describe('the three readers share it', () => {
  it('the guard keeps a trailing string literal (it used to be cut off)', () => {
    expect(checkReadOnly("SELECT * FROM scope_quarters WHERE quarter = '2026-q2'")).toEqual({ ok: true, sql: "SELECT * FROM scope_quarters WHERE quarter = '2026-q2'" });
    expect(checkReadOnly("SELECT 42 AS answer, 'x'")).toEqual({ ok: true, sql: "SELECT 42 AS answer, 'x'" });
    expect(checkReadOnly("SELECT 'x'; -- bye")).toEqual({ ok: true, sql: "SELECT 'x'" });
    expect(checkReadOnly("SELECT 'a;b'")).toEqual({ ok: true, sql: "SELECT 'a;b'" });
    expect(checkReadOnly('SELECT "copy" FROM t')).toMatchObject({ ok: true });
    expect(checkReadOnly("SELECT E'\\' ; DROP TABLE t; --'")).toMatchObject({ ok: true });
    expect(checkReadOnly('SELECT 1; DROP TABLE t')).toMatchObject({ ok: false });
  });

  it("the runner's view finder ignores names in comments and strings", () => {
    expect(viewsOf("SELECT * FROM repos /* not scope_quarters */ WHERE x = 'top_projects'")).toEqual(['repos']);
  });

  it('the dependency reader ignores names in nested comments and dollar strings', () => {
    const t = { name: 'b', file: 'b.sql', sql: 'SELECT 1 /* a /* nested */ c */, $$ c $$ FROM a' };
    expect(dependencies(t, ['a', 'b', 'c'])).toEqual(['a']);
  });
});
