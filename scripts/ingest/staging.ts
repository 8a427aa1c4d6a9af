// The warehouse's staging area: per repository, Parquet parts plus a state file
// that lists them. Every change is made by writing aside and renaming, so a run
// killed at any instant leaves either the old state or the new one.
import { sqlString } from '../../src/lib/sql-literal.ts';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, readdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { DuckDBConnection } from '@duckdb/node-api';
import { COAUTHOR_COLUMNS, COMMIT_COLUMNS, NULL_TEXT } from './staging-rows.ts';
import type { RepoSource } from './ingest-repo.ts';

export interface RepoState {
  repo: string;
  engineVersion: string;
  source: RepoSource;
  /** sha256 of an export file, or the HEAD of a clone. */
  fingerprint: string;
  head: string | null;
  commits: number;
  parts: string[];
}

export function repoSlug(repo: string): string {
  return repo.replace('/', '__');
}

export class Staging {
  readonly root: string;
  constructor(warehouseDir: string) {
    this.root = join(warehouseDir, 'staging');
    mkdirSync(this.root, { recursive: true });
  }

  get tmpRoot(): string {
    return join(this.root, '.tmp');
  }

  repoDir(repo: string): string {
    return join(this.root, repoSlug(repo));
  }

  readState(repo: string): RepoState | null {
    const file = join(this.repoDir(repo), 'state.json');
    if (!existsSync(file)) return null;
    try {
      return JSON.parse(readFileSync(file, 'utf8')) as RepoState;
    } catch {
      return null; // unreadable state: the repository is ingested again from scratch
    }
  }

  /** Removes what an interrupted run left: temp folders and parts no state lists. */
  recover(): void {
    rmSync(this.tmpRoot, { recursive: true, force: true });
    for (const slug of readdirSync(this.root)) {
      if (slug.startsWith('.')) continue;
      const dir = join(this.root, slug);
      const state = this.readState(slug.replace('__', '/'));
      const listed = new Set(state?.parts ?? []);
      for (const entry of readdirSync(dir)) {
        if (entry === 'state.json') continue;
        if (!listed.has(entry)) rmSync(join(dir, entry), { recursive: true, force: true });
      }
    }
  }

  newTmpDir(repo: string): string {
    const dir = join(this.tmpRoot, `${repoSlug(repo)}-${process.pid}-${Math.random().toString(36).slice(2, 8)}`);
    mkdirSync(dir, { recursive: true });
    return dir;
  }

  /** Moves a finished part into place and commits the new state in one rename. */
  commitPart(state: RepoState, tmpDir: string | null, replace: boolean): RepoState {
    const dir = this.repoDir(state.repo);
    mkdirSync(dir, { recursive: true });
    const old = this.readState(state.repo);
    const parts = replace ? [] : [...(old?.parts ?? [])];
    if (tmpDir) {
      const taken = new Set([...(old?.parts ?? []), ...readdirSync(dir)]);
      let n = parts.length + 1;
      let name = `part-${String(n).padStart(4, '0')}`;
      while (taken.has(name)) name = `part-${String(++n).padStart(4, '0')}`;
      renameSync(tmpDir, join(dir, name));
      parts.push(name);
    }
    const next: RepoState = { ...state, parts };
    const tmpState = join(dir, 'state.json.tmp');
    writeFileSync(tmpState, JSON.stringify(next, null, 2));
    renameSync(tmpState, join(dir, 'state.json'));
    if (replace) for (const p of old?.parts ?? []) if (!parts.includes(p)) rmSync(join(dir, p), { recursive: true, force: true });
    return next;
  }

  removeRepo(repo: string): void {
    rmSync(this.repoDir(repo), { recursive: true, force: true });
  }

  states(): RepoState[] {
    const out: RepoState[] = [];
    for (const slug of readdirSync(this.root).sort()) {
      if (slug.startsWith('.')) continue;
      const s = this.readState(slug.replace('__', '/'));
      if (s) out.push(s);
    }
    return out;
  }

  partFiles(state: RepoState, table: 'commits' | 'coauthors'): string[] {
    return state.parts.map((p) => join(this.repoDir(state.repo), p, `${table}.parquet`));
  }
}


function columnsSpec(cols: Record<string, string>): string {
  return `{${Object.entries(cols).map(([k, v]) => `${sqlString(k)}: ${sqlString(v)}`).join(', ')}}`;
}

// auto_detect=false: every option is given, and the sniffer fails on an empty file
// (a repository with no co-authored commit, an empty history, an incremental part).
function readStagingCsv(file: string, cols: Record<string, string>): string {
  return `read_csv(${sqlString(file)}, auto_detect=false, delim=chr(31), quote='', escape='', header=false, nullstr=${sqlString(NULL_TEXT)}, columns=${columnsSpec(cols)})`;
}

/** Converts a worker's delimited files into Parquet in the same folder, then drops the text. */
export async function csvPartToParquet(conn: DuckDBConnection, dir: string, repo: string): Promise<void> {
  const commitsCsv = join(dir, 'commits.csv');
  const coauthorsCsv = join(dir, 'coauthors.csv');
  await conn.run(
    `COPY (SELECT ${sqlString(repo)} AS repo, * FROM ${readStagingCsv(commitsCsv, COMMIT_COLUMNS)}) TO ${sqlString(join(dir, 'commits.parquet'))} (FORMAT parquet, COMPRESSION zstd)`,
  );
  await conn.run(
    `COPY (SELECT ${sqlString(repo)} AS repo, * FROM ${readStagingCsv(coauthorsCsv, COAUTHOR_COLUMNS)}) TO ${sqlString(join(dir, 'coauthors.parquet'))} (FORMAT parquet, COMPRESSION zstd)`,
  );
  rmSync(commitsCsv);
  rmSync(coauthorsCsv);
}

export function fileFingerprint(file: string): string {
  return createHash('sha256').update(readFileSync(file)).digest('hex');
}
