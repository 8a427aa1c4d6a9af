// One CSV field (RFC 4180), for every writer: the engine's hand-edited files
// (scripts/common/csv.ts), the explore console's download (src/client/csv.ts) and the
// test fixtures, so the three quote alike.
import { neutraliseFormula } from './csv-safety.ts';

export type CsvValue = string | number | bigint | boolean | null | undefined;

/**
 * Null and undefined are empty. `formulaSafe` neutralises text a spreadsheet would run
 * as a formula (csv-safety.ts): files for readers' spreadsheets need it, the registry
 * (read back by the engine) must keep its text as written.
 */
export function csvField(value: CsvValue, opts: { formulaSafe?: boolean } = {}): string {
  if (value === null || value === undefined) return '';
  const s = opts.formulaSafe && typeof value === 'string' ? neutraliseFormula(value) : String(value);
  // Leading or trailing spaces are quoted too: many readers trim unquoted fields.
  return /[",\r\n]|^\s|\s$/.test(s) ? `"${s.replaceAll('"', '""')}"` : s;
}
