// The curated identity rules: data/identities/overrides.yaml (identities that are,
// or are never, one person) and data/identities/webmail.yaml (consumer mail
// domains), read and checked with the file and line of any mistake.

import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { isMap, isScalar, isSeq, LineCounter, parseDocument, type Node } from 'yaml';
import { BUILTIN_WEBMAIL, BUILTIN_WEBMAIL_LABELS } from './identity-rules.ts';
import { InputError } from '../common/types.ts';

/** Each entry: an address, a name, or `Name <address>` (exactly that identity). */
export interface OverrideGroup {
  selectors: string[];
  line: number;
}

export interface IdentityOverrides {
  file: string;
  /** Identities of a group are one person. */
  same: OverrideGroup[];
  /** No two entries of a group may end up as one person, whatever the rules say. */
  never: OverrideGroup[];
}

export interface IdentityRules {
  overrides: IdentityOverrides;
  /** Consumer mail domains (subdomains included): sharing one is no evidence. */
  webmail: ReadonlySet<string>;
  /** First labels of providers' country domains: yahoo → yahoo.co.jp, hotmail.fr. */
  webmailLabels?: ReadonlySet<string>;
}

const DEFAULT_OVERRIDES = fileURLToPath(new URL('../../data/identities/overrides.yaml', import.meta.url));
const DEFAULT_WEBMAIL = fileURLToPath(new URL('../../data/identities/webmail.yaml', import.meta.url));

function parseGroups(node: unknown, file: string, lineOf: (n: unknown) => number, what: string): OverrideGroup[] {
  if (node === undefined || node === null) return [];
  if (!isSeq(node)) throw new InputError(`\`${what}\` must be a list`, { file, line: lineOf(node) });
  return node.items.map((item) => {
    const line = lineOf(item);
    let list: unknown = item;
    if (isMap(item)) {
      for (const pair of item.items) {
        const k = isScalar(pair.key) ? String(pair.key.value) : '';
        if (k !== 'identities' && k !== 'note') throw new InputError(`unknown field ${JSON.stringify(k)}`, { file, line });
      }
      list = item.get('identities', true);
    }
    const selectors = isSeq(list) ? list.items.map((s) => (isScalar(s) ? String(s.value ?? '').trim() : '')) : [];
    if (selectors.length < 2 || selectors.some((s) => s === '')) {
      throw new InputError(`each \`${what}\` entry lists two or more identities (address, name or "Name <address>")`, {
        file,
        line,
      });
    }
    return { selectors, line };
  });
}

export function parseOverrides(text: string, file: string): IdentityOverrides {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter });
  const err = doc.errors[0];
  if (err) {
    const message = err.message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '');
    throw new InputError(`YAML: ${message}`, { file, line: err.linePos?.[0].line });
  }
  const lineOf = (n: unknown) => {
    const range = (n as Node | null)?.range;
    return range ? lineCounter.linePos(range[0]).line : 1;
  };
  const root = doc.contents;
  if (root === null) return { file, same: [], never: [] };
  if (!isMap(root)) throw new InputError('expected `same:` and `never:` lists', { file, line: lineOf(root) });
  for (const pair of root.items) {
    const k = isScalar(pair.key) ? String(pair.key.value) : '';
    if (k !== 'same' && k !== 'never') throw new InputError(`unknown key ${JSON.stringify(k)}`, { file, line: lineOf(pair.key) });
  }
  return {
    file,
    same: parseGroups(root.get('same', true), file, lineOf, 'same'),
    never: parseGroups(root.get('never', true), file, lineOf, 'never'),
  };
}

/** Reads the curated files; a missing file means no overrides / the built-in webmail list. */
export function loadIdentityRules(opts: { overridesYaml?: string; webmailYaml?: string } = {}): IdentityRules {
  const overridesFile = opts.overridesYaml ?? DEFAULT_OVERRIDES;
  const webmailFile = opts.webmailYaml ?? DEFAULT_WEBMAIL;
  const overrides = existsSync(overridesFile)
    ? parseOverrides(readFileSync(overridesFile, 'utf8'), overridesFile)
    : { file: overridesFile, same: [], never: [] };
  if (!existsSync(webmailFile)) return { overrides, webmail: BUILTIN_WEBMAIL, webmailLabels: BUILTIN_WEBMAIL_LABELS };
  // The list is shared with the affiliation code: `webmail:` (or `domains:`) and `webmail_labels:`.
  const doc = parseDocument(readFileSync(webmailFile, 'utf8'));
  const root = doc.errors.length ? null : (doc.toJS() as Record<string, unknown> | null);
  const list = (key: string): string[] | null => {
    const v = root?.[key];
    if (v === undefined || v === null) return null;
    if (!Array.isArray(v) || v.some((d) => typeof d !== 'string')) {
      throw new InputError(`\`${key}:\` must be a list of strings`, { file: webmailFile });
    }
    return v.map((d: string) => d.trim().toLowerCase());
  };
  const domains = list('webmail') ?? list('domains');
  if (!domains) throw new InputError('expected a `webmail:` (or `domains:`) list of domains', { file: webmailFile });
  return { overrides, webmail: new Set(domains), webmailLabels: new Set(list('webmail_labels') ?? []) };
}
