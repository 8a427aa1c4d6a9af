// Claims decided from rows of figures: ranks (ties, lowest, top n), comparisons, "only"
// claims and thresholds; a figure without a value (a QoQ that is new or not comparable)
// and an id the data does not know leave a claim undecided, never true.
import { describe, expect, it } from 'vitest';
import { evaluateCompare, evaluateOnly, evaluateRank, evaluateThreshold, verdictMessage, type Member, type Population } from '../../../src/lib/claims.ts';

const m = (id: string, value: number | null, text: string, missing: string | null = null): Member => ({ id, value, text, missing });
/** The real 2026-q2 contributor changes of four categories, one not comparable. */
const QOQ: Population = {
  noun: 'categories',
  members: [
    m('gpu-kernels', 0.29, '+29.0%'),
    m('llm-serving', 0.194, '+19.4%'),
    m('ml-platform', 0.17, '+17.0%'),
    m('ml-tooling', -0.01, '\u22121.0%'),
    m('training-frameworks', -0.06, '\u22126.0%'),
  ],
};
const withBlank: Population = { noun: 'categories', members: [...QOQ.members, m('edge-ml', null, 'new', 'new this quarter')] };

describe('rank', () => {
  it('holds for the top member and names the runner-up', () => {
    const v = evaluateRank({ kind: 'rank', figure: 'contributors_qoq', subject: 'gpu-kernels', rank: 1 }, QOQ);
    expect(v).toEqual({ status: 'holds', claim: 'gpu-kernels is #1 of 5 categories by contributors_qoq', data: 'gpu-kernels +29.0%: rank 1 of 5; nothing is ahead; next is llm-serving +19.4%' });
  });

  it('is false below the top, listing who is ahead and the rank to write', () => {
    const v = evaluateRank({ kind: 'rank', figure: 'contributors_qoq', subject: 'ml-platform', rank: 1 }, QOQ);
    expect(v.status).toBe('false');
    expect(v.data).toBe('ml-platform +17.0%: rank 3 of 5; gpu-kernels +29.0% and llm-serving +19.4% are ahead');
    expect(v.hint).toBe('write the rank the data gives (rank={3}) with words to match, or drop the claim');
    expect(verdictMessage(v)).toBe('claims ml-platform is #1 of 5 categories by contributors_qoq, but ml-platform +17.0%: rank 3 of 5; gpu-kernels +29.0% and llm-serving +19.4% are ahead');
  });

  it('ranks from the bottom with lowest, and within the top n with orBetter', () => {
    expect(evaluateRank({ kind: 'rank', figure: 'contributors_qoq', subject: 'training-frameworks', rank: 1, lowest: true }, QOQ).status).toBe('holds');
    expect(evaluateRank({ kind: 'rank', figure: 'contributors_qoq', subject: 'gpu-kernels', rank: 1, lowest: true }, QOQ).status).toBe('false');
    const top = { kind: 'rank', figure: 'contributors_qoq', subject: 'ml-platform', orBetter: true } as const;
    expect(evaluateRank({ ...top, rank: 3 }, QOQ)).toMatchObject({ status: 'holds', claim: 'ml-platform is in the top 3 of 5 categories by contributors_qoq' });
    expect(evaluateRank({ ...top, rank: 2 }, QOQ)).toMatchObject({ status: 'false', hint: 'the data gives rank 3: write top={3} with words to match, or drop the claim' });
  });

  it('a shared rank holds only when the claim says tied, and tied needs a tie', () => {
    const tie: Population = { noun: 'categories', members: [m('a', 100, '100'), m('b', 100, '100'), m('c', 90, '90')] };
    const first = { kind: 'rank', figure: 'contributors', subject: 'a', rank: 1 } as const;
    expect(evaluateRank(first, tie)).toMatchObject({ status: 'false', data: 'a 100: rank 1 of 3; nothing is ahead; tied with b 100; next is c 90' });
    expect(evaluateRank(first, tie).hint).toMatch(/^it shares rank 1: add tied/);
    expect(evaluateRank({ ...first, tied: true }, tie)).toMatchObject({ status: 'holds', claim: 'a is joint #1 of 3 categories by contributors' });
    expect(evaluateRank({ ...first, subject: 'b', tied: true }, tie).status).toBe('holds');
    // Competition ranking: after two firsts comes third.
    expect(evaluateRank({ ...first, subject: 'c', rank: 2 }, tie)).toMatchObject({ status: 'false', data: 'c 90: rank 3 of 3; a 100 and b 100 are ahead' });
    expect(evaluateRank({ ...first, subject: 'c', rank: 1, tied: true, lowest: true }, tie).hint).toBe('nothing shares that rank: drop tied, and "joint" from the sentence');
  });

  it('a member without a value leaves the rank undecided until the claim leaves it out', () => {
    const claim = { kind: 'rank', figure: 'contributors_qoq', subject: 'gpu-kernels', rank: 1 } as const;
    const open = evaluateRank(claim, withBlank);
    expect(open).toMatchObject({ status: 'undecided', data: '1 category has no contributors_qoq to compare: edge-ml (new this quarter)' });
    expect(open.hint).toBe('leave it out with except={["edge-ml"]}, or add comparable to compare only those with a value; and say so in the sentence');
    expect(verdictMessage(open)).toMatch(/^cannot check that gpu-kernels is #1 of the categories by contributors_qoq: /);
    expect(evaluateRank({ ...claim, except: ['edge-ml'] }, withBlank)).toMatchObject({ status: 'holds', claim: 'gpu-kernels is #1 of 5 categories other than edge-ml by contributors_qoq' });
    expect(evaluateRank({ ...claim, comparable: true }, withBlank)).toMatchObject({ status: 'holds', claim: 'gpu-kernels is #1 of 5 categories with a value (not edge-ml: new this quarter) by contributors_qoq' });
  });

  it('a NULL QoQ of the subject itself is never ranked, whatever the claim leaves out', () => {
    const v = evaluateRank({ kind: 'rank', figure: 'contributors_qoq', subject: 'edge-ml', rank: 1, comparable: true }, withBlank);
    expect(v).toMatchObject({ status: 'undecided', data: 'edge-ml has no contributors_qoq (new this quarter): a claim on it cannot be checked' });
    expect(evaluateRank({ kind: 'rank', figure: 'contributors_qoq', subject: 'gpu-kernels', rank: 1, except: ['gpu-kernels'] }, QOQ).status).toBe('undecided');
  });

  it('an unknown category or project is undecided, naming the known ones', () => {
    const v = evaluateRank({ kind: 'rank', figure: 'contributors_qoq', subject: 'gpu-kernel', rank: 1 }, QOQ);
    expect(v).toMatchObject({ status: 'undecided', data: "'gpu-kernel' is not among the 5 categories" });
    expect(v.hint).toBe('categories: gpu-kernels, llm-serving, ml-platform, ml-tooling, training-frameworks');
    const projects: Population = { noun: 'projects', within: 'llm-serving', members: [m('vllm-project/vllm', 169, '169')] };
    expect(evaluateRank({ kind: 'rank', figure: 'contributors', subject: 'NVIDIA/cutlass', rank: 1 }, projects).data).toBe("'NVIDIA/cutlass' is not among the 1 projects in llm-serving");
  });

  it('long lists of projects stay short', () => {
    const many: Population = { noun: 'projects', members: Array.from({ length: 9 }, (_, i) => m(`o/r${i}`, 10 - i, String(10 - i))) };
    expect(evaluateRank({ kind: 'rank', figure: 'contributors', subject: 'o/r8', rank: 1 }, many).data).toBe('o/r8 2: rank 9 of 9; o/r0 10, o/r1 9, o/r2 8, o/r3 7, o/r4 6 and 3 more are ahead');
  });
});

describe('only', () => {
  const lost = { kind: 'only', figure: 'contributors_qoq', op: '<', value: 0 } as const;

  it('holds when exactly the listed members meet the condition', () => {
    expect(evaluateOnly({ ...lost, members: ['training-frameworks', 'ml-tooling'] }, QOQ)).toEqual({
      status: 'holds',
      claim: 'among 5 categories, the only ones with contributors_qoq below 0.0% are training-frameworks and ml-tooling',
      data: 'training-frameworks \u22126.0% and ml-tooling \u22121.0% have contributors_qoq below 0.0%',
    });
  });

  it('is false when one is missing or one does not meet it, with the list to write', () => {
    const v = evaluateOnly({ ...lost, members: ['training-frameworks', 'ml-platform'] }, QOQ);
    expect(v.status).toBe('false');
    expect(v.data).toBe('training-frameworks \u22126.0% and ml-tooling \u22121.0% have contributors_qoq below 0.0%; the claim leaves out ml-tooling \u22121.0%; ml-platform +17.0% does not');
    expect(v.hint).toBe('list exactly those: categories={["training-frameworks","ml-tooling"]}, with words to match');
  });

  it('claims none with an empty list', () => {
    expect(evaluateOnly({ ...lost, value: -0.1, members: [] }, QOQ)).toMatchObject({ status: 'holds', claim: 'among 5 categories, none has contributors_qoq below \u221210.0%' });
    expect(evaluateOnly({ ...lost, members: [] }, QOQ).status).toBe('false');
  });

  it('a member without a value leaves it undecided: it might have lost people too', () => {
    const claim = { ...lost, members: ['training-frameworks', 'ml-tooling'] };
    expect(evaluateOnly(claim, withBlank).status).toBe('undecided');
    expect(evaluateOnly({ ...claim, except: ['edge-ml'] }, withBlank).status).toBe('holds');
    expect(evaluateOnly({ ...claim, members: ['edge-ml'], comparable: true }, withBlank)).toMatchObject({ status: 'undecided', data: 'edge-ml has no contributors_qoq (new this quarter): a claim on it cannot be checked' });
    expect(evaluateOnly({ ...claim, members: ['ml-tools'] }, QOQ)).toMatchObject({ status: 'undecided', data: "'ml-tools' is not among the 5 categories" });
  });
});

describe('compare', () => {
  const serving = m('llm-serving', 1327, '1\u202F327');
  const kernels = m('gpu-kernels', 1245, '1\u202F245');

  it('holds or is false with both figures, and says which way to turn it', () => {
    expect(evaluateCompare({ kind: 'compare', figure: 'contributors', op: '>' }, serving, kernels)).toEqual({
      status: 'holds',
      claim: 'llm-serving is above gpu-kernels on contributors',
      data: '1\u202F327 (llm-serving) against 1\u202F245 (gpu-kernels)',
    });
    const v = evaluateCompare({ kind: 'compare', figure: 'contributors', op: '<' }, serving, kernels);
    expect(v).toMatchObject({ status: 'false', hint: 'turn the comparison round (op=">") with words to match, or drop the claim' });
  });

  it('compares with a multiple (times)', () => {
    const v = evaluateCompare({ kind: 'compare', figure: 'agent_assisted_commits', op: '>', times: 2 }, m('2026-q2', 4769, '4\u202F769'), m('2025-q2', 3411, '3\u202F411'));
    expect(v).toMatchObject({ status: 'false', claim: '2026-q2 is above 2 × 2025-q2 on agent_assisted_commits', data: '4\u202F769 (2026-q2) against 3\u202F411 (2025-q2), × 2 = 6\u202F822' });
  });

  it('a side without a value is undecided', () => {
    expect(evaluateCompare({ kind: 'compare', figure: 'contributors_qoq', op: '>' }, m('edge-ml', null, 'new', 'new this quarter'), kernels)).toMatchObject({
      status: 'undecided',
      data: 'edge-ml has no contributors_qoq (new this quarter): a claim on it cannot be checked',
    });
  });
});

describe('threshold', () => {
  it('holds, is false, or is undecided on a NULL change', () => {
    const half = { kind: 'threshold', figure: 'top_repo_share', op: '>', value: 0.5 } as const;
    expect(evaluateThreshold(half, m('edge-ml', 0.62, '62.0%'))).toEqual({ status: 'holds', claim: 'edge-ml is above 50.0% on top_repo_share', data: 'edge-ml 62.0%' });
    expect(evaluateThreshold(half, m('gpu-kernels', 0.135, '13.5%'))).toMatchObject({ status: 'false', data: 'gpu-kernels 13.5% is not above 50.0%' });
    const grew = { kind: 'threshold', figure: 'contributors_qoq', op: '>=', value: 0.1 } as const;
    expect(evaluateThreshold(grew, m('gpu-kernels', 0.1, '+10.0%')).status).toBe('holds');
    expect(evaluateThreshold(grew, m('gpu-kernels', null, 'partial quarter', 'partial quarter, not compared'))).toMatchObject({
      status: 'undecided',
      claim: 'gpu-kernels is at least +10.0% on contributors_qoq',
      data: 'gpu-kernels has no contributors_qoq (partial quarter, not compared): a claim on it cannot be checked',
    });
  });
});

describe('pairs, flows and pools', () => {
  // 2024-q3 published: the largest pair talent pools, and two pairs below the small-cell line.
  const pools: Population = {
    noun: 'pairs',
    members: [
      m('distributed-training \u2194 training-frameworks', 143, '143'),
      m('llm-serving \u2194 training-frameworks', 128, '128'),
      m('distributed-training \u2194 gpu-kernels', 118, '118'),
      { ...m('edge-ml \u2194 hw-sw-codesign', null, 'fewer than 3', 'a pool of fewer than 3 people is not published'), below: 3 },
      { ...m('hw-sw-codesign \u2194 model-optimization', null, 'fewer than 3', 'a pool of fewer than 3 people is not published'), below: 3 },
    ],
  };
  const largest = { kind: 'rank', figure: 'talent_pool', subject: 'distributed-training \u2194 training-frameworks', rank: 1 } as const;

  it('a pool below the small-cell line cannot lead, so the largest is decided without it', () => {
    expect(evaluateRank(largest, pools)).toEqual({
      status: 'holds',
      claim: 'distributed-training \u2194 training-frameworks is #1 of 3 category pairs (and 2 below 3, not published) by talent_pool',
      data: 'distributed-training \u2194 training-frameworks 143: rank 1 of 3; nothing is ahead; next is llm-serving \u2194 training-frameworks 128',
    });
    // From the bottom it could be anywhere: undecided, and except takes the pairs as pairs.
    const smallest = evaluateRank({ ...largest, subject: 'distributed-training \u2194 gpu-kernels', lowest: true }, pools);
    expect(smallest).toMatchObject({ status: 'undecided', data: '2 category pairs have no talent_pool to compare: edge-ml \u2194 hw-sw-codesign (a pool of fewer than 3 people is not published), hw-sw-codesign \u2194 model-optimization (a pool of fewer than 3 people is not published)' });
    expect(smallest.hint).toBe('leave them out with except={[["edge-ml","hw-sw-codesign"],["hw-sw-codesign","model-optimization"]]}, or add comparable to compare only those with a value; and say so in the sentence');
  });

  it('"only" above a line the unpublished pools are below holds; below it, it is undecided', () => {
    const only = { kind: 'only', figure: 'talent_pool', op: '>', value: 120, members: ['distributed-training \u2194 training-frameworks', 'llm-serving \u2194 training-frameworks'] } as const;
    expect(evaluateOnly(only, pools)).toMatchObject({ status: 'holds', claim: 'among 3 category pairs (and 2 below 3, not published), the only ones with talent_pool above 120 are distributed-training \u2194 training-frameworks and llm-serving \u2194 training-frameworks' });
    expect(evaluateOnly({ ...only, op: '<', members: [] }, pools).status).toBe('undecided');
    const wrong = evaluateOnly({ ...only, members: ['distributed-training \u2194 training-frameworks'] }, pools);
    expect(wrong.hint).toBe('list exactly those: pairs={[["distributed-training","training-frameworks"],["llm-serving","training-frameworks"]]}, with words to match');
  });

  it('flows within a category, and an unknown pair', () => {
    const flows: Population = { noun: 'flows', within: 'gpu-kernels', members: [m('ml-compilers \u2192 gpu-kernels', 4, '+4'), m('gpu-kernels \u2192 ml-compilers', -4, '\u22124')] };
    expect(evaluateRank({ kind: 'rank', figure: 'net_migration', subject: 'ml-compilers \u2192 gpu-kernels', rank: 1 }, flows).claim).toBe('ml-compilers \u2192 gpu-kernels is #1 of 2 flows involving gpu-kernels by net_migration');
    expect(evaluateRank({ kind: 'rank', figure: 'net_migration', subject: 'edge-ml \u2192 gpu-kernels', rank: 1 }, flows)).toMatchObject({ status: 'undecided', data: "'edge-ml \u2192 gpu-kernels' is not among the 2 flows involving gpu-kernels" });
  });
});
