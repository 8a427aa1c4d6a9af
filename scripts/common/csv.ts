// RFC 4180 CSV, small enough to read in one sitting. The registry and the
// curated lists are hand-edited, so every record keeps the line it started on
// and every problem is reported as file:line.

import { csvField, type CsvValue } from '../../src/lib/csv-field.ts';
import { InputError, throwCollected } from './types.ts';

export interface CsvRecord {
  /** 1-based line on which the record starts (a quoted field may span lines). */
  line: number;
  fields: string[];
}

export interface CsvTableRow {
  line: number;
  values: Record<string, string>;
}

export interface CsvTable {
  header: string[];
  rows: CsvTableRow[];
}

/**
 * Splits CSV text into records. Accepts LF, CRLF and lone CR line ends and a
 * leading byte-order mark. Completely empty lines are skipped rather than read
 * as a record with one empty field: hand-edited files end with stray blank lines.
 * Line breaks inside quoted fields are kept as written. Throws every malformed
 * record of the file at once (see readCsv).
 */
export function parseCsv(text: string, file: string): CsvRecord[] {
  const errors: InputError[] = [];
  const records = readCsv(text, file, errors);
  throwCollected(errors);
  return records;
}

/**
 * parseCsv that collects its problems in `errors` and reads on: a malformed record is
 * left out and reading resumes on the next line, so one run reports them all.
 */
export function readCsv(text: string, file: string, errors: InputError[]): CsvRecord[] {
  const records: CsvRecord[] = [];
  const n = text.length;
  let i = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  let line = 1;
  let fields: string[] = [];
  let recordLine = 1;
  let atRecordStart = true;

  const endRecord = () => {
    records.push({ line: recordLine, fields });
    fields = [];
    atRecordStart = true;
  };
  // Consumes one line break at i (CRLF counts once); returns false when there is none.
  const lineBreak = (): boolean => {
    const c = text[i];
    if (c === '\r') {
      i += text[i + 1] === '\n' ? 2 : 1;
    } else if (c === '\n') {
      i += 1;
    } else {
      return false;
    }
    line += 1;
    return true;
  };
  // Drops the record being read and goes on after the end of the current line.
  const skipRecord = (message: string, at: number) => {
    errors.push(new InputError(message, { file, line: at }));
    while (i < n && text[i] !== '\r' && text[i] !== '\n') i += 1;
    lineBreak();
    fields = [];
    atRecordStart = true;
  };

  records: while (i < n) {
    if (atRecordStart) {
      if (lineBreak()) continue;
      recordLine = line;
      atRecordStart = false;
    }
    let value = '';
    if (text[i] === '"') {
      const startLine = line;
      i += 1;
      for (;;) {
        if (i >= n) {
          // Everything after the opening quote is inside it: nothing more to read.
          errors.push(new InputError('unterminated quoted field', { file, line: startLine }));
          fields = [];
          atRecordStart = true;
          break records;
        }
        const c = text[i]!;
        if (c === '"') {
          if (text[i + 1] === '"') {
            value += '"';
            i += 2;
            continue;
          }
          i += 1;
          break;
        }
        if (c === '\n' || (c === '\r' && text[i + 1] !== '\n')) line += 1;
        value += c;
        i += 1;
      }
      const next = text[i];
      if (i < n && next !== ',' && next !== '\r' && next !== '\n') {
        skipRecord(`unexpected ${JSON.stringify(next)} after a closing quote`, line);
        continue;
      }
    } else {
      const start = i;
      while (i < n) {
        const c = text[i];
        if (c === ',' || c === '\r' || c === '\n') break;
        if (c === '"') break;
        i += 1;
      }
      if (text[i] === '"') {
        skipRecord('a quote inside an unquoted field (quote the whole field and double the quote)', line);
        continue;
      }
      value = text.slice(start, i);
    }
    fields.push(value);
    if (i >= n) break;
    if (text[i] === ',') {
      i += 1;
      // A trailing comma at the end of the text still means one more (empty) field.
      if (i >= n) fields.push('');
      continue;
    }
    lineBreak();
    endRecord();
  }
  if (!atRecordStart) endRecord();
  return records;
}

/**
 * Reads a CSV whose first record is a header. With `columns`, the header must be
 * exactly those names in that order, so a reordered or renamed column fails
 * loudly instead of shifting values. Every row must have as many fields as the header.
 * Throws every problem of the file at once.
 */
export function parseCsvTable(text: string, file: string, columns?: readonly string[]): CsvTable {
  const errors: InputError[] = [];
  const table = readCsvTable(text, file, errors, columns);
  throwCollected(errors);
  return table;
}

/** parseCsvTable that collects its problems in `errors`; a row that cannot be read is left out. */
export function readCsvTable(text: string, file: string, errors: InputError[], columns?: readonly string[]): CsvTable {
  const before = errors.length;
  const records = readCsv(text, file, errors);
  const first = records[0];
  // A malformed first record is left out, and the next one must not pass for the header.
  if (first && errors.slice(before).some((e) => (e.location.line ?? 0) < first.line)) return { header: [], rows: [] };
  if (!first) {
    if (errors.length === 0) errors.push(new InputError('empty file: expected a header row', { file, line: 1 }));
    return { header: [], rows: [] };
  }
  const header = first.fields.map((h) => h.trim());
  // Without the right header no row can be read as anything: stop at it.
  if (columns && (header.length !== columns.length || header.some((h, k) => h !== columns[k]))) {
    errors.push(new InputError(`header must be ${columns.join(',')} (found ${header.join(',')})`, { file, line: first.line }));
    return { header, rows: [] };
  }
  const seen = new Set<string>();
  for (const h of header) {
    if (seen.has(h)) {
      errors.push(new InputError(`duplicate column ${JSON.stringify(h)}`, { file, line: first.line }));
      return { header, rows: [] };
    }
    seen.add(h);
  }
  const rows: CsvTableRow[] = [];
  for (const r of records.slice(1)) {
    if (r.fields.length !== header.length) {
      errors.push(new InputError(`expected ${header.length} fields, found ${r.fields.length}`, { file, line: r.line }));
      continue;
    }
    const values: Record<string, string> = {};
    header.forEach((h, k) => {
      values[h] = r.fields[k]!;
    });
    rows.push({ line: r.line, values });
  }
  return { header, rows };
}

export type { CsvValue } from '../../src/lib/csv-field.ts';

/**
 * Writes a header and one line per row, LF line ends and a final newline (the
 * files live in git, where LF diffs cleanly). Missing and null values are empty.
 */
export function toCsv(rows: readonly Readonly<Record<string, CsvValue>>[], columns: readonly string[]): string {
  const lines = [columns.map((c) => csvField(c)).join(',')];
  for (const row of rows) lines.push(columns.map((c) => csvField(row[c])).join(','));
  return lines.join('\n') + '\n';
}
