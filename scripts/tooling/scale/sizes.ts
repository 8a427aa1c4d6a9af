// The benchmark sizes. "1x" is the real dataset of ../shared/data measured on
// 2026-12-06: 446 repositories with history (486 tracked), 1,356,328 commit records
// (merges included, forks' shared commits counted in each fork, as the exports hold
// them), 57,417 distinct author addresses, the largest history 37,554 commits.
// Larger sizes grow the commit count as asked and the repository count more
// slowly (new repositories are smaller than the ones tracked first), which makes the
// largest histories grow past 100k commits, as PyTorch's and TensorFlow's do.

export interface SizeSpec {
  name: string;
  /** Repositories with a history (a further ~8 % are listed as unavailable). */
  repos: number;
  /** Commit records over all exports, forks' copies of upstream commits included. */
  commits: number;
  /** Distinct people to draw authors from (each has one to three addresses). */
  people: number;
  /** Spread of the log-normal repository sizes (the real data fit 1.09). */
  sizeSigma: number;
}

export const SIZES: Record<string, SizeSpec> = {
  tiny: { name: 'tiny', repos: 14, commits: 4_000, people: 300, sizeSigma: 1.0 },
  '1x': { name: '1x', repos: 446, commits: 1_356_328, people: 42_000, sizeSigma: 1.09 },
  '3x': { name: '3x', repos: 900, commits: 4_069_000, people: 110_000, sizeSigma: 1.55 },
  '10x': { name: '10x', repos: 1_450, commits: 13_563_280, people: 330_000, sizeSigma: 1.3 },
  // The point the issue names: 2,000 repositories, 10 M commits, 1 M identities.
  '2000r': { name: '2000r', repos: 2_000, commits: 10_000_000, people: 800_000, sizeSigma: 1.4 },
};

export function sizeSpec(name: string): SizeSpec {
  const s = SIZES[name];
  if (!s) throw new Error(`unknown size "${name}" (sizes: ${Object.keys(SIZES).join(', ')})`);
  return s;
}
