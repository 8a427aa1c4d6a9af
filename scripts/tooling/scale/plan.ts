// The shape of a synthetic dataset, decided up front in one thread: which
// repositories exist, how large each history is, who works on it, which are forks
// of which and which carry synced copies of another's changes. Writing the exports
// (history.ts) then only follows the plan, so any worker can write any repository.
import { hash, normalQuantile, Rng } from './prng.ts';
import type { SizeSpec } from './sizes.ts';

export const CATEGORIES = [
  'gpu-kernels', 'ml-compilers', 'distributed-training', 'inference-runtimes', 'llm-serving', 'training-frameworks',
  'ml-platform', 'edge-ml', 'model-optimization', 'hw-sw-codesign', 'ml-tooling', 'agent-framework',
] as const;

/** The snapshot's end: the real exports were taken in late August 2026. */
export const DATASET_END = Date.UTC(2026, 7, 22) / 1000;
const DAY = 86_400;

export interface RepoPlan {
  index: number;
  repo: string;
  category: string;
  status: 'ingested' | 'unavailable';
  upstream?: string;
  trackedUntil?: string;
  note?: string;
  /** Commits made in this repository (merges included). */
  own: number;
  /** Epoch seconds of the first and last own commit. */
  start: number;
  end: number;
  /** Growth of activity over time: times are start + span · x^(1/growth). */
  growth: number;
  /** Contributors: the first `core` are regulars drawn from the shared pool, the rest drive-bys. */
  contributors: number[];
  core: number;
  /** Size of the pool of file paths the history touches. */
  paths: number;
  /** Applies a .mailmap: some people's second address maps to their first. */
  mailmap: boolean;
  /** Carries team/export accounts (Copybara-style) among its authors. */
  teamAccounts: boolean;
  /** A fork: the upstream's first `sharedUpTo` commits are in this history too (same SHAs). */
  fork?: { upstream: number; forkAt: number; sharedUpTo: number };
  /** Synced copies of another repository's changes under new SHAs: every `every`-th commit, `count` of them. */
  copies?: { origin: number; every: number; count: number; marker: 'llama' | 'none'; strip: string };
}

export interface DatasetPlan {
  seed: number;
  size: string;
  repos: RepoPlan[];
  people: number;
}

// Repository names: synthetic owners and names, plus the llama.cpp → ggml → whisper.cpp
// trio under their real names, so the curated sync markers (data/provenance) apply.
const OWNERS = ['acme-ai', 'tensorworks', 'kernelforge', 'openmlsys', 'deepstack', 'fastinfer', 'gridcompute', 'edgeflow', 'quantlab', 'siliconml', 'mlopsco', 'agentkit', 'hpc-lab', 'neuralcorp', 'modelhub', 'tritonic'];
const STEMS = ['engine', 'kernels', 'runtime', 'compiler', 'serve', 'train', 'flow', 'lite', 'opt', 'bench', 'graph', 'tensor', 'cuda-ext', 'dist', 'infer', 'agents', 'lab', 'core', 'ops', 'mlir'];

function repoName(i: number): string {
  return `${OWNERS[i % OWNERS.length]}/${STEMS[Math.floor(i / OWNERS.length) % STEMS.length]}-${i}`;
}

/** Lognormal sizes at evenly spaced quantiles, shuffled, scaled to the total. */
function repoSizes(n: number, total: number, sigma: number, rng: Rng): number[] {
  const raw = Array.from({ length: n }, (_, i) => Math.exp(sigma * normalQuantile((i + 0.5) / n)));
  const scale = total / raw.reduce((s, v) => s + v, 0);
  const sizes = raw.map((v) => Math.max(20, Math.round(v * scale)));
  // The rounding remainder goes to the largest history: at a wide spread the floor of 20
  // adds more than the smallest size could give back (3x made one of -7 commits).
  sizes[n - 1]! += total - sizes.reduce((s, v) => s + v, 0);
  for (let i = n - 1; i > 0; i--) {
    const j = rng.int(i + 1);
    [sizes[i], sizes[j]] = [sizes[j]!, sizes[i]!];
  }
  return sizes;
}

