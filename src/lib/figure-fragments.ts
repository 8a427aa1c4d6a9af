// The figures a quarter picker offers, as small static files the build writes next to
// each published quarter's Parquet (src/pages/data/[quarter]/figures/): the snapshot
// table's rows, and the talent chords' links at the built threshold (1+ commits) in
// both modes. A reader's change of quarter fetches 1-2 KB and answers at once, where
// the 3.3 MB DuckDB-WASM engine takes seconds (16 s on slow 4G) to arrive. The files
// hold the rows the build's own registry queries returned (src/node/quarter-figures.ts),
// and the browser draws them with the render functions the build drew the article with
// (snapshot-markup.ts, chord-markup.ts, top-projects-markup.ts): one markup, not a copy.
// The top projects file holds every category's list, so a change of category answers
// from it too.
//
// A published folder holds nine quarters. A quarter with a folder of its own has its
// files there (data/<q>/figures/<figure>.json); the others are answered from the folder
// an article is pinned to (data/<folder>/figures/<q>/<figure>.json): restated figures
// differ between folders, so a file always says whose figures it holds.
//
// Rows travel as columns + value arrays (each key once, not once per row). Every field
// of the row types is listed in a schema the decoder checks, so a file from another
// build (an old copy in a cache, a changed query) is refused and the engine answers
// instead of a half-understood table.
import type { CategoryRow, HeadlineRow, MigrationRow, OverlapRow, SnapshotRow, TopProjectRow } from './query-rows.ts';

/** Bumped when the file's shape changes: a reader's cached old file is then refused. */
export const FRAGMENT_FORMAT = 1;

/** The folder under a quarter's data folder that holds its figure files. */
export const FIGURES_DIR = 'figures';

export type FigureName = 'snapshot' | 'chord' | 'top-projects';

/** Path of `quarter`'s figures file under the data folder of `folder` (see above). */
export function figuresFilePath(quarter: string, figure: FigureName, folder: string = quarter): string {
  return folder === quarter ? `${FIGURES_DIR}/${figure}.json` : `${FIGURES_DIR}/${quarter}/${figure}.json`;
}

/**
 * How many projects per list the top projects file holds: the articles' lists (the
 * component's default). A longer list is answered by the engine.
 */
export const TOP_PROJECTS_FILE_LIMIT = 10;

type Kind = 'string' | 'number' | 'boolean' | 'string|null' | 'number|null';
type Schema<R> = { readonly [K in keyof R]-?: Kind };

// Record-typed so the compiler insists on every field of the row types, and no other.
const SNAPSHOT_SCHEMA: Schema<SnapshotRow> = {
  category_id: 'string',
  name: 'string',
  emoji: 'string',
  colour: 'string',
  sort_order: 'number',
  quarter: 'string',
  partial: 'boolean',
  observed: 'boolean',
  commits: 'number',
  contributors: 'number',
  active_repos: 'number',
  new_contributors: 'number',
  commits_prev: 'number',
  contributors_prev: 'number',
  active_repos_prev: 'number',
  commits_qoq: 'number|null',
  contributors_qoq: 'number|null',
  active_repos_qoq: 'number|null',
  qoq_basis_excludes: 'string|null',
  churn_rate: 'number|null',
  top_repo: 'string|null',
  top_repo_share: 'number|null',
  tracked_repos: 'number',
};

const HEADLINE_SCHEMA: Schema<HeadlineRow> = {
  quarter: 'string',
  partial: 'boolean',
  observed: 'boolean',
  tracked_repos: 'number',
  ingested_repos: 'number',
  active_repos: 'number',
  commits: 'number',
  contributors: 'number',
  new_contributors: 'number',
  new_to_ecosystem: 'number',
  active_repos_prev: 'number',
  commits_prev: 'number',
  contributors_prev: 'number',
  active_repos_qoq: 'number|null',
  commits_qoq: 'number|null',
  contributors_qoq: 'number|null',
  qoq_basis_excludes: 'string|null',
};

