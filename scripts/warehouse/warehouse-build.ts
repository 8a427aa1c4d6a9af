// Builds the warehouse database from the staging parts: registry tables, raw
// commits, merged identities, then the SQL tables of scripts/warehouse/sql and
// the metrics. It writes a new file and renames it over the old one, so readers
// never see a half-built warehouse.
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import { datasetFingerprintOf } from '../ingest/dataset-fingerprint.ts';
import { asDiskFull, writing } from '../common/disk-full.ts';
import type { Registry } from '../registry/registry.ts';
import { identityTables, type ObservedIdentity } from '../identity/identity-tables.ts';
import { metricsMemoryLimit, tableBuildOptions } from '../common/duckdb-limits.ts';
import { readSqlDir, runSqlTables, type TableTiming } from '../common/sql-tables.ts';
import { computeMetrics, METRICS_SQL_DIR } from '../metrics/metrics.ts';
import { classifierVersion, teamsList } from '../identity/curated-lists.ts';
import { type Staging } from '../ingest/staging.ts';
import { sqlString } from '../../src/lib/sql-literal.ts';
import { COAUTHOR_COLUMNS, COMMIT_COLUMNS } from '../ingest/staging-rows.ts';
import { loadProvenance } from './provenance-tables.ts';
import { loadTalentPoolDefs } from '../registry/talent-pools.ts';

export const WAREHOUSE_SQL_DIR = fileURLToPath(new URL('./sql/', import.meta.url));
export const WAREHOUSE_FILE = 'warehouse.duckdb';

const KEY_FILE = `${WAREHOUSE_FILE}.key`;
// Relative to this file: the code whose change makes a built warehouse stale.
const BUILD_SOURCES = [
  '../identity/identities.ts',
  '../identity/identity-tables.ts',
  '../identity/identity-rules.ts',
  '../identity/identity-overrides.ts',
  './warehouse-build.ts',
  '../metrics/metrics.ts',
  '../common/sql-tables.ts',
  '../common/sql-macros.sql',
  '../ingest/staging-rows.ts',
  './provenance-tables.ts',
  './provenance-rules.ts',
  './fork-ancestry.ts',
  '../registry/talent-pools.ts',
];

/**
 * Hashes of what the warehouse is built from, one per kind of input, so that a
 * warehouse found older than its inputs can say which of them changed.
 */
export interface WarehouseInputs {
  /** tracked-repos.csv, categories.yaml and the talent pools, as parsed. */
  registry: string;
  /** The staged histories (each repository's source fingerprint and parts). */
  histories: string;
  /** The curated lists and classifier rules (data/identities/, data/provenance/). */
  lists: string;
  /** The code and SQL that turn them into tables. */
  code: string;
}

export function warehouseInputs(registry: Registry, staging: Staging): WarehouseInputs {
  const hash = (feed: (h: ReturnType<typeof createHash>) => void): string => {
    const h = createHash('sha256');
    feed(h);
    return h.digest('hex');
  };
  const filesOf = (dirs: string[]): string[] => dirs.flatMap((d) => (existsSync(d) ? readdirSync(d).sort().map((f) => join(d, f)) : []));
  const feedFiles = (h: ReturnType<typeof createHash>, files: string[]): void => {
    for (const f of files) h.update(f.slice(f.lastIndexOf('/'))).update(readFileSync(f));
  };
  const identitiesDir = fileURLToPath(new URL('../../data/identities/', import.meta.url));
  const provenanceDir = fileURLToPath(new URL('../../data/provenance/', import.meta.url));
  return {
    registry: hash((h) => h.update(JSON.stringify({ categories: registry.categories, repos: registry.repos.map(({ line: _line, ...r }) => r), talentPools: registry.talentPools }))),
    histories: hash((h) => {
      for (const s of staging.states()) h.update(JSON.stringify([s.repo, s.fingerprint, s.engineVersion, s.parts]));
    }),
    lists: hash((h) => {
      h.update(classifierVersion());
      feedFiles(h, filesOf([identitiesDir, provenanceDir]));
    }),
    code: hash((h) => feedFiles(h, [...BUILD_SOURCES.map((f) => fileURLToPath(new URL(f, import.meta.url))), ...filesOf([WAREHOUSE_SQL_DIR, METRICS_SQL_DIR])])),
  };
}

