import { beforeAll, describe, expect, it } from 'vitest';
import PredictionList from '../../../src/components/report/PredictionList.astro';
import type { ScoredPrediction } from '../../../src/node/predictions.ts';
import { render, setup } from './render.ts';

beforeAll(setup);

const item = (id: string, result: ScoredPrediction['result']): ScoredPrediction => ({
  prediction: { id, made: '2024-q3', due: '2025-q1', statement: `Statement ${id}.`, metric: { figure: 'contributors', category: 'llm-serving' }, threshold: { op: '>', value: 700 } },
  result,
  threshold: 'above 700',
});

describe('<PredictionList>', () => {
  it('shows an undecidable prediction as neither hit nor miss, with the history that stopped', async () => {
    const reason = "Contributors, LLM Serving & Inference, Q1 2025: 650 counted (needed above 700), but ggerganov/llama.cpp's history stops on 20 February 2025, so the scope was not fully observed and the figure cannot decide it.";
    const html = await render(PredictionList, {
      props: { items: [item('serving', { status: 'undecidable', value: 650, decidedBy: '2026-q2', reason }), item('other', { status: 'hit', value: 720, decidedBy: '2026-q2', reason: 'ok.' })] },
    });
    const serving = html.slice(html.indexOf('id="prediction-2024-q3-serving"'), html.indexOf('id="prediction-2024-q3-other"'));
    expect(serving).toContain('data-status="undecidable"');
    expect(serving).toContain('<span class="verdict undecidable">Undecidable</span>');
    expect(serving).toContain(`${reason.replace('&', '&amp;').replace("'", '&#39;')} Data: Q2 2026 release.`);
    expect(html).toContain('<span class="verdict hit">Hit</span>');
  });

  it('shows a retrospective prediction as such, with what the data say', async () => {
    const reason = 'Retrospective, not counted: written on 23 November 2026, after Q1 2025 had ended. Contributors, LLM Serving & Inference, Q1 2025: 812 (needed above 700).';
    const html = await render(PredictionList, { props: { items: [item('late', { status: 'retrospective', wouldBe: 'hit', value: 812, decidedBy: '2026-q2', reason })] } });
    expect(html).toContain('data-status="retrospective"');
    expect(html).toContain('<span class="verdict retrospective">Retrospective</span>');
    expect(html).not.toContain('verdict hit');
    expect(html).toContain(`${reason.replace('&', '&amp;')} Data: Q2 2026 release.`);
  });
});
