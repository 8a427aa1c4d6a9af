// One synthetic commit as gitlog v1 fields (shared/data/README.md), and a
// repository's whole export as the merge, newest first, of its own commits, the
// upstream commits a fork shares and the synced copies it carries.
import { fakeSha, hash, Rng } from './prng.ts';
import { personOf } from './people.ts';
import { BINARY_EXT, PathPool } from './paths.ts';
import { commitTime, type DatasetPlan, type RepoPlan } from './plan.ts';

const RS = '\x1e';
const US = '\x1f';
const GS = '\x1d';
const DAY = 86_400;
const AGENT_ERA = Date.UTC(2025, 0, 1) / 1000;

// Files per non-merge commit in the real exports, 1..49 (index 0 = one file), then 50+.
const FILES_HIST = [
  520345, 223259, 118066, 75315, 52549, 39446, 29728, 23416, 18474, 15417, 12770, 10832, 9235, 7895, 6789, 6135, 5376, 4544, 4028, 3528, 3189, 2861, 2738,
  2402, 2138, 2021, 1881, 1675, 1470, 1372, 1250, 1229, 1143, 1126, 988, 944, 893, 862, 858, 767, 666, 601, 648, 597, 544, 495, 551, 480, 478, 17164,
];
const FILES_CDF = (() => {
  const total = FILES_HIST.reduce((s, v) => s + v, 0);
  let acc = 0;
  return FILES_HIST.map((v) => (acc += v) / total);
})();

const BOTS: [string, string][] = [
  ['dependabot[bot]', '49699333+dependabot[bot]@users.noreply.github.com'],
  ['pre-commit-ci[bot]', '66853113+pre-commit-ci[bot]@users.noreply.github.com'],
  ['github-actions[bot]', '41898282+github-actions[bot]@users.noreply.github.com'],
  ['renovate[bot]', '29139614+renovate[bot]@users.noreply.github.com'],
  ['pytorchmergebot', 'pytorchmergebot@users.noreply.github.com'],
];
const TEAMS: [string, string][] = [
  ['A. Unique TensorFlower', 'gardener@tensorflow.org'],
  ['jax authors', 'jax-dev@google.com'],
  ['Copybara-Service', 'copybara-worker@google.com'],
];
const AGENT_COAUTHORS = ['Claude <noreply@anthropic.com>', 'Copilot <175728472+Copilot@users.noreply.github.com>', 'Cursor Agent <cursoragent@cursor.com>', 'openhands <openhands@all-hands.dev>'];
const COPILOT: [string, string] = ['Copilot', '198982749+Copilot@users.noreply.github.com'];
const KINDS = ['fix', 'feat', 'perf', 'refactor', 'docs', 'test', 'ci', 'build', 'chore'];
const TAGS = ['[Bugfix]', '[Kernel]', '[Core]', '[Perf]', '[Misc]', '[CI]', '[Doc]', '[Model]', '[Frontend]', '[Hardware][AMD]', '[ROCm]', '[XPU]'];
const VERBS = ['Fix', 'Add', 'Support', 'Remove', 'Update', 'Refactor', 'Optimize', 'Enable', 'Use', 'Avoid', 'Handle', 'Bump', 'Reland'];
const OBJECTS = [
  'fused MoE kernel for fp8 weights', 'race in the allocator when streams overlap', 'paged attention on sm90', 'tests for the scheduler', 'typo in the docs',
  'CUDA graph capture with dynamic shapes', 'int4 GEMM tuning configs', 'a flaky distributed test', 'the build on aarch64', 'LoRA adapters in the loader',
  'tensor parallel sharding of embeddings', 'the nightly wheel upload', 'speculative decoding metrics', 'ROCm support for rotary embeddings',
  'memory leak in the KV cache manager', 'compile time of the MLIR lowering', 'Triton autotune cache', 'ONNX export of layer norm', 'mixed precision in the optimizer',
  'numerics of softmax for long sequences', 'the Vulkan backend on Android', 'Windows CI', 'benchmarks for quantized models', 'validation of config fields',
  'prefix caching eviction order', 'the TPU backend', 'latency of the first token', 'cuBLASLt workspace size', 'graph partitioning heuristics', 'Ascend NPU kernels',
  'précision des noyaux fp16', '修复 量化 内核', 'docstring of the sampler',
];

