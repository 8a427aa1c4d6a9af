// npm run bench:scale -- --size <tiny|1x|3x|10x|2000r> [--runs n] [--seed n] [--quarter yyyy-qN] [--nice n] [--keep]
// Generates the synthetic dataset (cached by size, seed and generator code), then
// measures each engine step as its own process: staging, warehouse build (identity
// resolution and metrics included), the metrics alone, publish, and a no-op re-run.
// Results go to docs/scale.json and, rendered, into docs/scale.md and docs/scale.svg.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { DuckDBInstance } from '@duckdb/node-api';
import { ensureDataset } from './generate.ts';
import { machine, ROOT, runStep, type StepName, type StepResult } from './steps.ts';
import { renderDocs, type SizeResult, type StepSummary } from './report.ts';

const STEPS: StepName[] = ['stage', 'build', 'metrics', 'publish', 'noop'];
const DEFAULT_RUNS: Record<string, number> = { tiny: 5, '1x': 3, '3x': 1, '10x': 1, '2000r': 1 };

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}

function duBytes(path: string): number {
  if (!existsSync(path)) return 0;
  const st = statSync(path);
  if (!st.isDirectory()) return st.size;
  return readdirSync(path).reduce((s, f) => s + duBytes(join(path, f)), 0);
}

/**
 * The committed engine (git HEAD), copied aside: a run takes many minutes, and the
 * working tree may be edited meanwhile, which would change the code the warehouse key
 * hashes (publish would refuse) or leave a half-written module for a later step.
 */
function snapshotEngine(dir: string): string {
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const archive = spawnSync('git', ['archive', '--format=tar', 'HEAD', 'scripts', 'src', 'data', 'package.json', 'tsconfig.json'], { cwd: ROOT, maxBuffer: 1 << 30 });
  if (archive.status !== 0) throw new Error(`git archive failed: ${archive.stderr.toString()}`);
  const untar = spawnSync('tar', ['-x', '-C', dir, '--exclude=data/published'], { input: archive.stdout });
  if (untar.status !== 0) throw new Error(`tar failed: ${untar.stderr.toString()}`);
  symlinkSync(join(ROOT, 'node_modules'), join(dir, 'node_modules'));
  return dir;
}

/** The short hash of the commit snapshotEngine copies. */
function engineCommit(): string {
  const r = spawnSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: ROOT, encoding: 'utf8' });
  return r.status === 0 ? r.stdout.trim() : 'unknown';
}

async function countIdentities(warehouse: string): Promise<number> {
  const db = await DuckDBInstance.create(join(warehouse, 'warehouse.duckdb'), { access_mode: 'READ_ONLY' });
  const conn = await db.connect();
  try {
    const r = await conn.runAndReadAll('SELECT count(*)::INTEGER FROM identities');
    return Number(r.getRows()[0]![0]);
  } finally {
    conn.closeSync();
    db.closeSync();
  }
}

