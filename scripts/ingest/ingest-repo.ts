// Ingests one repository's history (or the new part of it) into a staging folder
// of delimited text files. Runs inside a worker thread so that several
// repositories parse in parallel.
import { closeSync, mkdirSync, openSync, rmSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { GitlogParser } from './gitlog-parser.ts';
import { streamGitlogExport } from './gitlog-export.ts';
import { absentObjects, AbsentObjectError, borrowingRepository, isPartialClone, streamGitLog } from './git-runner.ts';
import { asDiskFull, injectedDiskFull } from '../common/disk-full.ts';
import { commitRows } from './staging-rows.ts';
import type { Warning } from '../common/types.ts';

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
  /** Fault injection for tests: every write of this repository fails as on a full disk. */
  injectDiskFull?: boolean;
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

/** A text file written in large blocks; a full disk is reported with the file and repository. */
class BufferedFile {
  private readonly path: string;
  private readonly repo: string;
  private readonly failWrites: boolean;
  private fd: number;
  private parts: string[] = [];
  private size = 0;
  constructor(path: string, repo: string, failWrites = false) {
    this.path = path;
    this.repo = repo;
    this.failWrites = failWrites;
    this.fd = this.guard(() => openSync(path, 'w'));
  }
  private guard<T>(fn: () => T): T {
    try {
      return fn();
    } catch (e) {
      throw asDiskFull(e, this.path, this.repo);
    }
  }
  write(s: string): void {
    if (!s) return;
    this.parts.push(s);
    this.size += s.length;
    if (this.size >= FLUSH_AT) this.flush();
  }
  flush(): void {
    const text = this.parts.join('');
    this.parts = [];
    this.size = 0;
    if (!text) return;
    this.guard(() => {
      if (this.failWrites) throw injectedDiskFull();
      writeSync(this.fd, text);
    });
  }
  close(): void {
    try {
      this.flush();
    } finally {
      closeSync(this.fd);
    }
  }
}

export async function ingestRepo(task: RepoTask, onProgress?: (commits: number, bytes: number) => void): Promise<RepoResult> {
  mkdirSync(task.outDir, { recursive: true });
  if (task.source.kind === 'export') return readOnce(task, (onChunk) => streamGitlogExport(task.source.path, onChunk), onProgress);
  const dir = task.source.path;
  const range = task.range ?? 'HEAD';
  // A partial clone would fetch each absent blob from its remote, one request per blob,
  // or fail when the remote is gone: read it without its remote from the start. Any
  // other clone is read as it is, and read again that way only if git finds an object
  // missing (a damaged mirror), since listing every object first costs a good part
  // of the log itself (~40 % on a 20,000-commit history).
  let absent = (await isPartialClone(dir)) ? await absentObjects(dir) : [];
  const scratch = `${task.outDir}.git`;
  try {
    const read = async (): Promise<RepoResult> => {
      const through = absent.length ? await borrowingRepository(dir, absent, scratch) : undefined;
      return readOnce(task, (onChunk) => streamGitLog(dir, range, onChunk, through), onProgress);
    };
    let result: RepoResult;
    try {
      result = await read();
    } catch (e) {
      if (!(e instanceof AbsentObjectError) || absent.length) throw e;
      absent = await absentObjects(dir);
      if (!absent.length) throw e;
      result = await read();
    }
    if (absent.length) {
      const n = absent.length;
      result.warningCount++;
      result.warnings.unshift({
        message:
          `${n} ${n === 1 ? 'blob is' : 'blobs are'} absent from this clone (a partial clone, or a damaged mirror): ` +
          'the changes to those file versions have no line counts (-, as git gives for binary files)',
        location: { file: dir },
      });
      if (result.warnings.length > MAX_KEPT_WARNINGS) result.warnings.pop();
    }
    return result;
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}

/** One pass over a history; a second pass (after finding absent objects) starts from nothing. */
async function readOnce(
  task: RepoTask,
  stream: (onChunk: (chunk: Buffer) => boolean) => Promise<void>,
  onProgress?: (commits: number, bytes: number) => void,
): Promise<RepoResult> {
  const commitsOut = new BufferedFile(join(task.outDir, 'commits.csv'), task.repo, task.injectDiskFull);
  const coauthorsOut = new BufferedFile(join(task.outDir, 'coauthors.csv'), task.repo, task.injectDiskFull);
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
    await stream(onChunk);
    parser.end();
  } finally {
    try {
      commitsOut.close();
    } finally {
      coauthorsOut.close();
    }
  }
  result.bytes = parser.bytes;
  if (result.commits === 0 && !result.reachedStop) {
    addWarning({ message: 'empty history: no commits', location: { file } });
  }
  onProgress?.(result.commits, parser.bytes);
  return result;
}
