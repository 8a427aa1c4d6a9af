import { describe, expect, it } from 'vitest';
import { THIN_SPACE as T } from '../../../src/lib/format.ts';
import {
  decidingFolder,
  meetsThreshold,
  predictionsMade,
  retrospectiveReason,
  scorePrediction,
  stoppedInScope,
  tally,
  thresholdText,
  writtenOn,
  type FolderFacts,
  type Prediction,
} from '../../../src/lib/predictions.ts';
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
    // undecidable is a status of its own since predictions respect observed.
    expect(tally([{ status: 'hit', reason: '' }, { status: 'hit', reason: '' }, { status: 'pending', reason: '' }, { status: 'undecidable', reason: '' }])).toEqual({
      hit: 2,
      miss: 0,
      undecidable: 1,
      pending: 1,
      unscored: 0,
      retrospective: 0,
    });
  });
});

describe('retrospective predictions', () => {
  it('are dated by their article, or by their own added date when later, never earlier', () => {
    expect(writtenOn({}, '2024-10-20')).toBe('2024-10-20');
    expect(writtenOn({ added: '2025-02-01' }, '2024-10-20')).toBe('2025-02-01');
    expect(writtenOn({ added: '2024-01-01' }, '2024-10-20')).toBe('2024-10-20');
    expect(writtenOn({ added: '2025-02-01' }, undefined)).toBe('2025-02-01');
    expect(writtenOn({}, undefined)).toBeUndefined();
    const [one] = predictionsMade('2024-q3', [{ id: 'x', due: '2025-q1', statement: 's' }], '2024-10-20');
    expect(one).toEqual({ id: 'x', due: '2025-q1', statement: 's', made: '2024-q3', written: '2024-10-20' });
  });

  it('are made in or after their due quarter, or written on or after the day it ended', () => {
    expect(retrospectiveReason(p({ written: '2024-10-20' }))).toBeNull();
    // Q1 2025 ends on 31 March: written that day, it is still a prediction (of a quarter not yet published).
    expect(retrospectiveReason(p({ written: '2025-03-31' }))).toBeNull();
    expect(retrospectiveReason(p({ written: '2025-04-01' }))).toBe('written on 1 April 2025, after Q1 2025 had ended');
    // The Q3 2024 report, written in November 2026 about quarters already over.
    expect(retrospectiveReason(p({ written: '2026-11-23' }))).toBe('written on 23 November 2026, after Q1 2025 had ended');
    expect(retrospectiveReason(p({ due: '2024-q3' }))).toBe('made in Q3 2024, the quarter it is about');
    expect(retrospectiveReason(p({ due: '2024-q2' }))).toBe('made in Q3 2024, after Q2 2024, the quarter it is about');
    // Without a date (no article, no added), only the quarters can say.
    expect(retrospectiveReason(p())).toBeNull();
  });

  it('show what the data say, but are counted neither as a hit nor as a miss', () => {
    const late = p({ written: '2026-11-23' });
    const r = scorePrediction(late, { folder: '2026-q2', value: 812, description: 'Contributors, LLM Serving & Inference, Q1 2025' });
    expect(r).toEqual({
      status: 'retrospective',
      wouldBe: 'hit',
      value: 812,
      decidedBy: '2026-q2',
      reason: 'Retrospective, not counted: written on 23 November 2026, after Q1 2025 had ended. Contributors, LLM Serving & Inference, Q1 2025: 812 (needed above 700).',
    });
    const onTime = scorePrediction(p({ written: '2024-10-20' }), { folder: '2026-q2', value: 650 });
    expect(tally([r, onTime])).toEqual({ hit: 0, miss: 1, undecidable: 0, pending: 0, unscored: 0, retrospective: 1 });
    // A prediction without a metric, scored by the editors after the fact, is no different.
    expect(scorePrediction({ ...late, metric: undefined, threshold: undefined, outcome: 'hit' }, null)).toMatchObject({ status: 'retrospective', wouldBe: 'hit' });
  });
});

