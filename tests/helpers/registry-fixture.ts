// A small registry (tracked-repos.csv + categories.yaml) in a folder of its own, for
// ingest tests that must not depend on the real 250-repository list; the git
// repositories it lists (an "ecosystem" with a fork, bots, agents, a .mailmap and
// far time zones); and readers that compare the warehouses ingested from them.
import { execFileSync } from 'node:child_process';
import { mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { expect } from 'vitest';
import { toCsv } from '../../scripts/common/csv.ts';
import { runIngest, type IngestOptions, type IngestSummary } from '../../scripts/ingest/ingest-run.ts';
import { Progress } from '../../scripts/common/progress.ts';
import { loadRegistry, type Registry } from '../../scripts/registry/registry.ts';
import { GitRepo, makeTmp, type Who } from './git-repo.ts';

/** The ingest's "now": after every fixture date, so none is a future date. */
export const NOW = Date.parse('2026-09-01T00:00:00Z');

export interface FixtureRepo {
  repo: string;
  category: string;
  status?: 'ingested' | 'unavailable';
  upstream?: string;
  trackedUntil?: string;
  note?: string;
}

export interface FixtureCategory {
  id: string;
  name: string;
  emoji: string;
  colour: string;
  order: number;
}

export const FIXTURE_CATEGORIES: FixtureCategory[] = [
  { id: 'llm-serving', name: 'LLM Serving', emoji: '🛰', colour: '#2070fb', order: 1 },
  { id: 'ml-compilers', name: 'ML Compilers', emoji: '🔧', colour: '#e37352', order: 2 },
];

export interface RegistryFiles {
  dir: string;
  reposCsv: string;
  categoriesYaml: string;
}

/** Writes the two registry files into `dir` (created); `--registry dir` reads them. */
export function writeRegistryFixture(dir: string, repos: FixtureRepo[], categories: FixtureCategory[] = FIXTURE_CATEGORIES): RegistryFiles {
  mkdirSync(dir, { recursive: true });
  const reposCsv = join(dir, 'tracked-repos.csv');
  const categoriesYaml = join(dir, 'categories.yaml');
  const rows = repos.map((r) => ({ repo: r.repo, category: r.category, status: r.status ?? 'ingested', upstream: r.upstream, tracked_until: r.trackedUntil, note: r.note }));
  writeFileSync(reposCsv, toCsv(rows, ['repo', 'category', 'status', 'upstream', 'tracked_until', 'note']));
  const yaml = ['categories:'];
  for (const c of categories) {
    yaml.push(`  - id: ${c.id}`, `    name: ${JSON.stringify(c.name)}`, `    emoji: ${JSON.stringify(c.emoji)}`, `    colour: "${c.colour}"`, `    order: ${c.order}`);
  }
  writeFileSync(categoriesYaml, `${yaml.join('\n')}\n`);
  return { dir, reposCsv, categoriesYaml };
}

export async function loadRegistryFixture(files: RegistryFiles): Promise<Registry> {
  return loadRegistry({ reposCsv: files.reposCsv, categoriesYaml: files.categoriesYaml });
}

export const P = {
  ann: { name: 'Ann Author', email: 'ann@acme.io' },
  annOld: { name: 'Ann A.', email: 'ann.old@gmail.com' },
  bob: { name: 'Bob Beta', email: 'bob@beta.io' },
  carol: { name: 'Carol Gamma', email: 'carol@gamma.io' },
  deeId: { name: 'Dee Dev', email: '12345+deedev@users.noreply.github.com' },
  deeLogin: { name: 'Dee D', email: 'deedev@users.noreply.github.com' },
  eve: { name: 'Eve Vendor', email: 'eve@vendor.io' },
  dependabot: { name: 'dependabot[bot]', email: '49699333+dependabot[bot]@users.noreply.github.com' },
  renovate: { name: 'renovate[bot]', email: '29139614+renovate[bot]@users.noreply.github.com' },
  claude: { name: 'Claude', email: 'noreply@anthropic.com' },
  github: { name: 'GitHub', email: 'noreply@github.com' },
} satisfies Record<string, Who>;
export const COPILOT = 'Copilot <198982749+Copilot@users.noreply.github.com>';

/** Who each address belongs to, to read person ids back as names. */
export const LABEL_OF_EMAIL: Record<string, string> = {
  'ann@acme.io': 'ann',
  'ann.old@gmail.com': 'ann',
  'bob@beta.io': 'bob',
  'carol@gamma.io': 'carol',
  '12345+deedev@users.noreply.github.com': 'dee',
  'deedev@users.noreply.github.com': 'dee',
  'eve@vendor.io': 'eve',
};

export type ShaKey = 'e1' | 'e2' | 'e3' | 'e4' | 'em' | 'e5' | 'e6' | 'e7' | 'e8' | 'e9' | 'f1' | 'g1' | 'g2' | 'g3';

export interface Ecosystem {
  root: string;
  clonesDir: string;
  registryFiles: RegistryFiles;
  registry: Registry;
  engine: GitRepo;
  fork: GitRepo;
  compiler: GitRepo;
  extra: GitRepo[];
  sha: Record<ShaKey, string>;
}

const REPOS: FixtureRepo[] = [
  { repo: 'acme/engine', category: 'llm-serving' },
  { repo: 'acme/engine-fork', category: 'llm-serving', upstream: 'acme/engine', note: 'a vendor fork' },
  { repo: 'gamma/compiler', category: 'ml-compilers' },
  { repo: 'lost/gone', category: 'ml-compilers', status: 'unavailable', note: 'too large to mirror' },
  { repo: 'acme/empty', category: 'llm-serving', note: 'git init, no commits yet' },
];

/** Three tracked histories (one a fork of another) plus `extraRepos` small ones. */
export async function buildEcosystem(extraRepos = 0): Promise<Ecosystem> {
  const root = makeTmp('ds-ingest-');
  const clonesDir = join(root, 'clones');
  const sha = {} as Record<ShaKey, string>;
  const engine = GitRepo.init(join(clonesDir, 'acme__engine'));
  sha.e1 = engine.commit({
    author: P.ann, date: '2024-01-10T09:00:00+01:00', message: 'Add the engine',
    files: { 'src/engine.py': 'a\nb\nc\nd\ne\nf\ng\nh\ni\nj\n', 'tests/test_engine.py': '1\n2\n3\n4\n5\n' },
  });
  sha.e2 = engine.commit({
    author: P.dependabot, committer: P.github, date: '2024-02-01T00:00:00+00:00', message: 'Bump torch from 2.1 to 2.2',
    files: { 'requirements.txt': 'torch==2.2\n' },
  });
  engine.checkout('topic', true);
  sha.e3 = engine.commit({
    author: P.bob, date: '2024-03-05T12:00:00-08:00', message: 'Add a fused kernel', coAuthors: [COPILOT],
    files: { 'src/kernels.cu': 'k\nk\n' },
  });
  engine.checkout('main');
  sha.e4 = engine.commit({
    author: P.annOld, date: '2024-03-10T10:00:00+00:00', message: 'Document the engine',
    files: { 'docs/guide.md': '# Guide\n', '.mailmap': 'Ann Author <ann@acme.io> <ann.old@gmail.com>\n' },
  });
  sha.em = engine.merge('topic', { author: P.ann, date: '2024-03-20T10:00:00+00:00', message: 'Merge branch topic' });
  sha.e5 = engine.commit({
    author: P.claude, committer: P.carol, date: '2024-04-02T10:00:00+00:00', message: 'Fix an off-by-one',
    files: { 'src/engine.py': 'a\nb\nc\nd\ne\nf\ng\nh\ni\nJ\n' },
  });
  sha.e6 = engine.commit({ author: P.deeId, date: '2024-06-30T23:30:00-02:00', message: 'Speed up decode', files: { 'src/decode.py': 'x\n' } });
  sha.e7 = engine.commit({ author: P.deeLogin, date: '2024-07-01T05:00:00+14:00', message: 'Tune decode', files: { 'src/decode.py': 'y\n' } });
  sha.e8 = engine.commit({
    author: P.ann, date: '2024-08-01T10:00:00+00:00', message: 'Add the logo and a scheduler', coAuthors: ['Bob Beta <bob@beta.io>', 'Jane Doe'],
    files: { 'assets/logo.png': Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0xff, 0]), 'src/scheduler.py': 's\n' },
  });
  sha.e9 = engine.commit({
    author: P.carol, date: '1999-01-01T00:00:00+00:00', committerDate: '2024-08-15T10:00:00+00:00', message: 'Import an old patch',
    files: { 'src/legacy.py': 'old\n' },
  });
  execFileSync('git', ['clone', '-q', engine.dir, join(clonesDir, 'acme__engine-fork')], { env: { ...process.env, GIT_CONFIG_GLOBAL: '/dev/null' } });
  const fork = GitRepo.open(join(clonesDir, 'acme__engine-fork'));
  sha.f1 = fork.commit({ author: P.eve, date: '2024-09-01T10:00:00+00:00', message: 'Vendor patch', files: { 'src/vendor.py': 'v\n' } });
  const compiler = GitRepo.init(join(clonesDir, 'gamma__compiler'));
  sha.g1 = compiler.commit({ author: P.carol, date: '2023-11-15T10:00:00+05:30', message: 'Lower matmul', files: { 'lib/lower.cc': 'l\n' } });
  sha.g2 = compiler.commit({
    author: P.bob, date: '2024-01-20T10:00:00+00:00', message: 'Add a pass', coAuthors: ['Claude <noreply@anthropic.com>'],
    files: { 'lib/pass.cc': 'p\n', 'test/pass_test.cc': 't\n' },
  });
  sha.g3 = compiler.commit({ author: P.renovate, date: '2024-02-20T10:00:00+00:00', message: 'Update deps', files: { 'package.json': '{}\n' } });
  GitRepo.init(join(clonesDir, 'acme__empty'));
  const extra: GitRepo[] = [];
  const repos = [...REPOS];
  for (let i = 0; i < extraRepos; i++) {
    const r = GitRepo.init(join(clonesDir, `extra__lib${i}`));
    for (let j = 0; j < 3; j++) {
      r.commit({ author: j % 2 ? P.bob : P.carol, date: `2024-0${j + 2}-1${i}T10:00:00+00:00`, message: `Change ${j}`, files: { [`src/f${j}.py`]: `${i}${j}\n` } });
    }
    extra.push(r);
    repos.push({ repo: `extra/lib${i}`, category: 'ml-compilers' });
  }
  const registryFiles = writeRegistryFixture(join(root, 'registry'), repos);
  const registry = await loadRegistryFixture(registryFiles);
  return { root, clonesDir, registryFiles, registry, engine, fork, compiler, extra, sha };
}