/**
 * A hash of everything the warehouse is built from: the staged histories, the
 * registry, the curated lists and the code and SQL that turn them into tables.
 * Equal keys mean an equal warehouse, so an ingest that changed nothing skips the build.
 */
export function warehouseInputsKey(registry: Registry, staging: Staging): string {
  return inputsKey(warehouseInputs(registry, staging));
}

export function inputsKey(inputs: WarehouseInputs): string {
  return createHash('sha256').update(JSON.stringify(inputs)).digest('hex');
}

/**
 * What a warehouse was built from, written beside it: publish-data checks it is still
 * current, and stamps the dataset fingerprint of the histories this build read.
 */
export interface BuildRecord {
  built: string;
  registry: { reposCsv: string; categoriesYaml: string };
  /** The folders the ingest read (exports, clones), for the command that rebuilds it. */
  sources: string[];
  inputs: WarehouseInputs;
  datasetFingerprint: string;
}

export const BUILD_RECORD_FILE = `${WAREHOUSE_FILE}.build.json`;

export function readBuildRecord(warehouseDir: string): BuildRecord | null {
  const file = join(warehouseDir, BUILD_RECORD_FILE);
  if (!existsSync(file)) return null;
  try {
    return JSON.parse(readFileSync(file, 'utf8')) as BuildRecord;
  } catch {
    return null;
  }
}

/** True when the warehouse on disk was built from exactly these inputs. */
export function warehouseIsCurrent(warehouseDir: string, key: string): boolean {
  const keyFile = join(warehouseDir, KEY_FILE);
  return existsSync(join(warehouseDir, WAREHOUSE_FILE)) && existsSync(join(warehouseDir, BUILD_RECORD_FILE)) && existsSync(keyFile) && readFileSync(keyFile, 'utf8') === key;
}

export interface BuildResult {
  file: string;
  timings: TableTiming[];
  metricsMs: number;
}

function createTableSql(name: string, cols: Record<string, string>, extra: Record<string, string> = {}): string {
  const all = { ...extra, ...cols };
  return `CREATE TABLE ${name} (${Object.entries(all).map(([k, v]) => `${k} ${v}`).join(', ')})`;
}

async function loadRegistry(conn: DuckDBConnection, registry: Registry, ingested: Set<string>): Promise<void> {
  await conn.run('CREATE TABLE categories (category_id VARCHAR, name VARCHAR, emoji VARCHAR, colour VARCHAR, sort_order INTEGER)');
  for (const c of registry.categories) {
    await conn.run(`INSERT INTO categories VALUES (${[c.id, c.name, c.emoji, c.colour].map(sqlString).join(', ')}, ${c.order})`);
  }
  await conn.run('CREATE TABLE registry_repos (repo VARCHAR, category_id VARCHAR, status VARCHAR, upstream VARCHAR, tracked_until DATE, ingested BOOLEAN, note VARCHAR)');
  const values = registry.repos.map(
    (r) =>
      `(${sqlString(r.repo)}, ${sqlString(r.category)}, ${sqlString(r.status)}, ${r.upstream ? sqlString(r.upstream) : 'NULL'}, ${
        r.trackedUntil ? `DATE ${sqlString(r.trackedUntil)}` : 'NULL'
      }, ${ingested.has(r.repo)}, ${r.note ? sqlString(r.note) : 'NULL'})`,
  );
  if (values.length) await conn.run(`INSERT INTO registry_repos VALUES ${values.join(', ')}`);
  await loadTalentPoolDefs(conn, registry.talentPools);
}

