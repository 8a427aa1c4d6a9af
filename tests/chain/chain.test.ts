// The linked chain on the committed fixture dataset (tests/fixtures/dataset, its README
// tells the story and works out the figures): the editor's commands as an editor runs
// them — ingest, publish, publish again, restate — and then the site built from the
// published folder, read with an HTML parser. Nothing here needs ../shared.
//
// The restatement is a real one: the first ingest reads a registry that lacks
// acme/edge-runtime, the second the full one, as when a repository's history becomes
// available after its quarter was published.
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { DuckDBInstance } from '@duckdb/node-api';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Manifest } from '../../src/lib/manifest.ts';
import { PUBLISH_SQL_DIR } from '../../scripts/publish/publish.ts';
import { readSqlDir } from '../../scripts/common/sql-tables.ts';
import { attr, one, parseHtml, queryAll, text, type DomNode } from '../helpers/dom.ts';
import { makeTmp, removeTmp } from '../helpers/git-repo.ts';
import { query as queryWarehouse, type Row } from '../helpers/registry-fixture.ts';
import { FIXTURE_DIR, LATE_REPO, registryCsv } from '../fixtures/dataset/generate.ts';

const ROOT = resolve(import.meta.dirname, '../..');
const QUARTER = '2024-q4';
const WHY = `${LATE_REPO}'s history became available after ${QUARTER} was published: its export joined the dataset.`;

const work = makeTmp('ds-chain-');
const warehouse = join(work, 'warehouse');
const published = join(work, 'published');
const folder = join(published, QUARTER);
const startedAt = performance.now();

afterAll(() => {
  console.log(`chain: ${((performance.now() - startedAt) / 1000).toFixed(1)} s`);
  removeTmp(work);
});

/**
 * The test process's environment without what Vitest adds (as tests/site/lib/dist.ts
 * does for its builds): a child `astro build` would otherwise take NODE_ENV=test, MODE
 * and friends as its own and build as dev.
 */
function childEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const vitest = new Set(['SITE', 'BASE_URL', 'DEV', 'PROD', 'MODE', 'SSR', 'ASSETS_PREFIX', 'NODE_ENV']);
  const kept = Object.entries(process.env).filter(([k]) => !vitest.has(k) && !k.startsWith('VITEST') && !k.startsWith('DEEP_SIGNAL_'));
  return { ...Object.fromEntries(kept), ASTRO_TELEMETRY_DISABLED: '1', ...extra };
}

interface Run {
  status: number | null;
  stderr: string;
}

/** `npm run <script> -- args`, without npm: the same script, with this Node. */
function cli(script: 'ingest' | 'publish-data', args: string[]): Run {
  const r = spawnSync(process.execPath, [join(ROOT, 'scripts', `${script}.ts`), ...args], { cwd: ROOT, env: childEnv(), encoding: 'utf8' });
  return { status: r.status, stderr: r.stderr };
}

function ingest(registryDir: string): void {
  const r = cli('ingest', ['--from', join(FIXTURE_DIR, 'gitlogs'), '--registry', registryDir, '--warehouse', warehouse]);
  expect(r.status, r.stderr).toBe(0);
}

const publish = (...extra: string[]): Run => cli('publish-data', [QUARTER, '--warehouse', warehouse, '--out', published, ...extra]);

const readManifest = (): Manifest => JSON.parse(readFileSync(join(folder, 'manifest.json'), 'utf8')) as Manifest;
const sha256 = (file: string): string => createHash('sha256').update(readFileSync(file)).digest('hex');
/** The published folder as bytes, to show a refused publish left it untouched. */
const snapshotFolder = (): Record<string, string> =>
  Object.fromEntries(readdirSync(folder, { recursive: true, withFileTypes: true }).filter((e) => e.isFile()).map((e) => [join(e.parentPath, e.name), sha256(join(e.parentPath, e.name))]));

async function parquetRows(file: string): Promise<number> {
  const db = await DuckDBInstance.create(':memory:');
  const conn = await db.connect();
  try {
    const rows = (await conn.runAndReadAll(`SELECT count(*)::INTEGER AS n FROM read_parquet('${file.replaceAll("'", "''")}')`)).getRowObjectsJS();
    return Number(rows[0]!.n);
  } finally {
    conn.closeSync();
    db.closeSync();
  }
}

const num = (rows: Row[], key: string): number[] => rows.map((r) => Number(r[key]));

