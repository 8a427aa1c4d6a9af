// Literal rows for the published-folder fixture (see published-fixture.ts). Figures are
// chosen so tests can check them by hand; 2024-q3 is the article quarter:
//
//   category             contributors 2024-q2 → q3   commits q3   QoQ
//   gpu-kernels           70 →  80                    480         +14.3%
//   ml-compilers          49 →  45                    225         −8.2%
//   llm-serving          200 → 260                   2080         +30.0%
//   training-frameworks  338 → 352                   2464         +4.1%
//   edge-ml                0 →  12                     48         new
//   all                  604 → 689                   5297         +14.1%
//
// The activity rows (opaque person ids 1–10) are worked through in the comments of
// OVERLAP and MIGRATION, which are what the published tables must hold for them.

export const QUARTERS = ['2022-q3', '2022-q4', '2023-q1', '2023-q2', '2023-q3', '2023-q4', '2024-q1', '2024-q2', '2024-q3', '2024-q4'] as const;
/** Warehouse seqs need not start at 1. */
export const SEQ0 = 101;
export const PARTIAL_QUARTER = '2024-q4';

export const CATEGORIES: [id: string, name: string, emoji: string, colour: string, sortOrder: number][] = [
  ['gpu-kernels', 'GPU Kernels & Performance', '⚡', '#2070fb', 1],
  ['ml-compilers', 'ML Compilers & Graph Optimization', '🔧', '#e37352', 2],
  ['llm-serving', 'LLM Serving & Inference', '💬', '#943fc2', 5],
  ['training-frameworks', 'Training Frameworks & Model Architecture', '🧠', '#15a962', 6],
  ['edge-ml', 'Edge & On-Device ML', '📱', '#8f7c05', 8],
];

/** Per category: contributors and commits per contributor, over QUARTERS. */
export const SERIES: Record<string, { contributors: number[]; commitsPer: number }> = {
  'gpu-kernels': { contributors: [40, 44, 47, 50, 55, 61, 66, 70, 80, 30], commitsPer: 6 },
  'ml-compilers': { contributors: [60, 58, 57, 55, 54, 52, 50, 49, 45, 20], commitsPer: 5 },
  'llm-serving': { contributors: [10, 18, 30, 52, 80, 120, 160, 200, 260, 110], commitsPer: 8 },
  'training-frameworks': { contributors: [300, 310, 305, 320, 330, 335, 340, 338, 352, 150], commitsPer: 7 },
  'edge-ml': { contributors: [0, 0, 0, 0, 0, 0, 0, 0, 12, 6], commitsPer: 4 },
};

/** [repo, category, share of the category's contributors, share of its commits, status] */
export const REPOS: [string, string, number, number, 'ingested' | 'unavailable'][] = [
  ['triton-lang/triton', 'gpu-kernels', 0.65, 0.6, 'ingested'],
  ['NVIDIA/cutlass', 'gpu-kernels', 0.45, 0.4, 'ingested'],
  ['apache/tvm', 'ml-compilers', 0.65, 0.6, 'ingested'],
  ['openxla/xla', 'ml-compilers', 0.45, 0.4, 'ingested'],
  ['vllm-project/vllm', 'llm-serving', 0.65, 0.6, 'ingested'],
  ['sgl-project/sglang', 'llm-serving', 0.45, 0.4, 'ingested'],
  ['pytorch/pytorch', 'training-frameworks', 0.65, 0.6, 'ingested'],
  ['huggingface/transformers', 'training-frameworks', 0.45, 0.4, 'ingested'],
  ['google-ai-edge/litert', 'edge-ml', 1, 1, 'ingested'],
  ['example/unavailable', 'edge-ml', 0, 0, 'unavailable'],
];

const R = {
  triton: 'triton-lang/triton',
  cutlass: 'NVIDIA/cutlass',
  tvm: 'apache/tvm',
  xla: 'openxla/xla',
  vllm: 'vllm-project/vllm',
  sglang: 'sgl-project/sglang',
  pytorch: 'pytorch/pytorch',
  transformers: 'huggingface/transformers',
  litert: 'google-ai-edge/litert',
};

