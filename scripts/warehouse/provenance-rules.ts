// The curated provenance rules (data/provenance/sync-origins.yaml): which tracked
// repositories receive copies of other repositories' changes and how their subjects
// mark them, and which merge subjects bring a fork's upstream in. Edited by hand, so
// every problem names the file and line; the rules run as RE2 patterns in DuckDB
// and as JavaScript patterns here, so each must compile in the common subset.

import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import type { Registry } from '../registry/registry.ts';
import { InputError } from '../common/types.ts';
import { parseYaml } from '../common/yaml-schema.ts';

export const PROVENANCE_FILE = fileURLToPath(new URL('../../data/provenance/sync-origins.yaml', import.meta.url));

// RE2 (DuckDB) has no look-around or back-references; a rule using them would
// compile here and fail, or mean something else, in the warehouse.
const NOT_RE2 = /\(\?[=!<]|\\[1-9]/;

const pattern = (field: string) =>
  z
    .string(`\`${field}\` must be a non-empty pattern`)
    .min(1, `\`${field}\` must be a non-empty pattern`)
    .superRefine((value, ctx) => {
      if (NOT_RE2.test(value)) {
        ctx.addIssue(`\`${field}\` ${JSON.stringify(value)} uses look-around or back-references, which DuckDB's RE2 lacks`);
        return;
      }
      try {
        new RegExp(value.replaceAll('{name}', 'x').replaceAll('{upstream}', 'x/y'));
      } catch (e) {
        ctx.addIssue(`\`${field}\` ${JSON.stringify(value)} is not a valid pattern: ${(e as Error).message}`);
      }
    });

const repoList = (field: string) => {
  const message = `\`${field}\` must be a list of owner/name repositories`;
  return z.array(z.string(message).regex(/^[^/\s]+\/[^/\s]+$/, message), message).min(1, message);
};

const entries = <T extends z.ZodType>(key: string, entry: T) =>
  z.array(entry, `\`${key}\` must be a list`).default([]);

const rulesSchema = z.object(
  {
    version: z.int('`version` must be an integer'),
    sync_markers: entries(
      'sync_markers',
      z.object(
        {
          marker: pattern('marker'),
          /** The origin under every name its history is kept under. */
          origin: repoList('origin'),
          repos: repoList('repos'),
        },
        'each entry of `sync_markers` must be a mapping',
      ),
    ),
    upstream_merges: entries(
      'upstream_merges',
      z.object(
        {
          subject: pattern('subject'),
          /** Only these forks use the rule; every fork when absent. */
          repos: repoList('repos')
            .optional()
            .transform((repos) => repos ?? null),
        },
        'each entry of `upstream_merges` must be a mapping',
      ),
    ),
  },
  'expected a mapping with version, sync_markers, upstream_merges',
);

type Rules = z.output<typeof rulesSchema>;
/** A rule and its line, for messages that point back at it. */
type Located<T> = T & { line: number };
export type SyncMarker = Located<Rules['sync_markers'][number]>;
export type UpstreamMergeRule = Located<Rules['upstream_merges'][number]>;

export interface ProvenanceRules {
  version: number;
  syncMarkers: SyncMarker[];
  upstreamMerges: UpstreamMergeRule[];
  /** A hash of the file, recorded with what was built from it. */
  fingerprint: string;
}

export function loadProvenanceRules(file: string = PROVENANCE_FILE): ProvenanceRules {
  return parseProvenanceRules(readFileSync(file, 'utf8'), file);
}

export function parseProvenanceRules(text: string, file: string): ProvenanceRules {
  const { data, lineOf } = parseYaml(rulesSchema, text, file);
  return {
    version: data.version,
    syncMarkers: data.sync_markers.map((m, i) => ({ ...m, line: lineOf(['sync_markers', i]) })),
    upstreamMerges: data.upstream_merges.map((u, i) => ({ ...u, line: lineOf(['upstream_merges', i]) })),
    fingerprint: createHash('sha256').update(text).digest('hex').slice(0, 12),
  };
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