/** Warehouse rows with counts as plain numbers (DuckDB hands BIGINT back as bigint). */
async function query(dir: string, sql: string): Promise<Row[]> {
  return (await queryWarehouse(dir, sql)).map((r) => Object.fromEntries(Object.entries(r).map(([k, v]) => [k, typeof v === 'bigint' ? Number(v) : v])));
}

describe('ingest → metrics → publish → restate → site, on the committed fixture dataset', () => {
  let first: Manifest;

  describe('first publication (registry without acme/edge-runtime)', () => {
    beforeAll(() => {
      const registry = join(work, 'registry-first');
      mkdirSync(registry, { recursive: true });
      writeFileSync(join(registry, 'tracked-repos.csv'), registryCsv([LATE_REPO]));
      copyFileSync(join(FIXTURE_DIR, 'registry', 'categories.yaml'), join(registry, 'categories.yaml'));
      ingest(registry);
    });

    it('publishes the quarter with a manifest that describes every file', async () => {
      const r = publish();
      expect(r.status, r.stderr).toBe(0);
      expect(readdirSync(published)).toEqual([QUARTER]);
      first = readManifest();
      expect(first.quarter).toBe(QUARTER);
      expect(first.quarters).toEqual(['2024-q2', '2024-q3', '2024-q4']);
      expect(first.partial).toBe(false);
      expect(first.dataset).toMatchObject({ snapshot: '2025-03-10T09:00:00Z', repos_tracked: 5, repos_ingested: 4, repos_unavailable: 1 });
      expect(first.headline).toMatchObject({ tracked_repos: 5, ingested_repos: 4, active_repos: 4, commits: 10, contributors: 8, bot_commits: 1, merge_commits: 2, agent_assisted_commits: 1, commits_qoq: 1, contributors_qoq: 0.6 });
      expect(first.restated).toBeUndefined();
      const tables = readSqlDir(PUBLISH_SQL_DIR).map((t) => `${t.name}.parquet`).sort();
      expect(Object.keys(first.files).sort()).toEqual(tables);
      expect(readdirSync(folder).sort()).toEqual([...tables, 'manifest.json'].sort());
      for (const [name, f] of Object.entries(first.files)) {
        expect(sha256(join(folder, name)), name).toBe(f.sha256);
        expect(await parquetRows(join(folder, name)), name).toBe(f.rows);
      }
    });

    it("publishes each repository's company mix with organizations of fewer than 3 people folded", async () => {
      const file = join(folder, 'company_share.parquet').replaceAll("'", "''");
      // Every published repository row: its organization had 3 or more people there that quarter (the
      // warehouse's count), or it is the folded row; and each repository-quarter's shares add up to 1.
      const rows = await query(
        warehouse,
        `SELECT p.scope_id, p.quarter, p.organization, w.people
         FROM read_parquet('${file}') p
         LEFT JOIN company_share w ON w.scope_type = 'repo' AND w.scope_id = p.scope_id AND w.quarter = p.quarter AND w.organization = p.organization
         WHERE p.scope_type = 'repo'`,
      );
      expect(rows.length).toBeGreaterThan(0);
      for (const r of rows) if (r.organization !== 'Fewer than 3 people') expect(Number(r.people), `${r.scope_id} ${r.quarter} ${r.organization}`).toBeGreaterThanOrEqual(3);
      const small = await query(warehouse, `SELECT count(*)::INTEGER AS n FROM company_share WHERE scope_type = 'repo' AND people < 3 AND quarter IN ('2024-q2', '2024-q3', '2024-q4')`);
      expect(num(small, 'n')[0], 'the fixture has small organizations to fold').toBeGreaterThan(0);
      expect(rows.some((r) => r.organization === 'Fewer than 3 people')).toBe(true);
      const sums = await query(warehouse, `SELECT scope_id, quarter, round(sum(share), 6) AS total FROM read_parquet('${file}') WHERE scope_type = 'repo' GROUP BY ALL`);
      expect(new Set(num(sums, 'total'))).toEqual(new Set([1]));
    });

    it('refuses to publish the frozen quarter again, even with the same data', () => {
      const before = snapshotFolder();
      const r = publish();
      expect(r.status).toBe(1);
      expect(r.stderr).toContain(`${QUARTER} is already published (${first.published}) and published quarters are frozen`);
      expect(r.stderr).toContain(`# Restatement of ${QUARTER}`);
      expect(r.stderr).toContain('No figure changes: the data is identical.');
      expect(r.stderr).toContain('Run again with --force to restate it.');
      expect(snapshotFolder()).toEqual(before);
    });
  });

  describe('the full registry: figures worked out by hand', () => {
    beforeAll(() => ingest(join(FIXTURE_DIR, 'registry')));

    const scope = async (type: string, id: string, quarter = QUARTER): Promise<Row> => {
      const rows = await query(warehouse, `SELECT * FROM scope_quarters WHERE scope_type = '${type}' AND scope_id = '${id}' AND quarter = '${quarter}'`);
      expect(rows, `${type} ${id} ${quarter}`).toHaveLength(1);
      return rows[0]!;
    };
    /** Names of the people credited with each counted commit whose subject is given. */
    const credited = async (repo: string, subject: string): Promise<string[]> => {
      const rows = await query(
        warehouse,
        `SELECT DISTINCT i.name FROM commits c JOIN raw_commits r USING (sha, repo)
         JOIN commit_credits cc USING (sha) JOIN identities i ON i.person_id = cc.person_id
         WHERE c.repo = '${repo}' AND r.subject = '${subject}' ORDER BY i.name`,
      );
      return rows.map((r) => String(r.name));
    };

    it('counts 11 commits from 9 people in 2024-q4, +83.3 % and +50 % on 2024-q3', async () => {
      const all = await scope('all', 'all');
      expect(all).toMatchObject({ commits: 11, contributors: 9, bot_commits: 1, merge_commits: 2, agent_assisted_commits: 1, unattributed_commits: 1, active_repos: 5 });
      expect(Number(all.commits_qoq)).toBeCloseTo(5 / 6, 9);
      expect(Number(all.contributors_qoq)).toBe(0.5);
      expect(await scope('all', 'all', '2024-q3')).toMatchObject({ commits: 6, contributors: 6 });
      const categories = await query(warehouse, `SELECT scope_id, commits, contributors FROM scope_quarters WHERE scope_type = 'category' AND quarter = '${QUARTER}' ORDER BY scope_id`);
      expect(categories).toEqual([
        { scope_id: 'edge-ml', commits: 3, contributors: 3 },
        { scope_id: 'llm-serving', commits: 6, contributors: 5 },
        { scope_id: 'ml-compilers', commits: 2, contributors: 2 },
      ]);
    });

    it('counts a synced or cherry-picked change once, where it was made', async () => {
      const counted = await query(
        warehouse,
        `SELECT c.repo, r.subject FROM commits c JOIN raw_commits r USING (sha, repo)
         WHERE r.subject LIKE 'ggml : %' AND NOT c.is_merge ORDER BY c.ts`,
      );
      expect(counted).toEqual([
        { repo: 'ggerganov/llama.cpp', subject: 'ggml : fix rope scaling (#9001)' },
        { repo: 'ggml-org/ggml', subject: 'ggml : add arm64 backend' },
        { repo: 'ggerganov/llama.cpp', subject: 'ggml : add q4 matmul kernel (#10010)' },
        { repo: 'ggml-org/ggml', subject: 'ggml : metal kernel for gelu' },
        { repo: 'ggerganov/llama.cpp', subject: 'ggml : faster softmax (#11500)' },
        // (the (llama/11900) copy has no origin in the stored llama.cpp history: nobody's)
        { repo: 'ggml-org/ggml', subject: 'ggml : release 0.1' },
      ]);
      const provenance = await query(warehouse, `SELECT scope_id, held_commits, home_commits, copies_counted_elsewhere FROM provenance_quarters WHERE scope_type = 'repo' AND quarter = '${QUARTER}' AND scope_id LIKE 'gg%' ORDER BY scope_id`);
      expect(provenance).toEqual([
        { scope_id: 'ggerganov/llama.cpp', held_commits: 3, home_commits: 2, copies_counted_elsewhere: 1 },
        { scope_id: 'ggml-org/ggml', held_commits: 3, home_commits: 2, copies_counted_elsewhere: 1 },
      ]);
      const late = await query(warehouse, `SELECT reason FROM commit_provenance JOIN raw_commits USING (sha, repo) WHERE subject = 'ggml : vulkan fix (llama/11900)'`);
      expect(late).toEqual([{ reason: 'uncredited_sync_copy' }]);
    });

    it("credits the fork's upstream work to nobody and keeps the fork's own", async () => {
      const upstream = await query(
        warehouse,
        `SELECT r.author_name, p.reason FROM commit_provenance p JOIN raw_commits r USING (sha, repo)
         WHERE p.repo = 'intel/intel-xpu-backend-for-triton' AND NOT p.is_home ORDER BY r.ts`,
      );
      expect(upstream).toEqual(['Uma Upton', 'Umar Usman', 'Uma Upton'].map((author_name) => ({ author_name, reason: 'uncredited_upstream_history' })));
      expect(await scope('repo', 'intel/intel-xpu-backend-for-triton')).toMatchObject({ commits: 2, contributors: 2, merge_commits: 1 });
      const people = await query(warehouse, `SELECT DISTINCT i.name FROM commit_credits cc JOIN identities i USING (person_id) WHERE cc.repo = 'intel/intel-xpu-backend-for-triton' ORDER BY 1`);
      expect(people.map((r) => r.name)).toEqual(['Irene Ito', 'Ivan Ivanov']);
      const all = await query(warehouse, `SELECT uncredited_upstream_changes FROM provenance_quarters WHERE scope_type = 'all' ORDER BY quarter`);
      expect(num(all, 'uncredited_upstream_changes')).toEqual([1, 1, 1, 0]);
    });

    it('leaves the bot out, credits the agent to its committer, the team account to nobody, co-authors to themselves', async () => {
      expect(await scope('repo', 'acme/serve')).toMatchObject({ commits: 4, contributors: 3, bot_commits: 1, merge_commits: 1, agent_assisted_commits: 1, unattributed_commits: 1 });
      const bots = await query(warehouse, `SELECT count(*)::INTEGER AS n FROM commits c JOIN raw_commits r USING (sha, repo) WHERE r.author_name = 'dependabot[bot]' AND c.is_bot AND NOT EXISTS (SELECT 1 FROM commit_credits cc WHERE cc.sha = c.sha)`);
      expect(num(bots, 'n')).toEqual([2]);
      expect(await credited('acme/serve', 'Fix batching off-by-one')).toEqual(['Sam Server']);
      expect(await credited('acme/serve', 'Import internal scheduler changes')).toEqual([]);
      const team = await query(warehouse, `SELECT weight FROM unattributed_credits WHERE repo = 'acme/serve'`);
      expect(num(team, 'weight')).toEqual([1]);
      expect(await credited('acme/serve', 'Add prefix caching')).toEqual(['Cora Cole', 'Sam Server']);
    });

    it('leaves test data out of test lines, and marks the history that stops as not observed', async () => {
      expect(await scope('repo', 'ggerganov/llama.cpp')).toMatchObject({ commits: 2, test_lines: 4, src_lines: 6 });
      expect(await scope('repo', 'ggerganov/llama.cpp', '2025-q1')).toMatchObject({ observed: false });
      expect(await scope('all', 'all', '2025-q1')).toMatchObject({ observed: false, commits_qoq: null });
      expect(await scope('repo', 'ggml-org/ggml', '2025-q1')).toMatchObject({ observed: true });
      const quarters = await query(warehouse, 'SELECT quarter, partial FROM quarters ORDER BY seq');
      expect(quarters).toEqual([
        { quarter: '2024-q2', partial: false },
        { quarter: '2024-q3', partial: false },
        { quarter: '2024-q4', partial: false },
        { quarter: '2025-q1', partial: true },
      ]);
    });
  });

  describe('restating the quarter', () => {
    let refused: Run;

    it('refuses without --force, showing the restatement it would write', () => {
      const before = snapshotFolder();
      refused = publish();
      expect(refused.status).toBe(1);
      expect(refused.stderr).toContain(`${QUARTER} is already published (${first.published}) and published quarters are frozen`);
      expect(refused.stderr).toContain(`# Restatement of ${QUARTER}`);
      expect(refused.stderr).toContain('Dataset: 5 → 6 tracked repositories (4 → 5 with history, 1 → 1 unavailable).');
      expect(refused.stderr).toMatch(/^\| Commits \| All tracked repositories \| Q4 2024 \| 10 \| 11 \|/m);
      expect(refused.stderr).toContain('Run again with --force to restate it.');
      expect(snapshotFolder()).toEqual(before);
    });

    it('refuses --force without a reason', () => {
      const before = snapshotFolder();
      const r = publish('--force');
      expect(r.status).toBe(1);
      expect(r.stderr).toContain(`${QUARTER}: say why the figures change`);
      expect(snapshotFolder()).toEqual(before);
    });

    it('with --force and --why, replaces the data and writes restatements/<date>.md opening with the reason', () => {
      const whyFile = join(work, 'why.md');
      writeFileSync(whyFile, `${WHY}\n`);
      const r = publish('--force', '--why', whyFile);
      expect(r.status, r.stderr).toBe(0);
      const m = readManifest();
      expect(m.published).toBe(first.published);
      expect(m.restated).toHaveLength(1);
      const date = m.restated![0]!;
      expect(m.headline).toMatchObject({ tracked_repos: 6, ingested_repos: 5, active_repos: 5, commits: 11, contributors: 9 });
      expect(readdirSync(join(folder, 'restatements'))).toEqual([`${date}.md`]);
      const note = readFileSync(join(folder, 'restatements', `${date}.md`), 'utf8');
      expect(note).toContain(`## Why the figures changed\n\n${WHY}\n`);
      expect(note).toMatch(/^\| Contributors \| All tracked repositories \| Q4 2024 \| 8 \| 9 \|/m);
      expect(note).toMatch(/^\| Commits \| Edge & On-Device ML \| Q4 2024 \| 2 \| 3 \|/m);
      // What the refusal showed is what was written, plus the reason.
      const table = (s: string): string[] => s.split('\n').filter((l) => l.startsWith('| '));
      expect(table(note)).toEqual(table(refused.stderr));
      expect(readdirSync(published)).toEqual([QUARTER]);
    });
  });

  describe('the site built from the published folder', () => {
    let dist: string;
    let date: string;
    const page = (path: string): DomNode => parseHtml(readFileSync(join(dist, path), 'utf8'));

    beforeAll(() => {
      const m = readManifest();
      date = m.restated![0]!;
      dist = join(work, 'dist');
      buildSite(join(work, 'site'), dist, article(m));
    }, 120_000);

    it('lists the article on the home page with its headline figures', () => {
      const home = page('index.html');
      const card = one(home, `ol.reports article.card:has(a[href="/reports/${QUARTER}/"])`);
      expect(text(one(card, 'h3'))).toBe('Q4 2024: the fixture quarter');
      const figures = queryAll(card, 'dl.figures > div').map((d) => [text(one(d, 'dt')), text(one(d, 'dd .value'))]);
      expect(figures).toEqual([['Commits', '11'], ['Contributors', '9'], ['New contributors', '3'], ['Active repositories', '5']]);
    });

    it("renders the article's figures from the restated data", () => {
      const report = page(`reports/${QUARTER}/index.html`);
      const metrics = queryAll(report, '.prose .ds-metric').map((m) => [attr(m, 'data-figure'), text(m)]);
      expect(metrics).toEqual([['commits', '11'], ['contributors', '9']]);
      const stat = (figure: string): string[] => {
        const s = one(report, `.ds-headline__stat[data-figure="${figure}"]`);
        return [text(one(s, '.ds-headline__value')), text(one(s, '.ds-headline__change'))];
      };
      expect(stat('tracked_repos')).toEqual(['6', '5 read, 5 active']);
      expect(stat('commits')).toEqual(['11', '▲+83.3% on Q3 2024']);
      expect(stat('contributors')).toEqual(['9', '▲+50.0% on Q3 2024']);

      const rows = queryAll(report, 'snapshot-table tbody tr[data-category]');
      const cell = (row: DomNode, key: string): string => text(one(row, `td[data-sort-key="${key}"]`));
      expect(rows.map((r) => [attr(r, 'data-category'), cell(r, 'commits'), cell(r, 'contributors'), cell(r, 'active_repos')])).toEqual([
        ['ml-compilers', '2', '2', '1'],
        ['llm-serving', '6', '5', '2'],
        ['edge-ml', '3', '3', '2'],
      ]);
      const total = queryAll(report, 'snapshot-table tfoot tr[data-category="all"] td').map(text);
      expect(total.filter((_, i) => i % 2 === 0)).toEqual(['11', '9', '5']);

      // By contributors: the bot, the agent and the team account are nobody; ggml is edge ML.
      const bars = queryAll(report, 'top-projects[data-category="llm-serving"] li.ds-bars__row');
      expect(bars.map((b) => [attr(b, 'data-repo'), attr(b, 'data-value'), attr(b, 'data-new')])).toEqual([
        ['acme/serve', '3', '1'],
        ['ggerganov/llama.cpp', '2', '0'],
      ]);
    });

    it('says the figures were restated, links the note, and ships the data', () => {
      const report = page(`reports/${QUARTER}/index.html`);
      const note = one(report, 'p.restated');
      expect(attr(one(note, 'time'), 'datetime')).toBe(date);
      expect(attr(one(note, 'a'), 'href')).toBe(`/reports/${QUARTER}/restatements/${date}/`);
      expect(queryAll(report, `.downloads a[href="/data/${QUARTER}/scope_quarters.parquet"]`)).toHaveLength(1);
      expect(readFileSync(join(dist, 'data', QUARTER, 'manifest.json'), 'utf8')).toBe(readFileSync(join(folder, 'manifest.json'), 'utf8'));
      expect(existsSync(join(dist, 'data', QUARTER, 'restatements', `${date}.md`))).toBe(true);

      const restatement = page(`reports/${QUARTER}/restatements/${date}/index.html`);
      expect(text(one(restatement, 'h1'))).toBe('Q4 2024 figures restated');
      expect(text(one(restatement, '.restatement h2#why-the-figures-changed + p'))).toBe(WHY);
      const commits = queryAll(restatement, '.restatement tbody tr')
        .map((tr) => queryAll(tr, 'td').map(text))
        .find((cells) => cells[0] === 'Commits' && cells[1] === 'All tracked repositories' && cells[2] === 'Q4 2024');
      expect(commits?.slice(3)).toEqual(['10', '11', '+1 (+10.0%)']);
    });
  });
});