/** Time of own commit i of a repository (pure: forks and copies call it for their upstream). */
export function commitTime(p: RepoPlan, seed: number, i: number): number {
  const u = (hash(seed, p.index, i, 7) % 1000) / 1000;
  return Math.floor(p.start + (p.end - p.start) * ((i + u) / p.own) ** (1 / p.growth));
}

export function makePlan(spec: SizeSpec, seed: number): DatasetPlan {
  const rng = new Rng(hash(seed, 1));
  const n = spec.repos;
  const sizes = repoSizes(n, spec.commits, spec.sizeSigma, rng);
  const repos: RepoPlan[] = [];
  const trio = n >= 12 ? [0, 1, 2] : [];
  for (let i = 0; i < n; i++) {
    const r = new Rng(hash(seed, 2, i));
    const size = sizes[i]!;
    // Larger histories tend to be older; a few stopped early (moved, archived).
    const years = Math.min(17, 0.6 + r.next() * 6 + Math.log10(size) * 1.6);
    const stopped = r.chance(0.05);
    const end = DATASET_END - (stopped ? (120 + r.int(700)) * DAY : r.int(5) * DAY);
    const repo = trio.includes(i) ? ['ggml-org/llama.cpp', 'ggml-org/ggml', 'ggml-org/whisper.cpp'][i]! : repoName(i);
    repos.push({
      index: i, repo, category: trio.includes(i) ? 'inference-runtimes' : CATEGORIES[r.int(CATEGORIES.length)]!, status: 'ingested',
      own: size, start: end - years * 365 * DAY, end, growth: 1.2 + r.next() * 1.5, contributors: [], core: 0,
      paths: Math.max(8, Math.min(60_000, Math.round(3 * size ** 0.8))), mailmap: r.chance(0.5), teamAccounts: r.chance(0.08),
      ...(stopped ? (r.chance(0.7) ? { trackedUntil: new Date(end * 1000 + 30 * DAY * 1000).toISOString().slice(0, 10), note: 'moved into a monorepo' } : { note: 'dormant: archived' }) : {}),
    });
  }
  // Copies first, then forks: a fork's upstream and a copy's origin keep their sizes from here on.
  const origins = addCopies(repos, trio);
  addForks(repos, seed, origins);
  assignPeople(repos, spec.people, seed);
  // About 8 % more rows are tracked but unavailable (too large to mirror), as in the real registry.
  const unavailable = Math.round(n * 0.09);
  for (let k = 0; k < unavailable; k++) {
    repos.push({
      index: n + k, repo: repoName(n + k), category: CATEGORIES[k % CATEGORIES.length]!, status: 'unavailable', own: 0, start: 0, end: 0, growth: 1,
      contributors: [], core: 0, paths: 0, mailmap: false, teamAccounts: false, note: 'history not available in this dataset (repository too large to mirror)',
    });
  }
  return { seed, size: spec.name, repos, people: spec.people };
}

