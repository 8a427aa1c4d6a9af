// The figures table of a restatement note, written for readers: figure names instead of
// column ids, "All tracked repositories" and category names instead of scope keys,
// quarters as the report writes them, and the site's number formats (thin-space
// thousands, true minus signs, percentages for changes). The publish step writes notes
// with it (scripts/publish/restatement.ts), and the restatement page rewrites a note
// written before it existed (its machine table) through the same function, so every
// note reads the same.
import { FIGURE_NAMES, FIGURES, figureName } from './figures.ts';
import { formatDecimal, formatInteger, formatPercent, formatPointChange, formatSignedPercent, MINUS } from './format.ts';
import { quarterLabel } from './quarters.ts';

export interface ChangedFigure {
  /** 'headline', 'all:all' or 'category:<id>'. */
  scope: string;
  quarter: string;
  figure: string;
  before: number | null;
  after: number | null;
}

export interface CategoryName {
  id: string;
  name: string;
}

export const ALL_SCOPE_NAME = 'All tracked repositories';

/** The headline is the whole tracked set, as 'all:all' is. */
function isAll(scope: string): boolean {
  return scope === 'headline' || scope === 'all' || scope.startsWith('all:');
}

function scopeName(scope: string, names: ReadonlyMap<string, string>): string {
  if (isAll(scope)) return ALL_SCOPE_NAME;
  const [type, id = ''] = scope.split(':');
  return type === 'category' ? (names.get(id) ?? id) : scope;
}

function kindOf(figure: string): string {
  return FIGURES[figure]?.kind ?? 'count';
}

export function formatValue(figure: string, v: number | null): string {
  if (v === null) return '\u2013';
  switch (kindOf(figure)) {
    case 'change':
      return formatSignedPercent(v);
    case 'ratio':
      return formatPercent(v);
    case 'weeks':
      return formatDecimal(v, 1);
    default:
      return Number.isInteger(v) ? formatInteger(v) : formatDecimal(v, 1);
  }
}

/** Counts: the difference and, where it shows at one decimal, the relative change; fractions: percentage points. */
export function formatDifference(figure: string, before: number | null, after: number | null): string {
  if (before === null) return after === null ? '' : 'new';
  if (after === null) return 'no longer published';
  const kind = kindOf(figure);
  if (kind === 'change' || kind === 'ratio') {
    const points = formatPointChange(after - before);
    if (points !== 'unchanged') return points;
    // Listed because it changed, by less than the table shows (or than an early note
    // recorded: those rounded to three decimals).
    return before === after ? 'under 0.1 points' : `${after > before ? 'up' : 'down'} under 0.1 points`;
  }
  if (kind === 'weeks') return formatDecimal(after - before, 1, { signed: true });
  const diff = after - before;
  const whole = Number.isInteger(diff) ? formatInteger(diff, { signed: true }) : formatDecimal(diff, 1, { signed: true });
  if (before === 0) return whole;
  const relative = formatSignedPercent(diff / before);
  return /[1-9]/.test(relative) ? `${whole} (${relative})` : whole;
}

export interface ReaderRow {
  figure: string;
  scope: string;
  quarter: string;
  before: string;
  after: string;
  change: string;
}

/**
 * One row per changed figure, newest quarter first, the whole set before the categories
 * (in the report's order), figures in the order FIGURE_NAMES lists them. A headline
 * figure that repeats the whole set's row is shown once.
 */
export function readerRows(changes: readonly ChangedFigure[], categories: readonly CategoryName[]): ReaderRow[] {
  const names = new Map(categories.map((c) => [c.id, c.name]));
  const scopeOrder = (scope: string) => (isAll(scope) ? -1 : categories.findIndex((c) => `category:${c.id}` === scope));
  const figureOrder = (f: string) => {
    const i = Object.keys(FIGURE_NAMES).indexOf(f);
    return i < 0 ? Number.MAX_SAFE_INTEGER : i;
  };
  const seen = new Set<string>();
  return [...changes]
    .sort((a, b) => b.quarter.localeCompare(a.quarter) || scopeOrder(a.scope) - scopeOrder(b.scope) || figureOrder(a.figure) - figureOrder(b.figure) || a.figure.localeCompare(b.figure))
    .filter((c) => {
      const key = `${isAll(c.scope) ? 'all' : c.scope}|${c.quarter}|${c.figure}|${c.before}|${c.after}`;
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    })
    .map((c) => ({
      figure: figureName(c.figure),
      scope: scopeName(c.scope, names),
      quarter: quarterLabel(c.quarter),
      before: formatValue(c.figure, c.before),
      after: formatValue(c.figure, c.after),
      change: formatDifference(c.figure, c.before, c.after),
    }));
}

const cell = (s: string) => s.replaceAll('|', '\\|');

/** The rows as a Markdown table (GFM), the form a note is kept in. */
export function readerTable(rows: readonly ReaderRow[]): string[] {
  return [
    '| Figure | For | Quarter | Before | After | Change |',
    '|---|---|---|---:|---:|---:|',
    ...rows.map((r) => `| ${[r.figure, r.scope, r.quarter, r.before, r.after, r.change].map(cell).join(' | ')} |`),
  ];
}

const LEGACY_HEADER = /^\| scope \| quarter \| figure \| before \| after \|\s*$/;

/** A number as the first notes wrote it: "29,726", "0.079", "—"; any "(+0.0%)" after it ignored. */
function legacyNumber(text: string): number | null {
  const m = /^\s*([-\u2212]?[\d,]*\.?\d+)/.exec(text);
  return m ? Number(m[1]!.replaceAll(',', '').replace(MINUS, '-')) : null;
}

/**
 * A note written before reader tables: its machine table ("| headline | 2026-q2 |
 * commits_qoq | 0.079 | 0.079 (+0.0%) |") rewritten as readerTable rows. The rounding
 * the old table did (three decimals) stays: the figures are what the note recorded.
 * Any other text is kept as it is.
 */
export function readerNote(text: string, categories: readonly CategoryName[]): string {
  const lines = text.split('\n');
  const start = lines.findIndex((l) => LEGACY_HEADER.test(l));
  if (start < 0) return text;
  let end = start + 2;
  const changes: ChangedFigure[] = [];
  for (; end < lines.length && lines[end]!.startsWith('|'); end++) {
    const [scope = '', quarter = '', figure = '', before = '', after = ''] = lines[end]!.split('|').slice(1, -1).map((c) => c.trim());
    changes.push({ scope, quarter, figure, before: legacyNumber(before), after: legacyNumber(after) });
  }
  return [...lines.slice(0, start), ...readerTable(readerRows(changes, categories)), ...lines.slice(end)].join('\n');
}
