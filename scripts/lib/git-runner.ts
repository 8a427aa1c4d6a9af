// Runs git against a clone. One `git log` process per repository streams the
// whole history; nothing here ever spawns a process per commit.
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { GITLOG_FORMAT } from './gitlog-parser.ts';
import { InputError } from './types.ts';

/** Arguments that make `git log` print gitlog v1 (shared/data/README.md). */
export function gitLogArgs(range: string): string[] {
  return ['-c', 'core.quotepath=off', 'log', range, '--no-renames', '--numstat', `--format=${GITLOG_FORMAT}`];
}

export function assertClone(dir: string): void {
  if (!existsSync(dir)) throw new InputError('clone path does not exist', { file: dir });
}

/**
 * git looks for a repository in the folder's parents too: a plain folder inside some
 * other checkout would silently be read as that checkout. The ceiling stops the
 * search at the clone folder itself.
 */
function gitEnv(dir: string): NodeJS.ProcessEnv {
  return { ...process.env, GIT_CEILING_DIRECTORIES: dirname(resolve(dir)) };
}

/** Runs a short git command and returns its trimmed stdout; null when git fails. */
export async function gitOutput(dir: string, args: string[]): Promise<string | null> {
  return new Promise((done) => {
    const child = spawn('git', ['-C', dir, ...args], { stdio: ['ignore', 'pipe', 'ignore'], env: gitEnv(dir) });
    let out = '';
    child.stdout.setEncoding('utf8');
    child.stdout.on('data', (d: string) => (out += d));
    child.on('error', () => done(null));
    child.on('close', (code) => done(code === 0 ? out.trim() : null));
  });
}

export async function headOf(dir: string): Promise<string | null> {
  assertClone(dir);
  return gitOutput(dir, ['rev-parse', '--verify', '-q', 'HEAD']);
}

/**
 * The blob id of the .mailmap committed at `rev`, or null when there is none. git log
 * maps every author through the current .mailmap, so commits staged under an older
 * one would keep stale names: a changed .mailmap means reading the history again.
 */
export async function mailmapBlob(dir: string, rev: string): Promise<string | null> {
  return gitOutput(dir, ['rev-parse', '-q', '--verify', `${rev}:.mailmap`]);
}

export async function isAncestor(dir: string, older: string, newer: string): Promise<boolean> {
  return (await gitOutput(dir, ['merge-base', '--is-ancestor', older, newer])) !== null;
}

/**
 * Streams `git log` output chunk by chunk. Returning false from onChunk stops git
 * early (the rest of the history is already ingested).
 */
export async function streamGitLog(dir: string, range: string, onChunk: (chunk: Buffer) => boolean): Promise<void> {
  assertClone(dir);
  const child = spawn('git', ['-C', dir, ...gitLogArgs(range)], { stdio: ['ignore', 'pipe', 'pipe'], env: gitEnv(dir) });
  let stderr = '';
  child.stderr.setEncoding('utf8');
  child.stderr.on('data', (d: string) => (stderr += d));
  const exited = new Promise<number | null>((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (code) => resolve(code));
  });
  let stopped = false;
  try {
    for await (const chunk of child.stdout as AsyncIterable<Buffer>) {
      if (!onChunk(chunk)) {
        stopped = true;
        child.kill();
        break;
      }
    }
  } catch (e) {
    // The consumer failed (a parse error): git must not linger, nor its exit go unheard.
    child.kill();
    exited.catch(() => {});
    throw e;
  }
  const code = await exited;
  if (!stopped && code !== 0) {
    // A repository with no commits yet has no HEAD to log: an empty history, not an error.
    if ((await gitOutput(dir, ['rev-parse', '--git-dir'])) !== null && (await gitOutput(dir, ['rev-parse', '--verify', '-q', 'HEAD'])) === null) return;
    throw new InputError(`git log failed (exit ${code}): ${stderr.trim().split('\n')[0] ?? ''}`, { file: dir });
  }
}
