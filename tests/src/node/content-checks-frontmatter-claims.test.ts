// The title's and summary's comparisons: plain text that cannot hold claim components,
// so the frontmatter lists each one under `claims`, decided like a claim in the body.
// A comparative word no claim covers is a problem; a claim the data refutes fails the
// check and the build at its frontmatter line.
//
// Fixture, 2024-q3 contributors: training-frameworks 352, llm-serving 260, gpu-kernels
// 80, ml-compilers 45, edge-ml 12 (new, so no QoQ); QoQ llm-serving +30.0%, gpu-kernels
// +14.3%, training-frameworks +4.1%, ml-compilers −8.2%.
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { checkContent, formatClaims, formatProblems } from '../../../src/node/content-checks/check-content.ts';
import { buildError, useArticleFixture } from '../../helpers/article-fixture.ts';
import { usePublishedFixture } from '../../helpers/published-fixture.ts';
import { rewriteParquet } from '../../helpers/rewrite-parquet.ts';

const article = useArticleFixture('ds-fm-claims-', []);
const BODY = ['Nothing compared here.'];
// The fixture's frontmatter: --- (1), title (2), quarter, published, author, summary (6),
// status, dataVersion (8); the extra lines start at 9.
const SUMMARY_LINE = 6;
const SUMMARY = 'Serving grew fastest of the categories a quarter old, and the largest category is still training frameworks.';
const CLAIMS = [
  'claims:',
  '  - says: "grew fastest of the categories a quarter old"',
  '    Rank: { figure: contributors_qoq, category: llm-serving, except: [edge-ml] }',
  '  - says: "the largest category is still training frameworks"',
  '    Rank: { figure: contributors, category: training-frameworks }',
];

beforeAll(async () => {
  await usePublishedFixture();
});

describe('claims of the title and summary', () => {
  it('each is decided and listed at its frontmatter line', async () => {
    const r = await checkContent({ contentDir: article.write(BODY, { summary: SUMMARY, extra: CLAIMS }), includeDrafts: true });
    expect(r.problems, formatProblems(r.problems)).toEqual([]);
    expect(formatClaims(r.claims).replaceAll(/\S*content\/reports\//g, 'content/reports/')).toBe(
      [
        '\u2713 content/reports/2024-q3.mdx:10  <Rank> llm-serving is #1 of 4 categories other than edge-ml by contributors_qoq',
        '\u2713 content/reports/2024-q3.mdx:12  <Rank> training-frameworks is #1 of 5 categories by contributors',
      ].join('\n'),
    );
  });

  it('a comparative word no claim covers is a problem at the summary line', async () => {
    const r = await checkContent({ contentDir: article.write(BODY, { summary: SUMMARY, extra: CLAIMS.slice(0, 3) }), includeDrafts: true });
    expect(r.problems.map((p) => [p.line, p.message])).toEqual([
      [SUMMARY_LINE, 'the summary compares ("largest" in "…gories a quarter old, and the largest category is still training fr…") with no claim behind it'],
    ]);
  });

  it('a claim must back words the title or summary has', async () => {
    const claims = [...CLAIMS.slice(0, 3), '  - says: "grew fastest of all"', '    Rank: { figure: contributors_qoq, category: llm-serving, except: [edge-ml] }'];
    const r = await checkContent({ contentDir: article.write(BODY, { summary: 'Serving grew fastest of the categories a quarter old.', extra: claims }), includeDrafts: true });
    expect(r.problems.map((p) => [p.line, p.message])).toEqual([[12, 'claims[1] backs "grew fastest of all", which is in neither the title nor the summary']]);
  });
});

describe('done when: one changed figure fails the summary claim in the check and the build', () => {
  let content: string;

  beforeAll(async () => {
    // llm-serving had 400 contributors in 2024-q3 instead of 260: more than training frameworks.
    const root = await usePublishedFixture();
    await rewriteParquet(join(root, '2024-q3', 'scope_quarters.parquet'), [
      "UPDATE t SET contributors = 400 WHERE scope_type = 'category' AND scope_id = 'llm-serving' AND quarter = '2024-q3'",
    ]);
    content = article.write(BODY, { summary: SUMMARY, extra: CLAIMS });
  });

  it('npm run check names the claim and its line', async () => {
    const r = await checkContent({ contentDir: content, includeDrafts: true });
    expect(r.problems.map((p) => [p.line, p.message])).toEqual([
      [12, 'claims[1] ("the largest category is still training frameworks"): claims training-frameworks is #1 of 5 categories by contributors, but training-frameworks 352: rank 2 of 5; llm-serving 400 is ahead'],
    ]);
  });

  it('the build stops with the same file and line', async () => {
    expect(await buildError(content)).toContain('content/reports/2024-q3.mdx:12  claims[1] ("the largest category is still training frameworks"): claims training-frameworks is #1 of 5 categories by contributors, but');
  });
});
