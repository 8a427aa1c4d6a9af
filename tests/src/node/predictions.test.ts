// Scoring from published data, over the fixture: 2024-q3 complete, 2024-q4 partial.
import { beforeAll, describe, expect, it } from 'vitest';
import type { Prediction } from '../../../src/lib/predictions.ts';
import { scorePredictions } from '../../../src/node/predictions.ts';
import { usePublishedFixture } from '../../helpers/published-fixture.ts';

beforeAll(async () => {
  await usePublishedFixture();
});

const base = { made: '2024-q1', statement: 's' } as const;
const LIST: Prediction[] = [
  { ...base, id: 'serving-250', due: '2024-q3', metric: { figure: 'contributors', category: 'llm-serving' }, threshold: { op: '>', value: 250 } },
  { ...base, id: 'kernels-75', due: '2024-q2', metric: { figure: 'contributors', category: 'gpu-kernels' }, threshold: { op: '>=', value: 75 } },
  { ...base, id: 'partial', due: '2024-q4', metric: { figure: 'contributors' }, threshold: { op: '>', value: 1 } },
  { ...base, id: 'bad-scope', due: '2024-q3', metric: { figure: 'contributors', category: 'nope' }, threshold: { op: '>', value: 1 } },
];

describe('scorePredictions', () => {
  it('reads the due quarter’s figure with the <Metric> lookup', async () => {
    const [serving, kernels, partial, bad] = await scorePredictions(LIST);
    expect(serving!.result).toMatchObject({ status: 'hit', value: 260, decidedBy: '2024-q3' });
    expect(serving!.result.reason).toBe('Contributors, LLM Serving & Inference, Q3 2024: 260 (needed above 250).');
    expect(serving!.threshold).toBe('above 250');
    // 2024-q2 has no folder of its own: the 2024-q3 folder holds it complete.
    expect(kernels!.result).toMatchObject({ status: 'miss', value: 70, decidedBy: '2024-q3' });
    // 2024-q4 is published, but partial: not decided yet.
    expect(partial!.result.status).toBe('pending');
    expect(bad!.result.status).toBe('unscored');
    expect(bad!.result.reason).toMatch(/category 'nope'/);
  });

  it('a review as of an earlier quarter ignores later data', async () => {
    const [serving] = await scorePredictions(LIST, { asOf: '2024-q2' });
    expect(serving!.result.status).toBe('pending');
  });
});