interface Ctx {
  plan: DatasetPlan;
  repo: RepoPlan;
  paths: PathPool;
  stride: number;
}

function gcd(a: number, b: number): number {
  while (b) [a, b] = [b, a % b];
  return a;
}

export function makeCtx(plan: DatasetPlan, repo: RepoPlan): Ctx {
  // A stride coprime to the history length visits every index once: the first
  // `contributors` positions give each contributor (drive-bys too) one commit.
  let stride = 1_000_003 % Math.max(1, repo.own) || 1;
  while (gcd(stride, repo.own) !== 1) stride++;
  return { plan, repo, paths: new PathPool(plan.seed, repo.index, repo.paths), stride };
}

function pad(n: number): string {
  return n < 10 ? `0${n}` : String(n);
}

/** Strict ISO 8601 with the author's offset, as %aI prints it. */
export function isoDate(t: number, offset: number): string {
  const local = new Date((t + offset * 60) * 1000).toISOString().slice(0, 19);
  const a = Math.abs(offset);
  return `${local}${offset < 0 ? '-' : '+'}${pad(Math.floor(a / 60))}:${pad(a % 60)}`;
}

interface Commit {
  sha: string;
  parents: string;
  an: string;
  ae: string;
  anm: string;
  aem: string;
  at: number;
  aoff: number;
  cn: string;
  ce: string;
  ct: number;
  coff: number;
  subject: string;
  coauthors: string;
  files: string;
}

export function format(c: Commit): string {
  return `${RS}${c.sha}${US}${c.parents}${US}${c.an}${US}${c.ae}${US}${c.anm}${US}${c.aem}${US}${isoDate(c.at, c.aoff)}${US}${c.cn}${US}${c.ce}${US}${isoDate(c.ct, c.coff)}${US}${c.subject}${US}${c.coauthors}\n${c.files}`;
}

function numstat(ctx: Ctx, rng: Rng): string {
  const u = rng.next();
  let n = FILES_CDF.findIndex((c) => u < c) + 1;
  if (n === FILES_HIST.length) n = 50 + Math.floor(50 * (1 / (1 - rng.next() * 0.98) - 1));
  n = Math.min(n, ctx.paths.size);
  let out = '';
  const seen = new Set<number>();
  for (let f = 0; f < n; f++) {
    const j = rng.skewed(ctx.paths.size, 2.5);
    if (seen.has(j)) continue;
    seen.add(j);
    const path = ctx.paths.get(j);
    const dot = path.lastIndexOf('.');
    if (BINARY_EXT.has(path.slice(dot)) || rng.chance(0.05)) {
      out += `-\t-\t${path}\n`;
      continue;
    }
    const big = rng.chance(0.003) ? 1000 * (1 + rng.int(80)) : 0;
    const added = Math.floor(2 ** (rng.next() * 11 * rng.next())) - (rng.chance(0.15) ? 1 : 0) + big;
    const deleted = Math.floor(added * rng.next() * rng.next() * 1.5);
    out += `${added}\t${deleted}\t${path}\n`;
  }
  return out;
}

function pickAddress(rng: Rng, core: boolean): number {
  if (!core) return 0;
  const u = rng.next();
  return u < 0.8 ? 0 : u < 0.95 ? 1 : 2;
}

