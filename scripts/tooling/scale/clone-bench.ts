// The clone-ingest path against raw `git log --numstat` on the same clone (target
// ≤ 1.2×), on a synthetic repository built with fast-import, and what the clone
// settings change: a fresh fast-import pack, after `git repack -adf`, after a
// commit-graph, and what a partial clone (--filter=blob:none) costs.
//   node scripts/tooling/scale/clone-bench.ts [--commits 200000] [--runs 3] [--work /tmp/scale-clone]
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { existsSync, mkdirSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { buildCloneRepo, run } from './clone-repo.ts';
import { measure } from './measure.ts';
import { ROOT } from './steps.ts';

const FORMAT = '%x1e%H%x1f%P%x1f%an%x1f%ae%x1f%aN%x1f%aE%x1f%aI%x1f%cn%x1f%ce%x1f%cI%x1f%s%x1f%(trailers:key=Co-authored-by,valueonly,separator=%x1d)';
const REPO = 'synthetic-org/big-history';

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
}

function du(path: string): number {
  const st = statSync(path);
  return st.isDirectory() ? readdirSync(path).reduce((s, f) => s + du(join(path, f)), 0) : st.size;
}

/** Raw git log with the engine's format, its output thrown away by git itself (the strictest baseline). */
async function rawLog(dir: string, extra: string[] = []): Promise<number> {
  const t0 = performance.now();
  const child = spawn('sh', ['-c', `git -C "${dir}" -c core.quotepath=off log HEAD --no-renames --numstat --format='${FORMAT}' ${extra.join(' ')} > /dev/null`], { stdio: 'inherit' });
  const [code] = (await once(child, 'close')) as [number];
  if (code !== 0) throw new Error(`git log failed (exit ${code})`);
  return (performance.now() - t0) / 1000;
}

async function ingestClone(clones: string, registry: string, warehouse: string): Promise<{ wallS: number; cpuS: number; peakRssMB: number }> {
  rmSync(warehouse, { recursive: true, force: true });
  const r = await measure(['node', 'scripts/ingest.ts', '--from', clones, '--registry', registry, '--warehouse', warehouse, '--no-build'], { cwd: ROOT, env: { CI: '1' } });
  if (r.exitCode !== 0) throw new Error(`ingest failed:\n${r.output.slice(-3000)}`);
  return { wallS: r.wallS, cpuS: r.cpuS, peakRssMB: r.peakRssMB };
}

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { commits: { type: 'string', default: '200000' }, runs: { type: 'string', default: '3' }, work: { type: 'string', default: '/tmp/scale-clone' } } });
  const commits = Number(values.commits);
  const runs = Number(values.runs);
  const work = values.work!;
  const clones = join(work, 'clones');
  const dir = join(clones, REPO.replace('/', '__'));
  const registry = join(work, 'registry');
  const log = (s: string): void => void process.stderr.write(`${s}\n`);
  mkdirSync(registry, { recursive: true });
  writeFileSync(join(registry, 'tracked-repos.csv'), `repo,category,status,upstream,tracked_until,note\n${REPO},ml-compilers,ingested,,,\n`);
  await run('cp', [join(ROOT, 'data', 'categories.yaml'), join(registry, 'categories.yaml')]);
  const result: Record<string, unknown> = { commits };
  if (!existsSync(join(dir, '.git'))) {
    const t0 = performance.now();
    await buildCloneRepo(dir, commits);
    result.fastImportS = (performance.now() - t0) / 1000;
    log(`built ${dir} (${commits} commits) in ${(result.fastImportS as number).toFixed(0)} s`);
  }
  const compare = async (label: string): Promise<void> => {
    await rawLog(dir); // warm the page cache for both
    const raw: number[] = [];
    const ours: { wallS: number; cpuS: number; peakRssMB: number }[] = [];
    for (let i = 0; i < runs; i++) {
      raw.push(await rawLog(dir));
      ours.push(await ingestClone(clones, registry, join(work, 'warehouse')));
    }
    const entry = {
      gitDirMB: du(join(dir, '.git')) / 1e6, rawGitLogS: median(raw), ingestS: median(ours.map((o) => o.wallS)), ingestCpuS: median(ours.map((o) => o.cpuS)),
      ingestPeakMB: median(ours.map((o) => o.peakRssMB)), ratio: median(ours.map((o) => o.wallS)) / median(raw), raw, ours: ours.map((o) => o.wallS),
    };
    result[label] = entry;
    log(`${label}: git log ${entry.rawGitLogS.toFixed(1)} s, ingest ${entry.ingestS.toFixed(1)} s (${entry.ratio.toFixed(2)}×), .git ${entry.gitDirMB.toFixed(0)} MB`);
  };
  await compare('fastImportPack');
  result.repackS = await run('git', ['-C', dir, 'repack', '-adf', '--quiet']);
  await compare('repacked');
  result.commitGraphS = await run('git', ['-C', dir, 'commit-graph', 'write', '--reachable', '--changed-paths']);
  await compare('repackedWithCommitGraph');
  // A partial clone: cheap to make, but every blob --numstat needs is fetched on demand.
  const partial = join(work, 'partial');
  rmSync(partial, { recursive: true, force: true });
  // A local "remote" serves filters and single objects only when told to, as a hosted one does;
  // without this the filter is silently ignored and the "partial" clone is a full one.
  await run('git', ['-C', dir, 'config', 'uploadpack.allowFilter', 'true']);
  await run('git', ['-C', dir, 'config', 'uploadpack.allowAnySHA1InWant', 'true']);
  result.partialCloneS = await run('git', ['clone', '-q', '--no-checkout', '--filter=blob:none', `file://${dir}`, partial]);
  result.partialCloneMB = du(join(partial, '.git')) / 1e6;
  const sample = 2000;
  result.partialLogSampleCommits = sample;
  result.partialLogSampleS = await rawLog(partial, ['-n', String(sample)]);
  result.fullLogSampleS = await rawLog(dir, ['-n', String(sample)]);
  log(JSON.stringify(result, null, 2));
  mkdirSync('/tmp/scale-work/results', { recursive: true });
  writeFileSync('/tmp/scale-work/results/clone.json', JSON.stringify(result, null, 2) + '\n');
}

await main();
