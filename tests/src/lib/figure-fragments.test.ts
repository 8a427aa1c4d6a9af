import { describe, expect, it } from 'vitest';
import {
  decodeChordFigures,
  decodeSnapshotFigures,
  decodeTopProjectsFigures,
  encodeChordFigures,
  encodeSnapshotFigures,
  encodeTopProjectsFigures,
  figuresFilePath,
  FRAGMENT_FORMAT,
  FragmentError,
  topProjectsFromFigures,
  type ChordFigures,
  type SnapshotFigures,
  type TopProjectsFigures,
} from '../../../src/lib/figure-fragments.ts';
import type { HeadlineRow, SnapshotRow, TopProjectRow } from '../../../src/lib/query-rows.ts';

const row = (id: string, commits: number, qoq: number | null): SnapshotRow => ({
  category_id: id,
  name: `Name of ${id}`,
  emoji: '⚡',
  colour: '#123456',
  sort_order: commits,
  quarter: '2024-q3',
  partial: false,
  observed: true,
  commits,
  contributors: commits / 10,
  active_repos: 3,
  new_contributors: 1,
  commits_prev: commits - 5,
  contributors_prev: 9,
  active_repos_prev: 3,
  commits_qoq: qoq,
  contributors_qoq: qoq === null ? null : 0.1 / 3,
  active_repos_qoq: 0,
  qoq_basis_excludes: qoq === null ? null : 'a/b, c/d',
  churn_rate: 0.25,
  top_repo: 'a/b',
  top_repo_share: 0.5,
  tracked_repos: 4,
});
const total: HeadlineRow = {
  quarter: '2024-q3',
  partial: false,
  observed: true,
  tracked_repos: 10,
  ingested_repos: 9,
  active_repos: 8,
  commits: 5297,
  contributors: 689,
  new_contributors: 80,
  new_to_ecosystem: 40,
  active_repos_prev: 8,
  commits_prev: 5000,
  contributors_prev: 604,
  active_repos_qoq: 0,
  commits_qoq: 297 / 5000,
  contributors_qoq: 85 / 604,
  qoq_basis_excludes: null,
};
const figures: SnapshotFigures = { quarter: '2024-q3', rows: [row('gpu-kernels', 480, 0.143), row('edge-ml', 20, null)], total };
const file = () => JSON.parse(encodeSnapshotFigures(figures)) as { format: number; quarter: string; snapshot: { columns: string[]; values: unknown[][] }; headline: { columns: string[]; values: unknown[][] } };

describe('snapshot figures files', () => {
  it('round-trip the rows and the total exactly, doubles included', () => {
    expect(decodeSnapshotFigures(JSON.parse(encodeSnapshotFigures(figures)), '2024-q3')).toEqual(figures);
  });

  it('write each column name once, not once per row', () => {
    const text = encodeSnapshotFigures(figures);
    expect(text.match(/"commits_qoq"/g)).toHaveLength(2); // the snapshot's and the headline's
    expect(file().snapshot.values).toHaveLength(2);
  });

  it('a quarter without a total row decodes without one', () => {
    const none = decodeSnapshotFigures(JSON.parse(encodeSnapshotFigures({ ...figures, total: undefined })), '2024-q3');
    expect(none.total).toBeUndefined();
    expect(none.rows).toEqual(figures.rows);
  });

  it('read columns by name, in any order, and ignore extra ones', () => {
    const f = file();
    const order = f.snapshot.columns.map((_, i) => i).reverse();
    f.snapshot.columns = [...order.map((i) => f.snapshot.columns[i]!), 'added_later'];
    f.snapshot.values = f.snapshot.values.map((v) => [...order.map((i) => v[i]), 'x']);
    expect(decodeSnapshotFigures(f, '2024-q3').rows).toEqual(figures.rows);
  });

  it('refuse a file of another format, another quarter, or with a missing or mistyped field', () => {
    const refuse = (edit: (f: ReturnType<typeof file>) => unknown, quarter = '2024-q3') => {
      const f = file();
      const edited = edit(f) ?? f;
      return () => decodeSnapshotFigures(edited, quarter);
    };
    expect(() => decodeSnapshotFigures(null, '2024-q3')).toThrow(FragmentError);
    expect(() => decodeSnapshotFigures('<!doctype html>', '2024-q3')).toThrow('not a figures file');
    expect(refuse((f) => void (f.format = FRAGMENT_FORMAT + 1))).toThrow(`format ${FRAGMENT_FORMAT + 1}, expected ${FRAGMENT_FORMAT}`);
    expect(refuse(() => undefined, '2026-q2')).toThrow('holds 2024-q3, not 2026-q2');
    expect(
      refuse((f) => {
        const i = f.snapshot.columns.indexOf('colour');
        f.snapshot.columns.splice(i, 1);
        for (const v of f.snapshot.values) v.splice(i, 1);
      }),
    ).toThrow('snapshot: no column colour');
    expect(refuse((f) => void (f.snapshot.values[1]![f.snapshot.columns.indexOf('commits')] = '20'))).toThrow('snapshot: row 1: commits is "20", not number');
    expect(refuse((f) => void (f.snapshot.values[0]![f.snapshot.columns.indexOf('category_id')] = null))).toThrow('category_id is null, not string');
    expect(refuse((f) => void f.snapshot.values[0]!.pop())).toThrow('snapshot: row 0 has 22 values');
    expect(refuse((f) => void (f.snapshot.values = []))).toThrow('no categories in 2024-q3');
    expect(refuse((f) => void (f.headline.values[0]![f.headline.columns.indexOf('quarter')] = '2024-q2'))).toThrow('rows of another quarter');
  });
});

