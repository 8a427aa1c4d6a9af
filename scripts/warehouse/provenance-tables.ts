// Puts the provenance evidence that SQL cannot derive by itself into the warehouse:
// the curated sync markers (one row per receiving repository) and, for every fork,
// the commits its own history shows to be the upstream's (a graph walk, which is
// plain code here and a recursive query in SQL). scripts/warehouse/sql/home_commits.sql
// reads both.
import type { DuckDBConnection } from '@duckdb/node-api';
import type { Registry } from '../registry/registry.ts';
import { loadProvenanceRules, upstreamMergePatterns, type ProvenanceRules } from './provenance-rules.ts';
import { upstreamShas } from './fork-ancestry.ts';
import { sqlString } from '../../src/lib/sql-literal.ts';

export async function loadProvenance(conn: DuckDBConnection, registry: Registry, rules: ProvenanceRules = loadProvenanceRules()): Promise<void> {
  // A rule about repositories this registry does not track has nothing to act on (a
  // test's small registry, say); the real registry is checked against every name by a test.
  await conn.run('CREATE TABLE sync_markers (repo VARCHAR, marker VARCHAR, origins VARCHAR[])');
  const markerRows = rules.syncMarkers.flatMap((m) =>
    m.repos.map((repo) => `(${sqlString(repo)}, ${sqlString(m.marker)}, [${m.origin.map(sqlString).join(', ')}])`),
  );
  if (markerRows.length) await conn.run(`INSERT INTO sync_markers VALUES ${markerRows.join(', ')}`);

  await conn.run('CREATE TABLE fork_upstream_commits (repo VARCHAR, sha VARCHAR)');
  for (const fork of registry.repos) {
    if (fork.upstream === null) continue;
    const patterns = upstreamMergePatterns(rules, fork.repo, fork.upstream);
    if (patterns.length === 0) continue;
    const reader = await conn.runAndReadAll(`SELECT sha, parents, subject FROM raw_commits WHERE repo = ${sqlString(fork.repo)}`);
    const commits = reader.getRows().map(([sha, parents, subject]) => ({
      sha: String(sha),
      parents: String(parents ?? '').split(' ').filter(Boolean),
      subject: String(subject ?? ''),
    }));
    if (commits.length === 0) continue;
    const shas = upstreamShas(commits, (s) => patterns.some((p) => p.test(s)));
    if (shas.size === 0) continue;
    const appender = await conn.createAppender('fork_upstream_commits');
    for (const sha of shas) {
      appender.appendVarchar(fork.repo);
      appender.appendVarchar(sha);
      appender.endRow();
    }
    appender.closeSync();
  }
}
