// Generates (or finds already generated) a synthetic dataset: gitlog v1 exports and a
// registry folder (tracked-repos.csv + categories.yaml) the ingest reads with
// --from and --registry. Cached by size, seed and a hash of the generator's own code,
// so a changed generator never reuses stale data.
//   node scripts/tooling/scale/generate.ts --size 1x [--seed 1] [--out /tmp/scale-data] [--jobs 2]
import { createHash } from 'node:crypto';
import { copyFileSync, existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { Worker } from 'node:worker_threads';
import { makePlan, type DatasetPlan } from './plan.ts';
import { sizeSpec } from './sizes.ts';
import type { Written } from './write-repo.ts';

const HERE = fileURLToPath(new URL('.', import.meta.url));
const GENERATOR_FILES = ['prng.ts', 'sizes.ts', 'people.ts', 'paths.ts', 'plan.ts', 'history.ts', 'write-repo.ts', 'generate.ts'];
const CATEGORIES_YAML = fileURLToPath(new URL('../../../data/categories.yaml', import.meta.url));

export interface Dataset {
  dir: string;
  gitlogs: string;
  registry: string;
  manifest: Manifest;
}

export interface Manifest {
  size: string;
  seed: number;
  generator: string;
  repos: number;
  unavailable: number;
  commits: number;
  /** Uncompressed bytes of all exports. */
  bytes: number;
  gzipBytes: number;
  people: number;
  largest: { repo: string; commits: number }[];
  forks: number;
  syncCopies: number;
  seconds: number;
}

export function generatorVersion(): string {
  const h = createHash('sha256');
  for (const f of GENERATOR_FILES) h.update(f).update(readFileSync(join(HERE, f)));
  return h.digest('hex').slice(0, 12);
}

function registryCsv(plan: DatasetPlan): string {
  const cell = (v: string | undefined): string => (v === undefined ? '' : /[",\n]/.test(v) ? `"${v.replaceAll('"', '""')}"` : v);
  const lines = ['repo,category,status,upstream,tracked_until,note'];
  for (const r of plan.repos) lines.push([r.repo, r.category, r.status, r.upstream, r.trackedUntil, r.note].map(cell).join(','));
  return lines.join('\n') + '\n';
}

/** Writes every export with a pool of worker threads, largest repositories first. */
async function writeAll(plan: DatasetPlan, dir: string, jobs: number, log: (s: string) => void): Promise<Written[]> {
  const order = plan.repos.filter((r) => r.status === 'ingested').sort((a, b) => b.own - a.own).map((r) => r.index);
  const written: Written[] = [];
  let next = 0;
  const workerUrl = new URL('./write-repo.ts', import.meta.url);
  const total = order.length;
  let lastLog = 0;
  await Promise.all(
    Array.from({ length: Math.max(1, Math.min(jobs, total)) }, async () => {
      const w = new Worker(workerUrl, { workerData: { scaleWriter: true, job: { plan, dir } } });
      try {
        while (next < total) {
          const index = order[next++]!;
          w.postMessage(index);
          const m = await new Promise<{ ok: boolean; written?: Written; error?: string }>((res, rej) => {
            const onError = (e: Error): void => rej(e);
            w.once('error', onError);
            w.once('message', (msg: { ok: boolean; written?: Written; error?: string }) => {
              w.off('error', onError);
              res(msg);
            });
          });
          if (!m.ok) throw new Error(m.error);
          written.push(m.written!);
          if (performance.now() - lastLog > 5000) {
            lastLog = performance.now();
            log(`  ${written.length}/${total} exports written`);
          }
        }
      } finally {
        await w.terminate();
      }
    }),
  );
  return written;
}

export async function ensureDataset(opts: { size: string; seed?: number; out?: string; jobs?: number; log?: (s: string) => void }): Promise<Dataset> {
  const log = opts.log ?? ((s: string) => process.stderr.write(`${s}\n`));
  const seed = opts.seed ?? 1;
  const spec = sizeSpec(opts.size);
  const version = generatorVersion();
  const dir = join(opts.out ?? '/tmp/scale-data', `${spec.name}-s${seed}-g${version}`);
  const manifestFile = join(dir, 'manifest.json');
  const paths = { dir, gitlogs: join(dir, 'gitlogs'), registry: join(dir, 'registry') };
  if (existsSync(manifestFile)) return { ...paths, manifest: JSON.parse(readFileSync(manifestFile, 'utf8')) as Manifest };
  const t0 = performance.now();
  // Built aside and renamed: a killed run never leaves a folder that looks complete.
  const tmp = `${dir}.tmp-${process.pid}`;
  rmSync(tmp, { recursive: true, force: true });
  mkdirSync(join(tmp, 'gitlogs'), { recursive: true });
  mkdirSync(join(tmp, 'registry'), { recursive: true });
  const plan = makePlan(spec, seed);
  writeFileSync(join(tmp, 'registry', 'tracked-repos.csv'), registryCsv(plan));
  copyFileSync(CATEGORIES_YAML, join(tmp, 'registry', 'categories.yaml'));
  log(`generating ${spec.name} (seed ${seed}): ${spec.repos} repositories, ${spec.commits.toLocaleString('en-US')} commits, into ${dir}`);
  const written = await writeAll(plan, join(tmp, 'gitlogs'), opts.jobs ?? availableParallelism(), log);
  const { statSync, readdirSync } = await import('node:fs');
  const gzipBytes = readdirSync(join(tmp, 'gitlogs')).reduce((s, f) => s + statSync(join(tmp, 'gitlogs', f)).size, 0);
  const people = new Set(plan.repos.flatMap((r) => r.contributors)).size;
  const manifest: Manifest = {
    size: spec.name, seed, generator: version,
    repos: written.length, unavailable: plan.repos.length - written.length,
    commits: written.reduce((s, w) => s + w.records, 0),
    bytes: written.reduce((s, w) => s + w.bytes, 0), gzipBytes, people,
    largest: [...written].sort((a, b) => b.records - a.records).slice(0, 5).map((w) => ({ repo: w.repo, commits: w.records })),
    forks: plan.repos.filter((r) => r.fork).length, syncCopies: plan.repos.filter((r) => r.copies).length,
    seconds: (performance.now() - t0) / 1000,
  };
  writeFileSync(join(tmp, 'manifest.json'), JSON.stringify(manifest, null, 2) + '\n');
  rmSync(dir, { recursive: true, force: true });
  renameSync(tmp, dir);
  log(`generated ${manifest.commits.toLocaleString('en-US')} commits in ${manifest.repos} exports (${(manifest.gzipBytes / 1e6).toFixed(0)} MB gzip, ${(manifest.bytes / 1e9).toFixed(2)} GB text) in ${manifest.seconds.toFixed(1)} s`);
  return { ...paths, manifest };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { values } = parseArgs({ options: { size: { type: 'string', default: 'tiny' }, seed: { type: 'string', default: '1' }, out: { type: 'string' }, jobs: { type: 'string' } } });
  const ds = await ensureDataset({ size: values.size!, seed: Number(values.seed), out: values.out, jobs: values.jobs ? Number(values.jobs) : undefined });
  process.stdout.write(`${JSON.stringify({ dir: ds.dir, ...ds.manifest }, null, 2)}\n`);
}
