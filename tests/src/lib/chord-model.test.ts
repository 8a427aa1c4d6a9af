// What a chord draws and what its table lists: migration leaves flows under 3 people to
// the table (they make a hairball of one-person ribbons), overlap draws every pair.
import { describe, expect, it } from 'vitest';
import { chartMinPeople, chordModel } from '../../../src/lib/chord-model.ts';
import { drawnNote } from '../../../src/lib/chord-text.ts';
import type { CategoryRow } from '../../../src/lib/query-rows.ts';

const cats: CategoryRow[] = ['a', 'b', 'c'].map((id, i) => ({ category_id: id, name: `Cat ${id.toUpperCase()}`, emoji: '', colour: `#00000${i}`, sort_order: i + 1 }));
const flows = [
  { source: 'a', target: 'b', value: 9 },
  { source: 'b', target: 'a', value: 3 },
  { source: 'a', target: 'c', value: 2 },
  { source: 'c', target: 'b', value: 1 },
  { source: 'a', target: 'a', value: 40 },
];

describe('chordModel', () => {
  it('migration draws flows of 3 or more people and lists every flow', () => {
    expect(chartMinPeople('migration')).toBe(3);
    const model = chordModel(flows, cats, { quarter: '2024-q3', mode: 'migration', minPeople: 1 });
    expect(model.drawn.map((l) => l.value)).toEqual([9, 3]);
    expect(model.layout.ribbons.map((r) => r.value)).toEqual([9, 3]);
    expect(model.named.map((l) => l.value)).toEqual([9, 3, 2, 1]);
    expect(model.stayers).toBe(40);
    expect(drawnNote('migration', model.drawn.length, model.links.length, model.drawMin)).toBe(
      'The chart draws the 2 flows of 3 or more people; the table lists all 4, the 2 smaller flows too.',
    );
  });

  it('overlap draws every pair; a larger minPeople applies to chart and table alike', () => {
    const all = chordModel(flows, cats, { quarter: '2024-q3', mode: 'overlap', minPeople: 1 });
    expect(all.drawn).toHaveLength(4);
    expect(drawnNote('overlap', all.drawn.length, all.links.length, all.drawMin)).toBeNull();
    const big = chordModel(flows, cats, { quarter: '2024-q3', mode: 'migration', minPeople: 5 });
    expect([big.drawn.length, big.links.length, big.drawMin]).toEqual([1, 1, 5]);
  });
});
