import { describe, expect, it } from 'vitest';
import { compareCells, formatSort, parseSort } from '../../../src/client/table-sort.ts';

describe('table-sort', () => {
  it('sorts numbers and text either way, with empty values last both ways', () => {
    const values = ['3', '', '10', '-1'];
    expect([...values].sort((a, b) => compareCells(a, b, 'number', 'descending'))).toEqual(['10', '3', '-1', '']);
    expect([...values].sort((a, b) => compareCells(a, b, 'number', 'ascending'))).toEqual(['-1', '3', '10', '']);
    expect(['b', 'A', 'c'].sort((a, b) => compareCells(a, b, 'text', 'ascending'))).toEqual(['A', 'b', 'c']);
  });

  it('reads and writes the sort in the address, refusing unknown columns', () => {
    expect(parseSort('commits_qoq.desc', ['commits_qoq'])).toEqual({ key: 'commits_qoq', direction: 'descending' });
    expect(parseSort('category.asc', ['category'])).toEqual({ key: 'category', direction: 'ascending' });
    expect(parseSort('nope.desc', ['commits'])).toBeNull();
    expect(parseSort(null, ['commits'])).toBeNull();
    expect(formatSort({ key: 'commits', direction: 'ascending' })).toBe('commits.asc');
    expect(formatSort(null)).toBeNull();
  });
});