describe('chord figures files', () => {
  const chord: ChordFigures = {
    quarter: '2024-q3',
    categories: [
      { category_id: 'gpu-kernels', name: 'GPU Kernels', emoji: '⚡', colour: '#0159e1', sort_order: 1 },
      { category_id: 'llm-serving', name: 'LLM Serving', emoji: '🚀', colour: '#aa3300', sort_order: 2 },
    ],
    overlap: [
      { category_a: 'gpu-kernels', category_b: 'llm-serving', people: 41 },
      { category_a: 'gpu-kernels', category_b: 'gpu-kernels', people: 600 },
    ],
    migration: [{ from_category: 'gpu-kernels', to_category: 'llm-serving', people: 7 }],
  };

  it('round-trip categories and both modes’ links', () => {
    expect(decodeChordFigures(JSON.parse(encodeChordFigures(chord)), '2024-q3')).toEqual(chord);
  });

  it('refuse another quarter’s file, a snapshot file, or a link without its people', () => {
    expect(() => decodeChordFigures(JSON.parse(encodeChordFigures(chord)), '2026-q2')).toThrow('holds 2024-q3, not 2026-q2');
    expect(() => decodeChordFigures(JSON.parse(encodeSnapshotFigures(figures)), '2024-q3')).toThrow('categories: no columns');
    const f = JSON.parse(encodeChordFigures(chord)) as { migration: { values: unknown[][] } };
    f.migration.values[0]![2] = null;
    expect(() => decodeChordFigures(f, '2024-q3')).toThrow('migration: row 0: people is null, not number');
  });
});

describe('top projects figures files', () => {
  const project = (repo: string, category: string, overall: number, inCategory: number): TopProjectRow => ({
    repo,
    category_id: category,
    category_name: `Name of ${category}`,
    colour: '#123456',
    contributors: 100 - overall,
    new_contributors: 3,
    returning_contributors: 97 - overall,
    commits: 1000 - overall,
    rank_in_category: inCategory,
    rank_overall: overall,
    new_project: overall === 2,
  });
  const top: TopProjectsFigures = {
    quarter: '2024-q3',
    limit: 2,
    projects: [project('a/one', 'gpu-kernels', 1, 1), project('b/two', 'llm-serving', 2, 1), project('c/three', 'gpu-kernels', 3, 2), project('d/four', 'llm-serving', 5, 2)],
  };

  it('round-trip every project with both ranks', () => {
    expect(decodeTopProjectsFigures(JSON.parse(encodeTopProjectsFigures(top)), '2024-q3')).toEqual(top);
  });

  it('give the overall list and each category’s list in rank order, as the query does', () => {
    expect(topProjectsFromFigures(top, 'all', 2)!.map((r) => r.repo)).toEqual(['a/one', 'b/two']);
    expect(topProjectsFromFigures(top, 'llm-serving', 2)!.map((r) => r.repo)).toEqual(['b/two', 'd/four']);
    expect(topProjectsFromFigures(top, 'gpu-kernels', 1)!.map((r) => r.repo)).toEqual(['a/one']);
    expect(topProjectsFromFigures(top, 'no-such-category', 2)).toEqual([]);
  });

  it('answer nothing for a list longer than the file holds: the engine does', () => {
    expect(topProjectsFromFigures(top, 'all', 3)).toBeNull();
  });

  it('refuse a file without a valid limit', () => {
    const f = JSON.parse(encodeTopProjectsFigures(top)) as { limit: unknown };
    f.limit = 0;
    expect(() => decodeTopProjectsFigures(f, '2024-q3')).toThrow('limit 0');
  });
});

describe('where figures files live', () => {
  it('in the quarter’s own folder, or under the folder that holds a quarter without one', () => {
    expect(figuresFilePath('2024-q3', 'snapshot')).toBe('figures/snapshot.json');
    expect(figuresFilePath('2024-q3', 'top-projects', '2024-q3')).toBe('figures/top-projects.json');
    expect(figuresFilePath('2023-q1', 'chord', '2024-q3')).toBe('figures/2023-q1/chord.json');
  });
});
