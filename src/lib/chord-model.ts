// What a chord figure shows, from query rows to layout: which links are drawn, the
// stayers of a migration, the named links of the summary and table, and the geometry.
// <TalentChord> runs it at build time and <talent-chord> after a re-query, so a
// redrawn chart is the chart the build would have drawn for the same options.
import { chordLayout, type ChordLayout, type ChordLink } from './chord-layout.ts';
import { SMALL_CELL_MIN_PEOPLE } from './chord-thresholds.ts';
import { migrationSummary, overlapSummary, type NamedLink } from './chord-text.ts';
import type { ChordMode } from './figure-text.ts';
import { shortCategoryName } from './labels.ts';
import { prevQuarter, quarterLabel } from './quarters.ts';
import type { CategoryRow, MigrationRow, OverlapRow } from './query-rows.ts';

const FALLBACK_COLOUR = '#767676';

/**
 * The registry query behind a chord. Threshold 1 reads the published tables every other
 * figure quotes; a higher one reads the published counts at that threshold (equal at 1,
 * which a test checks). No person-level rows are published, so nothing is recomputed.
 */
export function chordQueryName(mode: ChordMode, minCommits: number): 'overlap-matrix' | 'overlap-at-threshold' | 'migration-matrix' | 'migration-at-threshold' {
  if (mode === 'overlap') return minCommits > 1 ? 'overlap-at-threshold' : 'overlap-matrix';
  return minCommits > 1 ? 'migration-at-threshold' : 'migration-matrix';
}

export function chordLinks(mode: ChordMode, rows: readonly (OverlapRow | MigrationRow)[]): ChordLink[] {
  return mode === 'overlap'
    ? (rows as OverlapRow[]).map((r) => ({ source: r.category_a, target: r.category_b, value: r.people }))
    : (rows as MigrationRow[]).map((r) => ({ source: r.from_category, target: r.to_category, value: r.people }));
}

export interface ChordModelOptions {
  quarter: string;
  mode: ChordMode;
  minPeople: number;
  /** Above 1, an empty chart may only mean that every link was too small to publish. */
  minCommits?: number;
  /** Draw only links of at least this many people; the table still lists every link. Default: chartMinPeople(mode). */
  drawMinPeople?: number;
}

/**
 * The smallest link the chart draws by default. Migration: most flows are one or two
 * people, and drawn they make a hairball that hides the flows that matter, so the
 * chart keeps the flows the published thresholds would keep anyway (3 or more) and
 * the table lists the rest. Overlap pairs are fewer and larger: all are drawn.
 */
export function chartMinPeople(mode: ChordMode): number {
  return mode === 'migration' ? SMALL_CELL_MIN_PEOPLE : 1;
}

export interface ChordModel {
  /** Links of the table (no self-links, at least minPeople). */
  links: ChordLink[];
  /** Links the chart draws: those of at least drawMin people. */
  drawn: ChordLink[];
  drawMin: number;
  /** Migration: people whose main category stayed the same. */
  stayers: number;
  /** Links with short names, largest first (summary and table order). */
  named: NamedLink[];
  summary: string;
  layout: ChordLayout;
  /** Full category name (the table), or the id when the folder does not know it. */
  name(id: string): string;
  /** Short name (chart labels, summary, tooltips). */
  short(id: string): string;
  colour(id: string): string;
  /** Migration: M[source][target] − M[target][source]. */
  net(link: ChordLink): number;
}

export function chordModel(raw: readonly ChordLink[], categories: readonly CategoryRow[], o: ChordModelOptions): ChordModel {
  const byId = new Map(categories.map((c) => [c.category_id, c]));
  const name = (id: string) => byId.get(id)?.name ?? id;
  const short = (id: string) => shortCategoryName(name(id));
  const colour = (id: string) => byId.get(id)?.colour ?? FALLBACK_COLOUR;

  const stayers = raw.filter((l) => l.source === l.target).reduce((s, l) => s + l.value, 0);
  const links = raw.filter((l) => l.source !== l.target && l.value >= o.minPeople);
  const named: NamedLink[] = links
    .map((l) => ({ ...l, sourceName: short(l.source), targetName: short(l.target) }))
    .sort((a, b) => b.value - a.value || a.source.localeCompare(b.source) || a.target.localeCompare(b.target));
  const label = quarterLabel(o.quarter);
  const threshold = o.minCommits ?? 1;
  const summary = o.mode === 'overlap' ? overlapSummary(named, label, threshold) : migrationSummary(named, quarterLabel(prevQuarter(o.quarter)), label, threshold);
  const flow = new Map(links.map((l) => [`${l.source}>${l.target}`, l.value]));
  const drawMin = Math.max(o.minPeople, o.drawMinPeople ?? chartMinPeople(o.mode));
  const drawn = links.filter((l) => l.value >= drawMin);
  const layout = chordLayout(
    categories.map((c) => ({ id: c.category_id, name: shortCategoryName(c.name), colour: c.colour })),
    drawn,
    { directed: o.mode === 'migration' },
  );
  return {
    links,
    drawn,
    drawMin,
    stayers,
    named,
    summary,
    layout,
    name,
    short,
    colour,
    net: (l) => l.value - (flow.get(`${l.target}>${l.source}`) ?? 0),
  };
}
