// Real git repositories in temp folders, with every identity and date pinned through
// the environment, so a test can say exactly which SHA, name and instant it expects.
// Synchronous on purpose: a test repository has a handful of commits and the
// assertions read more plainly without awaits.
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { gzipSync } from 'node:zlib';

export interface Who {
  name: string;
  email: string;
}

/** What a file becomes in a commit: text, raw bytes (binary), or null to delete it. */
export type FileContent = string | Uint8Array | null;

export interface CommitSpec {
  author: Who;
  /** Defaults to the author. */
  committer?: Who;
  /** Author date, ISO 8601 with the offset git should record (`2024-07-01T05:00:00+14:00`). */
  date: string;
  /** Defaults to `date`. */
  committerDate?: string;
  /** Subject, optionally followed by a blank line and a body. */
  message?: string;
  /** `Name <email>` or a bare name; written as `Co-authored-by:` trailers. */
  coAuthors?: string[];
  files?: Record<string, FileContent>;
}

// Written out from shared/data/README.md rather than imported from the parser, so a
// drift between the documented format and GITLOG_FORMAT shows up as a test failure.
export const DOCUMENTED_FORMAT =
  '%x1e%H%x1f%P%x1f%an%x1f%ae%x1f%aN%x1f%aE%x1f%aI%x1f%cn%x1f%ce%x1f%cI%x1f%s%x1f%(trailers:key=Co-authored-by,valueonly,separator=%x1d)';

// The machine's own git configuration (identity, hooks, signing) must not leak in.
const ISOLATED_ENV = {
  GIT_CONFIG_GLOBAL: '/dev/null',
  GIT_CONFIG_NOSYSTEM: '1',
  GIT_TERMINAL_PROMPT: '0',
};

/** A fresh temp folder; removed by `removeTmp` (tests call it in afterAll). */
export function makeTmp(prefix = 'ds-test-'): string {
  return mkdtempSync(join(tmpdir(), prefix));
}

export function removeTmp(dir: string): void {
  rmSync(dir, { recursive: true, force: true });
}

export class GitRepo {
  readonly dir: string;

  private constructor(dir: string) {
    this.dir = dir;
  }

  /** `git init -b main` in `dir` (created), or in a new temp folder. */
  static init(dir?: string): GitRepo {
    const target = dir ?? makeTmp('ds-repo-');
    mkdirSync(target, { recursive: true });
    const repo = new GitRepo(target);
    repo.git(['init', '-q', '-b', 'main']);
    return repo;
  }

  /** An existing repository (a clone made with `git clone`, say). */
  static open(dir: string): GitRepo {
    return new GitRepo(dir);
  }

  git(args: string[], env: Record<string, string> = {}): string {
    return this.gitBytes(args, env).toString('utf8').trim();
  }

  gitBytes(args: string[], env: Record<string, string> = {}): Buffer {
    return execFileSync('git', ['-C', this.dir, ...args], {
      env: { ...process.env, ...ISOLATED_ENV, ...env },
      maxBuffer: 1 << 28,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
  }

  writeFiles(files: Record<string, FileContent>): void {
    for (const [path, content] of Object.entries(files)) {
      const full = join(this.dir, path);
      if (content === null) unlinkSync(full);
      else {
        mkdirSync(dirname(full), { recursive: true });
        writeFileSync(full, content);
      }
    }
  }

  /** Commits the given file changes (or an empty commit) and returns the new SHA. */
  commit(spec: CommitSpec): string {
    if (spec.files) {
      this.writeFiles(spec.files);
      this.git(['add', '-A']);
    }
    const message = this.message(spec);
    this.git(['commit', '-q', '--allow-empty', '--no-verify', '-m', message], this.env(spec));
    return this.head();
  }

  /** `git commit --amend` of HEAD with new content: the old HEAD is no longer reachable. */
  amend(spec: CommitSpec): string {
    if (spec.files) {
      this.writeFiles(spec.files);
      this.git(['add', '-A']);
    }
    this.git(['commit', '-q', '--amend', '--allow-empty', '--no-verify', '-m', this.message(spec)], this.env(spec));
    return this.head();
  }

  /** A `--no-ff` merge of `branch` into the current branch; returns the merge SHA. */
  merge(branch: string, spec: CommitSpec): string {
    this.git(['merge', '-q', '--no-ff', '--no-edit', '-m', spec.message ?? `Merge ${branch}`, branch], this.env(spec));
    return this.head();
  }

  checkout(branch: string, create = false): void {
    this.git(create ? ['checkout', '-q', '-b', branch] : ['checkout', '-q', branch]);
  }

  hasCommits(): boolean {
    try {
      this.git(['rev-parse', '--verify', '-q', 'HEAD']);
      return true;
    } catch {
      return false;
    }
  }

  head(): string {
    return this.git(['rev-parse', 'HEAD']);
  }

  /** What the documented export command prints for this repository, uncompressed. */
  documentedLog(): Buffer {
    // git log fails on a repository with no commits; its export is an empty stream.
    if (!this.hasCommits()) return Buffer.alloc(0);
    return this.gitBytes(['-c', 'core.quotepath=off', 'log', 'HEAD', '--no-renames', '--numstat', `--format=${DOCUMENTED_FORMAT}`]);
  }

  /** Writes `file` as a gitlog v1 export (the documented command, gzipped). */
  exportTo(file: string): Buffer {
    const raw = this.documentedLog();
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, gzipSync(raw));
    return raw;
  }

  private message(spec: CommitSpec): string {
    let message = spec.message ?? 'change';
    if (spec.coAuthors?.length) message += `\n\n${spec.coAuthors.map((c) => `Co-authored-by: ${c}`).join('\n')}`;
    return message;
  }

  private env(spec: CommitSpec): Record<string, string> {
    const committer = spec.committer ?? spec.author;
    return {
      GIT_AUTHOR_NAME: spec.author.name,
      GIT_AUTHOR_EMAIL: spec.author.email,
      GIT_AUTHOR_DATE: spec.date,
      GIT_COMMITTER_NAME: committer.name,
      GIT_COMMITTER_EMAIL: committer.email,
      GIT_COMMITTER_DATE: spec.committerDate ?? spec.date,
    };
  }
}
