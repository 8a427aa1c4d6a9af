import { describe, expect, it } from 'vitest';
import { THIN_SPACE as T } from '../../../src/lib/format.ts';
import { decidingFolder, meetsThreshold, scorePrediction, tally, thresholdText, type FolderFacts, type Prediction } from '../../../src/lib/predictions.ts';
import { quarterRange } from '../../../src/lib/quarters.ts';

const folder = (quarter: string, partial = false): FolderFacts => ({ quarter, quarters: quarterRange(`${Number(quarter.slice(0, 4)) - 2}${quarter.slice(4)}`, quarter), partial });
const FOLDERS = [folder('2024-q3'), folder('2026-q2'), folder('2026-q3', true)];

const p = (over: Partial<Prediction> = {}): Prediction => ({
  id: 'x',
  made: '2024-q3',
  due: '2025-q1',
  statement: 'Serving passes 700 contributors.',
  metric: { figure: 'contributors', category: 'llm-serving' },
  threshold: { op: '>', value: 700 },
  ...over,
});

describe('decidingFolder', () => {
  it("uses the due quarter's own folder when it is published and complete", () => {
    expect(decidingFolder('2026-q2', FOLDERS)).toBe('2026-q2');
  });
  it('else the earliest later folder that holds the due quarter', () => {
    expect(decidingFolder('2025-q1', FOLDERS)).toBe('2026-q2');
  });
  it('never a partial quarter, and nothing beyond what is published', () => {
    expect(decidingFolder('2026-q3', FOLDERS)).toBeNull();
    expect(decidingFolder('2026-q4', FOLDERS)).toBeNull();
  });
  it('a folder that does not reach back far enough does not decide', () => {
    expect(decidingFolder('2023-q4', [folder('2026-q2')])).toBeNull();
  });
  it('asOf keeps only folders up to the reviewing article', () => {
    expect(decidingFolder('2025-q1', FOLDERS, '2025-q4')).toBeNull();
    expect(decidingFolder('2024-q3', FOLDERS, '2024-q3')).toBe('2024-q3');
  });
});

describe('meetsThreshold', () => {
  it.each([
    ['>', 700, 701, true],
    ['>', 700, 700, false],
    ['>=', 700, 700, true],
    ['<', 0.5, 0.49, true],
    ['<', 0.5, 0.5, false],
    ['<=', 0.5, 0.5, true],
  ] as const)('%s %s with %s → %s', (op, value, v, hit) => {
    expect(meetsThreshold(v, { op, value })).toBe(hit);
  });
});

describe('scorePrediction', () => {
  it('hit and miss, with the figure that decided it', () => {
    const miss = scorePrediction(p(), { folder: '2026-q2', value: 650, description: 'Contributors, LLM Serving & Inference, Q1 2025' });
    expect(miss).toEqual({
      status: 'miss',
      value: 650,
      decidedBy: '2026-q2',
      reason: 'Contributors, LLM Serving & Inference, Q1 2025: 650 (needed above 700).',
    });
    expect(scorePrediction(p(), { folder: '2026-q2', value: 1204 }).status).toBe('hit');
    expect(scorePrediction(p(), { folder: '2026-q2', value: 1204 }).reason).toBe(`Contributors, Q1 2025: 1${T}204 (needed above 700).`);
  });
  it('pending until the data is in', () => {
    expect(scorePrediction(p(), null)).toEqual({ status: 'pending', reason: 'Due Q1 2025; not yet in the published data.' });
  });
  it('not scored when the data cannot decide it', () => {
    const r = scorePrediction(p(), { folder: '2026-q2', error: "no figure 'contributors' for category 'x'" });
    expect(r.status).toBe('unscored');
    expect(r.reason).toContain("no figure 'contributors'");
  });
  it('a prediction without a metric waits for the editors once due', () => {
    const free = p({ metric: undefined, threshold: undefined });
    expect(scorePrediction(free, null).status).toBe('pending');
    expect(scorePrediction(free, { folder: '2026-q2', error: 'no metric' }).status).toBe('unscored');
    expect(scorePrediction({ ...free, outcome: 'hit', note: 'it happened' }, null)).toEqual({ status: 'hit', reason: 'Scored by the editors: it happened' });
  });
  it('formats thresholds as the figure reads', () => {
    expect(thresholdText('contributors', { op: '>=', value: 1500 })).toBe(`at least 1${T}500`);
    expect(thresholdText('churn_rate', { op: '<', value: 0.5 })).toBe('below 50.0%');
    expect(thresholdText('commits_qoq', { op: '>', value: 0.1 })).toBe('above +10.0%');
  });
  it('tallies verdicts', () => {
    expect(tally([{ status: 'hit', reason: '' }, { status: 'hit', reason: '' }, { status: 'pending', reason: '' }])).toEqual({ hit: 2, miss: 0, pending: 1, unscored: 0 });
  });
});
