// Runs of rises or falls ("grown for three consecutive quarters") decided from a figure's
// quarters, oldest first: a run's length is exact only where the data shows it break;
// where it reaches the first quarter or a quarter without a value, it is "or more".
import { describe, expect, it } from 'vitest';
import { evaluateStreak } from '../../../src/lib/claim-streak.ts';
import type { Member } from '../../../src/lib/claims.ts';

const series = (start: number, values: (number | null)[]): Member[] =>
  values.map((v, i) => {
    const q = start + i;
    return { id: `${2022 + Math.floor(q / 4)}-q${(q % 4) + 1}`, value: v, text: v === null ? 'fewer than 3' : String(v), missing: v === null ? 'a pool of fewer than 3 people is not published' : null };
  });
/** The published pair pool of distributed training and GPU kernels, 2023-q3 to 2024-q3: a fall, then three rises. */
const POOL = series(6, [85, 81, 89, 103, 118]);
const grew = { kind: 'streak', figure: 'talent_pool', op: '>', quarters: 3 } as const;

describe('streak', () => {
  it('holds for exactly the run the data shows, quoting it and the step that breaks it', () => {
    expect(evaluateStreak(grew, 'pool distributed-training \u2194 gpu-kernels', POOL)).toEqual({
      status: 'holds',
      claim: 'pool distributed-training \u2194 gpu-kernels rose on talent_pool in each of 3 consecutive quarters to 2024-q3',
      data: '81 (2023-q4) \u2192 89 (2024-q1) \u2192 103 (2024-q2) \u2192 118 (2024-q3): 3 in a row; 85 (2023-q3) \u2192 81 (2023-q4) does not count',
    });
  });

  it('is false for a longer or shorter run, with the run to write', () => {
    expect(evaluateStreak({ ...grew, quarters: 4 }, 'p', POOL)).toMatchObject({ status: 'false', hint: 'write the run the data gives (quarters={3}) with words to match, or drop the claim' });
    expect(evaluateStreak({ ...grew, quarters: 2 }, 'p', POOL).status).toBe('false');
    expect(evaluateStreak({ ...grew, quarters: 2, orMore: true }, 'p', POOL).status).toBe('holds');
    expect(evaluateStreak({ ...grew, op: '<', quarters: 1 }, 'p', POOL)).toMatchObject({ status: 'false', data: '118 (2024-q3): no run; 103 (2024-q2) \u2192 118 (2024-q3) does not count' });
  });

  it('a run that reaches the first quarter or a missing value is "or more": exact claims are undecided', () => {
    const fromStart = series(0, [8, 9, 11, 14]);
    expect(evaluateStreak(grew, 'p', fromStart)).toMatchObject({
      status: 'undecided',
      data: '8 (2022-q1) \u2192 9 (2022-q2) \u2192 11 (2022-q3) \u2192 14 (2022-q4): 3 in a row; the data starts at 2022-q1, so the run may be longer',
      hint: 'the run is at least 3: add orMore and say so ("for 3 quarters or more")',
    });
    expect(evaluateStreak({ ...grew, orMore: true }, 'p', fromStart).status).toBe('holds');
    const afterGap = series(0, [null, 5, 6]);
    expect(evaluateStreak({ ...grew, orMore: true }, 'p', afterGap)).toMatchObject({
      status: 'undecided',
      data: '5 (2022-q2) \u2192 6 (2022-q3): 1 in a row; 2022-q1 has no value (a pool of fewer than 3 people is not published), so the run may be longer',
    });
    expect(evaluateStreak(grew, 'p', series(0, [5, 6, null]))).toMatchObject({ status: 'undecided', data: 'p has no talent_pool in 2022-q3 (a pool of fewer than 3 people is not published)' });
  });
});
