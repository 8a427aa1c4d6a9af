// Claims between two categories (overlaps, migration flows, pair talent pools), runs of
// quarters (<Streak>) and between two organizations, in the editor check and the build,
// on the published fixture: an article whose claims hold lists each with its verdict;
// the same article against a fixture in which one overlap changed fails with file and line.
//
// Fixture, 2024-q3: overlap gpu-kernels ↔ llm-serving 2, four other pairs 1, five pairs
// 0; migration gpu-kernels → llm-serving, ml-compilers → gpu-kernels and
// training-frameworks → ml-compilers 1 each; pair pools llm-serving ↔
// training-frameworks 40, gpu-kernels ↔ llm-serving 36, ml-compilers ↔
// training-frameworks 9 (12, 12, 11, 10, 9 over the last five quarters), the other seven
// below 3; company shares in every scope Meta 31%, Unknown 22%, NVIDIA 18%, Other 17%,
// Google 12%.
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { checkContent, formatClaims, formatProblems } from '../../../src/node/content-checks/check-content.ts';
import { buildError, useArticleFixture } from '../../helpers/article-fixture.ts';
import { usePublishedFixture } from '../../helpers/published-fixture.ts';
import { rewriteParquet } from '../../helpers/rewrite-parquet.ts';

const article = useArticleFixture('ds-claim-kinds-', ['Rank', 'Compare', 'Only', 'Streak']);

beforeAll(async () => {
  await usePublishedFixture();
});

const BODY = [
  'Kernels and serving had <Rank figure="overlap" category="gpu-kernels" other="llm-serving">the largest overlap</Rank>,',
  'twice <Compare figure="overlap" category="gpu-kernels" other="llm-serving" op=">=" times={2} otherPair={["ml-compilers", "training-frameworks"]}>the compilers and training one</Compare>.',
  '',
  'Compilers fed kernels <Compare figure="migration" from="ml-compilers" to="gpu-kernels" op=">" otherPair={["gpu-kernels", "ml-compilers"]}>more than the other way</Compare>,',
  'and <Only figure="net_migration" op=">" value={0} pairs={[["gpu-kernels", "llm-serving"], ["ml-compilers", "gpu-kernels"], ["training-frameworks", "ml-compilers"]]}>three flows</Only> ran one way.',
  '',
  'Serving and training share <Rank figure="talent_pool" category="training-frameworks" other="llm-serving">the largest pool</Rank>;',
  'the compilers and training pool <Streak figure="talent_pool" category="ml-compilers" other="training-frameworks" op="<" quarters={3}>shrank for three quarters</Streak>.',
  '',
  'Meta is <Rank figure="company_share" org="Meta" category="gpu-kernels">the largest employer</Rank>, <Compare figure="company_share" org="Meta" category="gpu-kernels" op=">" otherOrg="NVIDIA">ahead of NVIDIA</Compare>.',
];

const lineOf = (needle: string) => article.lineOf(BODY, needle);