const TOP_PROJECT_SCHEMA: Schema<TopProjectRow> = {
  repo: 'string',
  category_id: 'string',
  category_name: 'string',
  colour: 'string',
  contributors: 'number',
  new_contributors: 'number',
  returning_contributors: 'number',
  commits: 'number',
  rank_in_category: 'number',
  rank_overall: 'number',
  new_project: 'boolean',
};

const CATEGORY_SCHEMA: Schema<CategoryRow> = { category_id: 'string', name: 'string', emoji: 'string', colour: 'string', sort_order: 'number' };
const OVERLAP_SCHEMA: Schema<OverlapRow> = { category_a: 'string', category_b: 'string', people: 'number' };
const MIGRATION_SCHEMA: Schema<MigrationRow> = { from_category: 'string', to_category: 'string', people: 'number' };

/** What the snapshot table shows for one quarter: its rows and the total row. */
export interface SnapshotFigures {
  quarter: string;
  rows: SnapshotRow[];
  total: HeadlineRow | undefined;
}

interface Columns {
  columns: string[];
  values: unknown[][];
}

interface FileHead {
  format: number;
  quarter: string;
}
type SnapshotFile = FileHead & { snapshot: Columns; headline: Columns };
type ChordFile = FileHead & { categories: Columns; overlap: Columns; migration: Columns };
type TopProjectsFile = FileHead & { limit: number; projects: Columns };

/**
 * Every project in some top list of the quarter (overall or in its category) at up to
 * `limit`: each row carries both ranks, so one row serves both lists.
 */
export interface TopProjectsFigures {
  quarter: string;
  limit: number;
  projects: TopProjectRow[];
}

/** What the talent chords draw for one quarter at every commit (the built threshold), in both modes. */
export interface ChordFigures {
  quarter: string;
  categories: CategoryRow[];
  /** overlap-matrix's rows. */
  overlap: OverlapRow[];
  /** migration-matrix's rows. */
  migration: MigrationRow[];
}

function toColumns<R extends object>(rows: readonly R[], schema: Schema<R>): Columns {
  const columns = Object.keys(schema);
  return { columns, values: rows.map((r) => columns.map((c) => (r as Record<string, unknown>)[c] ?? null)) };
}

/** The file's text: compact JSON, the same bytes for the same rows. */
export function encodeSnapshotFigures(f: SnapshotFigures): string {
  const file: SnapshotFile = {
    format: FRAGMENT_FORMAT,
    quarter: f.quarter,
    snapshot: toColumns(f.rows, SNAPSHOT_SCHEMA),
    headline: toColumns(f.total ? [f.total] : [], HEADLINE_SCHEMA),
  };
  return JSON.stringify(file);
}

export function encodeChordFigures(f: ChordFigures): string {
  const file: ChordFile = {
    format: FRAGMENT_FORMAT,
    quarter: f.quarter,
    categories: toColumns(f.categories, CATEGORY_SCHEMA),
    overlap: toColumns(f.overlap, OVERLAP_SCHEMA),
    migration: toColumns(f.migration, MIGRATION_SCHEMA),
  };
  return JSON.stringify(file);
}

export function encodeTopProjectsFigures(f: TopProjectsFigures): string {
  const file: TopProjectsFile = { format: FRAGMENT_FORMAT, quarter: f.quarter, limit: f.limit, projects: toColumns(f.projects, TOP_PROJECT_SCHEMA) };
  return JSON.stringify(file);
}

export class FragmentError extends Error {
  override name = 'FragmentError';
}

function fits(v: unknown, kind: Kind): boolean {
  if (v === null) return kind.endsWith('|null');
  const base = kind.replace('|null', '');
  return base === 'number' ? typeof v === 'number' && Number.isFinite(v) : typeof v === base;
}

