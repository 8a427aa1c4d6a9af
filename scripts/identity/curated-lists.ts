// Loader for the curated identity lists in data/identities/*.yaml. The lists are
// read once per process and validated on load, so a typo in a list fails the
// ingest loudly instead of silently classifying everyone as human.

import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { parseYaml } from '../common/yaml-schema.ts';

export const LIST_NAMES = ['bots', 'teams', 'agents', 'human-allowlist', 'organizations', 'webmail'] as const;
export type ListName = (typeof LIST_NAMES)[number];

// The classifier sources take part in the version: changing a rule must
// re-classify everything just as changing a list does.
// Relative to this file: the classifiers whose code is part of the classifier version.
const CLASSIFIER_SOURCES = ['./bots.ts', './agents.ts', './affiliation.ts', '../classify/path-kind.ts', '../classify/work-kind.ts'] as const;

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

/**
 * Entries lowercased and trimmed, as every match is case-insensitive; a missing key is an
 * empty list. Numbers are allowed for GitHub ids, which YAML reads as integers.
 */
const strings = z
  .array(
    z
      .union([z.string(), z.number()], 'an entry must be a string')
      .transform((v) => String(v).trim().toLowerCase())
      .pipe(z.string().min(1, 'an entry is empty')),
    'expected a list of strings',
  )
  .nullish()
  .transform((v) => v ?? []);

/** A mapping of lists that may be left out. */
const section = <T extends z.ZodRawShape>(shape: T) => z.preprocess((v) => v ?? {}, z.object(shape, 'expected a mapping of lists'));

/** Every list is a mapping with a positive `version`. */
const list = <T extends z.ZodRawShape>(shape: T) =>
  z.object({ version: z.int('`version` must be a positive integer').min(1, '`version` must be a positive integer'), ...shape }, 'the document must be a mapping');

const botsSchema = list({
  accounts: section({ names: strings, emails: strings, logins: strings, github_ids: strings }),
  patterns: section({ words: strings, local_part_prefixes: strings }),
}).transform(({ version, accounts: a, patterns: p }) => ({
  version,
  accounts: { names: a.names, emails: a.emails, logins: a.logins, githubIds: a.github_ids },
  words: p.words,
  localPartPrefixes: p.local_part_prefixes,
}));

const teamsSchema = list({
  accounts: section({ names: strings, emails: strings, logins: strings }),
  words: strings,
  /** Lowercased subject prefixes that make a team account's commit a bot commit. */
  automated_subjects: strings,
}).transform(({ version, accounts, words, automated_subjects: automatedSubjects }) => ({ version, accounts, words, automatedSubjects }));

const agentsSchema = list({
  names: strings,
  name_prefixes: strings,
  name_suffixes: strings,
  emails: strings,
  logins: strings,
  github_ids: strings,
}).transform((l) => ({
  version: l.version,
  names: l.names,
  namePrefixes: l.name_prefixes,
  nameSuffixes: l.name_suffixes,
  emails: l.emails,
  logins: l.logins,
  githubIds: l.github_ids,
}));

const humanAllowSchema = list({ words: strings, names: strings, emails: strings, logins: strings });

const organizationsSchema = list({
  organizations: z.array(
    z.object(
      {
        name: z
          .string('`name` must be a non-empty string')
          .trim()
          .min(1, '`name` must be a non-empty string'),
        domains: strings.refine((domains) => domains.length > 0, 'an organization needs at least one domain'),
      },
      'an organization must be a mapping',
    ),
    '`organizations` must be a list',
  ),
});

const webmailSchema = list({
  webmail: strings,
  webmail_labels: strings,
  personal: strings,
  placeholder: strings,
  pseudo_tlds: strings,
}).transform((l) => ({
  version: l.version,
  webmail: l.webmail,
  webmailLabels: l.webmail_labels,
  personal: l.personal,
  placeholder: l.placeholder,
  pseudoTlds: l.pseudo_tlds,
}));

const SCHEMAS = {
  bots: botsSchema,
  teams: teamsSchema,
  agents: agentsSchema,
  'human-allowlist': humanAllowSchema,
  organizations: organizationsSchema,
  webmail: webmailSchema,
} satisfies Record<ListName, z.ZodType>;
type CuratedList<N extends ListName> = z.output<(typeof SCHEMAS)[N]>;

export type BotsList = CuratedList<'bots'>;
export type TeamsList = CuratedList<'teams'>;
export type AgentsList = CuratedList<'agents'>;
export type HumanAllowList = CuratedList<'human-allowlist'>;
export type OrganizationsList = CuratedList<'organizations'>;
export type WebmailList = CuratedList<'webmail'>;

/** One list's text, checked: every problem names data/identities/<name>.yaml and its line. */
export function parseCuratedList<N extends ListName>(name: N, text: string): CuratedList<N> {
  return parseYaml(SCHEMAS[name], text, `data/identities/${name}.yaml`).data as CuratedList<N>;
}

function cached<N extends ListName>(name: N): CuratedList<N> {
  let value = parsedCache.get(name) as CuratedList<N> | undefined;
  if (value === undefined) {
    value = parseCuratedList(name, listText(name));
    parsedCache.set(name, value);
  }
  return value;
}

export const botsList = (): BotsList => cached('bots');
export const teamsList = (): TeamsList => cached('teams');
export const agentsList = (): AgentsList => cached('agents');
export const humanAllowList = (): HumanAllowList => cached('human-allowlist');
export const organizationsList = (): OrganizationsList => cached('organizations');
export const webmailList = (): WebmailList => cached('webmail');

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
