// npm run new-report: a draft for a published quarter (that passes the editor check), a
// refusal naming the commands to run for a quarter that is not published.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newReport } from '../../scripts/lib/new-report/index.ts';
import { checkContent, formatProblems } from '../../src/node/content-checks/index.ts';
import { usePublishedFixture } from '../helpers/published-fixture.ts';

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

/** A finding's prose with its <Metric>s, code spans and quarter labels taken out: no digit may remain. */
const typedFigures = (text: string): string[] =>
  text
    .replace(/<Metric\b[^>]*\/>/g, '')
    .replace(/`[^`]*`/g, '')
    .replace(/\bQ[1-4] \d{4}\b/g, '')
    .match(/\d+/g) ?? [];

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
    expect(headings).toEqual(['The Signal', 'Quarter-over-quarter snapshot', 'Top projects', 'What is moving', 'Quiet corners', 'Where talent is moving', 'Predictions']);
    for (const c of ['<HeadlineStats />', '<SnapshotTable />', '<TopProjects />', '<CategoryTrend metric="contributors" />', '<TalentChord />', '<TalentChord mode="migration" />', '<Predictions />']) {
      expect(mdx).toContain(c);
    }
    expect(mdx).toContain('<PredictionReview quarter="2024-q1" />');
  });

  it('drafts findings of every kind the data supports, each a sentence of <Metric>s with no typed figure', () => {
    expect(new Set(findings.map((f) => f.kind))).toEqual(
      new Set(['headline', 'agent-share', 'mover', 'new-project', 'churn', 'retention', 'concentration', 'overlap', 'migration']),
    );
    for (const f of findings) {
      expect(f.text).toMatch(/<Metric figure="/);
      expect(f.text).toMatch(/[.)]$/);
      expect(typedFigures(f.text), f.text).toEqual([]);
      expect(mdx).toContain(`- ${f.text} {/* ${f.why} */}`);
    }
    const movers = findings.filter((f) => f.kind === 'mover').map((f) => f.text);
    expect(movers[0]).toMatch(/^LLM Serving & Inference gained contributors fastest: <Metric figure="contributors" category="llm-serving" \/>/);
    expect(movers[1]).toMatch(/^GPU Kernels & Performance gained contributors next fastest/);
    expect(movers[2]).toMatch(/^ML Compilers & Graph Optimization lost the most contributors/);
    expect(findings.find((f) => f.kind === 'new-project')!.text).toMatch(/^`google-ai-edge\/litert` \(Edge & On-Device ML\) is new to the tracked set/);
  });

  it('passes the editor check: every drafted <Metric> resolves', async () => {
    const r = await checkContent({ contentDir: content, includeDrafts: true });
    expect(r.problems, formatProblems(r.problems)).toEqual([]);
  });

  it('never overwrites an article without --force', async () => {
    await expect(newReport({ quarter: '2024-q3', publishedDir: published, contentDir: content })).rejects.toThrow(/already exists: edit it, or run again with --force/);
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
