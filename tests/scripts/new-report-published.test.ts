// npm run new-report on the committed data/published/2026-q2 (not the fixture): the draft
// an editor starts the quarterly from has the talent, work-mix, core-team, newcomer and
// hiring findings, every comparison in them a claim the data bears out, and it passes the
// editor check exactly as written.
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newReport } from '../../scripts/new-report/draft.ts';
import { checkContent, formatClaims, formatProblems, type CheckResult } from '../../src/node/content-checks/check-content.ts';
import { typedFigures } from '../helpers/typed-figures.ts';

const ROOT = resolve(import.meta.dirname, '../..');
let dir: string;
let mdx: string;
let findings: Awaited<ReturnType<typeof newReport>>['findings'];
let check: CheckResult;

const section = (heading: string) => mdx.slice(mdx.indexOf(`## ${heading}\n`)).split(/\n## /)[0]!;

beforeAll(async () => {
  // The committed folders, whatever a fixture in another file pointed the data at.
  delete process.env.DEEP_SIGNAL_PUBLISHED_DIR;
  dir = mkdtempSync(join(tmpdir(), 'ds-new-report-published-'));
  const content = join(dir, 'content');
  symlinkSync(join(ROOT, 'src'), join(dir, 'src'));
  mkdirSync(join(content, 'predictions'), { recursive: true });
  // The Q3 2024 predictions, which the draft opens by reviewing (no Q3 2024 article here: scored, not dated).
  cpSync(join(ROOT, 'content', 'predictions', '2024-q3.yaml'), join(content, 'predictions', '2024-q3.yaml'));
  const r = await newReport({ quarter: '2026-q2', publishedDir: join(ROOT, 'data', 'published'), contentDir: content, today: '2026-11-23' });
  findings = r.findings;
  mdx = readFileSync(r.article, 'utf8');
  check = await checkContent({ contentDir: content, includeDrafts: true });
});

afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('new-report on the committed 2026-q2 data', () => {
  it('passes the editor check as written: every figure resolves and every claim holds', () => {
    expect(check.problems, formatProblems(check.problems)).toEqual([]);
    expect(check.warnings, formatProblems(check.warnings)).toEqual([]);
    expect(check.claims.length).toBeGreaterThanOrEqual(12);
    expect(check.claims.filter((c) => c.status !== 'holds'), formatClaims(check.claims)).toEqual([]);
  });

  it('opens with the review of the last predictions, and closes with predictions and an outlook', () => {
    const headings = [...mdx.matchAll(/^## (.+)$/gm)].map((m) => m[1]);
    expect(headings.slice(-4)).toEqual(['Where talent is moving', "What this means if you're hiring", 'Predictions', 'Outlook']);
    expect(section('The Signal')).toMatch(/^## The Signal\n\n_Open with the scorecard: how the predictions made in Q3 2024 did[^\n]*_\n\n<PredictionReview quarter="2024-q3" \/>\n/);
  });

  it('drafts the new figures: pools, work mix, core teams, newcomers and the hiring section', () => {
    const talent = section('Where talent is moving');
    expect(talent).toContain('<Metric figure="talent_pool" category="distributed-training" other="training-frameworks" /> people committed to both');
    expect(talent).toContain('<Metric figure="talent_pool" category="distributed-training" other="training-frameworks" quarter="2025-q2" />');
    expect(talent).toContain('<Compare figure="multi_category_people" op=">" otherQuarter="2025-q2" bare>up from</Compare>');
    expect(talent).toContain('<TalentPools />');
    // Agent frameworks moved furthest from features to fixes on a year before.
    const moving = section('What is moving');
    expect(moving).toContain('In Agent Framework, fixes were <Metric figure="work_share" kind="fix" category="agent-framework" />, <Compare figure="work_share" kind="fix" category="agent-framework" op=">" otherQuarter="2025-q2" bare>up from</Compare>');
    expect(moving).toContain('<WorkMix category="agent-framework" />');
    expect(moving).toMatch(/<Compare figure="newcomer_share" category="agent-framework" op=">" other="hw-sw-codesign" times=\{3\} bare>more than three times the<\/Compare>/);
    const projects = section('Top projects');
    expect(projects).toContain('`vllm-project/vllm-ascend` drew the <Rank figure="contributors" repo="vllm-project/vllm-ascend" bare>most contributors</Rank>');
    expect(projects).toContain('<Metric figure="core_team_50" repo="vllm-project/vllm-ascend" />');
    expect(projects).toContain('<Metric figure="steady_contributors" repo="ROCm/aiter" />');
    // No project entered the tracked set in Q2 2026: nothing for <NewProjects /> to list.
    expect(mdx).not.toContain('NewProjects');
    const hiring = section("What this means if you're hiring");
    expect(hiring).toContain('_Built from the figures: which pools are scarce, where churn frees people, which organisations dominate which categories, where newcomers arrive. Aggregates only');
    expect(hiring).toContain('Full-stack inference (kernels, runtimes and serving): <Metric figure="talent_pool" pool="full-stack-inference" /> people');
    expect(hiring).toContain('<Compare figure="talent_pool" pool="full-stack-inference" op="<" otherQuarter="2025-q2" bare>down from</Compare>');
    expect(hiring).toContain('Churn frees people in Agent Framework');
    expect(hiring).toContain('NVIDIA holds <Metric figure="company_share" org="NVIDIA" category="gpu-kernels" /> of the commit credit');
    expect(hiring).toContain('Newcomers arrive in LLM Serving & Inference, which drew the <Rank figure="new_contributors" category="llm-serving" bare>most</Rank>');
    expect(new Set(findings.filter((f) => f.section === 'hiring').map((f) => f.kind))).toEqual(new Set(['hiring-pool', 'hiring-churn', 'hiring-company', 'hiring-newcomers']));
  });

  it('types no figure: every number is a <Metric>, every comparison word a claim', () => {
    for (const f of findings) {
      expect(f.text).toMatch(/<Metric figure="/);
      expect(typedFigures(f.text), f.text).toEqual([]);
      expect(mdx).toContain(`- ${f.text} {/* ${f.why} */}`);
    }
  });
});
