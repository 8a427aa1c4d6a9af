// File paths of a synthetic repository: a pool per repository, path j a pure function
// of (seed, repo, j), touched with a heavy head (a few files change all the time).
// Lengths follow the real numstat paths: median ~42 characters, p99 ~140, a few
// past 250 (generated kernels and vendored trees).
import { hash, Rng } from './prng.ts';

const TOP = [
  ['src', 22], ['tests', 12], ['python', 8], ['csrc', 8], ['include', 4], ['docs', 6], ['examples', 5], ['benchmarks', 3], ['third_party', 4],
  ['lib', 6], ['tools', 4], ['.github/workflows', 2], ['cmake', 2], ['scripts', 4], ['test', 5], ['vendor', 1], ['models', 4],
] as const;
const DIRS = [
  'kernels', 'cuda', 'attention', 'layers', 'ops', 'quantization', 'runtime', 'backends', 'distributed', 'utils', 'models', 'transformers', 'ir', 'passes',
  'codegen', 'lowering', 'mlir', 'dialect', 'transforms', 'conversion', 'triton', 'hip', 'rocm', 'cpu', 'x86', 'aarch64', 'vulkan', 'metal', 'opencl', 'sycl',
  'common', 'core', 'api', 'impl', 'detail', 'internal', 'fused_moe', 'flash_attention', 'paged_attention', 'spec_decode', 'scheduler', 'executor', 'worker',
  'engine', 'entrypoints', 'openai', 'serving', 'compile', 'inductor', 'fx', 'dynamo', 'export', 'onnx', 'tflite', 'delegates', 'xnnpack', 'gpu', 'tpu', 'npu',
  'generated_kernels_for_mixed_precision_gemm_sm90', 'cutlass_extensions', 'tensorrt_llm_plugins', 'batch_invariant_ops', 'fmha_v2_flash_attention_fp8',
];
const WORDS = ['matmul', 'gemm', 'conv', 'softmax', 'norm', 'rope', 'sampler', 'config', 'loader', 'cache', 'allocator', 'stream', 'tensor', 'shape', 'dtype', 'pool', 'topk', 'reduce', 'scan', 'linear', 'embedding', 'moe', 'lora', 'awq', 'gptq', 'fp8', 'int4', 'bf16', 'sm80', 'sm90', 'async', 'utils', 'registry', 'kv'];
const EXTS = [
  ['.py', 40], ['.cc', 8], ['.cpp', 6], ['.h', 8], ['.cu', 6], ['.cuh', 2], ['.md', 5], ['.yaml', 4], ['.json', 3], ['.txt', 2], ['.ts', 2], ['.go', 1],
  ['.rs', 2], ['.mlir', 3], ['.td', 1], ['.png', 1], ['.bin', 1], ['.onnx', 1],
] as const;
export const BINARY_EXT = new Set(['.png', '.bin', '.onnx']);

function weighted<T extends readonly [string, number]>(table: readonly T[], rng: Rng): string {
  const total = table.reduce((s, [, w]) => s + w, 0);
  let x = rng.next() * total;
  for (const [v, w] of table) if ((x -= w) < 0) return v;
  return table[0]![0];
}

export function makePath(seed: number, repo: number, j: number): string {
  const rng = new Rng(hash(seed, repo, 9, j));
  const top = weighted(TOP, rng);
  let path = top;
  // Depth: geometric, so most paths are two to four segments and a few go very deep.
  while (rng.chance(0.55) && path.length < 200) path += `/${rng.pick(DIRS)}`;
  const ext = weighted(EXTS, rng);
  const base = rng.chance(0.3) ? `${rng.pick(WORDS)}_${rng.pick(WORDS)}` : rng.pick(WORDS);
  const test = top.startsWith('test') || path.includes('/tests');
  const name = test && ext === '.py' ? `test_${base}${ext}` : rng.chance(0.04) ? `${base}_${rng.pick(WORDS)}_${rng.pick(WORDS)}_${rng.pick(WORDS)}_instantiation${ext}` : `${base}${j % 7 === 0 ? '' : `_${j}`}${ext}`;
  return `${path}/${name}`;
}

/** The paths of one repository, made on first use and kept (a worker writes one repository at a time). */
export class PathPool {
  private readonly cache: (string | undefined)[];
  private readonly seed: number;
  private readonly repo: number;
  constructor(seed: number, repo: number, size: number) {
    this.seed = seed;
    this.repo = repo;
    this.cache = new Array<string | undefined>(Math.max(1, size));
  }
  get size(): number {
    return this.cache.length;
  }
  get(j: number): string {
    return (this.cache[j] ??= makePath(this.seed, this.repo, j));
  }
}