async function loadRaw(conn: DuckDBConnection, staging: Staging, repos: Set<string>): Promise<void> {
  const states = staging.states().filter((s) => repos.has(s.repo));
  const commitFiles = states.flatMap((s) => staging.partFiles(s, 'commits'));
  const coauthorFiles = states.flatMap((s) => staging.partFiles(s, 'coauthors'));
  await conn.run(createTableSql('raw_commits', COMMIT_COLUMNS, { repo: 'VARCHAR' }));
  await conn.run(createTableSql('raw_coauthors', COAUTHOR_COLUMNS, { repo: 'VARCHAR' }));
  if (commitFiles.length) {
    await conn.run(`INSERT INTO raw_commits BY NAME SELECT * FROM read_parquet([${commitFiles.map(sqlString).join(', ')}])`);
    await conn.run(`INSERT INTO raw_coauthors BY NAME SELECT * FROM read_parquet([${coauthorFiles.map(sqlString).join(', ')}])`);
  }
}

async function rows<T>(conn: DuckDBConnection, sql: string): Promise<T[]> {
  return (await conn.runAndReadAll(sql)).getRowObjectsJS() as T[];
}

/** Every distinct identity line of every repository: authors (with their .mailmap form), committers, co-authors. */
async function observedIdentities(conn: DuckDBConnection): Promise<ObservedIdentity[]> {
  return rows<ObservedIdentity>(
    conn,
    `SELECT DISTINCT repo, author_name AS name, author_email AS email, author_name_mm AS mname, author_email_mm AS memail, false AS coauthor FROM raw_commits
     UNION SELECT DISTINCT repo, committer_name, committer_email, NULL, NULL, false FROM raw_commits
     UNION SELECT DISTINCT repo, name, email, NULL, NULL, true FROM raw_coauthors
     ORDER BY ALL`,
  );
}

/**
 * Resolves identities into tables: identities (with the bot, agent and team classes),
 * identity_links, the people that bare co-author names stand for (coauthor_names) and
 * the subjects that make a team account's commit automation (team_automated_subjects).
 * Rows are appended as identityTables makes them (DuckDB's appender): no text round
 * trip, nothing held twice. Returns the number of people.
 */
async function loadIdentities(conn: DuckDBConnection): Promise<number> {
  const observed = await observedIdentities(conn);
  await conn.run('CREATE TABLE identities (name VARCHAR, email VARCHAR, person_id INTEGER, is_bot BOOLEAN, is_agent BOOLEAN, is_team BOOLEAN, organization VARCHAR)');
  await conn.run('CREATE TABLE identity_links (a VARCHAR, b VARCHAR, rule VARCHAR, evidence VARCHAR)');
  await conn.run('CREATE TABLE coauthor_names (repo VARCHAR, name VARCHAR, person_id INTEGER, organization VARCHAR)');
  const identities = await conn.createAppender('identities');
  const links = await conn.createAppender('identity_links');
  const names = await conn.createAppender('coauthor_names');
  const people = identityTables(observed, {
    identity(name, email, person, bot, agent, team, organization) {
      identities.appendVarchar(name);
      identities.appendVarchar(email);
      if (person === null) identities.appendNull();
      else identities.appendInteger(person);
      identities.appendBoolean(bot);
      identities.appendBoolean(agent);
      identities.appendBoolean(team);
      identities.appendVarchar(organization);
      identities.endRow();
    },
    link(a, b, rule, evidence) {
      for (const v of [a, b, rule, evidence]) links.appendVarchar(v);
      links.endRow();
    },
    coauthorName(repo, name, person, organization) {
      names.appendVarchar(repo);
      names.appendVarchar(name);
      names.appendInteger(person);
      names.appendVarchar(organization);
      names.endRow();
    },
  });
  for (const a of [identities, links, names]) a.closeSync();
  await conn.run('CREATE TABLE team_automated_subjects (prefix VARCHAR)');
  const prefixes = teamsList().automatedSubjects;
  if (prefixes.length) await conn.run(`INSERT INTO team_automated_subjects VALUES ${prefixes.map((p) => `(${sqlString(p)})`).join(', ')}`);
  return people;
}

