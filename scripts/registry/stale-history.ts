// Histories that stop long before the dataset does. A repository that moved (into a
// monorepo, to a new name or owner) or whose stored copy stopped being updated looks,
// in the figures, exactly like a project its people left: commits fall to zero and
// everyone "churns". Only the registry can tell the two apart, so the ingest names
// every such history until the registry says which it is: `tracked_until` for a move
// or a stale copy (not observed after that day), or a note starting with `dormant:`
// for a project that really stopped.
import { relative } from 'node:path';
import type { DuckDBConnection } from '@duckdb/node-api';
import type { Registry } from './registry.ts';
import { type Staging } from '../ingest/staging.ts';
import { sqlString } from '../../src/lib/sql-literal.ts';
import type { Warning } from '../common/types.ts';

/** A history ending this long before the newest commit of the dataset is suspect. */
export const STALE_AFTER_DAYS = 90;

// The explicit mark of a project that stopped: the note's first word, so it reads as
// a verdict followed by its reason ("dormant: archived 2025-03 …"), never a mention
// in passing ("not dormant", "dormant since" inside a dataset note).
const DORMANT_RE = /^dormant\s*:/i;

export function markedDormant(note: string): boolean {
  return DORMANT_RE.test(note);
}

export interface StaleHistory {
  repo: string;
  /** Line of the repository in tracked-repos.csv. */
  line: number;
  /** UTC day of its newest dated commit. */
  lastDay: string;
  /** UTC day of the newest dated commit of every ingested history. */
  endDay: string;
  /** Whole days between the two. */
  days: number;
  /** The two quarters before the one of its last commit, which both had commits. */
  activeQuarters: [string, string];
}

/**
 * Ingested repositories whose newest commit is more than STALE_AFTER_DAYS before the
 * dataset's newest, that had commits in each of the two quarters before the quarter of
 * their last (a project that was active, not one that trickled out), and that the
 * registry has not explained (no tracked_until, no `dormant:` note).
 */
export async function findStaleHistories(conn: DuckDBConnection, staging: Staging, registry: Registry, repos: readonly string[]): Promise<StaleHistory[]> {
  const files: string[] = [];
  for (const repo of repos) {
    const state = staging.readState(repo);
    if (state) files.push(...staging.partFiles(state, 'commits'));
  }
  if (!files.length) return [];
  // Every dated commit counts, merges and bots included: the question is whether the
  // copy goes on, not who did the work.
  const reader = await conn.runAndReadAll(`
    WITH c AS (
      SELECT repo, ts FROM read_parquet([${files.map(sqlString).join(', ')}]) WHERE ts IS NOT NULL
    ),
    e AS (SELECT max(ts) AS end_ts FROM c),
    l AS (SELECT repo, max(ts) AS last_ts, date_trunc('quarter', max(ts)) AS last_q FROM c GROUP BY repo),
    s AS (
      SELECT l.repo, l.last_ts, e.end_ts, l.last_q,
        count(*) FILTER (WHERE date_trunc('quarter', c.ts) = l.last_q - INTERVAL 3 MONTH) AS prev1,
        count(*) FILTER (WHERE date_trunc('quarter', c.ts) = l.last_q - INTERVAL 6 MONTH) AS prev2
      FROM l CROSS JOIN e JOIN c ON c.repo = l.repo
      WHERE l.last_ts < e.end_ts - INTERVAL ${STALE_AFTER_DAYS} DAY
      GROUP BY ALL
    )
    SELECT repo, strftime(last_ts, '%Y-%m-%d') AS last_day, strftime(end_ts, '%Y-%m-%d') AS end_day,
      CAST((epoch(end_ts) - epoch(last_ts)) // 86400 AS INTEGER) AS days,
      strftime(last_q - INTERVAL 6 MONTH, '%Y') || '-q' || quarter(last_q - INTERVAL 6 MONTH) AS q2,
      strftime(last_q - INTERVAL 3 MONTH, '%Y') || '-q' || quarter(last_q - INTERVAL 3 MONTH) AS q1
    FROM s WHERE prev1 > 0 AND prev2 > 0
    ORDER BY last_ts, repo`);
  const out: StaleHistory[] = [];
  for (const [repo, lastDay, endDay, days, q2, q1] of reader.getRows()) {
    const r = registry.byRepo.get(String(repo));
    if (!r || r.trackedUntil !== null || markedDormant(r.note)) continue;
    out.push({ repo: r.repo, line: r.line, lastDay: String(lastDay), endDay: String(endDay), days: Number(days), activeQuarters: [String(q2), String(q1)] });
  }
  return out;
}

export function staleHistoryWarning(s: StaleHistory, reposFile: string): Warning {
  const shown = relative(process.cwd(), reposFile) || reposFile;
  return {
    message:
      `${s.repo}: last commit ${s.lastDay}, ${s.days} days before the dataset's end (${s.endDay}), after commits in ${s.activeQuarters[0]} and ${s.activeQuarters[1]}; ` +
      `its people will read as leaving. If it moved or this copy stopped, set tracked_until to ${s.lastDay} on line ${s.line} of ${shown}; ` +
      `if the project really stopped, start its note there with "dormant:".`,
    location: { file: reposFile, line: s.line },
  };
}
