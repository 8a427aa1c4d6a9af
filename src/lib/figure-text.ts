// Titles, captions and cell texts of the interactive report figures. The components
// write them at build time and the custom elements (src/client/elements) write them
// again after a re-query, so one function per text keeps a redrawn figure reading
// exactly like one the build rendered for the same options.
import { SMALL_CELL_MIN_PEOPLE } from './chord-thresholds.ts';
import { formatChange, formatInteger, type Change } from './format.ts';
import { BASIS_MARK, basisExcludes, likeForLikeNote } from './like-for-like.ts';
import { prevQuarter, quarterLabel } from './quarters.ts';
import type { SnapshotRow } from './query-rows.ts';

// ---------------------------------------------------------------------------------
// <Figure> source line

export interface DatasetCounts {
  repos_ingested: number;
  repos_tracked: number;
}

export function figureSource(d: DatasetCounts): string {
  const { repos_ingested: read, repos_tracked: tracked } = d;
  return `Deep Signal analysis of the git history of ${read === tracked ? `${tracked}` : `${read} of ${tracked}`} tracked repositories`;
}

/** The "(Q2 2026 is a partial quarter)" after the as-of date, or ''. */
export function partialNote(quarter: string, partial: boolean): string {
  return partial ? ` (${quarterLabel(quarter)} is a partial quarter)` : '';
}

// ---------------------------------------------------------------------------------
// <SnapshotTable>

export type SnapshotMetric = 'commits' | 'contributors' | 'active_repos';

export const SNAPSHOT_METRICS: readonly { key: SnapshotMetric; label: string }[] = [
  { key: 'commits', label: 'Commits' },
  { key: 'contributors', label: 'Contributors' },
  { key: 'active_repos', label: 'Active repos' },
];

export function snapshotTitle(quarter: string): string {
  return `Categories at a glance, ${quarterLabel(quarter)}`;
}

export function snapshotCaption(quarter: string, partial: boolean): string {
  const label = quarterLabel(quarter);
  const prev = quarterLabel(prevQuarter(quarter));
  return partial
    ? `Commits, contributors and active repositories per category. ${label} is a partial quarter, so it is not compared with ${prev}.`
    : `Commits, contributors and active repositories per category, with the change on ${prev}.`;
}

type ChangeFields = Pick<SnapshotRow, SnapshotMetric | `${SnapshotMetric}_prev` | `${SnapshotMetric}_qoq` | 'partial' | 'observed' | 'qoq_basis_excludes'>;

export function snapshotChange(r: ChangeFields, m: SnapshotMetric): Change {
  return formatChange({ value: r[`${m}_qoq`], prev: r[`${m}_prev`], partial: r.partial, observed: r.observed, basisExcludes: r.qoq_basis_excludes });
}

/**
 * The table's footnote when some category's changes leave repositories out (their
 * cells carry the mark): which ones, per category, and why a change may be missing.
 * Null when every change covers its whole category, or the quarter is partial.
 */
export function snapshotBasisNote(rows: readonly (ChangeFields & Pick<SnapshotRow, 'name'>)[]): string | null {
  const affected = rows.filter((r) => !r.partial && basisExcludes(r.qoq_basis_excludes).length > 0);
  if (affected.length === 0) return null;
  const repos = affected.flatMap((r) => basisExcludes(r.qoq_basis_excludes));
  const parts = affected.map((r) => `${basisExcludes(r.qoq_basis_excludes).join(', ')} (${r.name})`);
  const missing = affected.some((r) => SNAPSHOT_METRICS.some((m) => snapshotChange(r, m.key).direction === 'none'));
  return (
    `${BASIS_MARK} Same repositories in both quarters: changes exclude ${parts.join('; ')}, whose ${repos.length === 1 ? 'history stops' : 'histories stop'}.` +
    (missing ? " No change is shown where those made more than a fifth of the quarter before's commits." : '')
  );
}

/** The footnote under figures whose changes leave repositories out, or null. */
export function basisFootnote(excludes: string | null | undefined): string | null {
  const note = likeForLikeNote(excludes);
  return note === null ? null : `${BASIS_MARK} ${note[0]!.toUpperCase()}${note.slice(1)}.`;
}

/** Sort key of a change cell: "new" and partial changes carry no number and sort last. */
export function changeSortValue(c: Change): string {
  return c.value === null ? '' : String(c.value);
}

// ---------------------------------------------------------------------------------
// <TalentChord>

export type ChordMode = 'overlap' | 'migration';

export interface ChordOptions {
  quarter: string;
  mode: ChordMode;
  minCommits: number;
  minPeople: number;
}

export function chordTitle(o: ChordOptions): string {
  const label = quarterLabel(o.quarter);
  return o.mode === 'overlap'
    ? `Contributors shared between categories, ${label}`
    : `Contributors changing category, ${quarterLabel(prevQuarter(o.quarter))} to ${label}`;
}

export function chordCaption(o: ChordOptions): string {
  const limits = [
    o.minCommits > 1 ? `only people with at least ${o.minCommits} commits ${o.mode === 'overlap' ? 'in each category' : 'in each quarter'} count` : '',
    // Above one commit the published counts leave small links out (chord-thresholds.ts): say so, or a missing ribbon reads as nobody.
    o.minCommits > 1 ? `${o.mode === 'overlap' ? 'pairs' : 'flows'} of fewer than ${SMALL_CELL_MIN_PEOPLE} people are not published` : '',
    o.minPeople > 1 ? `links of fewer than ${o.minPeople} people are left out` : '',
  ].filter(Boolean);
  const limitsText = limits.length > 0 ? ` Here ${limits.join(', and ')}.` : '';
  return (
    (o.mode === 'overlap'
      ? 'Each ribbon joins two categories; its width is the number of people active in both this quarter.'
      : 'Each ribbon is a flow of people whose main category (the one with most of their commits) changed; it starts wide at the category they left and points at the one they joined.') +
    limitsText
  );
}

/** The threshold control's value: "any commit", "4+ commits". */
export function commitsThreshold(n: number): string {
  return n === 1 ? 'any commit' : `${n}+ commits`;
}

export function chordTableCaption(o: Pick<ChordOptions, 'quarter' | 'mode'>): string {
  const label = quarterLabel(o.quarter);
  return o.mode === 'overlap' ? `People active in two categories, ${label}` : `People whose main category changed from ${quarterLabel(prevQuarter(o.quarter))} to ${label}`;
}

export function people(n: number): string {
  return `${formatInteger(n)} ${n === 1 ? 'person' : 'people'}`;
}

export function chordRibbonTitle(mode: ChordMode, sourceName: string, targetName: string, value: number): string {
  return mode === 'overlap' ? `${sourceName} and ${targetName}: ${people(value)}` : `${sourceName} → ${targetName}: ${people(value)}`;
}

export function chordArcTitle(mode: ChordMode, name: string, value: number): string {
  return mode === 'overlap' ? `${name}: ${formatInteger(value)} shared-contributor links` : `${name}: ${formatInteger(value)} people moving in or out`;
}

// ---------------------------------------------------------------------------------
// <TopProjects>

export function topProjectsTitle(quarter: string, categoryName: string | undefined): string {
  const label = quarterLabel(quarter);
  return categoryName ? `${categoryName}: projects by contributors, ${label}` : `Projects by contributors, ${label}`;
}

export function topProjectsCaption(count: number, inCategory: boolean): string {
  return `The ${count === 1 ? 'project' : `${count} projects`} with the most contributors${inCategory ? ' in the category' : ''}; the lighter, striped part of each bar is people new to that project this quarter.`;
}
