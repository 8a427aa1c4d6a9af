// The artefact guard through the editor check, on the published fixture: a quoted change
// that one repository (or a release drop) mostly explains gets a warning with file,
// line, figure and explanation, unless the paragraph names that repository; a stated
// explanation is read back against the data; warnings never fail the check or a build.
//
// Fixture (tests/helpers/published-fixture-data.ts), 2024-q2 → 2024-q3 commits:
//   llm-serving  1 600 → 2 080: vllm-project/vllm 960 → 1 248 (+288 of +480, 60%)
//   gpu-kernels    420 →   480: triton-lang/triton 252 → 288 (+36 of +60, 60%), here
//                               given a commit_sizes file in which it leaves release drops
// contributors (change_people):
//   llm-serving    200 →   260: 110 → 143 people serving has only through vllm (+33, 55%)
// overlap, here rewritten above the small-cell limit:
//   gpu-kernels ∩ llm-serving 4 → 9: through triton 3 → 6 (+3, 60%), through vllm 3 → 4;
//                               cutlass and sglang hold 0 to 2 each side (unpublished)
//   llm-serving ∩ training    1 → 0 (the fixture's p10): one person, every cell unpublished
import { join } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { beforeAll, describe, expect, it } from 'vitest';
import { checkContent, formatProblems } from '../../../src/node/content-checks/check-content.ts';
import { buildStart, useArticleFixture } from '../../helpers/article-fixture.ts';
import { usePublishedFixture } from '../../helpers/published-fixture.ts';
import { rewriteParquet } from '../../helpers/rewrite-parquet.ts';

const article = useArticleFixture('ds-guard-', ['Metric']);

/** triton: 252 commits of 252 000 lines (one of 200 000) → 288 commits of 28 800 lines. */
async function writeCommitSizes(folder: string): Promise<void> {
  const instance = await DuckDBInstance.create(':memory:');
  const conn = await instance.connect();
  const rows = [
    ['triton-lang/triton', '2024-q2', 252, 252_000, 200_000],
    ['triton-lang/triton', '2024-q3', 288, 28_800, 400],
    ['NVIDIA/cutlass', '2024-q2', 168, 16_800, 300],
    ['NVIDIA/cutlass', '2024-q3', 192, 19_200, 300],
  ] as const;
  const values = rows.map(([repo, q, commits, lines, largest]) => `('${repo}', 'gpu-kernels', '${q}', ${commits}, ${lines}::BIGINT, ${largest}::BIGINT, ${largest / lines})`).join(', ');
  await conn.run(
    `COPY (SELECT * FROM (VALUES ${values}) t(repo, category_id, quarter, commits, lines, largest_commit_lines, largest_commit_share)) TO '${join(folder, 'commit_sizes.parquet')}' (FORMAT parquet)`,
  );
  conn.closeSync();
  instance.closeSync();
}

/** The fixture's overlaps are one or two people, all under the small-cell limit: a crowd whose parts are published. */
async function widenOverlap(folder: string): Promise<void> {
  await rewriteParquet(join(folder, 'category_overlap.parquet'), [
    "UPDATE t SET people = 9 WHERE quarter = '2024-q3' AND category_a = 'gpu-kernels' AND category_b = 'llm-serving'",
    "INSERT INTO t VALUES ('2024-q2', 'gpu-kernels', 'llm-serving', 4, 1000)",
  ]);
  await rewriteParquet(join(folder, 'change_people.parquet'), [
    "INSERT INTO t VALUES ('2024-q3', 'category', 'gpu-kernels', 'llm-serving', 'triton-lang/triton', 6, 3, 100000), ('2024-q3', 'category', 'llm-serving', 'gpu-kernels', 'vllm-project/vllm', 4, 3, 100001)",
  ]);
}

beforeAll(async () => {
  const root = await usePublishedFixture();
  await writeCommitSizes(join(root, '2024-q3'));
  await widenOverlap(join(root, '2024-q3'));
});

const lineOf = article.lineOf;

