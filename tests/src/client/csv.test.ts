import { describe, expect, it } from 'vitest';
import { toCsv } from '../../../src/client/csv.ts';

describe('toCsv', () => {
  it('quotes what needs quoting and leaves NULL empty (RFC 4180, CRLF)', () => {
    expect(toCsv(['a', 'b, c'], [[1, 'x "y"'], [null, 'line\nbreak'], [true, 2.5]])).toBe('a,"b, c"\r\n1,"x ""y"""\r\n,"line\nbreak"\r\ntrue,2.5\r\n');
  });

  it('keeps a text cell from running as a spreadsheet formula, but not a negative number', () => {
    expect(toCsv(['v'], [['=1+1'], ['@x'], [-3], ['-2+3'], ['+cmd'], ['\t=x']])).toBe("v\r\n'=1+1\r\n'@x\r\n-3\r\n'-2+3\r\n'+cmd\r\n'\t=x\r\n");
  });
});
