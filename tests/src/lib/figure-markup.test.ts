// The render functions each interactive figure is written with, once for the build and
// the browser: their atlas links follow the site's base, and their text is escaped.
import { describe, expect, it } from 'vitest';
import { attr, parseHtml, query, text, type DomElement } from '../../helpers/dom.ts';
import { snapshotTableHtml } from '../../../src/lib/snapshot-markup.ts';
import { topProjectsHtml, type BarData } from '../../../src/lib/top-projects-markup.ts';
import type { SnapshotRow } from '../../../src/lib/query-rows.ts';

const row: SnapshotRow = {
  category_id: 'llm-serving',
  name: 'LLM Serving & Inference',
  emoji: '',
  colour: '#943fc2',
  sort_order: 1,
  quarter: '2024-q3',
  partial: false,
  observed: true,
  commits: 1200,
  contributors: 80,
  active_repos: 9,
  new_contributors: 10,
  commits_prev: 1000,
  contributors_prev: 80,
  active_repos_prev: 9,
  commits_qoq: 0.2,
  contributors_qoq: 0,
  active_repos_qoq: 0,
  qoq_basis_excludes: null,
  churn_rate: 0.1,
  top_repo: 'vllm-project/vllm',
  top_repo_share: 0.5,
  tracked_repos: 12,
};
const href = (root: ReturnType<typeof parseHtml>, selector: string) => attr(query(root, selector) as DomElement, 'href');

const bar: BarData = { repo: 'vllm-project/vllm', categoryId: 'llm-serving', categoryName: 'LLM Serving & Inference', colour: '#943fc2', contributors: 50, returning: 30, fresh: 20, newProject: false };

describe('atlas links in the figures', () => {
  it('the snapshot table names each category’s page under the base, its short name and tail inside the link', () => {
    for (const [base, href_] of [['/', '/categories/llm-serving/'], ['/deep-signal/', '/deep-signal/categories/llm-serving/'], ['/deep-signal', '/deep-signal/categories/llm-serving/']]) {
      const doc = parseHtml(snapshotTableHtml({ quarter: '2024-q3', rows: [row], total: undefined, caption: 'Title. Caption', base: base! }));
      expect(href(doc, 'tbody th a')).toBe(href_);
      expect(text(query(doc, 'tbody th a')!)).toBe('LLM Serving & Inference');
      expect(text(query(doc, 'tbody th a .ds-table__tail')!).trim()).toBe('& Inference');
    }
  });

  it('the top projects bars link each project and, across categories, its category', () => {
    const doc = parseHtml(topProjectsHtml({ bars: [bar], show: 'all', withCategory: true, empty: 'none', base: '/deep-signal/' }));
    expect(href(doc, 'a.ds-bars__repo')).toBe('/deep-signal/projects/vllm-project/vllm/');
    expect(href(doc, 'a.ds-bars__cat')).toBe('/deep-signal/categories/llm-serving/');
    const within = parseHtml(topProjectsHtml({ bars: [bar], show: 'all', withCategory: false, empty: 'none', base: '/' }));
    expect(query(within, '.ds-bars__cat')).toBeNull();
  });

  it('text and attributes are escaped: a name cannot become markup', () => {
    const html = topProjectsHtml({ bars: [{ ...bar, repo: 'a/<b>"x"', categoryName: '<script>' }], show: 'all', withCategory: true, empty: 'none', base: '/' });
    expect(html).not.toContain('<script>');
    expect(html).not.toContain('<b>');
    expect(href(parseHtml(html), 'a.ds-bars__repo')).toBe('/projects/a/%3Cb%3E%22x%22/');
  });

  it('no bars: the empty sentence alone', () => {
    expect(topProjectsHtml({ bars: [], show: 'all', withCategory: true, empty: 'No project had contributors in Q3 2024.', base: '/' })).toBe('<p class="ds-bars__empty">No project had contributors in Q3 2024.</p>');
  });
});
