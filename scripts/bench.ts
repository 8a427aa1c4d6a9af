// npm run bench: the engine's performance targets, measured (not asserted).
//   1. ingest of one large repository vs raw `git log --numstat` on the same clone (target ≤ 1.2×)
//   2. parser throughput on the real exports (target ≥ 50 MB/s)
//   3. full-dataset ingest from ../shared/data/gitlogs (clean warehouse)
//   4. all metrics for all quarters (target ≤ 10 s)
// BENCH_CLONE=<path> uses a real clone for (1); otherwise a synthetic history is generated.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { DuckDBInstance } from '@duckdb/node-api';
import { GitlogParser } from './ingest/gitlog-parser.ts';
import { gitLogArgs } from './ingest/git-runner.ts';
import { ingestRepo } from './ingest/ingest-repo.ts';
import { runIngest } from './ingest/ingest-run.ts';
import { loadRegistry } from './registry/registry.ts';
import { computeMetrics } from './metrics/metrics.ts';
import { Progress } from './common/progress.ts';
import { runCli } from './common/cli-errors.ts';

const SHARED = resolve('../shared/data/gitlogs');

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
}

/** A deterministic history with real diffs, built with fast-import (seconds, not minutes). */
function syntheticClone(dir: string, commits: number): void {
  spawnSync('git', ['init', '-q', '-b', 'main', dir]);
  const lines: string[] = [];
  let seed = 42;
  const rand = (n: number): number => ((seed = (seed * 1103515245 + 12345) % 2 ** 31), seed % n);
  const contents = new Map<string, string>();
  for (let i = 1; i <= commits; i++) {
    const author = `Dev ${rand(400)}`;
    const t = 1_500_000_000 + i * 3600;
    lines.push('commit refs/heads/main', `mark :${i}`, `author ${author} <dev${rand(400)}@example.com> ${t} +0000`, `committer ${author} <ci@example.com> ${t} +0000`);
    const msg = `change ${i}: ${['fix', 'feat', 'perf', 'docs', 'test'][rand(5)]} something`;
    lines.push(`data ${Buffer.byteLength(msg)}`, msg);
    if (i > 1) lines.push(`from :${i - 1}`);
    const files = 1 + rand(4);
    for (let f = 0; f < files; f++) {
      const path = `${['src', 'tests', 'docs', 'kernels'][rand(4)]}/module_${rand(300)}.py`;
      const prev = contents.get(path) ?? '';
      const next = prev.split('\n').slice(-200).concat(Array.from({ length: 1 + rand(20) }, (_, k) => `line ${i}.${k} ${rand(1e6)}`)).join('\n');
      contents.set(path, next);
      lines.push(`M 100644 inline ${path}`, `data ${Buffer.byteLength(next)}`, next);
    }
    lines.push('');
  }
  const r = spawnSync('git', ['-C', dir, 'fast-import', '--quiet'], { input: lines.join('\n') + '\n', maxBuffer: 1 << 30 });
  if (r.status !== 0) throw new Error(`fast-import failed: ${r.stderr}`);
  spawnSync('git', ['-C', dir, 'checkout', '-q', 'main']);
}

async function rawGitLog(dir: string): Promise<number> {
  const t0 = performance.now();
  await new Promise<void>((res, rej) => {
    const child = spawn('git', ['-C', dir, ...gitLogArgs('HEAD')], { stdio: ['ignore', 'pipe', 'inherit'] });
    child.stdout.on('data', () => {});
    child.on('error', rej);
    child.on('close', () => res());
  });
  return (performance.now() - t0) / 1000;
}