function fromColumns<R>(part: unknown, schema: Schema<R>, what: string): R[] {
  const p = part as Partial<Columns> | null;
  if (!p || !Array.isArray(p.columns) || !Array.isArray(p.values)) throw new FragmentError(`${what}: no columns`);
  const keys = Object.keys(schema) as (keyof R & string)[];
  const at = keys.map((k) => p.columns!.indexOf(k));
  const missing = keys.filter((_, i) => at[i] === -1);
  if (missing.length > 0) throw new FragmentError(`${what}: no column ${missing.join(', ')}`);
  return p.values.map((values, n) => {
    if (!Array.isArray(values) || values.length !== p.columns!.length) throw new FragmentError(`${what}: row ${n} has ${Array.isArray(values) ? values.length : 'no'} values`);
    const row = {} as Record<string, unknown>;
    keys.forEach((k, i) => {
      const v = values[at[i]!];
      if (!fits(v, schema[k])) throw new FragmentError(`${what}: row ${n}: ${k} is ${JSON.stringify(v)}, not ${schema[k]}`);
      row[k] = v;
    });
    return row as R;
  });
}

function head<F extends FileHead>(json: unknown, quarter: string): Partial<F> {
  const f = json as Partial<F> | null;
  if (!f || typeof f !== 'object') throw new FragmentError('not a figures file');
  if (f.format !== FRAGMENT_FORMAT) throw new FragmentError(`format ${String(f.format)}, expected ${FRAGMENT_FORMAT}`);
  if (f.quarter !== quarter) throw new FragmentError(`holds ${String(f.quarter)}, not ${quarter}`);
  return f;
}

/** The figures of `quarter` from a parsed file; throws FragmentError for anything else. */
export function decodeSnapshotFigures(json: unknown, quarter: string): SnapshotFigures {
  const f = head<SnapshotFile>(json, quarter);
  const rows = fromColumns(f.snapshot, SNAPSHOT_SCHEMA, 'snapshot');
  const totals = fromColumns(f.headline, HEADLINE_SCHEMA, 'headline');
  if (rows.length === 0) throw new FragmentError(`no categories in ${quarter}`);
  if (rows.some((r) => r.quarter !== quarter) || totals.some((t) => t.quarter !== quarter)) throw new FragmentError(`rows of another quarter than ${quarter}`);
  return { quarter, rows, total: totals[0] };
}

/** The chords' figures of `quarter` from a parsed file; throws FragmentError for anything else. */
export function decodeChordFigures(json: unknown, quarter: string): ChordFigures {
  const f = head<ChordFile>(json, quarter);
  const categories = fromColumns(f.categories, CATEGORY_SCHEMA, 'categories');
  if (categories.length === 0) throw new FragmentError(`no categories in ${quarter}`);
  return { quarter, categories, overlap: fromColumns(f.overlap, OVERLAP_SCHEMA, 'overlap'), migration: fromColumns(f.migration, MIGRATION_SCHEMA, 'migration') };
}

export function decodeTopProjectsFigures(json: unknown, quarter: string): TopProjectsFigures {
  const f = head<TopProjectsFile>(json, quarter);
  if (typeof f.limit !== 'number' || !Number.isInteger(f.limit) || f.limit < 1) throw new FragmentError(`limit ${String(f.limit)}`);
  return { quarter, limit: f.limit, projects: fromColumns(f.projects, TOP_PROJECT_SCHEMA, 'projects') };
}

/**
 * The top-projects query's rows (category 'all' or one id, `limit` long) from a file,
 * or null when the file's lists are shorter than asked for.
 */
export function topProjectsFromFigures(f: TopProjectsFigures, category: string, limit: number): TopProjectRow[] | null {
  if (limit > f.limit) return null;
  const rank = (r: TopProjectRow) => (category === 'all' ? r.rank_overall : r.rank_in_category);
  return f.projects.filter((r) => (category === 'all' || r.category_id === category) && rank(r) <= limit).sort((a, b) => rank(a) - rank(b));
}
