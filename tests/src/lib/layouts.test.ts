import { describe, expect, it } from 'vitest';
import { barsLayout } from '../../../src/lib/bars-layout.ts';
import { shortCategoryName } from '../../../src/lib/labels.ts';
import { trendExtent, trendLayout } from '../../../src/lib/trend-layout.ts';

describe('barsLayout', () => {
  it('stacks segments left to right on a shared, nice scale', () => {
    const layout = barsLayout(
      [
        { id: 'x', label: 'x', segments: [{ key: 'new', value: 50 }, { key: 'returning', value: 150 }] },
        { id: 'y', label: 'y', segments: [{ key: 'new', value: 10 }, { key: 'returning', value: 40 }] },
      ],
      { width: 600, labelWidth: 200, valueWidth: 50, barHeight: 20, gap: 10 },
    );
    const [x, y] = layout.rows;
    expect(x!.total).toBe(200);
    expect(x!.segments[0]!.x).toBe(200);
    expect(x!.segments[1]!.x).toBeCloseTo(x!.segments[0]!.x + x!.segments[0]!.width, 1);
    expect(y!.y).toBe(30);
    expect(layout.height).toBe(50 + 24);
    // 200 on a 350-wide plot: the widest bar spans the whole (nice) domain.
    expect(x!.segments[0]!.width + x!.segments[1]!.width).toBeCloseTo(350, 0);
    expect(layout.ticks.map((t) => t.value)).toEqual([0, 50, 100, 150, 200]);
  });
});

describe('trendLayout', () => {
  it('draws a line through defined values and breaks at gaps', () => {
    const t = trendLayout([1, 2, null, 4], { width: 100, height: 40, pad: { top: 0, right: 0, bottom: 0, left: 0 }, domain: [0, 4] });
    expect(t.points.map((p) => [p.x, p.y])).toEqual([
      [0, 30],
      [33.3, 20],
      [100, 0],
    ]);
    expect(t.path.match(/M/g)).toHaveLength(2);
    expect(t.first?.value).toBe(1);
    expect(t.last?.value).toBe(4);
    expect(t.baseline).toBe(40);
  });

  it('extent starts at zero for counts and spans the data for ratios', () => {
    expect(trendExtent([[3, 5], [4, null]])).toEqual([0, 5]);
    expect(trendExtent([[0.3, 0.5]], false)).toEqual([0.3, 0.5]);
    expect(trendExtent([[2, 2]], false)).toEqual([2, 4]);
    expect(trendLayout([]).path).toBe('');
  });
});

describe('labels', () => {
  it('shortens category names', () => {
    expect(shortCategoryName('GPU Kernels & Performance')).toBe('GPU Kernels');
    expect(shortCategoryName('Edge & On-Device ML')).toBe('Edge & On-Device ML');
    expect(shortCategoryName('Agent Framework')).toBe('Agent Framework');
  });
});
