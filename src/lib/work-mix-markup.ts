// <WorkMix>: what kind of work a scope's commits were (work_composition), one 100%
// stacked bar per quarter of the folder, kinds in a fixed order so a shift reads as a
// band growing or shrinking in place; a summary of the two largest shifts and a table
// twin. CSS bars of real text (like <TopProjects>): they reflow on a phone and need no
// script. Pure, for the build.
import { formatInteger, formatPercent, formatShare } from './format.ts';
import { m, type Markup } from './markup.ts';
import { quarterLabel, quarterShortLabel } from './quarters.ts';
import type { WorkMixRow } from './query-rows.ts';
import { twinTable } from './twin-markup.ts';
import { WORK_KIND_LABELS, WORK_KINDS, type WorkKind } from './work-kinds.ts';

export interface WorkMixQuarter {
  quarter: string;
  partial: boolean;
  total: number;
  /** Share per kind (0..1), in WORK_KINDS order; null when the scope had no commit. */
  shares: Record<WorkKind, number> | null;
  commits: Record<WorkKind, number>;
}

export function workMixModel(rows: readonly WorkMixRow[]): WorkMixQuarter[] {
  const quarters = [...new Set(rows.map((r) => r.quarter))];
  return quarters.map((quarter) => {
    const rs = rows.filter((r) => r.quarter === quarter);
    const commits = Object.fromEntries(WORK_KINDS.map((k) => [k, rs.find((r) => r.work_kind === k)?.commits ?? 0])) as Record<WorkKind, number>;
    const total = rs[0]?.total_commits ?? 0;
    const shares = total > 0 ? (Object.fromEntries(WORK_KINDS.map((k) => [k, rs.find((r) => r.work_kind === k)?.share ?? 0])) as Record<WorkKind, number>) : null;
    return { quarter, partial: rs[0]?.partial ?? false, total, shares, commits };
  });
}

/** The two kinds whose share moved most between the first and the last complete quarter with commits. */
export function workMixSummary(model: readonly WorkMixQuarter[], scopeName: string): string {
  const complete = model.filter((q) => q.shares !== null && !q.partial);
  const a = complete[0];
  const b = complete.at(-1);
  if (!a || !b) return `${scopeName} had no human commits in these quarters.`;
  const share = (q: WorkMixQuarter, k: WorkKind) => q.shares![k];
  if (a === b) {
    const top = [...WORK_KINDS].sort((x, y) => share(a, y) - share(a, x))[0]!;
    return `In ${quarterLabel(a.quarter)}, ${WORK_KIND_LABELS[top]} were ${formatShare(share(a, top))} of the commits in ${scopeName}.`;
  }
  const moves = [...WORK_KINDS]
    .map((k) => ({ k, d: share(b, k) - share(a, k) }))
    .sort((x, y) => Math.abs(y.d) - Math.abs(x.d) || WORK_KINDS.indexOf(x.k) - WORK_KINDS.indexOf(y.k))
    .slice(0, 2)
    .filter((x) => Math.abs(x.d) >= 0.005);
  if (moves.length === 0) return `From ${quarterLabel(a.quarter)} to ${quarterLabel(b.quarter)}, the mix of work in ${scopeName} held steady.`;
  const said = moves.map(({ k, d }) => `${WORK_KIND_LABELS[k]} ${d > 0 ? 'rose' : 'fell'} from ${formatShare(share(a, k))} to ${formatShare(share(b, k))}`);
  return `From ${quarterLabel(a.quarter)} to ${quarterLabel(b.quarter)}, ${said.join(' and ')} of the commits in ${scopeName}.`;
}

function legend(): Markup {
  return m(
    'ul',
    { class: 'ds-mix__legend', 'aria-label': 'Legend' },
    WORK_KINDS.map((k) => m('li', {}, m('span', { class: `ds-mix__key ds-mix__kind--${k}`, 'aria-hidden': 'true' }), WORK_KIND_LABELS[k])),
  );
}

function bar(q: WorkMixQuarter): Markup {
  const label = quarterLabel(q.quarter) + (q.partial ? ' (partial)' : '');
  if (!q.shares) {
    return m('li', { class: 'ds-mix__row', 'data-quarter': q.quarter }, m('span', { class: 'ds-mix__label' }, quarterShortLabel(q.quarter)), m('span', { class: 'ds-mix__none' }, 'no commits'), m('span', { class: 'ds-mix__total' }, '0'));
  }
  const shares = q.shares;
  const words = WORK_KINDS.filter((k) => shares[k] > 0).map((k) => `${WORK_KIND_LABELS[k]} ${formatShare(shares[k])}`);
  return m(
    'li',
    { class: `ds-mix__row${q.partial ? ' ds-mix__row--partial' : ''}`, 'data-quarter': q.quarter },
    m('span', { class: 'ds-mix__label' }, quarterShortLabel(q.quarter), q.partial ? m('span', { class: 'ds-mix__partial' }, ' partial') : null),
    m(
      'span',
      { class: 'ds-mix__bar', role: 'img', 'aria-label': `${label}: ${words.join(', ')} of ${formatInteger(q.total)} commits` },
      WORK_KINDS.filter((k) => shares[k] > 0).map((k) =>
        m(
          'span',
          { class: `ds-mix__seg ds-mix__kind--${k}`, style: `width: ${(100 * shares[k]).toFixed(2)}%`, title: `${WORK_KIND_LABELS[k]}: ${formatPercent(shares[k])} (${formatInteger(q.commits[k])} commits)`, 'data-kind': k, 'data-share': shares[k].toFixed(4) },
          // A number only where it fits; the title and the table twin carry every one.
          shares[k] >= 0.12 ? formatShare(shares[k]) : null,
        ),
      ),
    ),
    m('span', { class: 'ds-mix__total' }, formatInteger(q.total)),
  );
}

export function workMixContent(model: readonly WorkMixQuarter[], t: { scopeName: string; caption: string }): Markup[] {
  const columns = [{ label: 'Quarter' }, ...WORK_KINDS.map((k) => ({ label: WORK_KIND_LABELS[k], numeric: true })), { label: 'Commits', numeric: true }];
  const rows = model.map((q) => ({
    head: quarterLabel(q.quarter) + (q.partial ? ' (partial)' : ''),
    attrs: { 'data-quarter': q.quarter },
    cells: [
      ...WORK_KINDS.map((k) => (q.shares ? { text: formatPercent(q.shares[k]), value: q.shares[k] } : { text: '\u2013', value: null })),
      { text: formatInteger(q.total), value: q.total },
    ],
  }));
  return [
    m('p', { class: 'ds-talent__summary' }, workMixSummary(model, t.scopeName)),
    legend(),
    m('ol', { class: 'ds-mix' }, model.map(bar)),
    m('p', { class: 'ds-mix__note' }, 'Bars: share of each quarter\u2019s human commits; the number on the right is the commits.'),
    ...twinTable(t.caption, columns, rows, 'No quarter to show.'),
  ];
}
