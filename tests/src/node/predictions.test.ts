// Scoring from published data, over the fixture: 2024-q3 complete, 2024-q4 partial.
// Its 2024-q3 folder is restated with two histories that stop early: openxla/xla in
// ml-compilers (2024-08-14, named by scope_quarters as the engine publishes it) and
// huggingface/transformers in training-frameworks (2024-05-31, a folder from before
// scope_quarters named them: only repos.tracked_until says which).
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Prediction } from '../../../src/lib/predictions.ts';
import { scorePredictions } from '../../../src/node/predictions.ts';
import { usePublishedFixture } from '../../helpers/published-fixture.ts';
import { rewriteParquet } from '../../helpers/rewrite-parquet.ts';

beforeAll(async () => {
  const folder = join(await usePublishedFixture(), '2024-q3');
  await rewriteParquet(join(folder, 'repos.parquet'), [
    "UPDATE t SET tracked_until = DATE '2024-08-14' WHERE repo = 'openxla/xla'",
    "UPDATE t SET tracked_until = DATE '2024-05-31' WHERE repo = 'huggingface/transformers'",
  ]);
  await rewriteParquet(join(folder, 'scope_quarters.parquet'), [
    "UPDATE t SET observed = false, qoq_basis_excludes = 'openxla/xla' WHERE quarter = '2024-q3' AND scope_id IN ('ml-compilers', 'all', 'openxla/xla')",
    "UPDATE t SET observed = false WHERE quarter IN ('2024-q2', '2024-q3') AND scope_id IN ('training-frameworks', 'all', 'huggingface/transformers')",
  ]);
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

  it('a prediction whose scope was not fully observed in its due quarter is undecidable, naming the history that stopped', async () => {
    const stopped: Prediction[] = [
      { ...base, id: 'compilers-50', due: '2024-q3', metric: { figure: 'contributors', category: 'ml-compilers' }, threshold: { op: '>', value: 50 } },
      { ...base, id: 'training-400', due: '2024-q2', metric: { figure: 'contributors', category: 'training-frameworks' }, threshold: { op: '>', value: 400 } },
      { ...base, id: 'compilers-churn', due: '2024-q3', metric: { figure: 'churn_rate', category: 'ml-compilers' }, threshold: { op: '<', value: 0.9 } },
      { ...base, id: 'compilers-40', due: '2024-q3', metric: { figure: 'contributors', category: 'ml-compilers' }, threshold: { op: '>', value: 40 } },
      { ...base, id: 'kernels-observed', due: '2024-q3', metric: { figure: 'contributors', category: 'gpu-kernels' }, threshold: { op: '>', value: 100 } },
    ];
    const [compilers, training, churn, compilers40, kernels] = (await scorePredictions(stopped)).map((s) => s.result);
    expect(compilers).toMatchObject({ status: 'undecidable', value: 45, decidedBy: '2024-q3' });
    expect(compilers!.reason).toBe(
      "Contributors, ML Compilers & Graph Optimization, Q3 2024: 45 counted (needed above 50), but openxla/xla's history stops on 14 August 2024, so the scope was not fully observed and the figure cannot decide it.",
    );
    expect(training).toMatchObject({ status: 'undecidable', value: 338 });
    expect(training!.reason).toContain("but huggingface/transformers's history stops on 31 May 2024, so");
    // A ratio is undecidable even when it meets the threshold.
    expect(churn!.status).toBe('undecidable');
    // 45 people without xla's: more than 40 whatever xla's history would have added.
    expect(compilers40).toMatchObject({ status: 'hit', value: 45 });
    expect(kernels).toMatchObject({ status: 'miss', value: 80 });
  });

  it('a review as of an earlier quarter ignores later data', async () => {
    const [serving] = await scorePredictions(LIST, { asOf: '2024-q2' });
    expect(serving!.result.status).toBe('pending');
  });
});
