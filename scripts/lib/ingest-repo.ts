// Ingests one repository's history (or the new part of it) into a staging folder
// of delimited text files. Runs inside a worker thread so that several
// repositories parse in parallel.
import { closeSync, mkdirSync, openSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { GitlogParser } from './gitlog-parser.ts';
import { streamGitlogExport } from './gitlog-export.ts';
import { streamGitLog } from './git-runner.ts';
import { commitRows } from './staging-rows.ts';
import type { Warning } from './types.ts';

export type RepoSource = { kind: 'export'; path: string } | { kind: 'clone'; path: string };

export interface RepoTask {
  repo: string;
  source: RepoSource;
  /** Clones: the revision range to log (`HEAD` or `old..HEAD`). */
  range?: string;
  /**
   * Exports: the head ingested last time and every SHA already staged, with the
   * mailmapped author it was staged with (`name\x1femail`, same order). An export is
   * always read whole (date order is not ancestry order, so stopping at the old
   * head could miss merged-in commits) but only unseen commits are written.
   */
  previous?: { head: string; shas: string[]; authors: string[] };
  outDir: string;
  nowMs: number;
}

export interface RepoResult {
  repo: string;
  commits: number;
  /** Newest commit seen in this run, null for an empty history. */
  head: string | null;
  /** True when the previous head is still in the history: only new commits were written. */
  reachedStop: boolean;
  /**
   * A commit staged before now maps to another author (the .mailmap changed): the
   * staged rows are stale and the repository must be read again in full.
   */
  staleAuthors: boolean;
  bytes: number;
  warnings: Warning[];
  warningCount: number;
}

const MAX_KEPT_WARNINGS = 20;
const FLUSH_AT = 1 << 22;

class BufferedFile {
  private fd: number;
  private parts: string[] = [];
  private size = 0;
  constructor(path: string) {
    this.fd = openSync(path, 'w');
  }
  write(s: string): void {
    if (!s) return;
    this.parts.push(s);
    this.size += s.length;
    if (this.size >= FLUSH_AT) this.flush();
  }
  flush(): void {
    if (this.parts.length) writeSync(this.fd, this.parts.join(''));
    this.parts = [];
    this.size = 0;
  }
  close(): void {
    this.flush();
    closeSync(this.fd);
  }
}

export async function ingestRepo(task: RepoTask, onProgress?: (commits: number, bytes: number) => void): Promise<RepoResult> {
  mkdirSync(task.outDir, { recursive: true });
  const commitsOut = new BufferedFile(join(task.outDir, 'commits.csv'));
  const coauthorsOut = new BufferedFile(join(task.outDir, 'coauthors.csv'));
  const result: RepoResult = { repo: task.repo, commits: 0, head: null, reachedStop: false, staleAuthors: false, bytes: 0, warnings: [], warningCount: 0 };
  const file = task.source.path;
  const known = task.previous ? new Map(task.previous.shas.map((sha, i) => [sha, task.previous!.authors[i]])) : null;
  const addWarning = (w: Warning): void => {
    result.warningCount++;
    if (result.warnings.length < MAX_KEPT_WARNINGS) result.warnings.push(w);
  };
  const parser = new GitlogParser({
    file,
    onWarning: addWarning,
    onCommit: (c, line) => {
      if (result.head === null) result.head = c.sha;
      if (known) {
        if (c.sha === task.previous!.head) result.reachedStop = true;
        if (known.has(c.sha)) {
          if (known.get(c.sha) !== `${c.authorMailmapped.name}\x1f${c.authorMailmapped.email}`) result.staleAuthors = true;
          return;
        }
      }
      const rows = commitRows(c, task.nowMs, (w) => addWarning({ message: w.message, location: { file, line, commit: w.commit } }));
      commitsOut.write(rows.commitLine);
      coauthorsOut.write(rows.coauthorLines);
      result.commits++;
      if ((result.commits & 1023) === 0) onProgress?.(result.commits, parser.bytes);
    },
  });
  const onChunk = (chunk: Buffer): boolean => {
    parser.push(chunk);
    return !parser.isStopped;
  };
  try {
    if (task.source.kind === 'export') await streamGitlogExport(file, onChunk);
    else await streamGitLog(file, task.range ?? 'HEAD', onChunk);
    parser.end();
  } finally {
    commitsOut.close();
    coauthorsOut.close();
  }
  result.bytes = parser.bytes;
  if (result.commits === 0 && !result.reachedStop) {
    addWarning({ message: 'empty history: no commits', location: { file } });
  }
  onProgress?.(result.commits, parser.bytes);
  return result;
}