describe('claims between categories, over quarters and between organizations', () => {
  it('an article whose claims hold passes, and every claim is listed with its verdict', async () => {
    const r = await checkContent({ contentDir: article.write(BODY), includeDrafts: true });
    expect(r.problems, formatProblems(r.problems)).toEqual([]);
    const list = formatClaims(r.claims).replaceAll(/\S*content\/reports\//g, 'content/reports/');
    const at = (needle: string) => `\u2713 content/reports/2024-q3.mdx:${lineOf(needle)}`;
    expect(list.split('\n')).toEqual([
      `${at('the largest overlap')}  <Rank> gpu-kernels \u2194 llm-serving is #1 of 10 category pairs by overlap`,
      `${at('the compilers and training one')}  <Compare> gpu-kernels \u2194 llm-serving is at least 2 × ml-compilers \u2194 training-frameworks on overlap`,
      `${at('more than the other way')}  <Compare> ml-compilers \u2192 gpu-kernels is above gpu-kernels \u2192 ml-compilers on migration`,
      `${at('three flows')}  <Only> among 20 flows, the only ones with net_migration above 0 are gpu-kernels \u2192 llm-serving, ml-compilers \u2192 gpu-kernels and training-frameworks \u2192 ml-compilers`,
      `${at('the largest pool')}  <Rank> llm-serving \u2194 training-frameworks is #1 of 3 category pairs (and 7 below 3, not published) by talent_pool`,
      `${at('shrank for three quarters')}  <Streak> pool ml-compilers \u2194 training-frameworks fell on talent_pool in each of 3 consecutive quarters to 2024-q3`,
      `${at('the largest employer')}  <Rank> Meta is #1 of 3 organizations in gpu-kernels by company_share`,
      `${at('ahead of NVIDIA')}  <Compare> Meta in gpu-kernels is above NVIDIA in gpu-kernels on company_share`,
    ]);
  });

  it('a claim the data does not bear out names what it says and what to write', async () => {
    const body = [
      'a <Streak figure="talent_pool" category="ml-compilers" other="training-frameworks" op="<" quarters={4}>shrank for four quarters</Streak>',
      '',
      'b <Rank figure="talent_pool" category="llm-serving" other="training-frameworks" lowest>the smallest pool</Rank>',
      '',
      'c <Rank figure="company_share" org="Unknown" category="gpu-kernels">x</Rank>',
    ];
    const r = await checkContent({ contentDir: article.write(body), includeDrafts: true });
    const at = (i: number) => article.head.length + i + 1;
    expect(r.problems.map((p) => [p.line, p.message.slice(p.message.indexOf('>: ') + 3), p.hint])).toEqual([
      [
        at(0),
        'claims pool ml-compilers \u2194 training-frameworks fell on talent_pool in each of 4 consecutive quarters to 2024-q3, but 12 (2023-q4) \u2192 11 (2024-q1) \u2192 10 (2024-q2) \u2192 9 (2024-q3): 3 in a row; 12 (2023-q3) \u2192 12 (2023-q4) does not count',
        'write the run the data gives (quarters={3}) with words to match, or drop the claim',
      ],
      [at(2), expect.stringMatching(/^cannot check that llm-serving \u2194 training-frameworks is #1 of the category pairs by talent_pool, lowest first: 7 category pairs have no talent_pool to compare/), expect.any(String)],
      [at(4), "cannot check that Unknown is #1 of the organizations by company_share: 'Unknown' is not among the 3 organizations in gpu-kernels", 'organizations: Meta, NVIDIA, Google'],
    ]);
  });
});

describe('done when: one changed overlap fails the check and the build with file and line', () => {
  let content: string;

  beforeAll(async () => {
    // A fresh fixture folder in which 5 people were in both ML compilers and training frameworks in 2024-q3, not 1.
    const root = await usePublishedFixture();
    await rewriteParquet(join(root, '2024-q3', 'category_overlap.parquet'), [
      "UPDATE t SET people = 5 WHERE quarter = '2024-q3' AND category_a = 'ml-compilers' AND category_b = 'training-frameworks'",
    ]);
    content = article.write(BODY);
  });

  it('npm run check: both overlap claims are false at their lines', async () => {
    const r = await checkContent({ contentDir: content, includeDrafts: true });
    expect(r.problems.map((p) => [p.line, p.message.slice(p.message.indexOf('>: ') + 3), p.hint])).toEqual([
      [
        lineOf('the largest overlap'),
        'claims gpu-kernels \u2194 llm-serving is #1 of 10 category pairs by overlap, but gpu-kernels \u2194 llm-serving 2: rank 2 of 10; ml-compilers \u2194 training-frameworks 5 is ahead',
        'write the rank the data gives (rank={2}) with words to match, or drop the claim',
      ],
      [
        lineOf('the compilers and training one'),
        'claims gpu-kernels \u2194 llm-serving is at least 2 × ml-compilers \u2194 training-frameworks on overlap, but 2 (gpu-kernels \u2194 llm-serving) against 5 (ml-compilers \u2194 training-frameworks), × 2 = 10',
        'turn the comparison round (op="<") with words to match, or drop the claim',
      ],
    ]);
  });

  it('the build stops with the same file and line', async () => {
    const error = await buildError(content);
    expect(error).toMatch(/^content checks failed:\n\n/);
    expect(error).toContain(`content/reports/2024-q3.mdx:${lineOf('the largest overlap')}  <Rank figure="overlap" category="gpu-kernels" other="llm-serving">: claims gpu-kernels \u2194 llm-serving is #1 of 10 category pairs by overlap, but`);
  });
});
