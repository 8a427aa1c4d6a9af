import { describe, expect, it } from 'vitest';
import { csvField } from '../../../src/lib/csv-field.ts';

describe('csvField', () => {
  it('quotes what a reader would split or trim, and leaves the rest as written', () => {
    expect([csvField('a,b'), csvField('say "hi"'), csvField('two\nlines'), csvField(' padded'), csvField('plain'), csvField(3), csvField(null), csvField(undefined)]).toEqual([
      '"a,b"',
      '"say ""hi"""',
      '"two\nlines"',
      '" padded"',
      'plain',
      '3',
      '',
      '',
    ]);
  });

  it('neutralises spreadsheet formulas only when asked: registry text is read back as written', () => {
    expect(csvField('=SUM(A1)')).toBe('=SUM(A1)');
    expect(csvField('=SUM(A1)', { formulaSafe: true })).toBe("'=SUM(A1)");
    expect(csvField(-3, { formulaSafe: true })).toBe('-3');
  });
});
