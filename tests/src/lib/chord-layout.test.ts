import { describe, expect, it } from 'vitest';
import { angleCovered, chordLayout, linkMatrix, spreadAngles, spreadLabels, wrapLabel, type ChordNode } from '../../../src/lib/chord-layout.ts';

const nodes: ChordNode[] = [
  { id: 'a', name: 'Alpha', colour: '#111111' },
  { id: 'b', name: 'Beta', colour: '#222222' },
  { id: 'c', name: 'Gamma', colour: '#333333' },
  { id: 'd', name: 'Delta (no links)', colour: '#444444' },
];

describe('linkMatrix', () => {
  it('mirrors undirected links and drops self-links', () => {
    const m = linkMatrix(nodes, [{ source: 'a', target: 'b', value: 3 }, { source: 'c', target: 'c', value: 9 }, { source: 'x', target: 'a', value: 1 }], false);
    expect(m[0]).toEqual([0, 3, 0, 0]);
    expect(m[1]).toEqual([3, 0, 0, 0]);
    expect(m[2]![2]).toBe(0);
  });
});

describe('chordLayout', () => {
  it('overlap: one arc per linked node, ribbons with path strings, angles sum to 2π', () => {
    const links = [
      { source: 'a', target: 'b', value: 120 },
      { source: 'a', target: 'c', value: 30 },
      { source: 'b', target: 'c', value: 10 },
    ];
    const layout = chordLayout(nodes, links, { directed: false, padAngle: 0.03 });
    expect(layout.arcs.map((a) => a.id)).toEqual(['a', 'b', 'c']);
    expect(layout.arcs.map((a) => a.value)).toEqual([150, 130, 40]);
    expect(angleCovered(layout, 0.03)).toBeCloseTo(2 * Math.PI, 9);
    // Arc spans are proportional to their values.
    const span = (i: number) => layout.arcs[i]!.endAngle - layout.arcs[i]!.startAngle;
    expect(span(0) / span(2)).toBeCloseTo(150 / 40, 9);
    expect(layout.ribbons).toHaveLength(3);
    expect(layout.ribbons[0]).toMatchObject({ source: 'a', target: 'b', value: 120, reverseValue: 120, colour: '#111111' });
    for (const p of [...layout.arcs.map((a) => a.path), ...layout.ribbons.map((r) => r.path)]) {
      expect(p).toMatch(/^M[-\d.e]+,[-\d.e]+/);
      expect(p).toMatch(/Z$/);
    }
    expect(layout.viewBox).toBe(`${-layout.width / 2} ${-layout.height / 2} ${layout.width} ${layout.height}`);
  });

  it('migration: directed flows as arrows coloured by origin', () => {
    const links = [
      { source: 'a', target: 'b', value: 5 },
      { source: 'b', target: 'a', value: 2 },
      { source: 'a', target: 'a', value: 40 },
    ];
    const layout = chordLayout(nodes, links, { directed: true });
    expect(layout.arcs.map((a) => [a.id, a.value])).toEqual([
      ['a', 7],
      ['b', 7],
    ]);
    expect(layout.ribbons.map((r) => [r.source, r.target, r.value, r.colour])).toEqual([
      ['a', 'b', 5, '#111111'],
      ['b', 'a', 2, '#222222'],
    ]);
    expect(angleCovered(layout)).toBeCloseTo(2 * Math.PI, 9);
  });

  it('empty input draws nothing', () => {
    const layout = chordLayout(nodes, [], { directed: false });
    expect(layout.arcs).toEqual([]);
    expect(layout.ribbons).toEqual([]);
  });
});