function summarise(all: StepResult[]): StepSummary {
  // Runs whose CLI failed are left out; the error is kept only when no run succeeded.
  const ok = all.filter((r) => !r.error);
  const runs = ok.length ? ok : all;
  const detail: Record<string, number> = {};
  for (const k of new Set(runs.flatMap((r) => Object.keys(r.detail)))) detail[k] = median(runs.map((r) => r.detail[k] ?? Number.NaN).filter((v) => !Number.isNaN(v)));
  return {
    wallS: median(runs.map((r) => r.wallS)), cpuS: median(runs.map((r) => r.cpuS)), peakRssMB: median(runs.map((r) => r.peakRssMB)),
    load: Math.max(...runs.map((r) => r.load)), ...(ok.length ? {} : { error: all[0]!.error }), runs: runs.map((r) => ({ wallS: r.wallS, cpuS: r.cpuS, peakRssMB: r.peakRssMB, load: r.load })), detail,
  };
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      size: { type: 'string', default: 'tiny' }, runs: { type: 'string' }, seed: { type: 'string', default: '1' },
      data: { type: 'string', default: '/tmp/scale-data' }, work: { type: 'string', default: '/tmp/scale-work' },
      quarter: { type: 'string', default: '2026-q2' }, nice: { type: 'string', default: '0' }, 'no-docs': { type: 'boolean', default: false },
      keep: { type: 'boolean', default: false }, verbose: { type: 'boolean', default: false },
    },
  });
  const size = values.size!;
  const runs = Number(values.runs ?? DEFAULT_RUNS[size] ?? 1);
  const log = (s: string): void => void process.stderr.write(`${s}\n`);
  const ds = await ensureDataset({ size, seed: Number(values.seed), out: values.data, log });
  // The engine as it is now, copied aside: other work on the tree during a long run
  // would otherwise change the code the warehouse key hashes, and publish would refuse
  // (or the no-op re-run rebuild) for reasons that have nothing to do with scale.
  const engineRev = engineCommit();
  const engine = snapshotEngine(join(values.work!, `engine-${size}`));
  const work = join(values.work!, size);
  const perStep = new Map<StepName, StepResult[]>(STEPS.map((s) => [s, []]));
  let identities = 0;
  let stagingBytes = 0;
  let warehouseBytes = 0;
  for (let run = 1; run <= runs; run++) {
    rmSync(work, { recursive: true, force: true });
    mkdirSync(work, { recursive: true });
    const io = { cwd: engine, gitlogs: ds.gitlogs, registry: ds.registry, warehouse: join(work, 'warehouse'), published: join(work, 'published'), quarter: values.quarter!, nice: Number(values.nice), echo: values.verbose };
    for (const step of STEPS) {
      const r = await runStep(step, io);
      perStep.get(step)!.push(r);
      if (r.error) log(`${size} run ${run}/${runs} ${step.padEnd(8)} FAILED: ${r.error}`);
      else log(`${size} run ${run}/${runs} ${step.padEnd(8)} wall ${r.wallS.toFixed(1)} s  cpu ${r.cpuS.toFixed(1)} s  peak ${r.peakRssMB.toFixed(0)} MB  load ${r.load.toFixed(1)}${Object.keys(r.detail).length ? `  ${JSON.stringify(r.detail)}` : ''}`);
    }
    identities = await countIdentities(io.warehouse);
    stagingBytes = duBytes(join(io.warehouse, 'staging'));
    warehouseBytes = duBytes(join(io.warehouse, 'warehouse.duckdb'));
  }
  const m = ds.manifest;
  const result: SizeResult = {
    size, seed: m.seed, generator: m.generator, engine: engineRev, date: new Date().toISOString(), machine: machine(), runs,
    commits: m.commits, repos: m.repos, people: m.people, identities, exportBytes: m.bytes, gzipBytes: m.gzipBytes, generateS: m.seconds,
    stagingBytes, warehouseBytes, largest: m.largest[0] ?? null,
    steps: Object.fromEntries(STEPS.map((s) => [s, summarise(perStep.get(s)!)])) as Record<StepName, StepSummary>,
  };
  mkdirSync(join(values.work!, 'results'), { recursive: true });
  writeFileSync(join(values.work!, 'results', `${size}.json`), JSON.stringify(result, null, 2) + '\n');
  if (!values['no-docs']) {
    const jsonFile = join(ROOT, 'docs', 'scale.json');
    const all = existsSync(jsonFile) ? (JSON.parse(readFileSync(jsonFile, 'utf8')) as Record<string, SizeResult>) : {};
    all[size] = result;
    writeFileSync(jsonFile, JSON.stringify(all, null, 2) + '\n');
    renderDocs(all, join(ROOT, 'docs'));
    log(`results: docs/scale.json, docs/scale.md, docs/scale.svg`);
  }
  if (!values.keep) rmSync(work, { recursive: true, force: true });
}

await main();