/** About 3 % of repositories are forks of a larger one in the same category. */
function addForks(repos: RepoPlan[], seed: number, origins: Set<number>): void {
  const rng = new Rng(hash(seed, 3));
  const byCategory = new Map<string, RepoPlan[]>();
  for (const r of repos) byCategory.set(r.category, [...(byCategory.get(r.category) ?? []), r]);
  for (const r of repos) {
    if (r.index < 3 || !rng.chance(Math.max(0.03, 2 / repos.length)) || r.copies || origins.has(r.index)) continue;
    const fits = (u: RepoPlan): boolean => u.own > r.own && !u.fork && !u.copies && u.index !== r.index;
    // Same category when possible (a vendor fork of a serving engine is serving too).
    let candidates = (byCategory.get(r.category) ?? []).filter(fits);
    if (!candidates.length) candidates = repos.filter(fits);
    if (!candidates.length) continue;
    const up = candidates[rng.int(candidates.length)]!;
    // Part of the fork's history is the upstream's (forked, later synced once); the rest is its own.
    const shared = Math.min(up.own - 1, Math.round(r.own * (0.4 + rng.next() * 0.4)));
    const forkAt = Math.max(1, Math.round(shared * (0.6 + rng.next() * 0.3)));
    r.fork = { upstream: up.index, forkAt, sharedUpTo: shared };
    r.upstream = up.repo;
    r.own -= shared;
    r.start = commitTime(up, seed, forkAt) + DAY;
    if (r.start >= r.end) r.end = r.start + 30 * DAY;
  }
}

/** ggml and whisper.cpp carry llama.cpp's changes; a few synthetic mirrors carry another's. */
function addCopies(repos: RepoPlan[], trio: number[]): Set<number> {
  const origins = new Set<number>();
  const copy = (to: RepoPlan, from: RepoPlan, share: number, marker: 'llama' | 'none', strip: string): void => {
    const count = Math.min(Math.floor(from.own / 2), Math.round(to.own * share));
    if (count < 1) return;
    origins.add(from.index);
    to.copies = { origin: from.index, every: Math.max(1, Math.floor(from.own / count)), count, marker, strip };
    to.own -= count;
  };
  if (trio.length) {
    const [llama, ggml, whisper] = trio.map((i) => repos[i]!);
    // The origin must be the larger history for the copies to exist in it.
    if (llama!.own < ggml!.own) [llama!.own, ggml!.own] = [ggml!.own, llama!.own];
    copy(ggml!, llama!, 0.5, 'llama', 'ggml/');
    copy(whisper!, llama!, 0.3, 'llama', 'ggml/');
  }
  for (const r of repos) {
    if (r.index < 3 || r.index % 97 !== 13 || origins.has(r.index)) continue;
    const origin = repos[(r.index * 7) % repos.length]!;
    if (origin.index >= 3 && origin.index !== r.index && !origin.copies && origin.own > r.own) copy(r, origin, 0.3, 'none', '');
  }
  return origins;
}

/**
 * Contributors per repository grow as commits^0.72 (the real data: median 109 authors
 * at a median 1,755 commits), scaled so the whole dataset draws on about `people`
 * people. Regulars come from a shared pool with a heavy head (the same prolific people
 * work across many repositories, mostly in one category); drive-bys are people seen
 * nowhere else, taken from the pool's tail, one commit each.
 */
function assignPeople(repos: RepoPlan[], people: number, seed: number): void {
  const raw = repos.map((r) => Math.max(2, r.own ** 0.72));
  const coef = (people * 1.15) / raw.reduce((s, v) => s + v, 0);
  let nextFresh = 0;
  const perCategory = Math.max(1, Math.floor(people / CATEGORIES.length));
  for (const r of repos) {
    const rng = new Rng(hash(seed, 4, r.index));
    const k = Math.max(1, Math.min(Math.floor(r.own * 0.6), Math.round(raw[r.index]! * coef)));
    const core = Math.max(1, Math.round(k * 0.35));
    const cat = CATEGORIES.indexOf(r.category as (typeof CATEGORIES)[number]);
    const ids = new Set<number>();
    for (let tries = 0; ids.size < core && tries < core * 4; tries++) {
      const c = rng.chance(0.75) ? cat : rng.int(CATEGORIES.length);
      ids.add(Math.min(people - 1, rng.skewed(perCategory, 2.2) * CATEGORIES.length + c));
    }
    const list = [...ids];
    r.core = list.length;
    while (list.length < k) {
      list.push(people - 1 - (nextFresh % people));
      nextFresh++;
    }
    r.contributors = list;
  }
}