describe('spreadLabels', () => {
  it('keeps labels on one side at least a line apart, within the bottom limit', () => {
    const mk = (id: string, y: number, anchor: 'start' | 'end') => ({
      id, name: id, colour: '#000000', value: 1, startAngle: 0, endAngle: 1, path: '',
      label: { x: 10, y, anchor, show: true, lines: [id] }, key: { n: 1, x: 0, y: 0 },
    });
    const arcs = [mk('a', 100, 'start'), mk('b', 105, 'start'), mk('c', 108, 'start'), mk('d', 104, 'end'), mk('e', 230, 'start')];
    spreadLabels(arcs, 17, 240);
    expect(arcs.map((a) => a.label.y)).toEqual([100, 117, 134, 104, 230]);
    const crowded = [mk('a', 200, 'start'), mk('b', 205, 'start'), mk('c', 236, 'start')];
    spreadLabels(crowded, 17, 240);
    expect(crowded.map((a) => a.label.y)).toEqual([200, 217, 236]);
    const bottom = [mk('a', 230, 'end'), mk('b', 235, 'end')];
    spreadLabels(bottom, 17, 240);
    expect(bottom.map((a) => a.label.y)).toEqual([223, 240]);
  });

  it('slides a label pushed over the circle out to its edge, on its own side', () => {
    const mk = (id: string, x: number, y: number, anchor: 'start' | 'end') => ({
      id, name: id, colour: '#000000', value: 1, startAngle: 0, endAngle: 1, path: '',
      label: { x, y, anchor, show: true, lines: [id] }, key: { n: 1, x: 0, y: 0 },
    });
    // Three labels near the top-left: the later two are pushed down to y = -83 and -66.
    const top = [mk('a', -5, -100, 'end'), mk('b', -10, -99, 'end'), mk('c', -20, -97, 'end')];
    spreadLabels(top, 17, 240, 100);
    expect(top.map((a) => a.label.y)).toEqual([-100, -83, -66]);
    expect(top[0]!.label.x).toBe(-5); // on the circle's top: nothing to clear
    expect(top[1]!.label.x).toBeCloseTo(-Math.sqrt(100 ** 2 - 83 ** 2), 1);
    expect(top[2]!.label.x).toBeCloseTo(-Math.sqrt(100 ** 2 - 66 ** 2), 1);
    const outside = [mk('d', 90, 10, 'start')];
    spreadLabels(outside, 17, 240, 100);
    expect(outside[0]!.label.x).toBe(99.5); // pulled to the edge only when inside it
  });
});

describe('room for names and numbers', () => {
  it('wraps a long name at the space nearest its middle, keeps a short one whole', () => {
    expect(wrapLabel('GPU Kernels')).toEqual(['GPU Kernels']);
    expect(wrapLabel('Hardware-Software Co-Design')).toEqual(['Hardware-Software', 'Co-Design']);
    expect(wrapLabel('Distributed Training')).toEqual(['Distributed', 'Training']);
    expect(wrapLabel('Edge & On-Device ML')).toEqual(['Edge &', 'On-Device ML']);
    expect(wrapLabel('Supercalifragilistic')).toEqual(['Supercalifragilistic']);
  });

  it('gives a two-line label two lines of room', () => {
    const mk = (id: string, y: number, lines: string[]) => ({
      id, name: id, colour: '#000000', value: 1, startAngle: 0, endAngle: 1, path: '',
      label: { x: 10, y, anchor: 'start' as const, show: true, lines }, key: { n: 1, x: 0, y: 0 },
    });
    const arcs = [mk('a', 0, ['one', 'two']), mk('b', 5, ['three']), mk('c', 10, ['four', 'five'])];
    spreadLabels(arcs, 10, 1000);
    // a spans -10..10, b needs 5 either side of its middle, c 10.
    expect(arcs.map((a) => a.label.y)).toEqual([0, 15, 30]);
  });

  it('moves the arcs’ numbers apart around the circle, each as little as it can', () => {
    const spread = spreadAngles([0.1, 0.12, 3, 2 * Math.PI - 0.01], 0.1);
    const sorted = [...spread].sort((a, b) => a - b);
    for (let i = 1; i < sorted.length; i++) expect(sorted[i]! - sorted[i - 1]!).toBeGreaterThanOrEqual(0.1 - 1e-9);
    expect(sorted[0]! + 2 * Math.PI - sorted.at(-1)!).toBeGreaterThanOrEqual(0.1 - 1e-9);
    expect(spread[2]).toBe(3);
  });

  it('numbers every arc clockwise, outside the circle, and crops the narrow view to the circle and its numbers', () => {
    const links = [
      { source: 'a', target: 'b', value: 120 },
      { source: 'a', target: 'c', value: 1 },
      { source: 'b', target: 'c', value: 1 },
    ];
    const layout = chordLayout(nodes, links, { directed: false });
    expect(layout.arcs.map((a) => a.key.n)).toEqual([1, 2, 3]);
    for (const a of layout.arcs) {
      const r = Math.hypot(a.key.x, a.key.y);
      expect(r).toBeGreaterThan(layout.outerRadius);
      expect(Math.abs(a.key.x) + 20).toBeLessThanOrEqual(layout.crop.width / 2);
    }
    expect(layout.crop.height).toBe(layout.height);
    expect(layout.crop.width).toBeLessThan(layout.width);
    // The circle fills most of the wide view too: names take the rest.
    expect((2 * layout.outerRadius) / layout.width).toBeGreaterThan(0.6);
  });
});