/** Exports every clone of the ecosystem as OWNER__NAME.gitlog.gz. */
export function exportAll(eco: Ecosystem, exportsDir: string): void {
  for (const name of readdirSync(eco.clonesDir)) {
    GitRepo.open(join(eco.clonesDir, name)).exportTo(join(exportsDir, `${name}.gitlog.gz`));
  }
}

export const quiet = (): Progress => new Progress({ isTTY: false, write: () => true } as unknown as NodeJS.WriteStream);

export async function ingest(eco: Ecosystem, warehouseDir: string, source: Pick<IngestOptions, 'clonesDir' | 'exportsDir'>): Promise<IngestSummary> {
  const summary = await runIngest({ registry: eco.registry, warehouseDir, ...source, nowMs: NOW, concurrency: 2, progress: quiet() });
  expect(summary.failed).toEqual([]);
  return summary;
}

export type Row = Record<string, unknown>;

export async function query(warehouseDir: string, sql: string): Promise<Row[]> {
  const db = await DuckDBInstance.create(join(warehouseDir, 'warehouse.duckdb'), { access_mode: 'READ_ONLY' });
  const conn = await db.connect();
  try {
    return (await conn.runAndReadAll(sql)).getRowObjectsJS() as Row[];
  } finally {
    conn.closeSync();
    db.closeSync();
  }
}

