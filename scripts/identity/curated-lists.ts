// Loader for the curated identity lists in data/identities/*.yaml. The lists are
// read once per process and validated on load, so a typo in a list fails the
// ingest loudly instead of silently classifying everyone as human.

import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';

export const LIST_NAMES = ['bots', 'teams', 'agents', 'human-allowlist', 'organizations', 'webmail'] as const;
export type ListName = (typeof LIST_NAMES)[number];

// The classifier sources take part in the version: changing a rule must
// re-classify everything just as changing a list does.
// Relative to this file: the classifiers whose code is part of the classifier version.
const CLASSIFIER_SOURCES = ['./bots.ts', './agents.ts', './affiliation.ts', '../classify/path-kind.ts', '../classify/work-kind.ts'] as const;

export interface BotsList {
  version: number;
  accounts: { names: string[]; emails: string[]; logins: string[]; githubIds: string[] };
  words: string[];
  localPartPrefixes: string[];
}

export interface TeamsList {
  version: number;
  accounts: { names: string[]; emails: string[]; logins: string[] };
  words: string[];
  /** Lowercased subject prefixes that make a team account's commit a bot commit. */
  automatedSubjects: string[];
}

export interface AgentsList {
  version: number;
  names: string[];
  namePrefixes: string[];
  nameSuffixes: string[];
  emails: string[];
  logins: string[];
  githubIds: string[];
}

export interface HumanAllowList {
  version: number;
  words: string[];
  names: string[];
  emails: string[];
  logins: string[];
}

export interface OrganizationsList {
  version: number;
  organizations: { name: string; domains: string[] }[];
}

export interface WebmailList {
  version: number;
  webmail: string[];
  webmailLabels: string[];
  personal: string[];
  placeholder: string[];
  pseudoTlds: string[];
}

function listUrl(name: ListName): URL {
  return new URL(`../../data/identities/${name}.yaml`, import.meta.url);
}

const textCache = new Map<ListName, string>();
const parsedCache = new Map<ListName, unknown>();

function listText(name: ListName): string {
  let text = textCache.get(name);
  if (text === undefined) {
    text = readFileSync(listUrl(name), 'utf8');
    textCache.set(name, text);
  }
  return text;
}

class ListError extends Error {
  constructor(list: ListName, message: string) {
    super(`data/identities/${list}.yaml: ${message}`);
    this.name = 'ListError';
  }
}

function asRecord(list: ListName, value: unknown, where: string): Record<string, unknown> {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    throw new ListError(list, `${where} must be a mapping`);
  }
  return value as Record<string, unknown>;
}

/** A list of strings, lowercased and trimmed; a missing key is an empty list. */
function strings(list: ListName, rec: Record<string, unknown>, key: string, where: string): string[] {
  const value = rec[key];
  if (value === undefined || value === null) return [];
  if (!Array.isArray(value)) throw new ListError(list, `${where}.${key} must be a list`);
  return value.map((v, i) => {
    // Numbers are allowed for GitHub ids, which YAML reads as integers.
    if (typeof v !== 'string' && typeof v !== 'number') {
      throw new ListError(list, `${where}.${key}[${i}] must be a string`);
    }
    const s = String(v).trim().toLowerCase();
    if (s === '') throw new ListError(list, `${where}.${key}[${i}] is empty`);
    return s;
  });
}

function loadRoot(list: ListName): Record<string, unknown> {
  let doc: unknown;
  try {
    doc = parse(listText(list));
  } catch (err) {
    throw new ListError(list, `invalid YAML: ${(err as Error).message}`);
  }
  const root = asRecord(list, doc, 'the document');
  if (!Number.isInteger(root.version) || (root.version as number) < 1) {
    throw new ListError(list, '`version` must be a positive integer');
  }
  return root;
}

function cached<T>(list: ListName, build: (root: Record<string, unknown>) => T): T {
  let value = parsedCache.get(list) as T | undefined;
  if (value === undefined) {
    value = build(loadRoot(list));
    parsedCache.set(list, value);
  }
  return value;
}