/** A minimal article for the fixture quarter, paired with its data by `dataVersion`. */
function article(m: Manifest): string {
  return `---
title: "Q4 2024: the fixture quarter"
quarter: "${m.quarter}"
published: ${m.published}
author:
  name: "Chain test"
  role: "Fixture"
summary: "A synthetic quarter built from the committed fixture dataset."
status: "published"
dataVersion: "${m.published}"
---

import HeadlineStats from '../../src/components/HeadlineStats.astro';
import SnapshotTable from '../../src/components/SnapshotTable.astro';
import TopProjects from '../../src/components/TopProjects.astro';
import Metric from '../../src/components/Metric.astro';

## The Signal

The fixture produced <Metric figure="commits" /> commits from <Metric figure="contributors" /> people.

<HeadlineStats />

<SnapshotTable />

## LLM serving

<TopProjects category="llm-serving" />
`;
}

/**
 * `astro build` of this project with another content/ folder: the collections read
 * ./content/ under the project root, so the build runs from a temp root holding the
 * article and links to everything else. Own caches there, so neither the project's
 * .astro/ nor node_modules/.vite and node_modules/.astro (shared with builds other
 * tests and engineers run) are touched; no lock needed.
 */
function buildSite(siteRoot: string, outDir: string, articleText: string): void {
  mkdirSync(join(siteRoot, 'content', 'reports'), { recursive: true });
  mkdirSync(join(siteRoot, 'content', 'predictions'), { recursive: true });
  writeFileSync(join(siteRoot, 'content', 'reports', `${QUARTER}.mdx`), articleText);
  for (const f of ['package.json', 'tsconfig.json', 'node_modules', 'src', 'public', 'data']) symlinkSync(join(ROOT, f), join(siteRoot, f));
  // Vite would resolve the linked src/ to its real path, outside the root, and Astro's
  // compiler then misses the metadata it stored under the linked path.
  writeFileSync(
    join(siteRoot, 'astro.config.mjs'),
    `import config from ${JSON.stringify(pathToFileURL(join(ROOT, 'astro.config.mjs')).href)};
export default {
  ...config,
  cacheDir: ${JSON.stringify(join(siteRoot, '.cache', 'astro'))},
  vite: { ...config.vite, cacheDir: ${JSON.stringify(join(siteRoot, '.cache', 'vite'))}, resolve: { ...config.vite?.resolve, preserveSymlinks: true } },
};
`,
  );
  const r = spawnSync(process.execPath, [join(ROOT, 'node_modules/astro/bin/astro.mjs'), 'build', '--outDir', outDir], {
    cwd: siteRoot,
    env: childEnv({
      DEEP_SIGNAL_PUBLISHED_DIR: published,
      DEEP_SIGNAL_SITE: 'https://deepsignal.example',
      DEEP_SIGNAL_NEWSLETTER_URL: 'https://newsletter.deepsignal.example/subscribe',
    }),
    encoding: 'utf8',
  });
  if (r.status !== 0) throw new Error(`astro build failed (exit ${r.status}):\n${r.stdout}\n${r.stderr}`);
}
