// A category's projects ranked by contributors in the folder's quarter: one table, in
// rank order at build (readable with no script), each sortable cell carrying its value
// in data-value for the small sorter on the category page. Projects with no commit in
// the quarter, and listed projects with no history, follow the ranked ones.
import type { AtlasRepoRow, AtlasSeriesRow } from './atlas-rows.ts';
import { projectLink } from './atlas-links.ts';
import { formatInteger, formatPercent, formatSignedPercent } from './format.ts';
import { m, type Markup } from './markup.ts';

export interface RankedProject {
  repo: string;
  rank: number | null;
  row: AtlasSeriesRow | null;
  status: 'ingested' | 'unavailable';
}

export function rankedProjects(categoryId: string, repos: readonly AtlasRepoRow[], repoSeries: ReadonlyMap<string, readonly AtlasSeriesRow[]>, quarter: string): RankedProject[] {
  const list = repos
    .filter((r) => r.category_id === categoryId)
    .map((r) => {
      const row = repoSeries.get(r.repo)?.find((x) => x.quarter === quarter) ?? null;
      return { repo: r.repo, rank: row?.rank_in_category ?? null, row, status: r.status };
    });
  const order = (p: RankedProject) => (p.rank !== null ? 0 : p.status === 'ingested' ? 1 : 2);
  return list.sort((a, b) => order(a) - order(b) || (a.rank ?? 0) - (b.rank ?? 0) || a.repo.toLowerCase().localeCompare(b.repo.toLowerCase()));
}

const COLUMNS = [
  { key: 'rank', label: 'Rank', type: 'number' },
  { key: 'repo', label: 'Project', type: 'text' },
  { key: 'contributors', label: 'Contributors', type: 'number' },
  { key: 'new_contributors', label: 'New', type: 'number' },
  { key: 'commits', label: 'Commits', type: 'number' },
  { key: 'commits_qoq', label: 'Commits vs previous quarter', type: 'number' },
  { key: 'core_50', label: 'Core team (half)', type: 'number' },
  { key: 'test_line_share', label: 'Test share', type: 'number' },
] as const;

function num(key: string, value: number | null, text: string): Markup {
  return m('td', { class: 'ds-num', 'data-sort-key': key, 'data-value': value ?? '' }, text);
}

const DASH = '\u2013';

export function rankingTable(projects: readonly RankedProject[], o: { base: string; caption: string }): Markup {
  const head = m(
    'tr',
    {},
    COLUMNS.map((c) =>
      m('th', { scope: 'col', class: c.type === 'number' && c.key !== 'rank' ? 'ds-num' : null, 'data-sort-key': c.key, 'data-sort-type': c.type, 'aria-sort': c.key === 'rank' ? 'ascending' : null }, c.label),
    ),
  );
  const rows = projects.map((p) => {
    const r = p.row;
    const qoq = r?.commits_qoq ?? null;
    const note = p.status === 'unavailable' ? 'not available' : r ? null : 'no commit this quarter';
    return m(
      'tr',
      { 'data-repo': p.repo },
      m('td', { 'data-sort-key': 'rank', 'data-value': p.rank ?? '' }, p.rank === null ? DASH : formatInteger(p.rank)),
      m('th', { scope: 'row', 'data-sort-key': 'repo', 'data-value': p.repo.toLowerCase() }, projectLink(o.base, p.repo), note ? m('span', { class: 'ds-atlas-note' }, ` (${note})`) : null),
      num('contributors', r?.contributors ?? null, r ? formatInteger(r.contributors) : DASH),
      num('new_contributors', r?.new_contributors ?? null, r ? formatInteger(r.new_contributors) : DASH),
      num('commits', r?.commits ?? null, r ? formatInteger(r.commits) : DASH),
      num('commits_qoq', qoq, qoq === null ? DASH : formatSignedPercent(qoq, 0)),
      num('core_50', r?.core_50 ?? null, r ? (r.core_50 === null ? (r.contributors > 0 ? 'under 3' : DASH) : formatInteger(r.core_50)) : DASH),
      num('test_line_share', r?.test_line_share ?? null, r?.test_line_share == null ? DASH : formatPercent(r.test_line_share, 0)),
    );
  });
  return m('div', { class: 'ds-atlas-scroll' }, m('table', { class: 'ds-atlas-table', 'data-sortable': '' }, m('caption', {}, o.caption), m('thead', {}, head), m('tbody', {}, rows)));
}
