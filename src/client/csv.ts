// Query results as CSV (RFC 4180), built in the page and saved through a Blob URL: the
// download needs no server.

import { csvField, type CsvValue } from '../lib/csv-field.ts';

export type { CsvValue } from '../lib/csv-field.ts';

export function toCsv(columns: readonly string[], rows: readonly (readonly CsvValue[])[]): string {
  return [columns, ...rows].map((r) => r.map((v) => csvField(v, { formulaSafe: true })).join(',')).join('\r\n') + '\r\n';
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
