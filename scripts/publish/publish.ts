// Publishes one quarter: the Parquet files its article needs (the quarter and the
// eight before it, for trends) and a manifest. A published quarter is frozen:
// publishing it again shows what would change and needs `force`.
import { createHash } from 'node:crypto';
import { cpSync, existsSync, mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import type { Manifest, ManifestFile } from '../../src/lib/manifest.ts';
import type { HeadlineRow } from '../../src/lib/query-rows.ts';
import { readPublishedFolder } from '../../src/node/published-data.ts';
import { isQuarter } from '../../src/lib/quarters.ts';
import { duckdbLimits } from '../common/duckdb-limits.ts';
import { readSqlDir } from '../common/sql-tables.ts';
import { sqlString } from '../../src/lib/sql-literal.ts';
import { restatementDiff, type Restatement } from './restatement.ts';
import { UserError } from '../common/types.ts';
import { recoverSwap, swapIn, swapNames, type StepHook } from './folder-swap.ts';

export const PUBLISH_SQL_DIR = fileURLToPath(new URL('./sql/', import.meta.url));
export const TRAILING_QUARTERS = 8;

export type { Manifest } from '../../src/lib/manifest.ts';

export class PublishError extends UserError {}

export interface PublishOptions {
  quarter: string;
  warehouseFile: string;
  publishedDir: string;
  engine: Manifest['engine'];
  datasetFingerprint: string;
  force?: boolean;
  /** Why the figures are restated, in words (rules and dataset): required to --force a change. */
  why?: string;
  today?: string;
  log?: (line: string) => void;
  /** Called at each step of the folder swap; fault-injection tests kill the process there. */
  onSwapStep?: StepHook;
}

export interface PublishResult {
  dir: string;
  manifest: Manifest;
  restatement: Restatement | null;
}

async function one<T>(conn: DuckDBConnection, sql: string): Promise<T> {
  return (await conn.runAndReadAll(sql)).getRowObjectsJS()[0] as T;
}

function sha256(file: string): string {
  return createHash('sha256').update(readFileSync(file)).digest('hex');
}

/** The headline figures a manifest records, for restatements to compare. */
const MANIFEST_HEADLINE = [
  'tracked_repos', 'ingested_repos', 'active_repos', 'commits', 'contributors', 'new_contributors', 'commits_qoq', 'contributors_qoq',
] as const satisfies readonly (keyof HeadlineRow)[];
/** And the whole set's commits that are not counted as work, from its scope row. */
const MANIFEST_OTHER_COMMITS = ['bot_commits', 'agent_assisted_commits', 'merge_commits'] as const;

/**
 * The headline as the article shows it: the registry's queries over the files just
 * written (src/lib/queries/headline.sql, metric.sql), so the manifest and the page
 * cannot disagree.
 */
async function headline(folder: string, quarter: string): Promise<Record<string, number | null>> {
  const data = await readPublishedFolder(folder, quarter);
  try {
    const [row] = await data.query('headline', { quarter });
    const all = (await data.query('metric', { quarter, scopeType: 'all', scopeId: 'all' })).find((r) => r.quarter === quarter);
    const figure = (v: unknown): number | null => (typeof v === 'number' ? v : null);
    return {
      ...Object.fromEntries(MANIFEST_HEADLINE.map((k) => [k, figure(row?.[k])])),
      ...Object.fromEntries(MANIFEST_OTHER_COMMITS.map((k) => [k, figure(all?.[k])])),
    };
  } finally {
    data.close();
  }
}

export async function publishQuarter(opts: PublishOptions): Promise<PublishResult> {
  const log = opts.log ?? (() => {});
  if (!isQuarter(opts.quarter)) throw new PublishError(`"${opts.quarter}" is not a quarter: write it like 2024-q3`);
  if (!existsSync(opts.warehouseFile)) {
    throw new PublishError(`${opts.warehouseFile} does not exist: run \`npm run ingest -- --from ../shared/data/gitlogs\` first`);
  }
  const spill = join(tmpdir(), `deep-signal-publish-${process.pid}`);
  const instance = await DuckDBInstance.create(opts.warehouseFile, { access_mode: 'READ_ONLY', ...duckdbLimits(spill) });
  const conn = await instance.connect();
  // A run killed part-way left the quarter half-swapped: finish or undo that first.
  for (const line of recoverSwap(opts.publishedDir, opts.quarter)) log(line);
  const names = swapNames(opts.publishedDir, opts.quarter);
  const finalDir = names.final;
  const tmpDir = names.building;
  try {
    const q = await one<{ seq: number; partial: boolean } | undefined>(
      conn,
      `SELECT seq, partial FROM quarters WHERE quarter = ${sqlString(opts.quarter)}`,
    );
    if (!q) {
      const range = await one<{ lo: string; hi: string }>(conn, 'SELECT min(quarter) AS lo, max(quarter) AS hi FROM quarters');
      throw new PublishError(`the warehouse has no data for ${opts.quarter} (it covers ${range.lo} to ${range.hi})`);
    }
    await conn.run(
      `CREATE TEMP TABLE publish_window AS SELECT quarter FROM quarters WHERE seq BETWEEN ${q.seq - TRAILING_QUARTERS} AND ${q.seq}`,
    );
    rmSync(tmpDir, { recursive: true, force: true });
    mkdirSync(tmpDir, { recursive: true });
    const files: Record<string, ManifestFile> = {};
    for (const t of readSqlDir(PUBLISH_SQL_DIR)) {
      const file = join(tmpDir, `${t.name}.parquet`);
      const sql = t.sql.trim().replace(/;\s*$/, '');
      try {
        // Small row groups: the browser reads a quarter's slice with HTTP range requests.
        await conn.run(`COPY (${sql}) TO ${sqlString(file)} (FORMAT parquet, COMPRESSION zstd, ROW_GROUP_SIZE 8192)`);
      } catch (e) {
        throw new PublishError(`${t.file}: ${(e as Error).message}`);
      }
      const rows = await one<{ n: number }>(conn, `SELECT count(*)::INTEGER AS n FROM read_parquet(${sqlString(file)})`);
      files[`${t.name}.parquet`] = { rows: rows.n, bytes: statSync(file).size, sha256: sha256(file) };
      log(`  ${t.name.padEnd(20)} ${String(rows.n).padStart(8)} rows  ${(statSync(file).size / 1024).toFixed(0).padStart(6)} KB`);
    }
    const quarters = (await conn.runAndReadAll('SELECT quarter FROM publish_window ORDER BY quarter')).getRows().map((r) => String(r[0]));
    const facts = await one<{ snapshot: string; tracked: number; ingested: number }>(
      conn,
      `SELECT strftime(max(snapshot_ts), '%Y-%m-%dT%H:%M:%SZ') AS snapshot, (SELECT count(*)::INTEGER FROM repos) AS tracked,
              (SELECT count(*)::INTEGER FROM repos WHERE ingested) AS ingested FROM quarters`,
    );
    const manifest: Manifest = {
      quarter: opts.quarter,
      published: opts.today ?? new Date().toISOString().slice(0, 10),
      engine: opts.engine,
      dataset: {
        snapshot: facts.snapshot,
        repos_tracked: facts.tracked,
        repos_ingested: facts.ingested,
        repos_unavailable: facts.tracked - facts.ingested,
        fingerprint: opts.datasetFingerprint,
      },
      quarters,
      partial: q.partial,
      headline: await headline(tmpDir, opts.quarter),
      files,
    };
    let restatement: Restatement | null = null;
    if (existsSync(join(finalDir, 'manifest.json'))) {
      const old = JSON.parse(readFileSync(join(finalDir, 'manifest.json'), 'utf8')) as Manifest;
      restatement = await restatementDiff(conn, old, manifest, finalDir, tmpDir, opts.why);
      if (!opts.force) {
        throw new PublishError(
          `${opts.quarter} is already published (${old.published}) and published quarters are frozen.\n${restatement.text}\nRun again with --force to restate it.`,
        );
      }
      // A restatement readers cannot understand is no better than a silent one.
      if ((restatement.changes.length > 0 || restatement.changedFiles.length > 0) && !opts.why?.trim()) {
        throw new PublishError(
          `${opts.quarter}: say why the figures change, in words a reader understands (which rules or data changed): --why "<text>" or --why <file.md>. It opens the restatement note.`,
        );
      }
      // Earlier restatements travel with the folder, and this one joins them. Copied, not
      // moved: until the swap, the published folder must stay whole.
      const history = join(finalDir, 'restatements');
      if (existsSync(history)) cpSync(history, join(tmpDir, 'restatements'), { recursive: true });
      mkdirSync(join(tmpDir, 'restatements'), { recursive: true });
      // A second restatement on the same day joins that day's note, after a rule: the
      // note of the first must not be lost, and the article links one note per date.
      const note = join(tmpDir, 'restatements', `${manifest.published}.md`);
      const earlier = existsSync(note) ? readFileSync(note, 'utf8').trimEnd() : '';
      writeFileSync(note, earlier ? `${earlier}\n\n---\n\n${restatement.text.replace(/^# (.*)$/m, '## $1, again the same day')}\n` : restatement.text + '\n');
      manifest.published = old.published;
      const today = opts.today ?? new Date().toISOString().slice(0, 10);
      manifest.restated = [...(old.restated ?? []).filter((d) => d !== today), today];
    }
    writeFileSync(join(tmpDir, 'manifest.json'), JSON.stringify(manifest, null, 2) + '\n');
    swapIn(names, opts.onSwapStep);
    return { dir: finalDir, manifest, restatement };
  } finally {
    rmSync(tmpDir, { recursive: true, force: true });
    conn.closeSync();
    instance.closeSync();
    rmSync(spill, { recursive: true, force: true });
  }
}
