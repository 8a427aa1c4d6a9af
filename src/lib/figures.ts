// Figures an article may quote inline (<Metric figure="…">): where each comes from and
// how it reads. Shared so the browser can format a re-queried figure identically.
import { formatChange, formatDecimal, formatInteger, formatPercent, formatPointChange, formatSignedPercent, formatWeeks } from './format.ts';
import { likeForLikeNote } from './like-for-like.ts';

/** count: people or commits; ratio: a fraction of a whole; change: a QoQ fraction; weeks: mean/median weeks; text: a name. */
export type FigureKind = 'count' | 'ratio' | 'change' | 'weeks' | 'text';
export type FigureFormat = 'number' | 'percent' | 'signed' | 'weeks';

export interface FigureDef {
  kind: FigureKind;
  /**
   * 'scope': a scope_quarters column; 'company': company_share (needs an organization);
   * 'repos': counted in repos; 'overlap', 'migration', 'net_migration': between two
   * categories, as the talent chord links them (category_overlap, category_migration).
   * 'pool', 'core_team', 'newcomers', 'work': the tables of TalentSource (below).
   */
  source: 'scope' | 'company' | 'repos' | 'overlap' | 'migration' | 'net_migration' | TalentSource;
  /** How it reads when the article does not say, where its kind's default would mislead. */
  format?: FigureFormat;
  /** For change figures: the column holding the previous quarter's value ("new" when 0). */
  prevColumn?: string;
  /** For counts that have a published QoQ column (like-for-like, already respecting partial quarters). */
  qoqColumn?: string;
}

const count = (qoqColumn?: string): FigureDef => (qoqColumn ? { kind: 'count', source: 'scope', qoqColumn } : { kind: 'count', source: 'scope' });
const ratio: FigureDef = { kind: 'ratio', source: 'scope' };
const weeks: FigureDef = { kind: 'weeks', source: 'scope' };
const change = (prevColumn: string): FigureDef => ({ kind: 'change', source: 'scope', prevColumn });

export const FIGURES: Readonly<Record<string, FigureDef>> = {
  commits: count('commits_qoq'),
  contributors: count('contributors_qoq'),
  active_repos: count('active_repos_qoq'),
  merge_commits: count(),
  bot_commits: count(),
  agent_assisted_commits: count(),
  new_contributors: count(),
  new_to_ecosystem: count(),
  retained: count(),
  reactivated: count(),
  churned: count(),
  contributors_prev: count(),
  test_lines: count(),
  src_lines: count(),
  test_files: count(),
  src_files: count(),
  churn_rate: ratio,
  retention: ratio,
  one_week_share: ratio,
  test_line_share: ratio,
  test_file_share: ratio,
  top_repo_share: ratio,
  mean_active_weeks: weeks,
  median_active_weeks: weeks,
  commits_qoq: change('commits_prev'),
  contributors_qoq: change('contributors_prev'),
  active_repos_qoq: change('active_repos_prev'),
  top_repo: { kind: 'text', source: 'scope' },
  company_share: { kind: 'ratio', source: 'company' },
  tracked_repos: { kind: 'count', source: 'repos' },
  overlap: { kind: 'count', source: 'overlap' },
  migration: { kind: 'count', source: 'migration' },
  // Signed by default: the direction of a net flow is the point of quoting it.
  net_migration: { kind: 'count', source: 'net_migration', format: 'signed' },
  // Talent pools, core teams, newcomers and the work mix (TalentSource).
  talent_pool: { kind: 'count', source: 'pool' },
  multi_category_people: { kind: 'count', source: 'pool' },
  core_team_50: { kind: 'count', source: 'core_team' },
  core_team_80: { kind: 'count', source: 'core_team' },
  steady_contributors: { kind: 'count', source: 'core_team' },
  newcomer_share: { kind: 'ratio', source: 'newcomers' },
  ecosystem_newcomer_share: { kind: 'ratio', source: 'newcomers' },
  new_projects: { kind: 'count', source: 'newcomers' },
  work_share: { kind: 'ratio', source: 'work' },
};

/**
 * Figures read from the tables beside scope_quarters (src/node/metric-talent.ts):
 * 'pool' talent_pools (a pair of categories with category and other, a named pool with
 * pool="id", or the people in three or more categories); 'core_team' core_team (a
 * scope's core team sizes and steady contributors); 'newcomers' scope_newcomers (a
 * category's or the whole set's newcomer shares and new projects); 'work'
 * work_composition (one kind of work's share, with kind="fix").
 */
export type TalentSource = 'pool' | 'core_team' | 'newcomers' | 'work';

export function isFigure(name: string): boolean {
  return Object.hasOwn(FIGURES, name);
}

export function defaultFormat(kind: FigureKind): FigureFormat | 'text' {
  switch (kind) {
    case 'count':
      return 'number';
    case 'ratio':
      return 'percent';
    case 'change':
      return 'signed';
    case 'weeks':
      return 'weeks';
    case 'text':
      return 'text';
  }
}

export interface FigureValue {
  value: number | string | null;
  prev?: number | null;
  partial?: boolean;
  observed?: boolean;
  /** The published qoq_basis_excludes of the scope and quarter. */
  basisExcludes?: string | null;
}