async function benchCloneRatio(work: string): Promise<Record<string, number | string>> {
  let clone = process.env.BENCH_CLONE;
  if (!clone) {
    clone = join(work, 'synthetic');
    process.stderr.write('generating a synthetic 40,000-commit history…\n');
    syntheticClone(clone, 40_000);
  }
  await rawGitLog(clone); // warm the page cache for both contenders
  const raw: number[] = [];
  const ours: number[] = [];
  let commits = 0;
  for (let i = 0; i < 3; i++) {
    raw.push(await rawGitLog(clone));
    const out = join(work, `out-${i}`);
    const t0 = performance.now();
    const r = await ingestRepo({ repo: 'bench/clone', source: { kind: 'clone', path: clone }, outDir: out, nowMs: Date.now() });
    ours.push((performance.now() - t0) / 1000);
    commits = r.commits;
    rmSync(out, { recursive: true, force: true });
  }
  return { clone: process.env.BENCH_CLONE ?? 'synthetic', commits, raw_git_log_s: median(raw), ingest_s: median(ours), ratio: median(ours) / median(raw) };
}

function benchParser(): Record<string, number> {
  const files = readdirSync(SHARED).filter((f) => f.endsWith('.gitlog.gz')).sort();
  const bufs = files.map((f) => gunzipSync(readFileSync(join(SHARED, f))));
  const bytes = bufs.reduce((s, b) => s + b.length, 0);
  const runs: number[] = [];
  let commits = 0;
  for (let i = 0; i < 3; i++) {
    commits = 0;
    const t0 = performance.now();
    for (const b of bufs) {
      const p = new GitlogParser({ file: 'bench', onCommit: () => void commits++ });
      for (let o = 0; o < b.length; o += 1 << 18) p.push(b.subarray(o, o + (1 << 18)));
      p.end();
    }
    runs.push((performance.now() - t0) / 1000);
  }
  return { mb: bytes / 1e6, commits, seconds: median(runs), mb_per_s: bytes / 1e6 / median(runs) };
}

runCli(async () => {
  const work = mkdtempSync(join(tmpdir(), 'deep-signal-bench-'));
  const results: Record<string, unknown> = { date: new Date().toISOString(), node: process.version };
  try {
    results.clone_vs_git_log = await benchCloneRatio(work);
    console.log('1. one repository vs raw git log:', results.clone_vs_git_log);
    if (!existsSync(SHARED)) {
      console.log(`../shared/data/gitlogs is absent: skipping the dataset benchmarks (2–4).`);
    } else {
      results.parser = benchParser();
      console.log('2. parser throughput:', results.parser);
      const registry = await loadRegistry();
      const warehouseDir = join(work, 'warehouse');
      const t0 = performance.now();
      const summary = await runIngest({ registry, warehouseDir, exportsDir: SHARED, progress: new Progress() });
      results.full_ingest = { seconds: (performance.now() - t0) / 1000, commits: summary.commits, repos: summary.ingested.length, metrics_s_in_build: (summary.build?.metricsMs ?? 0) / 1000 };
      console.log('3. full-dataset ingest (clean):', results.full_ingest);
      const t1 = performance.now();
      const again = await runIngest({ registry, warehouseDir, exportsDir: SHARED, progress: new Progress() });
      results.noop_ingest = { seconds: (performance.now() - t1) / 1000, unchanged: again.unchanged.length, rebuilt_warehouse: again.build !== null };
      console.log('   re-run with nothing changed:', results.noop_ingest);
      const db = await DuckDBInstance.create(join(warehouseDir, 'warehouse.duckdb'));
      const conn = await db.connect();
      const runs: number[] = [];
      for (let i = 0; i < 3; i++) {
        const t = performance.now();
        await computeMetrics(conn);
        runs.push((performance.now() - t) / 1000);
      }
      conn.closeSync();
      db.closeSync();
      results.metrics = { seconds_median_of_3: median(runs) };
      console.log('4. all metrics, all quarters:', results.metrics);
    }
    mkdirSync('bench-results', { recursive: true });
    writeFileSync('bench-results/engine.json', JSON.stringify(results, null, 2));
    console.log('written to bench-results/engine.json');
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
});