export async function buildWarehouse(opts: {
  warehouseDir: string;
  registry: Registry;
  staging: Staging;
  /** The folders the ingest read, recorded for the command that would rebuild this warehouse. */
  sources?: string[];
  log?: (line: string) => void;
}): Promise<BuildResult> {
  const log = opts.log ?? (() => {});
  mkdirSync(opts.warehouseDir, { recursive: true });
  const file = join(opts.warehouseDir, WAREHOUSE_FILE);
  const tmp = `${file}.tmp`;
  const tmpDir = join(opts.warehouseDir, '.build-tmp');
  rmSync(tmp, { force: true });
  rmSync(`${tmp}.wal`, { force: true });
  rmSync(tmpDir, { recursive: true, force: true });
  mkdirSync(tmpDir, { recursive: true });
  const instance = await DuckDBInstance.create(tmp, tableBuildOptions(join(tmpDir, 'spill')));
  const conn = await instance.connect();
  const tracked = new Set(opts.registry.repos.map((r) => r.repo));
  try {
    const ingested = new Set(opts.staging.states().map((s) => s.repo));
    await loadRegistry(conn, opts.registry, ingested);
    await loadRaw(conn, opts.staging, tracked);
    const t0 = performance.now();
    const people = await loadIdentities(conn);
    log(`identities merged into ${people.toLocaleString('en-US')} people in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
    await loadProvenance(conn, opts.registry);
    const timings = await runSqlTables(conn, readSqlDir(WAREHOUSE_SQL_DIR), (t) => log(`  ${t.name.padEnd(16)} ${t.rows.toLocaleString('en-US').padStart(10)} rows  ${(t.ms / 1000).toFixed(1)} s`));
    await conn.run(`SET memory_limit = '${metricsMemoryLimit()}'`);
    const m0 = performance.now();
    await computeMetrics(conn, { onTable: (name, ms, n) => log(`  ${name.padEnd(22)} ${n.toLocaleString('en-US').padStart(10)} rows  ${(ms / 1000).toFixed(1)} s`) });
    const metricsMs = performance.now() - m0;
    await conn.run('CHECKPOINT');
    conn.closeSync();
    instance.closeSync();
    rmSync(join(opts.warehouseDir, KEY_FILE), { force: true });
    rmSync(join(opts.warehouseDir, BUILD_RECORD_FILE), { force: true });
    renameSync(tmp, file);
    const inputs = warehouseInputs(opts.registry, opts.staging);
    const record: BuildRecord = {
      built: new Date().toISOString(),
      registry: { reposCsv: opts.registry.reposFile, categoriesYaml: opts.registry.categoriesFile ?? join(dirname(opts.registry.reposFile), 'categories.yaml') },
      sources: opts.sources ?? [],
      inputs,
      datasetFingerprint: datasetFingerprintOf(opts.staging.states().filter((s) => tracked.has(s.repo))),
    };
    const recordFile = join(opts.warehouseDir, BUILD_RECORD_FILE);
    const keyFile = join(opts.warehouseDir, KEY_FILE);
    await writing(recordFile, null, () => writeFileSync(recordFile, JSON.stringify(record, null, 2) + '\n'));
    // Written last: a run killed before this line rebuilds next time.
    await writing(keyFile, null, () => writeFileSync(keyFile, inputsKey(inputs)));
    return { file, timings, metricsMs };
  } catch (e) {
    conn.closeSync();
    instance.closeSync();
    rmSync(tmp, { force: true });
    rmSync(`${tmp}.wal`, { force: true });
    throw asDiskFull(e, tmp, null);
  } finally {
    rmSync(tmpDir, { recursive: true, force: true });
    if (existsSync(`${tmp}.wal`)) rmSync(`${tmp}.wal`, { force: true });
  }
}
