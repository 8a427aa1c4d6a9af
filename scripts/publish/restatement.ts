// What changes when a published quarter is published again: the headline
// figures, every changed category/overall figure, and which files differ. The
// text is what the editor reads before deciding to --force, and what is kept
// next to the restated data.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { DuckDBConnection } from '@duckdb/node-api';
import { readerRows, readerTable, type CategoryName } from '../../src/lib/restatement-table.ts';
import type { Manifest } from './publish.ts';
import { sqlString } from '../../src/lib/sql-literal.ts';

export interface FigureChange {
  scope: string;
  quarter: string;
  figure: string;
  before: number | null;
  after: number | null;
}

export interface Restatement {
  changedFiles: string[];
  changes: FigureChange[];
  text: string;
}

const FIGURES = ['commits', 'contributors', 'active_repos', 'new_contributors', 'churned', 'retained'];
/** Rows in the note's table; the rest are counted in a line under it. */
const TABLE_ROWS = 200;

/** What changed in what the figures were made from, read off the two manifests. */
export function inputChanges(old: Manifest, next: Manifest): string[] {
  const out: string[] = [];
  const d0 = old.dataset;
  const d1 = next.dataset;
  if (d0.repos_tracked !== d1.repos_tracked || d0.repos_ingested !== d1.repos_ingested) {
    out.push(`Dataset: ${d0.repos_tracked} → ${d1.repos_tracked} tracked repositories (${d0.repos_ingested} → ${d1.repos_ingested} with history, ${d0.repos_unavailable} → ${d1.repos_unavailable} unavailable).`);
  } else if (d0.fingerprint !== d1.fingerprint) out.push('Dataset: the same repositories, with histories that changed.');
  if (d0.snapshot !== d1.snapshot) out.push(`Data as of ${d0.snapshot.slice(0, 10)} → ${d1.snapshot.slice(0, 10)}.`);
  const e0 = old.engine;
  const e1 = next.engine;
  if (e0.version !== e1.version) out.push(`Engine ${e0.version} → ${e1.version}.`);
  if (e0.parser !== e1.parser) out.push(`Parser ${e0.parser} → ${e1.parser}.`);
  if (e0.classifiers !== e1.classifiers) out.push(`Classifier lists and rules ${e0.classifiers} → ${e1.classifiers} (data/identities/, path and work-kind rules).`);
  if ((e0.provenance ?? 'none') !== (e1.provenance ?? 'none')) out.push(`Provenance rules ${e0.provenance ?? 'none (SHA only)'} → ${e1.provenance ?? 'none'} (data/provenance/, change identity and homes).`);
  return out;
}

export async function restatementDiff(conn: DuckDBConnection, old: Manifest, next: Manifest, oldDir: string, newDir: string, why?: string): Promise<Restatement> {
  const changedFiles = Object.keys({ ...old.files, ...next.files })
    .filter((f) => old.files[f]?.sha256 !== next.files[f]?.sha256)
    .sort();
  const changes: FigureChange[] = [];
  for (const [k, after] of Object.entries(next.headline)) {
    const before = old.headline[k] ?? null;
    if (before !== after) changes.push({ scope: 'headline', quarter: next.quarter, figure: k, before, after });
  }
  const oldFile = join(oldDir, 'scope_quarters.parquet');
  const newFile = join(newDir, 'scope_quarters.parquet');
  if (existsSync(oldFile) && existsSync(newFile)) {
    for (const figure of FIGURES) {
      const rows = (
        await conn.runAndReadAll(
          `SELECT coalesce(n.scope_type, o.scope_type) || ':' || coalesce(n.scope_id, o.scope_id) AS scope,
                  coalesce(n.quarter, o.quarter) AS quarter, o.${figure}::DOUBLE AS before, n.${figure}::DOUBLE AS after
           FROM (SELECT * FROM read_parquet(${sqlString(oldFile)}) WHERE scope_type <> 'repo') o
           FULL OUTER JOIN (SELECT * FROM read_parquet(${sqlString(newFile)}) WHERE scope_type <> 'repo') n
             ON n.scope_type = o.scope_type AND n.scope_id = o.scope_id AND n.quarter = o.quarter
           WHERE o.${figure} IS DISTINCT FROM n.${figure}
           ORDER BY quarter, scope`,
        )
      ).getRowObjectsJS() as { scope: string; quarter: string; before: number | null; after: number | null }[];
      for (const r of rows) changes.push({ scope: r.scope, quarter: r.quarter, figure, before: r.before, after: r.after });
    }
  }
  const lines = [`# Restatement of ${next.quarter}`, '', `Published ${old.published}; dataset ${old.dataset.fingerprint.slice(0, 12)} → ${next.dataset.fingerprint.slice(0, 12)}; engine ${old.engine.version} → ${next.engine.version} (parser ${old.engine.parser} → ${next.engine.parser}, classifiers ${old.engine.classifiers} → ${next.engine.classifiers}).`, ''];
  if (why?.trim()) lines.push('## Why the figures changed', '', why.trim(), '');
  const inputs = inputChanges(old, next);
  if (inputs.length) lines.push('## What changed in the inputs', '', ...inputs.map((l) => `- ${l}`), '');
  if (why?.trim() || inputs.length) lines.push('## Figures', '');
  if (!changes.length && !changedFiles.length) lines.push('No figure changes: the data is identical.');
  else {
    lines.push(`Files changed: ${changedFiles.length ? changedFiles.join(', ') : 'none'}`, '');
    if (changes.length) {
      // For readers: figure and category names, the site's number formats (src/lib/restatement-table.ts).
      const rows = readerRows(changes, await categoryNames(conn, newDir, oldDir));
      lines.push(...readerTable(rows.slice(0, TABLE_ROWS)));
      if (rows.length > TABLE_ROWS) lines.push('', `… and ${rows.length - TABLE_ROWS} more changed figures.`);
    }
  }
  return { changedFiles, changes, text: lines.join('\n') };
}

/** The categories' names, in the report's order, from the new folder (else the old one). */
async function categoryNames(conn: DuckDBConnection, ...dirs: string[]): Promise<CategoryName[]> {
  const file = dirs.map((d) => join(d, 'categories.parquet')).find((f) => existsSync(f));
  if (!file) return [];
  const rows = (await conn.runAndReadAll(`SELECT category_id AS id, name FROM read_parquet(${sqlString(file)}) ORDER BY sort_order`)).getRowObjectsJS();
  return rows.map((r) => ({ id: String(r.id), name: String(r.name) }));
}
