// Orchestrates an ingest: which repositories need work, a pool of worker threads
// that parse them, the staging commits, then the warehouse build.
import { existsSync, readdirSync, rmSync, statSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import type { Registry } from '../registry/registry.ts';
import { classifierVersion } from '../identity/curated-lists.ts';
import { PARSER_VERSION } from './gitlog-parser.ts';
import { headOf, isAncestor, mailmapBlob } from './git-runner.ts';
import type { RepoResult, RepoSource, RepoTask } from './ingest-repo.ts';
import { Progress } from '../common/progress.ts';
import { csvPartToParquet, fileFingerprint, repoSlug, Staging, type RepoState } from './staging.ts';
import { sqlString } from '../../src/lib/sql-literal.ts';
import { findStaleHistories, staleHistoryWarning, type StaleHistory } from '../registry/stale-history.ts';
import { buildWarehouse, WAREHOUSE_FILE, warehouseInputsKey, warehouseIsCurrent, type BuildResult } from '../warehouse/warehouse-build.ts';
import type { Warning } from '../common/types.ts';
import { acquireIngestLock } from '../warehouse/warehouse-lock.ts';
import { DiskFullError, isDiskFull, writing } from '../common/disk-full.ts';

export interface IngestOptions {
  registry: Registry;
  warehouseDir: string;
  /** A folder of OWNER__NAME.gitlog.gz exports. */
  exportsDir?: string;
  /** A folder of clones, as OWNER__NAME/ or OWNER/NAME/. */
  clonesDir?: string;
  concurrency?: number;
  nowMs?: number;
  progress?: Progress;
  /** Build the warehouse after staging (default true). */
  build?: boolean;
  /** Fault injection for tests: these repositories' writes fail as on a full disk ('*': all). */
  injectDiskFull?: string[];
}

/** A registry row with no history where the ingest looked, and the paths it tried. */
export interface NotFound {
  repo: string;
  tried: string[];
}

export interface IngestSummary {
  ingested: string[];
  unchanged: string[];
  missing: string[];
  /** The same repositories as `missing`, each with the paths tried. */
  notFound: NotFound[];
  failed: { repo: string; message: string }[];
  warnings: Warning[];
  warningCount: number;
  /**
   * Histories that end long before the dataset, with nothing in the registry to say
   * why; each is also the first of `warnings`.
   */
  stale: StaleHistory[];
  commits: number;
  bytes: number;
  seconds: number;
  build: BuildResult | null;
}

interface Job {
  repo: string;
  source: RepoSource;
  fingerprint: string;
  weight: number;
  state: RepoState | null;
  /** Clones: the range to read. */
  range?: string;
  incremental: boolean;
}

/** Where a repository's history may be, in the order they are tried. */
export function candidatePaths(repo: string, opts: Pick<IngestOptions, 'exportsDir' | 'clonesDir'>): { kind: RepoSource['kind']; path: string }[] {
  const slug = repoSlug(repo);
  return [
    ...(opts.exportsDir ? [{ kind: 'export' as const, path: join(opts.exportsDir, `${slug}.gitlog.gz`) }] : []),
    ...(opts.clonesDir ? [join(opts.clonesDir, slug), join(opts.clonesDir, repo)].map((path) => ({ kind: 'clone' as const, path })) : []),
  ];
}

function findSource(repo: string, opts: IngestOptions): { source: RepoSource; weight: number } | null {
  for (const c of candidatePaths(repo, opts)) {
    if (!existsSync(c.path)) continue;
    return c.kind === 'export' ? { source: { kind: 'export', path: c.path }, weight: statSync(c.path).size } : { source: { kind: 'clone', path: c.path }, weight: 1 };
  }
  return null;
}

async function planJob(repo: string, found: { source: RepoSource; weight: number }, state: RepoState | null, engine: string): Promise<Job | 'unchanged'> {
  const sameEngine = state !== null && state.engineVersion === engine && state.source.kind === found.source.kind;
  if (found.source.kind === 'export') {
    const fingerprint = fileFingerprint(found.source.path);
    if (sameEngine && state!.fingerprint === fingerprint) return 'unchanged';
    return { repo, source: found.source, fingerprint, weight: found.weight, state, incremental: sameEngine && state!.head !== null };
  }
  const head = (await headOf(found.source.path)) ?? '';
  if (sameEngine && state!.fingerprint === head) return 'unchanged';
  const dir = found.source.path;
  const incremental =
    sameEngine && state!.head !== null && head !== '' &&
    (await isAncestor(dir, state!.head, head)) &&
    (await mailmapBlob(dir, state!.head)) === (await mailmapBlob(dir, head));
  return {
    repo,
    source: found.source,
    fingerprint: head,
    weight: found.weight,
    state,
    incremental,
    range: incremental ? `${state!.head}..HEAD` : 'HEAD',
  };
}

async function stagedShas(conn: DuckDBConnection, staging: Staging, state: RepoState): Promise<{ shas: string[]; authors: string[] }> {
  const files = staging.partFiles(state, 'commits');
  if (!files.length) return { shas: [], authors: [] };
  const r = await conn.runAndReadAll(
    `SELECT sha, coalesce(author_name_mm, '') || chr(31) || coalesce(author_email_mm, '') FROM read_parquet([${files.map(sqlString).join(', ')}])`,
  );
  const rows = r.getRows();
  return { shas: rows.map((row) => String(row[0])), authors: rows.map((row) => String(row[1])) };
}

/** A task the pool did not start because it was stopped (see WorkerPool.stop). */
class NotStarted extends Error {}

class WorkerPool {
  private readonly workers = new Set<Worker>();
  private readonly idle: Worker[] = [];
  private readonly waiting: ((w: Worker) => void)[] = [];
  private stopped = false;
  constructor(size: number) {
    for (let i = 0; i < size; i++) this.idle.push(this.spawn());
  }
  private spawn(): Worker {
    const w = new Worker(new URL('./ingest-worker.ts', import.meta.url));
    this.workers.add(w);
    return w;
  }
  /** Tasks not yet started are not started: they reject with NotStarted. */
  stop(): void {
    this.stopped = true;
  }
  async run(task: RepoTask, onProgress: (commits: number, bytes: number) => void): Promise<RepoResult> {
    let worker = this.idle.pop() ?? (await new Promise<Worker>((resolve) => this.waiting.push(resolve)));
    if (this.stopped) {
      const next = this.waiting.shift();
      if (next) next(worker);
      else this.idle.push(worker);
      throw new NotStarted(task.repo);
    }
    // A worker that crashed (an uncaught error, out of memory) is gone: handing it the
    // next task would wait for an answer forever.
    let dead = false;
    try {
      return await new Promise<RepoResult>((resolve, reject) => {
        const cleanup = (): void => {
          worker.off('message', onMessage);
          worker.off('error', onError);
          worker.off('exit', onExit);
        };
        type Message = { type: string; result?: RepoResult; message?: string; commits?: number; bytes?: number; diskFull?: { file: string; repo: string | null; reason: string } };
        const onMessage = (m: Message): void => {
          if (m.type === 'progress') onProgress(m.commits!, m.bytes!);
          else {
            cleanup();
            if (m.type === 'done') resolve(m.result!);
            else reject(m.diskFull ? new DiskFullError(m.diskFull.file, m.diskFull.repo, m.diskFull.reason) : new Error(m.message));
          }
        };
        const onError = (e: Error): void => {
          dead = true;
          cleanup();
          reject(new Error(`${task.repo}: ingest worker crashed: ${e.message}`));
        };
        const onExit = (code: number): void => {
          dead = true;
          cleanup();
          reject(new Error(`${task.repo}: ingest worker exited (code ${code})`));
        };
        worker.on('message', onMessage);
        worker.on('error', onError);
        worker.on('exit', onExit);
        worker.postMessage(task);
      });
    } finally {
      if (dead) {
        this.workers.delete(worker);
        void worker.terminate();
        worker = this.spawn();
      }
      const next = this.waiting.shift();
      if (next) next(worker);
      else this.idle.push(worker);
    }
  }
  async close(): Promise<void> {
    await Promise.all([...this.workers].map((w) => w.terminate()));
  }
}

export async function runIngest(opts: IngestOptions): Promise<IngestSummary> {
  // Taken before anything else: recovering staging deletes another run's work in progress.
  const lock = acquireIngestLock(opts.warehouseDir);
  try {
    const progress = opts.progress ?? new Progress();
    if (lock.tookOver) progress.log(lock.tookOver);
    return await ingestLocked(opts, progress);
  } finally {
    lock.release();
  }
}

async function ingestLocked(opts: IngestOptions, progress: Progress): Promise<IngestSummary> {
  const started = performance.now();
  const staging = new Staging(opts.warehouseDir);
  staging.recover();
  const engine = `${PARSER_VERSION}+${classifierVersion()}`;
  const nowMs = opts.nowMs ?? Date.now();
  const summary: IngestSummary = {
    ingested: [], unchanged: [], missing: [], notFound: [], failed: [], warnings: [], warningCount: 0, stale: [], commits: 0, bytes: 0, seconds: 0, build: null,
  };
  const jobs: Job[] = [];
  for (const r of opts.registry.repos) {
    const found = findSource(r.repo, opts);
    if (!found) {
      summary.missing.push(r.repo);
      summary.notFound.push({ repo: r.repo, tried: candidatePaths(r.repo, opts).map((c) => c.path) });
      continue;
    }
    try {
      const job = await planJob(r.repo, found, staging.readState(r.repo), engine);
      if (job === 'unchanged') summary.unchanged.push(r.repo);
      else jobs.push(job);
    } catch (e) {
      summary.failed.push({ repo: r.repo, message: (e as Error).message });
    }
  }
  // Largest first keeps both workers busy until the end.
  jobs.sort((a, b) => b.weight - a.weight || a.repo.localeCompare(b.repo));
  const totalWeight = jobs.reduce((s, j) => s + j.weight, 0) || 1;
  let doneWeight = 0;
  const live = new Map<string, { commits: number; fraction: number }>();
  const report = (): void => {
    let commits = summary.commits;
    let partial = 0;
    for (const l of live.values()) {
      commits += l.commits;
      partial += l.fraction;
    }
    progress.update({ done: summary.ingested.length + summary.failed.length, total: jobs.length, commits, fraction: (doneWeight + partial) / totalWeight });
  };
  const pool = new WorkerPool(Math.max(1, Math.min(opts.concurrency ?? availableParallelism(), jobs.length)));
  const db = await DuckDBInstance.create(':memory:');
  const conn = await db.connect();
  // One connection, used by one conversion at a time.
  let dbQueue: Promise<unknown> = Promise.resolve();
  const serial = <T>(fn: () => Promise<T>): Promise<T> => {
    const next = dbQueue.then(fn, fn);
    dbQueue = next.catch(() => {});
    return next;
  };
  const runOne = async (job: Job, full: boolean): Promise<RepoResult> => {
    const previous = !full && job.incremental && job.source.kind === 'export' && job.state
      ? { head: job.state.head!, ...(await serial(() => stagedShas(conn, staging, job.state!))) }
      : undefined;
    const task: RepoTask = {
      repo: job.repo, source: job.source, outDir: await writing(staging.tmpRoot, job.repo, () => staging.newTmpDir(job.repo)), nowMs, previous,
      range: job.source.kind === 'clone' ? (full ? 'HEAD' : job.range) : undefined,
      injectDiskFull: opts.injectDiskFull?.some((r) => r === '*' || r === job.repo),
    };
    const result = await pool.run(task, (commits, bytes) => {
      // Exports: progress by uncompressed bytes is unknown up front; ~8× the gzip size is typical.
      live.set(job.repo, { commits, fraction: Math.min(job.weight * 0.95, job.source.kind === 'export' ? bytes / 8 : 0) });
      report();
    });
    const incremental = !full && job.incremental;
    if (incremental && job.source.kind === 'export' && (!result.reachedStop || result.staleAuthors)) {
      // The old head is gone (history rewritten) or old commits now map to other
      // authors (.mailmap changed): this repository starts over.
      rmSync(task.outDir, { recursive: true, force: true });
      progress.log(`${job.repo}: ${result.reachedStop ? '.mailmap changed' : 'history rewritten'} since the last ingest; ingesting it again`);
      return runOne(job, true);
    }
    const replace = !incremental;
    const keepPart = result.commits > 0 || replace;
    if (keepPart) await writing(join(task.outDir, 'commits.parquet'), job.repo, () => serial(() => csvPartToParquet(conn, task.outDir, job.repo)));
    await writing(join(staging.repoDir(job.repo), 'state.json'), job.repo, () => staging.commitPart(
      {
        repo: job.repo, engineVersion: engine, source: job.source, fingerprint: job.fingerprint,
        head: result.head ?? job.state?.head ?? null,
        commits: (replace ? 0 : (job.state?.commits ?? 0)) + result.commits, parts: [],
      },
      keepPart ? task.outDir : null,
      replace,
    ));
    return result;
  };
  // The first write that failed on a full disk: every later one fails the same way.
  let diskFull: DiskFullError | null = null;
  try {
    await Promise.all(
      jobs.map(async (job) => {
        try {
          const result = await runOne(job, false);
          summary.ingested.push(job.repo);
          summary.commits += result.commits;
          summary.bytes += result.bytes;
          summary.warningCount += result.warningCount;
          summary.warnings.push(...result.warnings);
        } catch (e) {
          if (e instanceof NotStarted) return;
          if (isDiskFull(e)) {
            if (!diskFull) {
              diskFull = e instanceof DiskFullError ? e : new DiskFullError(staging.repoDir(job.repo), job.repo, (e as Error).message);
              pool.stop();
            }
            return;
          }
          summary.failed.push({ repo: job.repo, message: (e as Error).message });
          progress.log(`✗ ${(e as Error).message}`);
        } finally {
          live.delete(job.repo);
          doneWeight += job.weight;
          report();
        }
      }),
    );
    if (diskFull) throw stoppedOnFullDisk(diskFull, opts.warehouseDir);
    // Every run, unchanged repositories included: a registry edit is what answers it.
    const present = opts.registry.repos.filter((r) => !summary.missing.includes(r.repo)).map((r) => r.repo);
    summary.stale = await findStaleHistories(conn, staging, opts.registry, present);
    summary.warnings.unshift(...summary.stale.map((s) => staleHistoryWarning(s, opts.registry.reposFile)));
    summary.warningCount += summary.stale.length;
  } finally {
    await pool.close();
    conn.closeSync();
    db.closeSync();
    progress.finish();
  }
  if (opts.build !== false) {
    if (warehouseIsCurrent(opts.warehouseDir, warehouseInputsKey(opts.registry, staging))) {
      progress.log('warehouse is up to date: nothing it is built from has changed');
    } else {
      const sources = [opts.exportsDir, opts.clonesDir].filter((d): d is string => d !== undefined);
      try {
        summary.build = await buildWarehouse({ warehouseDir: opts.warehouseDir, registry: opts.registry, staging, sources, log: (l) => progress.log(l) });
      } catch (e) {
        throw e instanceof DiskFullError ? stoppedOnFullDisk(e, opts.warehouseDir) : e;
      }
    }
  }
  summary.seconds = (performance.now() - started) / 1000;
  return summary;
}

function stoppedOnFullDisk(e: DiskFullError, warehouseDir: string): DiskFullError {
  const file = join(warehouseDir, WAREHOUSE_FILE);
  const previous = existsSync(file) ? `the warehouse (${file}) is unchanged` : 'no warehouse was built';
  return new DiskFullError(
    e.file, e.repo, e.reason,
    `The ingest stopped there; ${previous}. Free space on that disk (or ingest elsewhere with --warehouse <dir>) and run the ingest again: repositories already staged are not read again.`,
  );
}

/** Export files in a folder that the registry does not list (reported, never ingested). */
export function untrackedExports(exportsDir: string, registry: Registry): string[] {
  const known = new Set(registry.repos.map((r) => `${repoSlug(r.repo)}.gitlog.gz`));
  return readdirSync(exportsDir).filter((f) => f.endsWith('.gitlog.gz') && !known.has(f)).sort();
}
