// Claims in the editor check and the build, on the published fixture: an article whose
// comparative words the data bears out passes and lists every claim with its verdict;
// the same article against a fixture in which one figure changed (serving grows past
// training frameworks) fails, in `npm run check` and in the build, with file and line.
//
// Fixture, 2024-q3 contributors: training-frameworks 352, llm-serving 260, gpu-kernels
// 80, ml-compilers 45, edge-ml 12 (new, so no QoQ); QoQ llm-serving +30.0%, gpu-kernels
// +14.3%, training-frameworks +4.1%, ml-compilers −8.2%; edge-ml's one project has all
// its commits.
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { checkContent, formatClaims, formatProblems } from '../../../src/node/content-checks/check-content.ts';
import { buildError, useArticleFixture } from '../../helpers/article-fixture.ts';
import { usePublishedFixture } from '../../helpers/published-fixture.ts';
import { rewriteParquet } from '../../helpers/rewrite-parquet.ts';

const article = useArticleFixture('ds-claims-', ['Rank', 'Compare', 'Only', 'Threshold']);

beforeAll(async () => {
  await usePublishedFixture();
});

const BODY = [
  'Training frameworks stayed <Rank figure="contributors" category="training-frameworks">the largest category</Rank>,',
  'while serving, with <Compare figure="contributors" category="llm-serving" op=">" other="gpu-kernels" times={3}>more than three times as many people as</Compare> kernels,',
  'grew <Rank figure="contributors_qoq" category="llm-serving" except={["edge-ml"]}>fastest</Rank> of the categories a quarter old.',
  '',
  'Compilers were <Only figure="contributors_qoq" op="<" value={0} categories={["ml-compilers"]} except={["edge-ml"]}>the only category to lose people</Only>,',
  'and edge ML rests on one project, with <Threshold figure="top_repo_share" category="edge-ml" op=">" value={0.5}>more than half</Threshold> of its commits.',
];

const lineOf = (needle: string) => article.lineOf(BODY, needle);

describe('claims in the editor check', () => {
  it('an article whose claims hold passes, and every claim is listed with its verdict', async () => {
    const r = await checkContent({ contentDir: article.write(BODY), includeDrafts: true });
    expect(r.problems, formatProblems(r.problems)).toEqual([]);
    const list = formatClaims(r.claims).replaceAll(/\S*content\/reports\//g, 'content/reports/');
    expect(list).toBe(
      [
        `\u2713 content/reports/2024-q3.mdx:${lineOf('the largest category')}  <Rank> training-frameworks is #1 of 5 categories by contributors`,
        `\u2713 content/reports/2024-q3.mdx:${lineOf('<Compare')}  <Compare> llm-serving is above 3 × gpu-kernels on contributors`,
        `\u2713 content/reports/2024-q3.mdx:${lineOf('fastest')}  <Rank> llm-serving is #1 of 4 categories other than edge-ml by contributors_qoq`,
        `\u2713 content/reports/2024-q3.mdx:${lineOf('<Only')}  <Only> among 4 categories other than edge-ml, the only one with contributors_qoq below 0.0% is ml-compilers`,
        `\u2713 content/reports/2024-q3.mdx:${lineOf('<Threshold')}  <Threshold> edge-ml is above 50.0% on top_repo_share`,
      ].join('\n'),
    );
  });

  it('props the data cannot check are problems at their line', async () => {
    const body = [
      'a <Rank figure="contributors" category="gpu-kernels" lowst>x</Rank>',
      '',
      'b <Compare figure="contributors" category="llm-servng" op=">" other="gpu-kernels">x</Compare>',
      '',
      'c <Rank figure="contributors_qoq" category="llm-serving">fastest</Rank>',
    ];
    const r = await checkContent({ contentDir: article.write(body), includeDrafts: true });
    const at = (i: number) => article.head.length + i + 1;
    expect(r.problems.map((p) => [p.line, p.message, p.hint])).toEqual([
      [at(0), `<Rank figure="contributors" category="gpu-kernels" lowst>: <Rank> has no prop 'lowst'`, expect.stringContaining('<Rank> takes figure, quarter, format, bare, category, repo, rank, top, lowest')],
      [at(2), `<Compare figure="contributors" category="llm-servng" op=">" other="gpu-kernels">: unknown category 'llm-servng' in the 2024-q3 data`, expect.stringMatching(/^did you mean 'llm-serving'\?/)],
      [
        at(4),
        '<Rank figure="contributors_qoq" category="llm-serving">: cannot check that llm-serving is #1 of the categories by contributors_qoq: 1 category has no contributors_qoq to compare: edge-ml (new this quarter)',
        'leave it out with except={["edge-ml"]}, or add comparable to compare only those with a value; and say so in the sentence',
      ],
    ]);
    expect(formatClaims(r.claims)).toMatch(/^\? \S+2024-q3\.mdx:\d+ {2}<Rank> llm-serving is #1 of the categories by contributors_qoq: cannot be checked$/);
  });
});

describe('done when: one changed figure fails the check and the build with file and line', () => {
  let content: string;

  beforeAll(async () => {
    // A fresh fixture folder (the build caches each folder's query results), in which
    // llm-serving had 400 contributors in 2024-q3 instead of 260: more than training frameworks.
    const root = await usePublishedFixture();
    await rewriteParquet(join(root, '2024-q3', 'scope_quarters.parquet'), [
      "UPDATE t SET contributors = 400 WHERE scope_type = 'category' AND scope_id = 'llm-serving' AND quarter = '2024-q3'",
    ]);
    content = article.write(BODY);
  });

  it('npm run check: the claim, what the data says and a hint, at the claim\'s line', async () => {
    const r = await checkContent({ contentDir: content, includeDrafts: true });
    expect(r.problems).toHaveLength(1);
    const p = r.problems[0]!;
    expect(p.file).toMatch(/content\/reports\/2024-q3\.mdx$/);
    expect(p.line).toBe(lineOf('the largest category'));
    expect(p.message).toBe(
      '<Rank figure="contributors" category="training-frameworks">: claims training-frameworks is #1 of 5 categories by contributors, but training-frameworks 352: rank 2 of 5; llm-serving 400 is ahead',
    );
    expect(p.hint).toBe('write the rank the data gives (rank={2}) with words to match, or drop the claim');
    expect(formatClaims(r.claims).split('\n')[0]).toMatch(new RegExp(`^\u2717 \\S+2024-q3\\.mdx:${p.line} {2}<Rank> training-frameworks is #1 of 5 categories by contributors: false$`));
  });

  it('the build stops with the same file and line', async () => {
    const error = await buildError(content);
    expect(error).toMatch(/^content checks failed:\n\n/);
    expect(error).toContain(
      `content/reports/2024-q3.mdx:${lineOf('the largest category')}  <Rank figure="contributors" category="training-frameworks">: claims training-frameworks is #1 of 5 categories by contributors, but training-frameworks 352: rank 2 of 5; llm-serving 400 is ahead\n    hint: write the rank the data gives (rank={2})`,
    );
  });
});
