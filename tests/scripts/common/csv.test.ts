import { describe, it, expect } from 'vitest';
import { parseCsv, parseCsvTable, toCsv } from '../../../scripts/common/csv.ts';
import { InputError } from '../../../scripts/common/types.ts';

function errorOf(fn: () => unknown): InputError {
  try {
    fn();
  } catch (e) {
    if (e instanceof InputError) return e;
    throw e;
  }
  throw new Error('expected an InputError');
}

describe('parseCsv', () => {
  it('splits plain records and numbers their lines', () => {
    expect(parseCsv('a,b,c\n1,2,3\n', 't.csv')).toEqual([
      { line: 1, fields: ['a', 'b', 'c'] },
      { line: 2, fields: ['1', '2', '3'] },
    ]);
  });

  it('reads quoted fields with commas, doubled quotes and line breaks', () => {
    const text = 'a,b\n"x, y","say ""hi"""\n"two\nlines",z\nlast,1\n';
    expect(parseCsv(text, 't.csv')).toEqual([
      { line: 1, fields: ['a', 'b'] },
      { line: 2, fields: ['x, y', 'say "hi"'] },
      { line: 3, fields: ['two\nlines', 'z'] },
      // The quoted line break moved this record to line 5.
      { line: 5, fields: ['last', '1'] },
    ]);
  });

  it('accepts CRLF, a missing final newline and a byte-order mark', () => {
    expect(parseCsv('\uFEFFa,b\r\n"1\r\n2",3\r\nx,y', 't.csv')).toEqual([
      { line: 1, fields: ['a', 'b'] },
      { line: 2, fields: ['1\r\n2', '3'] },
      { line: 4, fields: ['x', 'y'] },
    ]);
  });

  it('keeps empty fields, including trailing ones', () => {
    expect(parseCsv(',\na,,\n"",x,', 't.csv').map((r) => r.fields)).toEqual([
      ['', ''],
      ['a', '', ''],
      ['', 'x', ''],
    ]);
  });

  it('skips blank lines but still counts them', () => {
    expect(parseCsv('a\n\n\nb\n\n', 't.csv')).toEqual([
      { line: 1, fields: ['a'] },
      { line: 4, fields: ['b'] },
    ]);
  });

  it('reports an unterminated quote at the line where the field starts', () => {
    const e = errorOf(() => parseCsv('a,b\n1,"open\nstill open\n', 'bad.csv'));
    expect(e.location).toEqual({ file: 'bad.csv', line: 2 });
    expect(e.message).toMatch(/^bad\.csv:2: unterminated/);
  });

  it('rejects a stray quote in an unquoted field and text after a closing quote', () => {
    expect(errorOf(() => parseCsv('a,b\nx,ab"c\n', 'bad.csv')).location.line).toBe(2);
    expect(errorOf(() => parseCsv('a\n\n"x"y\n', 'bad.csv')).location.line).toBe(3);
  });
});

describe('parseCsvTable', () => {
  it('maps rows by header name', () => {
    const t = parseCsvTable('repo,note\no/a,"x,y"\n', 't.csv', ['repo', 'note']);
    expect(t.header).toEqual(['repo', 'note']);
    expect(t.rows).toEqual([{ line: 2, values: { repo: 'o/a', note: 'x,y' } }]);
  });

  it('rejects a different header, a duplicate column and a wrong field count', () => {
    expect(errorOf(() => parseCsvTable('note,repo\n', 't.csv', ['repo', 'note'])).message).toMatch(
      /t\.csv:1: header must be repo,note/,
    );
    expect(errorOf(() => parseCsvTable('a,a\n', 't.csv')).message).toMatch(/duplicate column/);
    const e = errorOf(() => parseCsvTable('a,b\n1,2\n1,2,3\n', 't.csv'));
    expect(e.location).toEqual({ file: 't.csv', line: 3 });
    expect(e.message).toMatch(/expected 2 fields, found 3/);
  });

  it('reports every problem at once, in line order, and only once the whole file is read', () => {
    const e = errorOf(() => parseCsvTable('a,b\nx,ab"c\n1,2,3\n"x"y,1\nok,1\n"open,\n', 'bad.csv'));
    expect(e.location).toEqual({ file: 'bad.csv', line: 2 });
    expect(e.message.split('\n')).toEqual([
      'bad.csv:2: a quote inside an unquoted field (quote the whole field and double the quote)',
      'bad.csv:3: expected 2 fields, found 3',
      'bad.csv:4: unexpected "y" after a closing quote',
      'bad.csv:6: unterminated quoted field',
    ]);
  });

  it('rejects an empty file', () => {
    expect(errorOf(() => parseCsvTable('', 'empty.csv')).message).toMatch(/empty\.csv:1: empty file/);
  });
});

describe('toCsv', () => {
  it('quotes only what needs quoting and writes LF with a final newline', () => {
    const out = toCsv(
      [
        { a: 'plain', b: 'with, comma', c: 'say "hi"' },
        { a: 'two\nlines', b: null, c: 42 },
        { a: ' padded ', b: undefined, c: true },
      ],
      ['a', 'b', 'c'],
    );
    expect(out).toBe('a,b,c\nplain,"with, comma","say ""hi"""\n"two\nlines",,42\n" padded ",,true\n');
  });

  it('round-trips through parseCsv', () => {
    const rows = [
      { x: 'a,b', y: '"', z: 'line\r\nbreak' },
      { x: '', y: 'ünïcödé 🚀', z: 'end' },
    ];
    const parsed = parseCsvTable(toCsv(rows, ['x', 'y', 'z']), 'rt.csv', ['x', 'y', 'z']);
    expect(parsed.rows.map((r) => r.values)).toEqual(rows);
  });
});