/** The figure as prose shows it. */
export function formatFigure(def: FigureDef, fig: FigureValue, format?: FigureFormat): string {
  if (typeof fig.value === 'string') return fig.value;
  const as = format ?? def.format ?? defaultFormat(def.kind);
  if (def.kind === 'change' || as === 'signed') {
    if (def.kind === 'change') {
      return formatChange({ value: fig.value, prev: fig.prev, partial: fig.partial, observed: fig.observed, basisExcludes: fig.basisExcludes }).text;
    }
    return fig.value === null ? '\u2013' : def.kind === 'count' ? formatInteger(fig.value, { signed: true }) : formatSignedPercent(fig.value);
  }
  if (fig.value === null) return '\u2013';
  switch (as) {
    case 'number':
      return def.kind === 'count' ? formatInteger(fig.value) : formatDecimal(fig.value, def.kind === 'ratio' ? 3 : 1);
    case 'percent':
      return formatPercent(fig.value);
    case 'weeks':
      return formatWeeks(fig.value);
    default:
      return String(fig.value);
  }
}

/**
 * The change on the previous quarter as prose reads it: counts and weeks relative
 * ("+12.3%"), ratios in percentage points ("up 4.1 points"). A partial quarter is
 * never compared. Counts with a published QoQ use it (like-for-like); other counts
 * have no like-for-like recount, so where a history stops (observed false) their
 * plain change would be an artefact and is not shown.
 */
export function formatFigureChange(def: FigureDef, cur: FigureValue, prev: number | null, publishedQoq?: number | null): string {
  if (cur.partial) return 'partial quarter';
  if (typeof cur.value !== 'number') return '\u2013';
  if (def.kind === 'ratio') return prev === null ? '\u2013' : formatPointChange(cur.value - prev);
  if (def.kind === 'weeks') {
    if (prev === null) return '\u2013';
    const d = cur.value - prev;
    return formatDecimal(d, 1) === '0.0' ? 'unchanged' : `${d > 0 ? 'up' : 'down'} ${formatWeeks(Math.abs(d))}`;
  }
  if (publishedQoq !== undefined) {
    return formatChange({ value: publishedQoq, prev: prev ?? 0, partial: cur.partial, observed: cur.observed, basisExcludes: cur.basisExcludes }).text;
  }
  const value = prev === null || prev === 0 || cur.observed === false ? null : (cur.value - prev) / prev;
  return formatChange({ value, prev: prev ?? 0, partial: cur.partial, observed: cur.observed }).text;
}

/**
 * The footnote a quoted change needs when it is like-for-like and leaves repositories
 * out ("same repositories in both quarters; excludes …"), else null. `change` is the
 * change shown: the figure itself for change figures, the published QoQ for counts.
 */
export function figureChangeNote(cur: FigureValue, change: number | string | null | undefined): string | null {
  if (cur.partial || typeof change !== 'number' || !Number.isFinite(change)) return null;
  return likeForLikeNote(cur.basisExcludes);
}

/** How a trend metric is named in titles and descriptions (lower case, mid-sentence). */
export const TREND_LABELS: Readonly<Record<string, string>> = {
  contributors: 'contributors',
  commits: 'commits',
  active_repos: 'active repositories',
  new_contributors: 'new contributors',
  new_to_ecosystem: 'newcomers to the tracked ecosystem',
  agent_assisted_commits: 'agent-assisted commits',
  churn_rate: 'churn rate',
  retention: 'retention',
  mean_active_weeks: 'mean active weeks',
  one_week_share: 'share active in a single week',
  test_line_share: 'test share of lines changed',
  top_repo_share: "largest project's share of commits",
  newcomer_share: 'newcomer share',
};

/**
 * How a figure is named where it stands alone (a table row of a restatement note), in
 * sentence case, in the order a reader meets them (the headline counts, then who came
 * and went, then the rest); headline-only figures (ingested_repos) too. figureName falls
 * back to the id in words.
 */
export const FIGURE_NAMES: Readonly<Record<string, string>> = {
  commits: 'Commits',
  contributors: 'Contributors',
  active_repos: 'Active repositories',
  new_contributors: 'New contributors',
  new_to_ecosystem: 'Newcomers to the tracked ecosystem',
  retained: 'Contributors retained from the quarter before',
  reactivated: 'Contributors back after a break',
  churned: 'Contributors who left',
  contributors_prev: 'Contributors in the quarter before',
  churn_rate: 'Churn rate',
  retention: 'Retention',
  commits_qoq: 'Commits, change on the quarter before',
  contributors_qoq: 'Contributors, change on the quarter before',
  active_repos_qoq: 'Active repositories, change on the quarter before',
  tracked_repos: 'Tracked repositories',
  ingested_repos: 'Repositories with a history',
  merge_commits: 'Merge commits',
  bot_commits: 'Bot commits',
  agent_assisted_commits: 'Agent-assisted commits',
  mean_active_weeks: 'Mean active weeks',
  median_active_weeks: 'Median active weeks',
  one_week_share: 'Share active in a single week',
  test_lines: 'Test lines changed',
  src_lines: 'Source lines changed',
  test_files: 'Test files changed',
  src_files: 'Source files changed',
  test_line_share: 'Test share of lines changed',
  test_file_share: 'Test share of files changed',
  top_repo: 'Largest project',
  top_repo_share: "Largest project's share of commits",
  company_share: 'Company share of commits',
  overlap: 'People active in both categories',
  migration: 'People who moved category',
  net_migration: 'Net movement between categories',
};

export function figureName(figure: string): string {
  const name = FIGURE_NAMES[figure];
  if (name) return name;
  const words = figure.replaceAll('_', ' ');
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/** A figure's value in a small space (chart labels): no unit words. */
export function formatCompactFigure(name: string, value: number): string {
  const kind = FIGURES[name]?.kind ?? 'count';
  if (kind === 'ratio') return formatPercent(value, value !== 0 && Math.abs(value) < 0.1 ? 1 : 0);
  if (kind === 'weeks') return formatDecimal(value, 1);
  return formatInteger(value);
}
