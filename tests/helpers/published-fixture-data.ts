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
// STORY's people (1–23) are worked through in the comments of OVERLAP, MIGRATION and
// their _THRESHOLDS, which are what the published tables must hold for them. STORY itself
// is never written to a published folder: no person-level table is published.

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

/**
 * [person, repo, quarter, credit, commits]: the people behind the literal counts below,
 * as the warehouse's person_activity would hold them. Tests recount the counts from it.
 */
export const STORY: [number, string, string, number, number][] = [
  [1, R.triton, '2024-q1', 3, 3],
  [5, R.pytorch, '2024-q1', 2, 2],
  [9, R.xla, '2024-q1', 1, 1],
  [9, R.tvm, '2024-q1', 1, 1],

  [1, R.vllm, '2024-q2', 4, 4],
  [2, R.triton, '2024-q2', 2, 2],
  [3, R.pytorch, '2024-q2', 5, 5],
  [4, R.vllm, '2024-q2', 2, 2],
  [4, R.sglang, '2024-q2', 1, 1],
  [5, R.pytorch, '2024-q2', 3, 3],
  [7, R.tvm, '2024-q2', 2, 2],
  [8, R.cutlass, '2024-q2', 1, 1],
  [9, R.xla, '2024-q2', 2, 2],
  [10, R.sglang, '2024-q2', 0.5, 1],
  [10, R.transformers, '2024-q2', 0.5, 1],

  [1, R.vllm, '2024-q3', 5, 5],
  [1, R.triton, '2024-q3', 1.5, 2],
  [2, R.vllm, '2024-q3', 1, 1],
  [2, R.triton, '2024-q3', 0.5, 1],
  [3, R.tvm, '2024-q3', 3, 3],
  [3, R.pytorch, '2024-q3', 1, 1],
  [4, R.sglang, '2024-q3', 4, 4],
  [5, R.pytorch, '2024-q3', 6, 6],
  [5, R.transformers, '2024-q3', 2, 2],
  [6, R.litert, '2024-q3', 2, 2],
  [6, R.xla, '2024-q3', 1, 1],
  // A tie (3 vs 3): primary goes to gpu-kernels, listed first.
  [7, R.triton, '2024-q3', 3, 3],
  [7, R.tvm, '2024-q3', 3, 3],
  // A tie where sort order (gpu-kernels 1, edge-ml 8) and id order disagree.
  [8, R.cutlass, '2024-q3', 1, 1],
  [8, R.litert, '2024-q3', 1, 1],

  // 2024-q3 → 2024-q4 (partial): a crowd large enough to publish above one commit (3+
  // people), seen only by the 2024-q4 folder. Each is in one category in 2024-q3 and new
  // since 2024-q2, so 2024-q3's own overlap and migration do not change. Four move from
  // training to serving with 1, 2, 3 and 5 commits in the quieter of the two quarters
  // (p20, p17, p18, p19); three serving regulars stay with 21+ (p21–p23).
  [17, R.pytorch, '2024-q3', 2, 2],
  [18, R.pytorch, '2024-q3', 3, 3],
  [19, R.transformers, '2024-q3', 6, 6],
  [20, R.pytorch, '2024-q3', 1, 1],
  [21, R.vllm, '2024-q3', 25, 25],
  [22, R.vllm, '2024-q3', 22, 22],
  [23, R.vllm, '2024-q3', 60, 60],

  [1, R.vllm, '2024-q4', 1, 1],
  // Five people in both GPU kernels and serving, with 1, 2, 3, 5 and 5 commits on
  // their quieter side (p11–p15); one in compilers and training (p16).
  [11, R.triton, '2024-q4', 1, 1],
  [11, R.vllm, '2024-q4', 1, 1],
  [12, R.triton, '2024-q4', 2, 2],
  [12, R.vllm, '2024-q4', 4, 4],
  [13, R.cutlass, '2024-q4', 3, 3],
  [13, R.sglang, '2024-q4', 3, 3],
  [14, R.triton, '2024-q4', 5, 5],
  [14, R.vllm, '2024-q4', 6, 6],
  [15, R.triton, '2024-q4', 6, 6],
  [15, R.sglang, '2024-q4', 5, 5],
  [16, R.tvm, '2024-q4', 1, 1],
  [16, R.pytorch, '2024-q4', 4, 4],
  [17, R.vllm, '2024-q4', 2, 2],
  [18, R.vllm, '2024-q4', 4, 4],
  [19, R.sglang, '2024-q4', 5, 5],
  [20, R.vllm, '2024-q4', 9, 9],
  [21, R.vllm, '2024-q4', 30, 30],
  [22, R.vllm, '2024-q4', 21, 21],
  [23, R.vllm, '2024-q4', 55, 55],
];

