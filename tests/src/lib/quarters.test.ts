import { describe, expect, it } from 'vitest';
import {
  isQuarter,
  nextQuarter,
  parseQuarter,
  prevQuarter,
  quarterIndex,
  quarterLabel,
  quarterRange,
  quarterShortLabel,
  quarterStartDate,
} from '../../../src/lib/quarters.ts';

describe('quarters', () => {
  it('parses and rejects', () => {
    expect(parseQuarter('2024-q3')).toEqual({ year: 2024, q: 3 });
    expect(isQuarter('2024-q3')).toBe(true);
    for (const bad of ['2024-Q3', '2024-q5', '24-q1', '2024q3', '', 2024]) expect(isQuarter(bad)).toBe(false);
    expect(() => parseQuarter('2024-q5')).toThrow('write it like 2024-q3');
  });

  it('steps across years', () => {
    expect(prevQuarter('2024-q1')).toBe('2023-q4');
    expect(nextQuarter('2023-q4')).toBe('2024-q1');
    expect(prevQuarter('2024-q3', 8)).toBe('2022-q3');
    expect(quarterIndex('2024-q1') - quarterIndex('2023-q1')).toBe(4);
  });

  it('lists ranges inclusively', () => {
    expect(quarterRange('2023-q3', '2024-q2')).toEqual(['2023-q3', '2023-q4', '2024-q1', '2024-q2']);
    expect(quarterRange('2022-q3', '2024-q3')).toHaveLength(9);
  });

  it('labels', () => {
    expect(quarterLabel('2024-q3')).toBe('Q3 2024');
    expect(quarterShortLabel('2005-q1')).toBe('Q1 \u201905');
    expect(quarterStartDate('2024-q4')).toBe('2024-10-01');
  });
});