describe('scorePrediction when a history in the scope stops early', () => {
  const llama = [{ repo: 'ggerganov/llama.cpp', until: '2025-02-20' }];
  const description = 'Contributors, LLM Serving & Inference, Q1 2025';

  it('is undecidable, not a miss, and says which history stopped (the Q3 2024 serving prediction)', () => {
    expect(scorePrediction(p(), { folder: '2026-q2', value: 650, description, stopped: llama })).toEqual({
      status: 'undecidable',
      value: 650,
      decidedBy: '2026-q2',
      reason:
        "Contributors, LLM Serving & Inference, Q1 2025: 650 counted (needed above 700), but ggerganov/llama.cpp's history stops on 20 February 2025, so the scope was not fully observed and the figure cannot decide it.",
    });
  });

  it('names every stopped history, with its date when known', () => {
    const r = scorePrediction(p(), { folder: '2026-q2', value: 650, stopped: [{ repo: 'a/one', until: '2025-01-31' }, { repo: 'b/two', until: null }] });
    expect(r.reason).toContain('but the histories of a/one (on 31 January 2025) and b/two stop early, so');
  });

  it('still decides a count the missing history could only have raised, when that cannot change the verdict', () => {
    const hit = scorePrediction(p(), { folder: '2026-q2', value: 1204, description, stopped: llama });
    expect(hit.status).toBe('hit');
    expect(hit.reason).toBe(`${description}: 1${T}204 (needed above 700), although ggerganov/llama.cpp's history stops on 20 February 2025: that history could only add to the figure.`);
    const below = p({ threshold: { op: '<', value: 600 } });
    expect(scorePrediction(below, { folder: '2026-q2', value: 650, stopped: llama }).status).toBe('miss');
    expect(scorePrediction(below, { folder: '2026-q2', value: 550, stopped: llama }).status).toBe('undecidable');
  });

  it('is undecidable for a ratio either way (a missing history can move it up or down)', () => {
    const churn = p({ metric: { figure: 'churn_rate', category: 'llm-serving' }, threshold: { op: '<', value: 0.5 } });
    expect(scorePrediction(churn, { folder: '2026-q2', value: 0.4, stopped: llama }).status).toBe('undecidable');
    expect(scorePrediction(churn, { folder: '2026-q2', value: 0.6, stopped: llama }).status).toBe('undecidable');
  });
});

describe('stoppedInScope', () => {
  const repos = [
    { repo: 'ggerganov/llama.cpp', category_id: 'llm-serving', tracked_until: '2025-02-20' },
    { repo: 'old/gone', category_id: 'llm-serving', tracked_until: '2023-10-19' },
    { repo: 'x/late', category_id: 'llm-serving', tracked_until: '2025-03-31' },
    { repo: 'y/kernels', category_id: 'gpu-kernels', tracked_until: '2024-10-21' },
    { repo: 'z/live', category_id: 'llm-serving', tracked_until: null },
  ];
  it('names the histories that stop in the due quarter or the one before, as the engine marks them not observed', () => {
    // x/late is tracked to the quarter's last day: observed.
    expect(stoppedInScope(repos, { scopeType: 'category', scopeId: 'llm-serving' }, '2025-q1')).toEqual([{ repo: 'ggerganov/llama.cpp', until: '2025-02-20' }]);
    expect(stoppedInScope(repos, { scopeType: 'all', scopeId: 'all' }, '2025-q1').map((s) => s.repo)).toEqual(['ggerganov/llama.cpp', 'y/kernels']);
    expect(stoppedInScope(repos, { scopeType: 'category', scopeId: 'llm-serving' }, '2025-q3')).toEqual([]);
  });
  it('a repository stays stopped in every later quarter', () => {
    expect(stoppedInScope(repos, { scopeType: 'repo', scopeId: 'old/gone' }, '2025-q1')).toEqual([{ repo: 'old/gone', until: '2023-10-19' }]);
    expect(stoppedInScope(repos, { scopeType: 'repo', scopeId: 'x/late' }, '2025-q1')).toEqual([]);
  });
});

describe('stoppedText', () => {
  it('names at most three histories and counts the rest, so a verdict stays one sentence', async () => {
    const { stoppedText } = await import('../../../src/lib/predictions.ts');
    const many = ['a/one', 'b/two', 'c/three', 'd/four', 'e/five'].map((repo) => ({ repo, until: null }));
    expect(stoppedText(many)).toBe('the histories of a/one, b/two, c/three and 2 more stop early');
    expect(stoppedText(many.slice(0, 2))).toBe('the histories of a/one and b/two stop early');
  });
});