/** [quarter, category_a, category_b, people] — worked out from STORY. */
export const OVERLAP: [string, string, string, number][] = [
  ['2024-q2', 'llm-serving', 'training-frameworks', 1], // p10
  ['2024-q3', 'edge-ml', 'gpu-kernels', 1], // p8
  ['2024-q3', 'edge-ml', 'ml-compilers', 1], // p6
  ['2024-q3', 'gpu-kernels', 'llm-serving', 2], // p1 p2
  ['2024-q3', 'gpu-kernels', 'ml-compilers', 1], // p7
  ['2024-q3', 'ml-compilers', 'training-frameworks', 1], // p3
  ['2024-q4', 'gpu-kernels', 'llm-serving', 5], // p11–p15
  ['2024-q4', 'ml-compilers', 'training-frameworks', 1], // p16
];

/** [quarter, from_category, to_category, people] — primary categories from STORY. */
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
  ['2024-q4', 'llm-serving', 'llm-serving', 4], // p1 p21 p22 p23
  ['2024-q4', 'training-frameworks', 'llm-serving', 4], // p17–p20
];

/**
 * [quarter, min_commits, category_a, category_b, people] above threshold 1 (at 1 the
 * table is OVERLAP), as the engine publishes them: pairs of fewer than 3 people have no
 * row, so 2024-q3's pairs (p1 at 2 commits, p7 at 3: one person each) are absent.
 * Only the 2024-q4 folder's window reaches the crowd.
 */
export const OVERLAP_THRESHOLDS: [string, number, string, string, number][] = [
  ['2024-q4', 2, 'gpu-kernels', 'llm-serving', 4], // p12–p15
  ['2024-q4', 3, 'gpu-kernels', 'llm-serving', 3], // p13–p15; at 5 only p14 p15: not published
];

/**
 * [quarter, min_commits, from_category, to_category, people] above threshold 1 (at 1 the
 * table is MIGRATION): a person needs min_commits in each of the two quarters; flows of
 * fewer than 3 people have no row.
 */
export const MIGRATION_THRESHOLDS: [string, number, string, string, number][] = [
  ['2024-q4', 2, 'llm-serving', 'llm-serving', 3], // p21–p23 (p1 has 1 commit in 2024-q4)
  ['2024-q4', 2, 'training-frameworks', 'llm-serving', 3], // p17–p19; at 3 only p18 p19
  ['2024-q4', 3, 'llm-serving', 'llm-serving', 3],
  ['2024-q4', 5, 'llm-serving', 'llm-serving', 3],
  ['2024-q4', 10, 'llm-serving', 'llm-serving', 3],
  ['2024-q4', 20, 'llm-serving', 'llm-serving', 3], // at 50 only p23
];

/**
 * [quarter, category_id, other_category, repo, people, people_prev]: change_people's
 * overlap rows, worked out from STORY: people in both categories whose one repository in
 * category_id is repo, in the quarter and the one before. A cell under 3 people is empty
 * (null) and a row with both cells empty has no row, so 2024-q3's pairs (one or two
 * people a cell) are absent and only the 2024-q4 crowd shows. The contributor rows are
 * derived from SERIES (published-fixture.ts).
 */
export const OVERLAP_PARTS: [string, string, string, string, number | null, number | null][] = [
  ['2024-q4', 'gpu-kernels', 'llm-serving', R.triton, 4, null], // p11 p12 p14 p15; 2024-q3 p1 p2; cutlass has p13 alone
  ['2024-q4', 'llm-serving', 'gpu-kernels', R.vllm, 3, null], // p11 p12 p14; 2024-q3 p1 p2; sglang has p13 p15
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