/** Own commit i of a repository: a pure function of (plan, repository, i). */
export function ownCommit(ctx: Ctx, i: number): Commit {
  const { plan, repo } = ctx;
  const seed = plan.seed;
  const rng = new Rng(hash(seed, repo.index, i, 1));
  const sha = fakeSha(seed, repo.index, i);
  const at = commitTime(repo, seed, i);
  const prev = i > 0 ? fakeSha(seed, repo.index, i - 1) : repo.fork ? fakeSha(seed, repo.fork.upstream, repo.fork.forkAt - 1) : '';
  const pos = (i * ctx.stride) % repo.own;
  const n = repo.contributors.length;
  // The core can outnumber a small repository's people at 3x (sizes and people are drawn
  // apart): a core slot past the last person would name nobody.
  const slot = pos < n ? pos : Math.min(n - 1, rng.skewed(repo.core, 1.8));
  const personId = repo.contributors[slot]!;
  const person = personOf(seed, personId);
  const core = slot < repo.core;
  const addr = pickAddress(rng, core);
  let an = person.name;
  let ae = person.emails[addr]!;
  let anm = an;
  let aem = ae;
  if (repo.mailmap && addr > 0 && personId % 3 !== 0) aem = person.emails[0]!;
  const roll = rng.next();
  const maintainer = personOf(seed, repo.contributors[0]!);
  let cn = 'GitHub';
  let ce = 'noreply@github.com';
  let ct = at + (rng.chance(0.5) ? 0 : rng.int(3 * DAY));
  let coff = person.offset;
  let subject = `${rng.chance(0.4) ? `${rng.pick(TAGS)} ` : rng.chance(0.4) ? `${rng.pick(KINDS)}: ` : ''}${rng.pick(VERBS)} ${rng.pick(OBJECTS)} (#${Math.floor(i * 1.3) + 1})`;
  let coauthors = '';
  // Merges: about 8 % of records, never the first two (they need parents in the history).
  const mergeAt = repo.fork && repo.fork.sharedUpTo > repo.fork.forkAt ? forkSyncIndex(ctx) : -1;
  if (i === mergeAt) {
    const up = plan.repos[repo.fork!.upstream]!;
    return {
      sha, parents: `${prev} ${fakeSha(seed, up.index, repo.fork!.sharedUpTo - 1)}`, an: maintainer.name, ae: maintainer.emails[0]!, anm: maintainer.name,
      aem: maintainer.emails[0]!, at, aoff: maintainer.offset, cn: maintainer.name, ce: maintainer.emails[0]!, ct: at, coff: maintainer.offset,
      subject: "Merge remote-tracking branch 'upstream/main'", coauthors: '', files: '',
    };
  }
  if (i >= 2 && roll < 0.084) {
    const branch = rng.chance(0.7) ? `Merge pull request #${Math.floor(i * 1.3)} from ${person.login}/${rng.pick(KINDS)}-${i.toString(36)}` : "Merge branch 'main' into develop";
    return { sha, parents: `${prev} ${fakeSha(seed, repo.index, i - 2)}`, an, ae, anm, aem, at, aoff: person.offset, cn, ce, ct, coff, subject: branch, coauthors: '', files: '' };
  }
  if (roll < 0.104) {
    const bot = rng.pick(BOTS);
    [an, ae] = bot;
    [anm, aem] = bot;
    subject = bot[0].startsWith('pre-commit') ? '[pre-commit.ci] pre-commit autoupdate' : `Bump ${rng.pick(['torch', 'numpy', 'actions/checkout', 'pybind11'])} from 1.${i % 9} to 1.${(i % 9) + 1}`;
  } else if (repo.teamAccounts && roll < 0.13) {
    const team = TEAMS[repo.index % TEAMS.length]!;
    [an, ae] = team;
    [anm, aem] = team;
    subject = `PiperOrigin-RevId: ${600_000_000 + i}`;
  } else if (at > AGENT_ERA && roll < 0.115) {
    // An agent as the author, a human as committer (the human is credited).
    [an, ae] = COPILOT;
    [anm, aem] = COPILOT;
    cn = person.name;
    ce = person.emails[0]!;
  } else {
    const r2 = rng.next();
    if (r2 < 0.35) {
      cn = person.name;
      ce = ae;
      ct = at;
    } else if (r2 < 0.52) {
      cn = maintainer.name;
      ce = maintainer.emails[0]!;
      ct = at + rng.int(DAY);
      coff = maintainer.offset;
    }
    const co: string[] = [];
    if (rng.chance(0.09)) {
      for (let k = 1 + rng.skewed(4, 2); k > 0; k--) {
        const other = personOf(seed, repo.contributors[rng.skewed(n, 1.5)]!);
        co.push(rng.chance(0.01) ? other.name : `${other.name} <${other.emails[0]}>`);
      }
    }
    if (at > AGENT_ERA && rng.chance(0.06)) co.push(rng.pick(AGENT_COAUTHORS));
    coauthors = co.join(GS);
  }
  return { sha, parents: prev, an, ae, anm, aem, at, aoff: person.offset, cn, ce, ct, coff, subject, coauthors, files: numstat(ctx, rng) };
}

