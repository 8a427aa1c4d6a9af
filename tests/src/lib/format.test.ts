import { describe, expect, it } from 'vitest';
import {
  formatChange,
  formatDate,
  formatSeconds,
  formatDecimal,
  formatInteger,
  formatPercent,
  formatPointChange,
  formatShare,
  formatSignedPercent,
  formatWeeks,
  MINUS,
  THIN_SPACE as T,
} from '../../../src/lib/format.ts';

describe('numbers', () => {
  it('groups integers with thin no-break spaces', () => {
    expect(formatInteger(0)).toBe('0');
    expect(formatInteger(999)).toBe('999');
    expect(formatInteger(5297)).toBe(`5${T}297`);
    expect(formatInteger(1234567)).toBe(`1${T}234${T}567`);
    expect(formatInteger(-1234)).toBe(`${MINUS}1${T}234`);
    expect(formatInteger(12.6)).toBe('13');
    expect(formatInteger(42, { signed: true })).toBe('+42');
    expect(formatInteger(Number.NaN)).toBe('\u2013');
  });

  it('formats decimals without a negative zero', () => {
    expect(formatDecimal(1234.56, 1)).toBe(`1${T}234.6`);
    expect(formatDecimal(-0.04, 1)).toBe('0.0');
    expect(formatDecimal(-0.06, 1)).toBe(`${MINUS}0.1`);
  });

  it('formats percentages and shares', () => {
    expect(formatPercent(0.123)).toBe('12.3%');
    expect(formatPercent(1)).toBe('100.0%');
    expect(formatSignedPercent(0.142857)).toBe('+14.3%');
    expect(formatSignedPercent(-0.0816)).toBe(`${MINUS}8.2%`);
    expect(formatShare(0.31)).toBe('31%');
    expect(formatShare(0.042)).toBe('4.2%');
    expect(formatWeeks(3.42)).toBe('3.4 weeks');
    expect(formatWeeks(1)).toBe('1.0 week');
  });

  it('says percentage-point changes in words', () => {
    expect(formatPointChange(0.041)).toBe('up 4.1 points');
    expect(formatPointChange(-0.003)).toBe('down 0.3 points');
    expect(formatPointChange(0.01)).toBe('up 1.0 point');
    expect(formatPointChange(0.0001)).toBe('unchanged');
  });

  it('formats dates in UTC', () => {
    expect(formatDate('2024-10-01T06:00:00Z')).toBe('1 October 2024');
    expect(formatDate('2026-11-23')).toBe('23 November 2026');
  });
});

describe('formatSeconds', () => {
  it('whole seconds without a decimal, tenths otherwise, grouped like every other number', () => {
    expect(formatSeconds(20_000)).toBe('20 s');
    expect(formatSeconds(1500)).toBe('1.5 s');
    expect(formatSeconds(960)).toBe('1 s');
    expect(formatSeconds(1_234_000)).toBe('1\u202F234 s');
  });
});

describe('formatChange', () => {
  it('signs and arrows', () => {
    expect(formatChange({ value: 0.142857, prev: 70 })).toMatchObject({ direction: 'up', arrow: '▲', text: '+14.3%', label: 'up 14.3% on the previous quarter' });
    expect(formatChange({ value: -0.0816, prev: 49 })).toMatchObject({ direction: 'down', arrow: '▼', text: `${MINUS}8.2%` });
    expect(formatChange({ value: 0.0001, prev: 10 })).toMatchObject({ direction: 'flat', arrow: '', text: '0.0%' });
  });

  it('spells out new, partial and not comparable', () => {
    expect(formatChange({ value: null, prev: 0 })).toMatchObject({ direction: 'new', text: 'new' });
    expect(formatChange({ value: 0.5, prev: 10, partial: true })).toMatchObject({ direction: 'partial', text: 'partial quarter', value: null });
    expect(formatChange({ value: null, prev: 10, observed: false })).toMatchObject({ direction: 'none', label: 'not comparable (tracking changed)' });
  });
});
