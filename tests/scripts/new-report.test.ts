// npm run new-report: a draft for a published quarter (that passes the editor check), a
// refusal naming the commands to run for a quarter that is not published.
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newReport } from '../../scripts/new-report/draft.ts';
import { checkContent, formatProblems } from '../../src/node/content-checks/check-content.ts';
import { checkPlaceholders } from '../../src/node/content-checks/placeholders.ts';
import { usePublishedFixture } from '../helpers/published-fixture.ts';
import { typedFigures } from '../helpers/typed-figures.ts';

const ROOT = resolve(import.meta.dirname, '../..');
let published: string;
let dir: string;
let content: string;

beforeAll(async () => {
  published = await usePublishedFixture();
  dir = mkdtempSync(join(tmpdir(), 'ds-new-report-'));
  content = join(dir, 'content');
  // Articles import '../../src/components/…' from content/reports/.
  symlinkSync(join(ROOT, 'src'), join(dir, 'src'));
  mkdirSync(join(content, 'predictions'), { recursive: true });
  writeFileSync(join(content, 'predictions', '2024-q1.yaml'), 'predictions: []\n');
});

afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('new-report on a published quarter', () => {
  let mdx: string;
  let findings: Awaited<ReturnType<typeof newReport>>['findings'];

  beforeAll(async () => {
    const r = await newReport({ quarter: '2024-q3', publishedDir: published, contentDir: content, today: '2024-10-20' });
    findings = r.findings;
    mdx = readFileSync(r.article, 'utf8');
    expect(r.article).toBe(join(content, 'reports', '2024-q3.mdx'));
    expect(r.predictions).toBe(join(content, 'predictions', '2024-q3.yaml'));
  });

  it('writes frontmatter for a draft paired with the published data', () => {
    expect(mdx).toMatch(/^---\ntitle: "Deep Signal, Q3 2024: working title"\nquarter: "2024-q3"\npublished: 2024-10-20\n[\s\S]*status: "draft"\ndataVersion: "2024-10-06"\n---\n/);
  });

  it('has the quarterly’s sections with the standard components in place', () => {
    const headings = [...mdx.matchAll(/^## (.+)$/gm)].map((m) => m[1]);
    expect(headings).toEqual([
      'The Signal',
      'Quarter-over-quarter snapshot',
      'Top projects',
      'What is moving',
      'Quiet corners',
      'Where talent is moving',
      "What this means if you're hiring",
      'Predictions',
      'Outlook',
    ]);
    for (const c of ['<HeadlineStats />', '<SnapshotTable />', '<TopProjects />', '<CategoryTrend metric="contributors" />', '<TalentChord />', '<TalentChord mode="migration" />', '<Predictions />']) {
      expect(mdx).toContain(c);
    }
    const section = (heading: string) => mdx.slice(mdx.indexOf(`## ${heading}`)).split(/\n## /)[0]!;
    // The article opens by scoring the last report's predictions.
    expect(section('The Signal')).toMatch(/^## The Signal\n\n_Open with the scorecard: how the predictions made in Q1 2024 did, [^\n]*_\n\n<PredictionReview quarter="2024-q1" \/>\n/);
    expect(section('Predictions')).not.toContain('PredictionReview');
    // The data decide these: the fixture's pools, and a project new in Q3 2024.
    expect(section('Where talent is moving')).toContain('<TalentPools />');
    expect(section('Top projects')).toContain('<NewProjects />');
    for (const c of ['TalentPools', 'NewProjects', 'PredictionReview']) expect(mdx).toContain(`import ${c} from '../../src/components/${c}.astro';`);
    // No work-mix shift in the fixture: no <WorkMix>, and no import of it.
    expect(mdx).not.toContain('WorkMix');
    expect(section("What this means if you're hiring")).toContain('_Built from the figures: which pools are scarce, where churn frees people');
    expect(section('Outlook')).toMatch(/^## Outlook\n\n_A closing paragraph/);
  });

  it('drafts findings of every kind the data supports, each a sentence of <Metric>s with no typed figure', () => {
    expect(new Set(findings.map((f) => f.kind))).toEqual(
      new Set([
        'headline',
        'agent-share',
        'mover',
        'new-projects',
        'new-project',
        'core-team',
        'newcomers',
        'churn',
        'retention',
        'concentration',
        'overlap',
        'migration',
        'talent-pool',
        'breadth',
        'hiring-pool',
        'hiring-churn',
        'hiring-company',
        'hiring-newcomers',
      ]),
    );
    for (const f of findings) {
      expect(f.text).toMatch(/<Metric figure="/);
      expect(f.text).toMatch(/[.)]$/);
      expect(typedFigures(f.text), f.text).toEqual([]);
      expect(mdx).toContain(`- ${f.text} {/* ${f.why} */}`);
    }
    const movers = findings.filter((f) => f.kind === 'mover').map((f) => f.text);
    // A category of the fixture has no QoQ, so no place among every category is decidable
    // (<Rank> could not check one): the movers state their changes without a comparative.
    expect(movers[0]).toMatch(/^LLM Serving & Inference gained contributors: <Metric figure="contributors" category="llm-serving" \/>/);
    expect(movers[1]).toMatch(/^GPU Kernels & Performance gained contributors: /);
    expect(movers[2]).toMatch(/^ML Compilers & Graph Optimization lost contributors: /);
    for (const m of movers) expect(m.replace(/<Rank\b[^>]*>[^<]*<\/Rank>/g, ''), m).not.toMatch(/fastest|largest|steepest|\bmost\b/);
    expect(findings.find((f) => f.kind === 'new-project')!.text).toMatch(/^`google-ai-edge\/litert` \(Edge & On-Device ML\) is new to the tracked set/);
  });

  it('says when one repository is most of a quoted change, and what it weighed when none is', () => {
    // llm-serving commits 1 600 → 2 080; vllm-project/vllm 960 → 1 248.
    const swing = findings.find((f) => f.kind === 'mover' && f.text.startsWith('LLM Serving & Inference had a rise in commits'))!;
    expect(swing.text).toMatch(
      /to <Metric figure="commits" category="llm-serving" \/> commits\. 60% of this rise is one repository: `vllm-project\/vllm` \(from <Metric figure="commits" repo="vllm-project\/vllm" quarter="2024-q2" \/> to <Metric figure="commits" repo="vllm-project\/vllm" \/> commits\)\.$/,
    );
    // The whole set's commits (4 631 → 5 297): vllm is 288 of the 666, under half, so only the editor's
    // comment says so; its contributors (604 → 689): vllm has 99 → 129 people no other repository has, 30 of 85.
    const headline = findings.find((f) => f.kind === 'headline')!;
    expect(headline.text).not.toMatch(/of the rise/);
    expect(headline.why).toBe(
      'the quarter in one sentence; largest single repository behind the rise in commits: vllm-project/vllm, 43%; largest single repository behind the rise in contributors: vllm-project/vllm, 35%',
    );
    // Serving's contributors (200 → 260) from change_people: 33 of the 60 are people serving has only through vllm.
    const serving = findings.find((f) => f.kind === 'mover' && f.text.startsWith('LLM Serving & Inference gained contributors'))!;
    expect(serving.text).toMatch(
      /on Q2 2024\. 55% of this rise is one repository: `vllm-project\/vllm` \(from <Metric figure="contributors" repo="vllm-project\/vllm" quarter="2024-q2" \/> to <Metric figure="contributors" repo="vllm-project\/vllm" \/> contributors; the share counts people active in it and nowhere else in the category\)\.$/,
    );
    // Overlaps of one or two people: every repository's cell is under 3, unpublished, so no repository is named.
    for (const overlap of findings.filter((f) => f.kind === 'overlap')) {
      expect(overlap.text).not.toMatch(/of this (rise|fall)/);
      expect(overlap.why).not.toMatch(/largest single repository/);
    }
  });

  it('passes the editor check: every drafted <Metric> resolves, and the guard has nothing to add', async () => {
    const r = await checkContent({ contentDir: content, includeDrafts: true });
    expect(r.problems, formatProblems(r.problems)).toEqual([]);
    expect(r.warnings, formatProblems(r.warnings)).toEqual([]);
  });

  it('a draft published as it stands is refused at every prompt, the new sections’ included', () => {
    const refused = checkPlaceholders('x.mdx', mdx.replace('status: "draft"', 'status: "published"')).map((p) => mdx.split('\n')[p.line! - 1]!);
    for (const start of ['_Open with the scorecard', '_Built from the figures', '_A closing paragraph', '_Predictions for the next quarters', '_The one finding']) {
      expect(refused.some((l) => l.startsWith(start)), start).toBe(true);
    }
  });

  it('never overwrites an article without --force', async () => {
    await expect(newReport({ quarter: '2024-q3', publishedDir: published, contentDir: content })).rejects.toThrow(/already exists: edit it, or run again with --force/);
  });
});

describe('new-report on a folder published before change_people', () => {
  it('drafts, explains commits, and splits no people (a withdrawn person-level table left behind is not read)', async () => {
    const root = join(dir, 'older');
    cpSync(join(published, '2024-q3'), join(root, '2024-q3'), { recursive: true });
    rmSync(join(root, '2024-q3', 'change_people.parquet'));
    // The old activity table's shape, with rows that would name vllm as most of serving's new people if read.
    const db = await DuckDBInstance.create(':memory:');
    const conn = await db.connect();
    await conn.run(
      `COPY (SELECT range::INTEGER AS person, 'vllm-project/vllm' AS repo, 'llm-serving' AS category_id, CASE WHEN range < 200 THEN '2024-q2' ELSE '2024-q3' END AS quarter,
        1.0 AS credit, 1 AS commits, 1 AS weeks FROM range(460)) TO '${join(root, '2024-q3', 'activity.parquet')}' (FORMAT parquet)`,
    );
    conn.closeSync();
    db.closeSync();
    const r = await newReport({ quarter: '2024-q3', publishedDir: root, contentDir: join(dir, 'older-content'), today: '2024-10-20' });
    expect(r.findings.find((f) => f.text.startsWith('LLM Serving & Inference had a rise in commits'))!.text).toMatch(/60% of this rise is one repository: `vllm-project\/vllm`/);
    for (const f of r.findings.filter((x) => x.changes?.some((c) => c.figure === 'contributors' || c.figure === 'overlap'))) {
      expect(f.text, f.text).not.toMatch(/of (this|the) (rise|fall) in contributors|of this (rise|fall) is one repository.*only through it|nowhere else/);
      expect(f.why, f.why).not.toMatch(/repository behind the (rise|fall) in (contributors|overlap)/);
    }
  });
});

describe('new-report on a folder published before the talent tables', () => {
  it('drafts without their findings or components, and the draft still passes the check', async () => {
    const root = join(dir, 'pre-talent');
    cpSync(join(published, '2024-q3'), join(root, '2024-q3'), { recursive: true });
    for (const t of ['talent_pools', 'core_team', 'scope_newcomers', 'new_projects']) rmSync(join(root, '2024-q3', `${t}.parquet`));
    const site = join(dir, 'pre-talent-site');
    mkdirSync(site);
    symlinkSync(join(ROOT, 'src'), join(site, 'src'));
    const r = await newReport({ quarter: '2024-q3', publishedDir: root, contentDir: join(site, 'content'), today: '2024-10-20' });
    const kinds = new Set(r.findings.map((f) => f.kind));
    for (const k of ['talent-pool', 'breadth', 'hiring-pool', 'core-team', 'newcomers', 'new-projects']) expect(kinds, k).not.toContain(k);
    // What scope_quarters and company_share alone can say is still drafted.
    for (const k of ['mover', 'hiring-churn', 'hiring-company', 'hiring-newcomers']) expect(kinds, k).toContain(k);
    const mdx = readFileSync(r.article, 'utf8');
    expect(mdx).not.toMatch(/TalentPools|NewProjects|newcomer_share|talent_pool|core_team/);
    expect(mdx).toContain("## What this means if you're hiring");
    const env = process.env.DEEP_SIGNAL_PUBLISHED_DIR;
    process.env.DEEP_SIGNAL_PUBLISHED_DIR = root;
    try {
      const check = await checkContent({ contentDir: join(site, 'content'), includeDrafts: true });
      expect(check.problems, formatProblems(check.problems)).toEqual([]);
    } finally {
      process.env.DEEP_SIGNAL_PUBLISHED_DIR = env;
    }
  });
});

describe('new-report on a partial quarter', () => {
  it('drafts no comparison with the previous quarter and says why', async () => {
    const r = await newReport({ quarter: '2024-q4', publishedDir: published, contentDir: join(dir, 'partial') });
    const mdx = readFileSync(r.article, 'utf8');
    expect(r.partial).toBe(true);
    expect(mdx).toMatch(/Q4 2024 is a partial quarter: the data runs to 15 November 2024/);
    expect(mdx).not.toMatch(/_qoq|delta="change"|churn_rate/);
  });
});

describe('new-report on a quarter that is not published', () => {
  it('refuses, saying what to run', async () => {
    const out = join(dir, 'unpublished');
    await expect(newReport({ quarter: '2025-q1', publishedDir: published, contentDir: out })).rejects.toThrow(
      /^2025-q1 has no published data yet \(published: 2024-q3, 2024-q4\), so there is nothing to write about\.\nPublish it first:\n {2}npm run ingest -- --from \.\.\/shared\/data\/gitlogs\n {2}npm run publish-data -- 2025-q1\n/,
    );
    expect(existsSync(join(out, 'reports', '2025-q1.mdx'))).toBe(false);
  });

  it('the command exits 1 with that message, and 0 with a summary when it can write', () => {
    const run = (...args: string[]) =>
      spawnSync(process.execPath, [join(ROOT, 'scripts/new-report.ts'), ...args, '--content', join(dir, 'cli')], {
        cwd: ROOT,
        env: { ...process.env, DEEP_SIGNAL_PUBLISHED_DIR: published },
        encoding: 'utf8',
      });
    const refused = run('2025-q1');
    expect(refused.status).toBe(1);
    expect(refused.stderr).toContain('error: 2025-q1 has no published data yet');
    expect(refused.stderr).toContain('npm run publish-data -- 2025-q1');
    const ok = run('2024-q3');
    expect(ok.status, ok.stderr).toBe(0);
    expect(ok.stdout).toMatch(/^wrote .*cli\/reports\/2024-q3\.mdx \(draft\) with \d+ drafted findings: signal \d+, /);
    expect(ok.stdout).toContain('npm run check');
  });
});