/** The fork's own commit that merges the upstream in: the first one after the last shared commit. */
function forkSyncIndex(ctx: Ctx): number {
  const { plan, repo } = ctx;
  const cache = ctx as Ctx & { syncIndex?: number };
  if (cache.syncIndex !== undefined) return cache.syncIndex;
  const up = plan.repos[repo.fork!.upstream]!;
  const t = commitTime(up, plan.seed, repo.fork!.sharedUpTo - 1);
  let lo = 0;
  let hi = repo.own - 1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (commitTime(repo, plan.seed, mid) > t) hi = mid;
    else lo = mid + 1;
  }
  return (cache.syncIndex = lo);
}

/**
 * Copy m of another repository's commit under a new SHA, as a sync script makes it:
 * same author, author date and changes; the copying maintainer as committer, a day or
 * more later; `(#N)` rewritten to `(llama/N)` for the llama.cpp trio; paths re-rooted.
 */
export function copyCommit(ctx: Ctx, origin: Ctx, m: number): Commit {
  const { plan, repo } = ctx;
  const cp = repo.copies!;
  let i = m * cp.every;
  let c = ownCommit(origin, i);
  if (c.files === '' && i + 1 < origin.repo.own) c = ownCommit(origin, ++i);
  const rng = new Rng(hash(plan.seed, repo.index, m, 5));
  const maintainer = personOf(plan.seed, repo.contributors[0]!);
  const subject = cp.marker === 'llama' ? c.subject.replace(/\(#(\d+)\)$/, '(llama/$1)') : c.subject;
  const files = cp.strip ? c.files.replaceAll(`\t${cp.strip}`, '\t') : c.files;
  const sha = fakeSha(plan.seed, repo.index, 1_500_000_000 + m);
  const parent = m > 0 ? fakeSha(plan.seed, repo.index, 1_500_000_000 + m - 1) : '';
  return { ...c, sha, parents: parent, cn: maintainer.name, ce: maintainer.emails[0]!, ct: c.at + DAY + rng.int(5 * DAY), coff: maintainer.offset, subject, files };
}

/** A stream of records newest first, with the time used to interleave streams. */
interface Stream {
  index: number;
  time: (k: number) => number;
  record: (k: number) => string;
}

/**
 * Writes a repository's export, newest first, through `write` (which may apply
 * backpressure). Returns the number of records.
 */
export async function writeHistory(plan: DatasetPlan, repo: RepoPlan, write: (s: string) => Promise<void> | void): Promise<number> {
  const ctx = makeCtx(plan, repo);
  const seed = plan.seed;
  const streams: Stream[] = [{ index: repo.own - 1, time: (k) => commitTime(repo, seed, k), record: (k) => format(ownCommit(ctx, k)) }];
  if (repo.fork) {
    const up = makeCtx(plan, plan.repos[repo.fork.upstream]!);
    streams.push({ index: repo.fork.sharedUpTo - 1, time: (k) => commitTime(up.repo, seed, k), record: (k) => format(ownCommit(up, k)) });
  }
  if (repo.copies) {
    const origin = makeCtx(plan, plan.repos[repo.copies.origin]!);
    const every = repo.copies.every;
    streams.push({ index: repo.copies.count - 1, time: (m) => commitTime(origin.repo, seed, m * every), record: (m) => format(copyCommit(ctx, origin, m)) });
  }
  let records = 0;
  let buffer = '';
  for (;;) {
    let best: Stream | null = null;
    let bestTime = -Infinity;
    for (const s of streams) {
      if (s.index < 0) continue;
      const t = s.time(s.index);
      if (t > bestTime) [best, bestTime] = [s, t];
    }
    if (!best) break;
    buffer += best.record(best.index--);
    records++;
    if (buffer.length > 1 << 20) {
      await write(buffer);
      buffer = '';
    }
  }
  if (buffer) await write(buffer);
  return records;
}