/** [person, repo, quarter, credit, commits, weeks] */
export const ACTIVITY: [number, string, string, number, number, number][] = [
  [1, R.triton, '2024-q1', 3, 3, 2],
  [5, R.pytorch, '2024-q1', 2, 2, 2],
  [9, R.xla, '2024-q1', 1, 1, 1],
  [9, R.tvm, '2024-q1', 1, 1, 1],

  [1, R.vllm, '2024-q2', 4, 4, 3],
  [2, R.triton, '2024-q2', 2, 2, 2],
  [3, R.pytorch, '2024-q2', 5, 5, 4],
  [4, R.vllm, '2024-q2', 2, 2, 2],
  [4, R.sglang, '2024-q2', 1, 1, 1],
  [5, R.pytorch, '2024-q2', 3, 3, 2],
  [7, R.tvm, '2024-q2', 2, 2, 1],
  [8, R.cutlass, '2024-q2', 1, 1, 1],
  [9, R.xla, '2024-q2', 2, 2, 2],
  [10, R.sglang, '2024-q2', 0.5, 1, 1],
  [10, R.transformers, '2024-q2', 0.5, 1, 1],

  [1, R.vllm, '2024-q3', 5, 5, 4],
  [1, R.triton, '2024-q3', 1.5, 2, 2],
  [2, R.vllm, '2024-q3', 1, 1, 1],
  [2, R.triton, '2024-q3', 0.5, 1, 1],
  [3, R.tvm, '2024-q3', 3, 3, 2],
  [3, R.pytorch, '2024-q3', 1, 1, 1],
  [4, R.sglang, '2024-q3', 4, 4, 3],
  [5, R.pytorch, '2024-q3', 6, 6, 5],
  [5, R.transformers, '2024-q3', 2, 2, 2],
  [6, R.litert, '2024-q3', 2, 2, 2],
  [6, R.xla, '2024-q3', 1, 1, 1],
  // A tie (3 vs 3): primary goes to gpu-kernels, listed first.
  [7, R.triton, '2024-q3', 3, 3, 2],
  [7, R.tvm, '2024-q3', 3, 3, 3],
  // A tie where sort order (gpu-kernels 1, edge-ml 8) and id order disagree.
  [8, R.cutlass, '2024-q3', 1, 1, 1],
  [8, R.litert, '2024-q3', 1, 1, 1],

  [1, R.vllm, '2024-q4', 1, 1, 1],
];

/** [quarter, category_a, category_b, people] — worked out from ACTIVITY. */
export const OVERLAP: [string, string, string, number][] = [
  ['2024-q2', 'llm-serving', 'training-frameworks', 1], // p10
  ['2024-q3', 'edge-ml', 'gpu-kernels', 1], // p8
  ['2024-q3', 'edge-ml', 'ml-compilers', 1], // p6
  ['2024-q3', 'gpu-kernels', 'llm-serving', 2], // p1 p2
  ['2024-q3', 'gpu-kernels', 'ml-compilers', 1], // p7
  ['2024-q3', 'ml-compilers', 'training-frameworks', 1], // p3
];

/** [quarter, from_category, to_category, people] — primary categories from ACTIVITY. */
export const MIGRATION: [string, string, string, number][] = [
  ['2024-q2', 'gpu-kernels', 'llm-serving', 1], // p1
  ['2024-q2', 'ml-compilers', 'ml-compilers', 1], // p9
  ['2024-q2', 'training-frameworks', 'training-frameworks', 1], // p5
  ['2024-q3', 'gpu-kernels', 'gpu-kernels', 1], // p8 (tie → gpu-kernels)
  ['2024-q3', 'gpu-kernels', 'llm-serving', 1], // p2
  ['2024-q3', 'llm-serving', 'llm-serving', 2], // p1 p4
  ['2024-q3', 'ml-compilers', 'gpu-kernels', 1], // p7 (tie → gpu-kernels)
  ['2024-q3', 'training-frameworks', 'ml-compilers', 1], // p3
  ['2024-q3', 'training-frameworks', 'training-frameworks', 1], // p5
  ['2024-q4', 'llm-serving', 'llm-serving', 1], // p1
];

/** Company shares of the whole set per quarter (categories reuse them, shifted). */
export const COMPANIES: [organization: string, share: number][] = [
  ['Meta', 0.31],
  ['Unknown', 0.22],
  ['NVIDIA', 0.18],
  ['Other', 0.17],
  ['Google', 0.12],
];

export const WORK_KINDS: [string, number][] = [
  ['perf', 0.2],
  ['feature', 0.35],
  ['fix', 0.25],
  ['test', 0.1],
  ['docs', 0.05],
  ['ci', 0.05],
];
