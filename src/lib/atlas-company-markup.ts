// A category's company mix: the largest organizations' shares of its commit credit in
// the folder's quarter, beside the same a year before. A table whose share cells carry
// a bar, so the table is the chart and needs no twin. 'Unknown' and 'Other' are kept
// in rank order but named for what they are.
import type { AtlasCompanyRow } from './atlas-rows.ts';
import { formatPercent } from './format.ts';
import { m, type Markup } from './markup.ts';
import { quarterShortLabel } from './quarters.ts';

export interface CompanyLine {
  organization: string;
  share: number;
  before: number | null;
}

export function companyLines(rows: readonly AtlasCompanyRow[], quarter: string, limit: number): { lines: CompanyLine[]; beforeQuarter: string | null } {
  const now = rows.filter((r) => r.quarter === quarter);
  const seq = now[0]?.seq;
  const beforeRows = seq === undefined ? [] : rows.filter((r) => r.seq === seq - 4);
  const beforeQuarter = beforeRows[0]?.quarter ?? null;
  const lines = [...now]
    .sort((a, b) => a.rank - b.rank || a.organization.localeCompare(b.organization))
    .slice(0, limit)
    .map((r) => ({ organization: r.organization, share: r.share, before: beforeQuarter ? (beforeRows.find((b) => b.organization === r.organization)?.share ?? 0) : null }));
  return { lines, beforeQuarter };
}

const DESCRIBE: Record<string, string> = {
  Unknown: 'Unknown (webmail, noreply)',
  Other: 'Other (unmapped domains)',
  'Fewer than 3 people': 'Organizations of fewer than 3 people here',
};

export function companyTable(lines: readonly CompanyLine[], o: { quarter: string; beforeQuarter: string | null; caption: string }): Markup {
  const max = Math.max(...lines.map((l) => l.share), 0.0001);
  return m(
    'table',
    { class: 'ds-atlas-table ds-atlas-company' },
    m('caption', {}, o.caption),
    m(
      'thead',
      {},
      m('tr', {}, m('th', { scope: 'col' }, 'Organization'), m('th', { scope: 'col', class: 'ds-num' }, quarterShortLabel(o.quarter)), o.beforeQuarter ? m('th', { scope: 'col', class: 'ds-num' }, quarterShortLabel(o.beforeQuarter)) : null),
    ),
    m(
      'tbody',
      {},
      lines.map((l) =>
        m(
          'tr',
          {},
          m('th', { scope: 'row' }, DESCRIBE[l.organization] ?? l.organization),
          m('td', { class: 'ds-num ds-atlas-bar', style: `--w: ${((l.share / max) * 100).toFixed(1)}%` }, formatPercent(l.share, 1)),
          o.beforeQuarter ? m('td', { class: 'ds-num' }, l.before === null ? '\u2013' : formatPercent(l.before, 1)) : null,
        ),
      ),
      lines.length === 0 ? m('tr', {}, m('td', { colspan: 3 }, 'No commit credit in this quarter.')) : null,
    ),
  );
}
