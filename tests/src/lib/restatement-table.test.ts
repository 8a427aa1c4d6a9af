// A restatement note's figures, as a reader reads them: names, not ids; the site's
// number formats; the whole set once.
import { describe, expect, it } from 'vitest';
import { MINUS, THIN_SPACE as T } from '../../../src/lib/format.ts';
import { formatDifference, readerNote, readerRows } from '../../../src/lib/restatement-table.ts';

const categories = [
  { id: 'gpu-kernels', name: 'GPU Kernels & Performance' },
  { id: 'training-frameworks', name: 'Training Frameworks & Model Architecture' },
];

// The note published for 2026-q2 on 2026-11-24, before notes were written for readers.
const LEGACY = `# Restatement of 2026-q2

Published 2026-11-23; dataset 7455afbc1e6e → 7455afbc1e6e; engine 0.1.0 → 0.1.0.

Files changed: scope_quarters.parquet

| scope | quarter | figure | before | after |
|---|---|---|---:|---:|
| headline | 2026-q2 | commits | 29,726 | 29,727 (+0.0%) |
| headline | 2026-q2 | commits_qoq | 0.079 | 0.079 (+0.0%) |
| all:all | 2026-q2 | commits | 29,726 | 29,727 (+0.0%) |
| category:training-frameworks | 2026-q2 | contributors | 413 | 415 (+0.5%) |
| category:training-frameworks | 2026-q1 | churned | 120 | 118 (-1.7%) |

Something after the table.`;

describe('restatement notes for readers', () => {
  it('names figures and scopes, formats numbers as the site does, and lists the whole set once', () => {
    const rows = readerRows(
      [
        { scope: 'headline', quarter: '2026-q2', figure: 'commits', before: 29726, after: 29727 },
        { scope: 'all:all', quarter: '2026-q2', figure: 'commits', before: 29726, after: 29727 },
        { scope: 'headline', quarter: '2026-q2', figure: 'commits_qoq', before: 0.0791, after: 0.0812 },
        { scope: 'category:gpu-kernels', quarter: '2026-q1', figure: 'contributors', before: 1200, after: 1150 },
      ],
      categories,
    );
    expect(rows).toEqual([
      { figure: 'Commits', scope: 'All tracked repositories', quarter: 'Q2 2026', before: `29${T}726`, after: `29${T}727`, change: '+1' },
      { figure: 'Commits, change on the quarter before', scope: 'All tracked repositories', quarter: 'Q2 2026', before: '+7.9%', after: '+8.1%', change: 'up 0.2 points' },
      { figure: 'Contributors', scope: 'GPU Kernels & Performance', quarter: 'Q1 2026', before: `1${T}200`, after: `1${T}150`, change: `${MINUS}50 (${MINUS}4.2%)` },
    ]);
  });

  it('says how a tiny or a one-sided change reads', () => {
    expect(formatDifference('commits_qoq', 0.0791, 0.0793)).toBe('up under 0.1 points');
    expect(formatDifference('contributors', null, 12)).toBe('new');
    expect(formatDifference('contributors', 12, null)).toBe('no longer published');
  });

  it('rewrites a note written with the machine table, keeping the rest of the note', () => {
    const text = readerNote(LEGACY, categories);
    expect(text).not.toMatch(/headline|all:all|commits_qoq|29,726|0\.079/);
    expect(text).toContain('| Figure | For | Quarter | Before | After | Change |');
    expect(text).toContain(`| Commits | All tracked repositories | Q2 2026 | 29${T}726 | 29${T}727 | +1 |`);
    expect(text).toContain('| Commits, change on the quarter before | All tracked repositories | Q2 2026 | +7.9% | +7.9% | under 0.1 points |');
    expect(text).toContain('| Contributors | Training Frameworks & Model Architecture | Q2 2026 | 413 | 415 | +2 (+0.5%) |');
    expect(text).toContain(`| Contributors who left | Training Frameworks & Model Architecture | Q1 2026 | 120 | 118 | ${MINUS}2 (${MINUS}1.7%) |`);
    expect(text.match(/\| Commits \|/g)).toHaveLength(1);
    expect(text.startsWith('# Restatement of 2026-q2\n\nPublished 2026-11-23;')).toBe(true);
    expect(text.endsWith('\n\nSomething after the table.')).toBe(true);
    // A note already written for readers is left alone.
    expect(readerNote(text, categories)).toBe(text);
  });
});
