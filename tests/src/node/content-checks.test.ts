// The editor check (npm run check, and the build): each kind of problem fails with the
// file, the line and a hint. Articles are written to a temp content folder and checked
// against the published fixture (2024-q3 complete, 2024-q4 partial).
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkContent, formatProblems, type Problem } from '../../../src/node/content-checks/check-content.ts';
import { contentChecks } from '../../../src/node/content-checks-integration.ts';
import { usePublishedFixture } from '../../helpers/published-fixture.ts';

const ROOT = resolve(import.meta.dirname, '../../..');
let dir: string;

beforeAll(async () => {
  await usePublishedFixture();
  dir = mkdtempSync(join(tmpdir(), 'ds-checks-'));
  // Articles import '../../src/components/…': the temp folder gets a src next to content/.
  symlinkSync(join(ROOT, 'src'), join(dir, 'src'));
});

afterAll(() => rmSync(dir, { recursive: true, force: true }));

const FRONTMATTER = {
  title: '"Q3 2024"',
  quarter: '"2024-q3"',
  published: '2024-10-06',
  author: '{ name: "Editors", role: "Editor" }',
  summary: '"What moved."',
  status: '"published"',
  dataVersion: '"2024-10-06"',
};

const IMPORTS = ['Metric', 'TopProjects', 'CategoryTrend', 'HeadlineStats', 'Predictions']
  .map((c) => `import ${c} from '../../src/components/${c}.astro';`)
  .join('\n');

/** A content folder holding one article (file name, frontmatter overrides, body) and predictions files. */
async function check(article: { name?: string; fm?: Partial<Record<keyof typeof FRONTMATTER, string>>; body: string }, predictions: Record<string, string> = {}) {
  const content = mkdtempSync(join(dir, 'content-'));
  // ../../src from content-x/reports must reach dir/src: nest one level deeper.
  const root = join(content, 'content');
  mkdirSync(join(root, 'reports'), { recursive: true });
  mkdirSync(join(root, 'predictions'), { recursive: true });
  symlinkSync(join(ROOT, 'src'), join(content, 'src'));
  const fm = { ...FRONTMATTER, ...article.fm };
  const text = `---\n${Object.entries(fm).map(([k, v]) => `${k}: ${v}`).join('\n')}\n---\n\n${IMPORTS}\n\n${article.body}\n`;
  writeFileSync(join(root, 'reports', article.name ?? '2024-q3.mdx'), text);
  for (const [name, yaml] of Object.entries(predictions)) writeFileSync(join(root, 'predictions', name), yaml);
  return checkContent({ contentDir: root, includeDrafts: true });
}

/** Line of the body's first line in the file: frontmatter (9 lines), blank, 5 imports, blank. */
const BODY = 17;
const only = (problems: Problem[]) => {
  expect(problems, formatProblems(problems)).toHaveLength(1);
  return problems[0]!;
};

