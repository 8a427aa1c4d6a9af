// Any query's Arrow result as plain cells (the console accepts free SQL, so every
// type may come back: BIGINT as bigint, dates and timestamps as epoch numbers, lists,
// structs), and as a table of at most `limit` rows.
import type { ArrowFieldLike, ArrowTableLike } from './query-runner.ts';
import type { CsvValue } from './csv.ts';
import { h } from './dom.ts';

// Arrow type ids (Schema.fbs).
const DATE = 8;
const TIMESTAMP = 10;
const TIME_TO_MS = [1e-3, 1, 1e3, 1e6] as const;

interface ArrowTableWithColumns extends ArrowTableLike {
  getChildAt?(index: number): { get(index: number): unknown } | null;
}

export interface Result {
  columns: string[];
  /** Right-aligned columns (numbers). */
  numeric: boolean[];
  rows: CsvValue[][];
}

export function cell(v: unknown, field: ArrowFieldLike): CsvValue {
  if (v === null || v === undefined) return null;
  const type = field.type.typeId;
  if (type === DATE || type === TIMESTAMP) {
    const ms = typeof v === 'bigint' ? Number(v) / (TIME_TO_MS[field.type.unit ?? 1] ?? 1) : v instanceof Date ? v.getTime() : Number(v);
    const iso = new Date(ms).toISOString();
    return type === DATE ? iso.slice(0, 10) : iso.replace('.000Z', 'Z');
  }
  if (typeof v === 'bigint') return v <= BigInt(Number.MAX_SAFE_INTEGER) && v >= BigInt(Number.MIN_SAFE_INTEGER) ? Number(v) : v.toString();
  if (typeof v === 'number' || typeof v === 'string' || typeof v === 'boolean') return v;
  if (v instanceof Uint8Array) return `\\x${[...v].map((b) => b.toString(16).padStart(2, '0')).join('')}`;
  // Lists and structs: Arrow vectors and rows know how to become JSON.
  const json = typeof (v as { toJSON?: () => unknown }).toJSON === 'function' ? (v as { toJSON: () => unknown }).toJSON() : v;
  return JSON.stringify(json, (_k, x: unknown) => (typeof x === 'bigint' ? x.toString() : x));
}

export function readResult(table: ArrowTableWithColumns): Result {
  const fields = table.schema.fields;
  const children = fields.map((f, i) => table.getChildAt?.(i) ?? table.getChild(f.name));
  const rows: CsvValue[][] = [];
  for (let r = 0; r < table.numRows; r++) rows.push(fields.map((f, i) => cell(children[i]?.get(r), f)));
  return {
    columns: fields.map((f) => f.name),
    // Int, Float, Decimal
    numeric: fields.map((f) => [2, 3, 7].includes(f.type.typeId)),
    rows,
  };
}

export function resultTable(result: Result, limit: number, caption: string): HTMLTableElement {
  const { columns, numeric } = result;
  const align = (i: number) => (numeric[i] ? 'ds-num' : null);
  return h(
    'table',
    { class: 'ds-results' },
    h('caption', {}, caption),
    h('thead', {}, h('tr', {}, ...columns.map((c, i) => h('th', { scope: 'col', class: align(i) }, c)))),
    h(
      'tbody',
      {},
      ...result.rows.slice(0, limit).map((row) => h('tr', {}, ...row.map((v, i) => h('td', { class: v === null ? 'ds-null' : align(i) }, v === null ? 'NULL' : String(v))))),
    ),
  );
}