export function botsList(): BotsList {
  return cached('bots', (root) => {
    const acc = asRecord('bots', root.accounts ?? {}, 'accounts');
    const pat = asRecord('bots', root.patterns ?? {}, 'patterns');
    return {
      version: root.version as number,
      accounts: {
        names: strings('bots', acc, 'names', 'accounts'),
        emails: strings('bots', acc, 'emails', 'accounts'),
        logins: strings('bots', acc, 'logins', 'accounts'),
        githubIds: strings('bots', acc, 'github_ids', 'accounts'),
      },
      words: strings('bots', pat, 'words', 'patterns'),
      localPartPrefixes: strings('bots', pat, 'local_part_prefixes', 'patterns'),
    };
  });
}

export function teamsList(): TeamsList {
  return cached('teams', (root) => {
    const acc = asRecord('teams', root.accounts ?? {}, 'accounts');
    return {
      version: root.version as number,
      accounts: {
        names: strings('teams', acc, 'names', 'accounts'),
        emails: strings('teams', acc, 'emails', 'accounts'),
        logins: strings('teams', acc, 'logins', 'accounts'),
      },
      words: strings('teams', root, 'words', 'teams'),
      automatedSubjects: strings('teams', root, 'automated_subjects', 'teams'),
    };
  });
}

export function agentsList(): AgentsList {
  return cached('agents', (root) => ({
    version: root.version as number,
    names: strings('agents', root, 'names', 'agents'),
    namePrefixes: strings('agents', root, 'name_prefixes', 'agents'),
    nameSuffixes: strings('agents', root, 'name_suffixes', 'agents'),
    emails: strings('agents', root, 'emails', 'agents'),
    logins: strings('agents', root, 'logins', 'agents'),
    githubIds: strings('agents', root, 'github_ids', 'agents'),
  }));
}

export function humanAllowList(): HumanAllowList {
  return cached('human-allowlist', (root) => ({
    version: root.version as number,
    words: strings('human-allowlist', root, 'words', 'human-allowlist'),
    names: strings('human-allowlist', root, 'names', 'human-allowlist'),
    emails: strings('human-allowlist', root, 'emails', 'human-allowlist'),
    logins: strings('human-allowlist', root, 'logins', 'human-allowlist'),
  }));
}

export function organizationsList(): OrganizationsList {
  return cached('organizations', (root) => {
    const orgs = root.organizations;
    if (!Array.isArray(orgs)) throw new ListError('organizations', '`organizations` must be a list');
    return {
      version: root.version as number,
      organizations: orgs.map((o, i) => {
        const rec = asRecord('organizations', o, `organizations[${i}]`);
        if (typeof rec.name !== 'string' || rec.name.trim() === '') {
          throw new ListError('organizations', `organizations[${i}].name must be a non-empty string`);
        }
        const domains = strings('organizations', rec, 'domains', `organizations[${i}]`);
        if (domains.length === 0) throw new ListError('organizations', `${rec.name} has no domains`);
        return { name: rec.name.trim(), domains };
      }),
    };
  });
}

export function webmailList(): WebmailList {
  return cached('webmail', (root) => ({
    version: root.version as number,
    webmail: strings('webmail', root, 'webmail', 'webmail'),
    webmailLabels: strings('webmail', root, 'webmail_labels', 'webmail'),
    personal: strings('webmail', root, 'personal', 'webmail'),
    placeholder: strings('webmail', root, 'placeholder', 'webmail'),
    pseudoTlds: strings('webmail', root, 'pseudo_tlds', 'webmail'),
  }));
}

let versionCache: string | undefined;

/**
 * Short stable hash of every list and every classifier source. The ingest stores
 * it with classified rows and re-classifies everything when it changes.
 */
export function classifierVersion(): string {
  if (versionCache !== undefined) return versionCache;
  const hash = createHash('sha256');
  for (const name of LIST_NAMES) {
    hash.update(`list:${name}\n`);
    hash.update(listText(name));
  }
  for (const file of CLASSIFIER_SOURCES) {
    hash.update(`source:${file}\n`);
    hash.update(readFileSync(new URL(file, import.meta.url), 'utf8'));
  }
  versionCache = hash.digest('hex').slice(0, 12);
  return versionCache;
}
