// A real git repository with a synthetic history, built with `git fast-import` from
// the generator's commits (authors, dates, co-author trailers, paths), for measuring
// the clone-ingest path where no large real clone can be downloaded. File contents
// are small text files edited a few lines at a time, so `git log --numstat` diffs
// real blobs as it would on a real project (binary paths get a NUL byte).
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdirSync } from 'node:fs';
import { hash } from './prng.ts';
import { ownCommit, makeCtx } from './history.ts';
import { makePlan } from './plan.ts';
import { BINARY_EXT } from './paths.ts';

function tz(offset: number): string {
  const a = Math.abs(offset);
  return `${offset < 0 ? '-' : '+'}${String(Math.floor(a / 60)).padStart(2, '0')}${String(a % 60).padStart(2, '0')}`;
}

function content(path: string, version: number): string {
  const h = hash(path.length, version);
  if (BINARY_EXT.has(path.slice(path.lastIndexOf('.')))) return `\0PNG ${path} ${version} ${h}\n`;
  const n = 40 + (version % 20);
  const lines: string[] = [];
  for (let k = 0; k < n; k++) lines.push(k === (version * 7 + 1) % n || k === (version * 13 + 5) % n ? `rev ${version} ${h % 1000}` : `line ${k} of ${path}`);
  return lines.join('\n') + '\n';
}

/** Builds `dir` (a non-bare repository, branch main, nothing checked out) with `commits` commits. */
export async function buildCloneRepo(dir: string, commits: number, seed = 1): Promise<void> {
  mkdirSync(dir, { recursive: true });
  await run('git', ['init', '-q', '-b', 'main', dir]);
  const plan = makePlan({ name: 'clone', repos: 1, commits, people: Math.max(50, Math.round(commits / 25)), sizeSigma: 1 }, seed);
  const repo = plan.repos[0]!;
  const ctx = makeCtx(plan, repo);
  const child = spawn('git', ['-C', dir, 'fast-import', '--quiet', '--done'], { stdio: ['pipe', 'inherit', 'inherit'] });
  const versions = new Map<string, number>();
  let buf = '';
  const flush = async (): Promise<void> => {
    if (!child.stdin.write(buf)) await once(child.stdin, 'drain');
    buf = '';
  };
  for (let i = 0; i < repo.own; i++) {
    const c = ownCommit(ctx, i);
    const body = c.coauthors ? `\n\n${c.coauthors.split('\x1d').map((a) => `Co-authored-by: ${a}`).join('\n')}\n` : '\n';
    const msg = `${c.subject}${body}`;
    buf += `commit refs/heads/main\nmark :${i + 1}\nauthor ${c.an} <${c.ae}> ${c.at} ${tz(c.aoff)}\ncommitter ${c.cn} <${c.ce}> ${Math.max(c.ct, c.at)} ${tz(c.coff)}\ndata ${Buffer.byteLength(msg)}\n${msg}\n`;
    if (i > 0) buf += `from :${i}\n`;
    for (const line of c.files.split('\n')) {
      if (!line) continue;
      const path = line.slice(line.indexOf('\t', line.indexOf('\t') + 1) + 1);
      const v = (versions.get(path) ?? 0) + 1;
      versions.set(path, v);
      const text = content(path, v);
      buf += `M 100644 inline ${path}\ndata ${Buffer.byteLength(text)}\n${text}\n`;
    }
    if (buf.length > 1 << 20) await flush();
  }
  buf += 'done\n';
  await flush();
  child.stdin.end();
  const [code] = (await once(child, 'close')) as [number];
  if (code !== 0) throw new Error(`git fast-import failed (exit ${code})`);
}

export async function run(cmd: string, args: string[], opts: { cwd?: string } = {}): Promise<number> {
  const t0 = performance.now();
  const child = spawn(cmd, args, { cwd: opts.cwd, stdio: ['ignore', 'ignore', 'inherit'] });
  const [code] = (await once(child, 'close')) as [number];
  if (code !== 0) throw new Error(`${cmd} ${args.join(' ')} failed (exit ${code})`);
  return (performance.now() - t0) / 1000;
}
