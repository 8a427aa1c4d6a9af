// Runs git against a clone. One `git log` process per repository streams the
// whole history; nothing here ever spawns a process per commit.
import { spawn } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { GITLOG_FORMAT } from './gitlog-parser.ts';
import { InputError } from '../common/types.ts';

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

/** git log died on an object the clone does not have (a partial clone, a damaged mirror). */
export class AbsentObjectError extends InputError {}

// What git says when an object a diff needs is not there; a partial clone first tries
// its promisor remote and says that it could not.
const ABSENT_OBJECT = /unable to read [0-9a-f]{40}|could not fetch [0-9a-f]{40} from promisor remote|missing blob object|bad object [0-9a-f]{40}/;

/**
 * Whether the clone was made with a filter (`--filter=blob:limit=…`): git fetches every
 * absent blob from its remote, one at a time, the moment a diff needs it.
 */
export async function isPartialClone(dir: string): Promise<boolean> {
  const out = await gitOutput(dir, ['config', '--get-regexp', '^(remote\\..*\\.promisor|extensions\\.partialclone)$']);
  return out !== null && out.split('\n').some((l) => !/^remote\..*\.promisor (false|no|off|0)$/i.test(l.trim()));
}

/** The objects HEAD's history refers to that the clone does not have (git fetches none of them here). */
export async function absentObjects(dir: string): Promise<string[]> {
  const child = spawn('git', ['-C', dir, 'rev-list', '--objects', '--missing=print', 'HEAD'], { stdio: ['ignore', 'pipe', 'pipe'], env: gitEnv(dir) });
  let stderr = '';
  child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
  const exited = new Promise<number | null>((done, fail) => {
    child.on('error', fail);
    child.on('close', (code) => done(code));
  });
  const absent: string[] = [];
  // Large histories list millions of objects: read them as they come, keep the few absent ones.
  for await (const line of createInterface({ input: child.stdout, crlfDelay: Infinity })) if (line.startsWith('?')) absent.push(line.slice(1, 41));
  const code = await exited;
  if (code !== 0) throw new InputError(`git rev-list failed (exit ${code}): ${stderr.trim().split('\n')[0] ?? ''}`, { file: dir });
  return absent;
}

/**
 * A throw-away repository that reads the clone's objects through
 * objects/info/alternates and has no promisor remote, so git never tries to fetch,
 * with every absent object replaced (refs/replace) by one small blob holding a NUL
 * byte: git then counts a change to an absent file version as binary, `-`.
 * Nothing is written to the clone. Returns the arguments that make git read through it.
 */
export async function borrowingRepository(dir: string, absent: string[], into: string): Promise<string[]> {
  const path = async (what: string): Promise<string> => {
    const p = await gitOutput(dir, ['rev-parse', '--path-format=absolute', '--git-path', what]);
    if (p === null) throw new InputError(`cannot find the ${what} of this clone`, { file: dir });
    return p;
  };
  const head = await gitOutput(dir, ['rev-parse', '--verify', '-q', 'HEAD']);
  if (!head) throw new InputError('clone has no HEAD', { file: dir });
  mkdirSync(into, { recursive: true });
  const git = (args: string[], input?: string) => runGit(['--git-dir', into, ...args], input, dir);
  await git(['init', '-q', '--bare']);
  writeFileSync(join(into, 'objects', 'info', 'alternates'), `${await path('objects')}\n`);
  // A shallow clone's cut-off commits have parents that are nowhere: git must know.
  const shallow = await path('shallow');
  if (existsSync(shallow)) copyFileSync(shallow, join(into, 'shallow'));
  const nul = (await git(['hash-object', '-w', '--stdin'], 'absent\0')).trim();
  // Packed, not loose: a loose object is opened and mapped again on every read, and a
  // history with many absent blobs reads it hundreds of thousands of times.
  await git(['pack-objects', '-q', join(into, 'objects', 'pack', 'pack')], `${nul}\n`);
  await git(['prune-packed']);
  // packed-refs directly: one file, however many objects are absent.
  const refs = [...new Set(absent)].sort().map((sha) => `${nul} refs/replace/${sha}\n`);
  writeFileSync(join(into, 'packed-refs'), `# pack-refs with: peeled fully-peeled sorted \n${refs.join('')}`);
  writeFileSync(join(into, 'HEAD'), `${head}\n`);
  const bare = (await gitOutput(dir, ['rev-parse', '--is-bare-repository'])) === 'true';
  if (bare) return ['--git-dir', into];
  // git log reads .mailmap from the work tree of a clone (HEAD's only in a bare one):
  // the work tree must stay the clone's for %aN and %aE to be what they are there.
  const top = await gitOutput(dir, ['rev-parse', '--show-toplevel']);
  if (top === null) throw new InputError('cannot find the work tree of this clone', { file: dir });
  return ['-C', top, '--git-dir', into, '--work-tree', '.'];
}

async function runGit(args: string[], input: string | undefined, dir: string): Promise<string> {
  return new Promise((done, fail) => {
    const child = spawn('git', args, { stdio: [input === undefined ? 'ignore' : 'pipe', 'pipe', 'pipe'], env: gitEnv(dir) });
    let out = '';
    let err = '';
    child.stdout!.setEncoding('utf8').on('data', (d: string) => (out += d));
    child.stderr!.setEncoding('utf8').on('data', (d: string) => (err += d));
    child.on('error', fail);
    child.on('close', (code) => (code === 0 ? done(out) : fail(new InputError(`git ${args.filter((a) => !a.startsWith('/')).join(' ')} failed: ${err.trim()}`, { file: dir }))));
    if (child.stdin) {
      // A git that exits before reading its input breaks the pipe: its exit code says why,
      // and the EPIPE must not crash the worker thread.
      child.stdin.on('error', () => {});
      child.stdin.end(input);
    }
  });
}

/**
 * Streams `git log` output chunk by chunk. Returning false from onChunk stops git
 * early (the rest of the history is already ingested). `through` (from
 * borrowingRepository) reads the clone through another repository.
 */
export async function streamGitLog(dir: string, range: string, onChunk: (chunk: Buffer) => boolean, through?: string[]): Promise<void> {
  assertClone(dir);
  const child = spawn('git', [...(through ?? ['-C', dir]), ...gitLogArgs(range)], { stdio: ['ignore', 'pipe', 'pipe'], env: gitEnv(dir) });
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
    // The line that names the cause: a partial clone first says why its fetch failed.
    const lines = stderr.trim().split('\n');
    const absent = lines.find((l) => ABSENT_OBJECT.test(l));
    if (absent) throw new AbsentObjectError(`git log failed (exit ${code}): ${absent}`, { file: dir });
    throw new InputError(`git log failed (exit ${code}): ${lines[0] ?? ''}`, { file: dir });
  }
}