describe('the artefact guard in the editor check', () => {
  const body = [
    'Serving commits rose <Metric figure="commits" category="llm-serving" delta="change" /> on the quarter,',
    'and serving had <Metric figure="commits" category="llm-serving" /> commits in all.',
    '',
    '- Kernels: commits <Metric figure="commits_qoq" category="gpu-kernels" />.',
    '- Kernels again: <Metric figure="commits_qoq" category="gpu-kernels" />, most of it Triton leaving release drops.',
    '- Serving: <Metric figure="commits_qoq" category="llm-serving" />. 70% of this rise is one repository: `vllm-project/vllm`.',
    '- <Metric figure="overlap" category="gpu-kernels" other="llm-serving" /> people were in both, against',
    '  <Metric figure="overlap" category="gpu-kernels" other="llm-serving" quarter="2024-q2" /> a quarter before.',
    '- Serving people: <Metric figure="contributors_qoq" category="llm-serving" />.',
    '- Serving and training shared <Metric figure="overlap" category="llm-serving" other="training-frameworks" /> people,',
    '  against <Metric figure="overlap" category="llm-serving" other="training-frameworks" quarter="2024-q2" />.',
    '- The partial quarter is never compared: <Metric figure="commits_qoq" category="llm-serving" quarter="2024-q4" />.',
    '- Triton alone: <Metric figure="commits" repo="triton-lang/triton" delta="change" />.',
    '- Triton again: <Metric figure="commits" repo="triton-lang/triton" delta="change" />, now in per-change commits.',
  ];
  let result: Awaited<ReturnType<typeof checkContent>>;
  let content: string;

  beforeAll(async () => {
    content = article.write(body);
    result = await checkContent({ contentDir: content, includeDrafts: true });
  });

  it('warns, never errs: the figures themselves are right', () => {
    expect(result.problems, formatProblems(result.problems)).toEqual([]);
    expect(result.warnings.every((w) => w.severity === 'warning')).toBe(true);
  });

  it('names file, line, figure and the largest explanation of each unexplained change', () => {
    const at = (needle: string) => result.warnings.filter((w) => w.line === lineOf(body, needle)).map((w) => w.message);
    expect(at('delta="change"')).toEqual(['<Metric figure="commits" category="llm-serving" delta="change">: 60% of this rise is one repository, vllm-project/vllm (960 \u2192 1\u202F248 commits)']);
    expect(at('Kernels: commits')).toEqual([
      '<Metric figure="commits_qoq" category="gpu-kernels">: 60% of this rise is one repository, triton-lang/triton (252 \u2192 288 commits), whose commits jumped while lines per commit collapsed (1\u202F000 \u2192 100 lines; one commit carried 79% of the lines in Q2 2024): release drops became per-change commits',
    ]);
    // triton's +3 is known; vllm's +1 is known; cutlass and sglang (0 to 2 each side) cannot reach 3.
    expect(at('people were in both')).toEqual(['<Metric figure="overlap" category="gpu-kernels" other="llm-serving">: 60% of this rise is one repository, triton-lang/triton (the share counts people in both categories only through it)']);
    expect(at('Serving people')).toEqual([
      '<Metric figure="contributors_qoq" category="llm-serving">: 55% of this rise is one repository, vllm-project/vllm (130 \u2192 169 contributors; the share counts people active in it and nowhere else in the category)',
    ]);
    // A repository's own change: most of it is the switch (288 commits had they followed the lines would be 29).
    expect(at('Triton alone')).toEqual([
      '<Metric figure="commits" repo="triton-lang/triton" delta="change">: 100% of this rise is a change in how triton-lang/triton commits: its commits jumped while lines per commit collapsed (1\u202F000 \u2192 100 lines; one commit carried 79% of the lines in Q2 2024): release drops became per-change commits',
    ]);
    const first = result.warnings.find((w) => w.line === lineOf(body, 'delta="change"'))!;
    expect(first.file).toMatch(/reports\/2024-q3\.mdx$/);
    expect(first.hint).toContain('name vllm-project/vllm');
    expect(formatProblems(result.warnings)).toMatch(/2024-q3\.mdx:13 {2}warning: <Metric figure="commits" category="llm-serving" delta="change">: 60% of this rise/);
    expect(formatProblems(result.warnings)).toMatch(/\n\n6 warnings in 1 file$/);
  });

  it('stays quiet where the paragraph names the repository (or, for its own change, how it commits), and on levels and partial quarters', () => {
    for (const needle of ['Kernels again', 'commits in all', 'partial quarter', 'Triton again']) {
      expect(result.warnings.filter((w) => w.line === lineOf(body, needle))).toEqual([]);
    }
  });

  it('names no repository where a cell under the small-cell limit could be the largest part', () => {
    // One person left the serving ∩ training overlap; which repository held them is not published.
    expect(result.warnings.filter((w) => w.line === lineOf(body, 'Serving and training'))).toEqual([]);
  });

  it('reads a stated explanation back: 70% is not what the data says', () => {
    const w = result.warnings.filter((x) => x.line === lineOf(body, '70% of this rise'));
    expect(w.map((x) => x.message)).toEqual(['the article says 70% of this rise is vllm-project/vllm, but the data says 60% of it is vllm-project/vllm']);
  });

  it('the build logs the warnings and goes on', async () => {
    const warned: string[] = [];
    await expect(buildStart(content, (m) => warned.push(m))).resolves.toBeUndefined();
    expect(warned.join('\n')).toMatch(/content checks warn:\n\n.*2024-q3\.mdx:13 {2}warning: /);
  });
});