describe('content checks', () => {
  it('a correct article passes', async () => {
    const r = await check({
      body: [
        'Serving had <Metric figure="contributors" category="llm-serving" /> contributors,',
        'and <Metric figure="contributors" quarter="2024-q2" /> a quarter before.',
        '',
        '<TopProjects category="gpu-kernels" />',
        '',
        '<CategoryTrend categories={["gpu-kernels", "llm-serving"]} />',
      ].join('\n'),
    });
    expect(r.problems, formatProblems(r.problems)).toEqual([]);
    expect(r.articles).toEqual([{ quarter: '2024-q3', status: 'published', checked: true }]);
  });

  it('frontmatter schema: the field, its line and how to write it', async () => {
    const p = only((await check({ fm: { status: '"final"' }, body: 'x' })).problems);
    expect(p.file).toMatch(/reports\/2024-q3\.mdx$/);
    expect(p.line).toBe(7);
    expect(p.message).toBe('frontmatter status: Invalid option: expected one of "draft"|"published"');
    expect(p.hint).toContain('status: "draft"');
  });

  it('an article whose quarter has no published data', async () => {
    const p = only((await check({ name: '2025-q1.mdx', fm: { quarter: '"2025-q1"' }, body: 'x' })).problems);
    expect(p.line).toBe(3);
    expect(p.message).toBe('no published data for 2025-q1 (published: 2024-q3, 2024-q4)');
    expect(p.hint).toContain('npm run publish-data -- 2025-q1');
  });

  it('an article paired with another version of the data', async () => {
    const p = only((await check({ fm: { dataVersion: '"2024-10-01"' }, body: 'x' })).problems);
    expect(p.line).toBe(8);
    expect(p.message).toBe('dataVersion "2024-10-01" is not the published data of 2024-q3');
    expect(p.hint).toContain('dataVersion: "2024-10-06"');
  });

  it('a component naming a quarter without published data', async () => {
    const p = only((await check({ body: 'Text.\n\n<TopProjects quarter="2023-q1" />' })).problems);
    expect(p.line).toBe(BODY + 2);
    expect(p.message).toBe('<TopProjects quarter="2023-q1">: no published data for 2023-q1 (published: 2024-q3, 2024-q4)');
    expect(p.hint).toContain('npm run publish-data -- 2023-q1');
  });

  it('an unknown category, with the nearest one', async () => {
    const p = only((await check({ body: 'People: <Metric figure="contributors" category="llm-servng" />' })).problems);
    expect(p.line).toBe(BODY);
    expect(p.message).toBe(`<Metric figure="contributors" category="llm-servng">: unknown category 'llm-servng' in the 2024-q3 data`);
    expect(p.hint).toMatch(/^did you mean 'llm-serving'\? categories: gpu-kernels, /);
  });

  it('an unknown category in a list', async () => {
    const p = only((await check({ body: '<CategoryTrend categories="gpu-kernels, edge" />' })).problems);
    expect(p.message).toBe(`<CategoryTrend categories="gpu-kernels, edge">: unknown category 'edge' in the 2024-q3 data`);
    expect(p.hint).toMatch(/did you mean 'edge-ml'/);
  });

  it('skeleton text left in a published article, at its line; a draft may keep it', async () => {
    const body = '## The Signal\n\n_The one finding of the quarter, in two or three sentences, with the figures that prove it._';
    const p = only((await check({ body })).problems);
    expect(p.line).toBe(BODY + 2);
    expect(p.message).toMatch(/^skeleton text left in a published article: "The one finding of the quarter/);
    expect((await check({ body, fm: { status: '"draft"' } })).problems).toEqual([]);
  });

  it('an unknown project', async () => {
    const p = only((await check({ body: 'x <Metric figure="commits" repo="vllm-project/vlm" /> y' })).problems);
    expect(p.message).toBe(`<Metric figure="commits" repo="vllm-project/vlm">: unknown project 'vllm-project/vlm' in the 2024-q3 data (not a tracked repository)`);
    expect(p.hint).toMatch(/did you mean 'vllm-project\/vllm'/);
  });

  it('a <Metric> without a figure, or with one that does not exist', async () => {
    const r = await check({
      body: ['a <Metric category="gpu-kernels" />', '', 'b <Metric figure="contributer" />', '', 'c <Metric figure="company_share" org="Nobody" />'].join('\n'),
    });
    const [none, typo, missing] = r.problems;
    expect(r.problems).toHaveLength(3);
    expect([none!.line, typo!.line, missing!.line]).toEqual([BODY, BODY + 2, BODY + 4]);
    expect(none!.message).toBe('<Metric category="gpu-kernels">: no figure');
    expect(none!.hint).toContain('<Metric figure="contributors"');
    expect(typo!.message).toBe(`<Metric figure="contributer">: no figure 'contributer'`);
    expect(typo!.hint).toMatch(/^did you mean 'contributors'/);
    expect(missing!.message).toMatch(/^<Metric figure="company_share" org="Nobody">: no figure 'company_share' for organization 'Nobody'/);
  });

  it('a <Metric> between two categories: unknown, missing or repeated categories', async () => {
    const r = await check({
      body: [
        'a <Metric figure="overlap" category="gpu-kernels" other="llm-servng" />',
        '',
        'b <Metric figure="migration" from="gpu-kernels" />',
        '',
        'c <Metric figure="net_migration" from="edge-ml" to="edge-ml" />',
        '',
        'd <Metric figure="overlap" category="llm-serving" other="gpu-kernels" /> and <Metric figure="net_migration" from="gpu-kernels" to="llm-serving" /> are fine.',
      ].join('\n'),
    });
    const [unknown, missing, same] = r.problems;
    expect(r.problems, formatProblems(r.problems)).toHaveLength(3);
    expect([unknown!.line, missing!.line, same!.line]).toEqual([BODY, BODY + 2, BODY + 4]);
    expect(unknown!.message).toBe(`<Metric figure="overlap" category="gpu-kernels" other="llm-servng">: unknown category 'llm-servng' in the 2024-q3 data`);
    expect(unknown!.hint).toMatch(/^did you mean 'llm-serving'\?/);
    expect(missing!.message).toBe(`<Metric figure="migration" from="gpu-kernels">: figure 'migration' needs two categories: to="…" is missing`);
    expect(missing!.hint).toBe('write it like <Metric figure="migration" from="gpu-kernels" to="llm-serving" />');
    expect(same!.message).toBe(`<Metric figure="net_migration" from="edge-ml" to="edge-ml">: figure 'net_migration' needs two different categories, not 'edge-ml' twice`);
    expect(same!.hint).toBe('write it like <Metric figure="net_migration" from="gpu-kernels" to="llm-serving" />');
    expect(formatProblems(r.problems)).toMatch(/2024-q3\.mdx:19 {2}<Metric figure="migration" from="gpu-kernels">: .*\n {4}hint: write it like /);
  });

  it('a component used without its import', async () => {
    const p = only((await check({ body: '<SnapshotTable />' })).problems);
    expect(p.message).toBe('<SnapshotTable>: <SnapshotTable> is used but not imported');
    expect(p.hint).toContain("import SnapshotTable from '../../src/components/SnapshotTable.astro';");
  });

  it('MDX that does not compile, at its line', async () => {
    const p = only((await check({ body: 'Fine.\n\nBroken <Metric figure="commits" </p>' })).problems);
    expect(p.line).toBe(BODY + 2);
    expect(p.message).toMatch(/^MDX does not compile: /);
  });

  it('every problem at once, in file and line order', async () => {
    const r = await check({ fm: { dataVersion: '"2024-10-01"' }, body: 'x <Metric />' });
    expect(formatProblems(r.problems)).toMatch(/2024-q3\.mdx:8 {2}dataVersion .*\n {4}hint: .*\n.*2024-q3\.mdx:17 {2}<Metric>: no figure\n {4}hint: .*\n\n2 problems in 1 file$/);
  });

  it('drafts: frontmatter only, unless drafts are included', async () => {
    const content = await check({ fm: { status: '"draft"' }, body: 'See <Metric />' });
    expect(content.problems).toHaveLength(1);
    // A figure alone on its line is refused in drafts too: it would break the sentence.
    const lone = await check({ fm: { status: '"draft"' }, body: '<Metric />' });
    expect(lone.problems.map((p) => p.message)).toContain('<Metric> stands alone on its line, so MDX makes it a block and breaks the sentence there');
  });

  it('predictions files: schema and a metric the data knows; one due no later than made is retrospective (a warning)', async () => {
    const r = await check(
      { body: 'x\n\n<Predictions />' },
      {
        '2024-q3.yaml': [
          'predictions:',
          '  - id: early',
          '    due: 2024-q2',
          '    statement: s',
          '  - id: half',
          '    due: 2025-q1',
          '    statement: s',
          '    metric: { figure: contributors }',
          '  - id: unknown-category',
          '    due: 2025-q1',
          '    statement: s',
          '    metric: { figure: contributors, category: nope }',
          "    threshold: { op: '>', value: 3 }",
          '  - id: name-not-number',
          '    due: 2025-q1',
          '    statement: s',
          '    metric: { figure: top_repo }',
          "    threshold: { op: '>', value: 3 }",
        ].join('\n'),
      },
    );
    const lines = r.problems.map((p) => [p.line, p.message]);
    expect(lines).toEqual([
      [5, 'prediction 2: metric and threshold go together: give both (scored from the data) or neither (scored by the editor with outcome)'],
      [12, expect.stringMatching(/^prediction 'unknown-category': no figure 'contributors' for category 'nope'/)],
      [17, "prediction 'name-not-number': 'top_repo' is a name, not a number"],
    ]);
    expect(r.warnings.map((p) => [p.line, p.severity, p.message])).toEqual([
      [3, 'warning', "prediction 'early' (due 2024-q2) was made in Q3 2024, after Q2 2024, the quarter it is about: it is shown as retrospective and not counted in the track record"],
    ]);
  });

  it('a prediction written once its due quarter was over: its article came out after, or it was added after', async () => {
    const yaml = (extra: string[] = []) =>
      [
        'predictions:',
        '  - id: next',
        '    due: 2024-q4',
        '    statement: s',
        "    metric: { figure: contributors, category: llm-serving }",
        "    threshold: { op: '>', value: 3 }",
        ...extra,
      ].join('\n');
    // Published 6 October 2024, during Q4 2024: a prediction.
    const onTime = await check({ body: 'x' }, { '2024-q3.yaml': yaml() });
    expect(onTime.problems, formatProblems(onTime.problems)).toEqual([]);
    expect(onTime.warnings).toEqual([]);
    // The article came out once Q4 2024 was over.
    const late = await check({ body: 'x', fm: { published: '2025-01-01' } }, { '2024-q3.yaml': yaml() });
    expect(late.warnings.map((w) => w.message)).toEqual([
      "prediction 'next' (due 2024-q4) was written on 1 January 2025, after Q4 2024 had ended: it is shown as retrospective and not counted in the track record",
    ]);
    // Added to the file later than the article: its own date counts; an earlier one cannot backdate it.
    const added = await check({ body: 'x' }, { '2024-q3.yaml': yaml(['    added: 2025-02-10']) });
    expect(added.warnings.map((w) => w.message)).toEqual([expect.stringContaining('was written on 10 February 2025, after Q4 2024 had ended')]);
    const backdated = await check({ body: 'x', fm: { published: '2025-01-01' } }, { '2024-q3.yaml': yaml(['    added: 2024-10-01']) });
    expect(backdated.warnings.map((w) => w.message)).toEqual([expect.stringContaining('was written on 1 January 2025')]);
  });

  it('a <Predictions> without a predictions file', async () => {
    const p = only((await check({ body: 'x\n\n<Predictions />' })).problems);
    expect(p.message).toBe('<Predictions>: no predictions for 2024-q3');
    expect(p.hint).toContain('content/predictions/2024-q3.yaml');
  });
});

describe('the build runs the same checks', () => {
  const hook = (contentDir: string) => contentChecks({ contentDir }).hooks['astro:build:start']!;
  const logger = { info: () => {}, warn: () => {}, error: () => {}, debug: () => {} };

  it('and stops with every problem listed', async () => {
    const content = mkdtempSync(join(dir, 'build-'));
    mkdirSync(join(content, 'reports'));
    writeFileSync(join(content, 'reports', '2024-q3.mdx'), `---\ntitle: "t"\nquarter: "2024-q3"\n---\n\nx\n`);
    const run = hook(content) as (o: unknown) => Promise<void>;
    await expect(run({ logger, setPrerenderer: () => {} })).rejects.toThrow(/content checks failed:\n\n.*2024-q3\.mdx:\d+ {2}frontmatter published: [\s\S]*npm run check/);
  });
});
