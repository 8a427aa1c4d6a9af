// Number formatting shared by the build and the browser, so a figure reads the same
// in prose, tables, charts and after a client-side re-query. English conventions,
// with SI-style digit grouping: a narrow no-break space (U+202F) is a thin
// separator that never wraps a number across lines, and a true minus sign (U+2212)
// so negative figures line up with positive ones in tabular figures.
import { likeForLikeNote, notComparableReason } from './like-for-like.ts';

export const THIN_SPACE = '\u202F';
export const MINUS = '\u2212';
export const UP_ARROW = '\u25B2';
export const DOWN_ARROW = '\u25BC';

function group(digits: string): string {
  return digits.replace(/\B(?=(\d{3})+(?!\d))/g, THIN_SPACE);
}

function signOf(n: number, signed: boolean): string {
  if (n < 0) return MINUS;
  return signed && n > 0 ? '+' : '';
}

/** 12345 → "12 345" (thin separator); negative numbers get a minus sign. */
export function formatInteger(n: number, opts: { signed?: boolean } = {}): string {
  if (!Number.isFinite(n)) return '\u2013';
  const r = Math.round(n);
  return signOf(r, opts.signed ?? false) + group(String(Math.abs(r)));
}

/** Fixed decimals with grouped integer part: 1234.5 → "1 234.5". */
export function formatDecimal(n: number, digits = 1, opts: { signed?: boolean } = {}): string {
  if (!Number.isFinite(n)) return '\u2013';
  const fixed = Math.abs(n).toFixed(digits);
  // A value that rounds to zero has no sign: "−0.0" would claim a direction.
  const shown = Number(fixed) === 0 ? 0 : n;
  const [int = '0', frac] = fixed.split('.');
  return signOf(shown, opts.signed ?? false) + group(int) + (frac === undefined ? '' : `.${frac}`);
}

/** A wait in milliseconds as seconds: 1500 → "1.5 s", 20000 → "20 s" (no ".0" on whole seconds). */
export function formatSeconds(ms: number): string {
  return `${formatDecimal(ms / 1000, 1).replace(/\.0$/, '')} s`;
}

/** 0.123 → "12.3%". */
export function formatPercent(fraction: number, digits = 1): string {
  return `${formatDecimal(fraction * 100, digits)}%`;
}

/** 0.123 → "+12.3%", −0.04 → "−4.0%". */
export function formatSignedPercent(fraction: number, digits = 1): string {
  return `${formatDecimal(fraction * 100, digits, { signed: true })}%`;
}

/** Shares of a whole: whole percents from 10% up, one decimal below (0.042 → "4.2%"). */
export function formatShare(fraction: number): string {
  return formatPercent(fraction, Math.abs(fraction) >= 0.1 ? 0 : 1);
}

/** 3.42 → "3.4 weeks"; exactly one reads "1.0 week". */
export function formatWeeks(weeks: number): string {
  const text = formatDecimal(weeks, 1);
  return `${text} ${text === '1.0' ? 'week' : 'weeks'}`;
}

/** Difference of two fractions in percentage points: 0.041 → "up 4.1 points". */
export function formatPointChange(deltaFraction: number, digits = 1): string {
  const text = formatDecimal(Math.abs(deltaFraction) * 100, digits);
  if (Number(text.replaceAll(THIN_SPACE, '')) === 0) return 'unchanged';
  const unit = text === '1.0' || text === '1' ? 'point' : 'points';
  return `${deltaFraction > 0 ? 'up' : 'down'} ${text} ${unit}`;
}

export type ChangeDirection = 'up' | 'down' | 'flat' | 'new' | 'partial' | 'none';

export interface Change {
  direction: ChangeDirection;
  /** ▲ or ▼ (decorative: the text carries the sign), or '' */
  arrow: string;
  /** What the cell shows: "+12.3%", "new", "partial quarter", "–". */
  text: string;
  /** A phrase for prose and screen readers: "up 12.3% on the previous quarter". */
  label: string;
  /** The fraction itself, for data-value attributes and sorting; null when there is none. */
  value: number | null;
  /** Set when the change leaves out repositories whose history stops (like-for-like basis): the footnote's text. */
  note?: string;
}

export interface ChangeInput {
  /** (x_Q − x_{Q−1}) / x_{Q−1}, NULL when not comparable. */
  value: number | null | undefined;
  /** x_{Q−1}: tells "new" (it was 0) from "not comparable". */
  prev?: number | null | undefined;
  /** The quarter is still running: never compared as if complete. */
  partial?: boolean;
  /** false when a tracking change makes the comparison an artefact. */
  observed?: boolean;
  /** The published qoq_basis_excludes: repositories the like-for-like basis leaves out. */
  basisExcludes?: string | null;
}

/** Quarter-on-quarter change, with the cases the report must spell out. */
export function formatChange(input: ChangeInput, digits = 1): Change {
  if (input.partial) {
    return { direction: 'partial', arrow: '', text: 'partial quarter', label: 'partial quarter, not compared', value: null };
  }
  const v = input.value;
  if (v === null || v === undefined || !Number.isFinite(v)) {
    if (input.prev === 0) return { direction: 'new', arrow: '', text: 'new', label: 'new this quarter', value: null };
    const why = notComparableReason(input.basisExcludes) ?? (input.observed === false ? 'not comparable (tracking changed)' : 'no comparison');
    return { direction: 'none', arrow: '', text: '\u2013', label: why, value: null };
  }
  const note = likeForLikeNote(input.basisExcludes);
  return note === null ? changeOf(v, digits) : withNote(changeOf(v, digits), note);
}

function withNote(c: Change, note: string): Change {
  return { ...c, label: `${c.label} (${note})`, note };
}

function changeOf(v: number, digits: number): Change {
  const text = formatSignedPercent(v, digits);
  const magnitude = formatPercent(Math.abs(v), digits);
  if (!/[1-9]/.test(text)) {
    return { direction: 'flat', arrow: '', text: formatPercent(0, digits), label: 'unchanged on the previous quarter', value: v };
  }
  return v > 0
    ? { direction: 'up', arrow: UP_ARROW, text, label: `up ${magnitude} on the previous quarter`, value: v }
    : { direction: 'down', arrow: DOWN_ARROW, text, label: `down ${magnitude} on the previous quarter`, value: v };
}

/** ISO timestamp or date → "23 November 2026" (UTC, so build and browser agree). */
export function formatDate(iso: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso);
  if (!m) return iso;
  const months = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
  return `${Number(m[3])} ${months[Number(m[2]) - 1] ?? m[2]} ${m[1]}`;
}
