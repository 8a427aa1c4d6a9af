// Query results as CSV (RFC 4180), built in the page and saved through a Blob URL: the
// download needs no server.

import { neutraliseFormula } from '../lib/csv-safety.ts';

export type CsvValue = string | number | boolean | null;

function field(v: CsvValue): string {
  if (v === null) return '';
  let s = String(v);
  if (typeof v === 'string') s = neutraliseFormula(s);
  return /[",\r\n]/.test(s) ? `"${s.replaceAll('"', '""')}"` : s;
}

export function toCsv(columns: readonly string[], rows: readonly (readonly CsvValue[])[]): string {
  return [columns, ...rows].map((r) => r.map((v) => field(v)).join(',')).join('\r\n') + '\r\n';
}

export function downloadCsv(text: string, filename: string): void {
  const url = URL.createObjectURL(new Blob([text], { type: 'text/csv;charset=utf-8' }));
  const a = document.createElement('a');
  a.href = url;
  a.download = filename;
  a.hidden = true;
  document.body.append(a);
  a.click();
  a.remove();
  // The click has handed the Blob to the browser; the URL is no longer needed.
  setTimeout(() => URL.revokeObjectURL(url), 1_000);
}