/**
 * Every table of a warehouse, rows in a canonical order. Doubles are rounded so that
 * sums taken in another order compare equal; BIGINT counts become plain numbers.
 */
export async function dumpWarehouse(warehouseDir: string): Promise<Record<string, Row[]>> {
  const db = await DuckDBInstance.create(join(warehouseDir, 'warehouse.duckdb'), { access_mode: 'READ_ONLY' });
  const conn = await db.connect();
  try {
    const read = async (sql: string): Promise<Row[]> => (await conn.runAndReadAll(sql)).getRowObjectsJS() as Row[];
    const columns = await read(
      `SELECT table_name, column_name, data_type FROM information_schema.columns WHERE table_schema = 'main' ORDER BY table_name, ordinal_position`,
    );
    const byTable = new Map<string, string[]>();
    for (const c of columns) {
      const col = `"${String(c.column_name)}"`;
      const type = String(c.data_type);
      const expr = /^(DOUBLE|FLOAT|REAL|DECIMAL)/.test(type)
        ? `round(${col}::DOUBLE, 9) AS ${col}`
        : /^(BIGINT|HUGEINT|UBIGINT)$/.test(type)
          ? `${col}::INTEGER AS ${col}`
          : col;
      byTable.set(String(c.table_name), [...(byTable.get(String(c.table_name)) ?? []), expr]);
    }
    const out: Record<string, Row[]> = {};
    for (const [table, exprs] of byTable) out[table] = await read(`SELECT ${exprs.join(', ')} FROM "${table}" ORDER BY ALL`);
    return out;
  } finally {
    conn.closeSync();
    db.closeSync();
  }
}

export async function expectSameWarehouse(actualDir: string, expectedDir: string): Promise<void> {
  const [actual, expected] = await Promise.all([dumpWarehouse(actualDir), dumpWarehouse(expectedDir)]);
  expect(Object.keys(actual).sort()).toEqual(Object.keys(expected).sort());
  for (const table of Object.keys(expected)) expect({ table, rows: actual[table] }).toEqual({ table, rows: expected[table] });
}

/** Person id → label, from the identities table and LABEL_OF_EMAIL. */
export async function personLabels(warehouseDir: string): Promise<Map<number, string>> {
  const labels = new Map<number, string>();
  for (const r of await query(warehouseDir, 'SELECT DISTINCT email, name, person_id FROM identities WHERE person_id IS NOT NULL')) {
    const label = LABEL_OF_EMAIL[String(r.email)] ?? (r.email === '' ? String(r.name) : undefined);
    if (label) labels.set(Number(r.person_id), label);
  }
  return labels;
}
