// The curated provenance rules (data/provenance/sync-origins.yaml): which tracked
// repositories receive copies of other repositories' changes and how their subjects
// mark them, and which merge subjects bring a fork's upstream in. Edited by hand, so
// every problem names the file and line; the rules run as RE2 patterns in DuckDB
// and as JavaScript patterns here, so each must compile in the common subset.

import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { isMap, isSeq, LineCounter, parseDocument, type Node } from 'yaml';
import type { Registry } from '../registry/registry.ts';
import { InputError } from '../common/types.ts';

export const PROVENANCE_FILE = fileURLToPath(new URL('../../data/provenance/sync-origins.yaml', import.meta.url));

export interface SyncMarker {
  marker: string;
  /** The origin under every name its history is kept under. */
  origin: string[];
  repos: string[];
  line: number;
}

export interface UpstreamMergeRule {
  subject: string;
  /** Only these forks use the rule; every fork when absent. */
  repos: string[] | null;
  line: number;
}

export interface ProvenanceRules {
  version: number;
  syncMarkers: SyncMarker[];
  upstreamMerges: UpstreamMergeRule[];
  /** A hash of the file, recorded with what was built from it. */
  fingerprint: string;
}

// RE2 (DuckDB) has no look-around or back-references; a rule using them would
// compile here and fail, or mean something else, in the warehouse.
const NOT_RE2 = /\(\?[=!<]|\\[1-9]/;

export function loadProvenanceRules(file: string = PROVENANCE_FILE): ProvenanceRules {
  return parseProvenanceRules(readFileSync(file, 'utf8'), file);
}

export function parseProvenanceRules(text: string, file: string): ProvenanceRules {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter });
  const lineOf = (node: unknown): number => {
    const range = (node as Node | undefined)?.range;
    return range ? lineCounter.linePos(range[0]).line : 1;
  };
  const err = doc.errors[0];
  if (err) throw new InputError(`YAML: ${err.message.split('\n')[0]}`, { file, line: err.linePos?.[0].line });
  if (!isMap(doc.contents)) throw new InputError('expected a mapping with version, sync_markers, upstream_merges', { file, line: 1 });
  const version: unknown = doc.contents.toJSON().version;
  if (!Number.isInteger(version)) throw new InputError('`version` must be an integer', { file, line: lineOf(doc.contents.get('version', true)) });

  const items = (key: string): { data: Record<string, unknown>; line: number }[] => {
    const seq = doc.contents && isMap(doc.contents) ? doc.contents.get(key, true) : undefined;
    if (seq === undefined) return [];
    if (!isSeq(seq)) throw new InputError(`\`${key}\` must be a list`, { file, line: lineOf(seq) });
    return seq.items.map((item) => {
      if (!isMap(item)) throw new InputError(`each entry of \`${key}\` must be a mapping`, { file, line: lineOf(item) });
      return { data: item.toJSON() as Record<string, unknown>, line: lineOf(item) };
    });
  };
  const pattern = (value: unknown, field: string, line: number): string => {
    if (typeof value !== 'string' || value === '') throw new InputError(`\`${field}\` must be a non-empty pattern`, { file, line });
    if (NOT_RE2.test(value)) throw new InputError(`\`${field}\` ${JSON.stringify(value)} uses look-around or back-references, which DuckDB's RE2 lacks`, { file, line });
    try {
      new RegExp(value.replaceAll('{name}', 'x').replaceAll('{upstream}', 'x/y'));
    } catch (e) {
      throw new InputError(`\`${field}\` ${JSON.stringify(value)} is not a valid pattern: ${(e as Error).message}`, { file, line });
    }
    return value;
  };
  const repoList = (value: unknown, field: string, line: number): string[] => {
    if (!Array.isArray(value) || value.length === 0 || !value.every((v) => typeof v === 'string' && /^[^/\s]+\/[^/\s]+$/.test(v))) {
      throw new InputError(`\`${field}\` must be a list of owner/name repositories`, { file, line });
    }
    return value as string[];
  };

  const syncMarkers = items('sync_markers').map(({ data, line }) => ({
    marker: pattern(data.marker, 'marker', line),
    origin: repoList(data.origin, 'origin', line),
    repos: repoList(data.repos, 'repos', line),
    line,
  }));
  const upstreamMerges = items('upstream_merges').map(({ data, line }) => ({
    subject: pattern(data.subject, 'subject', line),
    repos: data.repos === undefined ? null : repoList(data.repos, 'repos', line),
    line,
  }));
  return { version: Number(version), syncMarkers, upstreamMerges, fingerprint: createHash('sha256').update(text).digest('hex').slice(0, 12) };
}

/**
 * Every repository a rule names must be in the registry, spelled as it is there:
 * a misspelt name would silently match nothing.
 */
export function checkRulesAgainstRegistry(rules: ProvenanceRules, registry: Registry, file: string = PROVENANCE_FILE): void {
  const check = (repo: string, line: number) => {
    if (!registry.byRepo.has(repo)) throw new InputError(`${repo} is not in the registry (data/tracked-repos.csv)`, { file, line });
  };
  for (const m of rules.syncMarkers) for (const r of [...m.origin, ...m.repos]) check(r, m.line);
  for (const u of rules.upstreamMerges) for (const r of u.repos ?? []) check(r, u.line);
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** The upstream-merge patterns that apply to one fork, with its upstream filled in. */
export function upstreamMergePatterns(rules: ProvenanceRules, fork: string, upstream: string): RegExp[] {
  const name = upstream.slice(upstream.indexOf('/') + 1);
  return rules.upstreamMerges
    .filter((u) => u.repos === null || u.repos.includes(fork))
    .map((u) => new RegExp(u.subject.replaceAll('{name}', escapeRegExp(name)).replaceAll('{upstream}', escapeRegExp(upstream)), 'i'));
}
