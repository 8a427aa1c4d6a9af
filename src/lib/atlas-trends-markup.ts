// The atlas trends: one sparkline per figure over the folder's quarters (the site's
// small multiples, src/lib/sparkline-markup.ts) and one table twin with every value.
// Each figure keeps its own scale and format: they measure different things.
import type { AtlasSeriesRow } from './atlas-rows.ts';
import { seriesValues, type QuarterSpan, type SeriesField } from './atlas-series.ts';
import { formatDecimal, formatInteger, formatPercent } from './format.ts';
import { m, type Markup } from './markup.ts';
import { quarterLabel, quarterShortLabel } from './quarters.ts';
import { sparkMultiples } from './sparkline-markup.ts';
import { twinTable } from './twin-markup.ts';

export interface TrendSpec {
  field: SeriesField;
  label: string;
  kind: 'count' | 'share' | 'weeks';
}

export const PROJECT_TRENDS: readonly TrendSpec[] = [
  { field: 'commits', label: 'Commits', kind: 'count' },
  { field: 'contributors', label: 'Contributors', kind: 'count' },
  { field: 'new_contributors', label: 'New contributors', kind: 'count' },
  { field: 'retained', label: 'Retained', kind: 'count' },
  { field: 'reactivated', label: 'Reactivated', kind: 'count' },
  { field: 'churned', label: 'Churned', kind: 'count' },
  { field: 'mean_active_weeks', label: 'Mean active weeks', kind: 'weeks' },
  { field: 'core_50', label: 'Core team (half the work)', kind: 'count' },
  { field: 'test_line_share', label: 'Test share of lines', kind: 'share' },
];

export const CATEGORY_TRENDS: readonly TrendSpec[] = [
  ...PROJECT_TRENDS.slice(0, 2),
  { field: 'active_repos', label: 'Active projects', kind: 'count' },
  ...PROJECT_TRENDS.slice(2),
  { field: 'newcomer_share', label: 'Newcomer share', kind: 'share' },
  { field: 'top_repo_share', label: 'Concentration (top project\u2019s share)', kind: 'share' },
];

export function formatTrendValue(kind: TrendSpec['kind'], v: number): string {
  if (kind === 'share') return formatPercent(v, 0);
  if (kind === 'weeks') return formatDecimal(v, 1);
  return formatInteger(v);
}

export interface TrendsInput {
  rows: readonly AtlasSeriesRow[];
  quarters: readonly (QuarterSpan & { partial: boolean })[];
  specs: readonly TrendSpec[];
  colour: string;
  trackedUntil?: string | null;
  scopeName: string;
}

export function atlasTrendsContent(t: TrendsInput): Markup[] {
  const quarters = t.quarters.map((q) => q.quarter);
  const partialIndex = t.quarters.findIndex((q) => q.partial);
  const series = t.specs.map((s) => ({ spec: s, values: seriesValues(t.rows, t.quarters, s.field, t.trackedUntil ?? null) }));
  const cells = series.flatMap(({ spec, values }) => {
    const fmt = (v: number) => formatTrendValue(spec.kind, v);
    const shown = values.filter((v): v is number => v !== null);
    const label = shown.length === 0 ? `${spec.label}: no value in these quarters` : `${spec.label} of ${t.scopeName}, ${quarterShortLabel(quarters[0]!)} to ${quarterShortLabel(quarters.at(-1)!)}: ${values.map((v) => (v === null ? 'no value' : fmt(v))).join(', ')}`;
    const list = sparkMultiples([{ id: spec.field, name: spec.label, colour: t.colour, values, label }], { quarters, partialIndex, format: fmt, zero: spec.kind !== 'weeks' });
    return list.children;
  });
  const columns = [{ label: 'Figure' }, ...quarters.map((q) => ({ label: quarterShortLabel(q), numeric: true }))];
  const rows = series.map(({ spec, values }) => ({
    head: spec.label,
    attrs: { 'data-series': spec.field },
    cells: values.map((v) => (v === null ? { text: '\u2013', value: null } : { text: formatTrendValue(spec.kind, v), value: v })),
  }));
  return [
    m('ul', { class: 'ds-spark ds-atlas-spark' }, cells),
    ...twinTable(`${t.scopeName}, ${quarterLabel(quarters[0]!)} to ${quarterLabel(quarters.at(-1)!)}`, columns, rows, 'No quarter to show.'),
  ];
}
