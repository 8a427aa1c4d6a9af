// Site chrome uses the report's own formatting (src/lib/format.ts) so a figure on the
// index card or share image reads exactly as in the article.
import { formatChange, formatDate, formatInteger } from '../../lib/format.ts';
export { quarterLabel } from '../../lib/quarters.ts';

export const count = (n: number | null | undefined): string => (n == null ? '–' : formatInteger(n));

/** "+12.3% QoQ", "new", "partial quarter", "–". */
export function qoq(value: number | null | undefined, partial: boolean): string {
  const c = formatChange({ value, partial });
  return c.direction === 'up' || c.direction === 'down' || c.direction === 'flat' ? `${c.text} QoQ` : c.text;
}

export const direction = (value: number | null | undefined, partial: boolean): string => formatChange({ value, partial }).direction;

const iso = (d: Date | string): string => (typeof d === 'string' ? d : d.toISOString());
export const longDate = (d: Date | string): string => formatDate(iso(d));
export const isoDate = (d: Date | string): string => iso(d).slice(0, 10);
