// Merges raw git identities into people (DESIGN §2, "Identity merging"). A wrong
// merge silently credits one person with another's work, a missed one only splits
// a person in two, so every rule errs towards not merging, and every union is
// logged with the rule and the evidence that made it.

import { basename } from 'node:path';
import { loadIdentityRules, type IdentityOverrides, type IdentityRules } from './identity-overrides.ts';
import { githubLogin, isGenericNormalized, isWebmail, normalizeEmail, normalizeName, ROLE_LOCAL } from './identity-rules.ts';
import { InputError } from '../common/types.ts';

export interface IdentityObservation {
  name: string;
  email: string;
  repo: string;
  mailmappedName?: string;
  mailmappedEmail?: string;
}

export type LinkRule = 'override' | 'mailmap' | 'email' | 'github-noreply' | 'name+corroboration';

export interface IdentityLink {
  a: string;
  b: string;
  rule: LinkRule;
  /** What matched: the address, login, id, repo or override line. */
  evidence: string;
}

export interface IdentityResolution {
  keyToPerson: Map<string, number>;
  /** One entry per union: a person made of n identities has n − 1 links. */
  links: IdentityLink[];
  /** Links a `never` override refused. */
  blocked: IdentityLink[];
  /** Addresses found to be shared by many people, so never linked on. */
  sharedAddresses: string[];
  people: number;
}

const SHARED_ADDRESS_NAMES = 12;

export function identityKey(name: string, email: string): string {
  return `${email.trim().toLowerCase()}\u0000${name.trim()}`;
}

// Union-find over identity indexes, path halving and union by rank. `never`
// overrides are tags on the roots: group g, entry m. A union that would bring
// two different entries of one group together is refused.
interface Forest {
  parent: Int32Array;
  rank: Uint8Array;
  tags: (Map<number, number> | undefined)[];
}

function find(f: Forest, x: number): number {
  while (f.parent[x] !== x) {
    const up = f.parent[f.parent[x]!]!;
    f.parent[x] = up;
    x = up;
  }
  return x;
}

/** Returns 'merged', 'same' (already one person) or 'blocked'. */
function union(f: Forest, a: number, b: number): 'merged' | 'same' | 'blocked' {
  let ra = find(f, a);
  let rb = find(f, b);
  if (ra === rb) return 'same';
  const ta = f.tags[ra];
  const tb = f.tags[rb];
  if (ta && tb) {
    const [small, large] = ta.size < tb.size ? [ta, tb] : [tb, ta];
    for (const [g, m] of small) if (large.has(g) && large.get(g) !== m) return 'blocked';
  }
  if (f.rank[ra]! < f.rank[rb]!) [ra, rb] = [rb, ra];
  f.parent[rb] = ra;
  if (f.rank[ra] === f.rank[rb]) f.rank[ra]! += 1;
  const [keep, moved] = [f.tags[ra], f.tags[rb]];
  if (moved) {
    if (keep) for (const [g, m] of moved) keep.set(g, m);
    else f.tags[ra] = moved;
    f.tags[rb] = undefined;
  }
  return 'merged';
}

function push<K>(map: Map<K, number[]>, key: K, value: number): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

interface Identity {
  key: string;
  name: string;
  email: string;
  repos: string[];
  index: number;
}

/**
 * Resolves observations into people. Rules run in the order of DESIGN §2 and the
 * first rule that joins two identities is the one logged. Identities are handled
 * in key order, so the result does not depend on the order of the input. Rules
 * not given are read from data/identities/ (see loadIdentityRules).
 */
export function resolveIdentities(
  observations: readonly IdentityObservation[],
  rules: Partial<IdentityRules> = {},
): IdentityResolution {
  const { overrides, webmail, webmailLabels } =
    rules.overrides && rules.webmail ? (rules as IdentityRules) : { ...loadIdentityRules(), ...rules };
  const webmailCache = new Map<string, boolean>();
  const isWebmailDomain = (d: string): boolean => {
    let hit = webmailCache.get(d);
    if (hit === undefined) webmailCache.set(d, (hit = isWebmail(d, webmail, webmailLabels)));
    return hit;
  };

  const seen = new Map<string, Identity>();
  const note = (name: string, email: string, repo: string): Identity => {
    const key = identityKey(name, email);
    let id = seen.get(key);
    if (!id) seen.set(key, (id = { key, name: name.trim(), email: email.trim().toLowerCase(), repos: [], index: -1 }));
    if (!id.repos.includes(repo)) id.repos.push(repo);
    return id;
  };
  const mailmapped: [Identity, Identity, string][] = [];
  for (const o of observations) {
    const raw = note(o.name, o.email, o.repo);
    if (o.mailmappedName === undefined && o.mailmappedEmail === undefined) continue;
    const mapped = note(o.mailmappedName ?? o.name, o.mailmappedEmail ?? o.email, o.repo);
    if (mapped !== raw) mailmapped.push([raw, mapped, o.repo]);
  }

  const ids = [...seen.values()].sort((x, y) => (x.key < y.key ? -1 : 1));
  ids.forEach((id, i) => (id.index = i));
  const n = ids.length;
  const forest: Forest = { parent: Int32Array.from({ length: n }, (_, i) => i), rank: new Uint8Array(n), tags: [] };
  const links: IdentityLink[] = [];
  const blocked: IdentityLink[] = [];
  const link = (a: number, b: number, rule: LinkRule, evidence: string): boolean => {
    const result = union(forest, a, b);
    if (result === 'same') return true;
    (result === 'merged' ? links : blocked).push({ a: ids[a]!.key, b: ids[b]!.key, rule, evidence });
    return result === 'merged';
  };
  const linkAll = (members: readonly number[], rule: LinkRule, evidence: string) => {
    for (let k = 1; k < members.length; k++) link(members[0]!, members[k]!, rule, evidence);
  };
  const names = ids.map((id) => normalizeName(id.name));

  if (overrides.same.length || overrides.never.length) applyOverrides(overrides, ids, names, seen, forest, link);

  const pairs = mailmapped.map(([x, y, repo]): [number, number, string] =>
    x.index < y.index ? [x.index, y.index, repo] : [y.index, x.index, repo],
  );
  pairs.sort((x, y) => x[0] - y[0] || x[1] - y[1] || (x[2] < y[2] ? -1 : 1));
  for (const [a, b, repo] of pairs) link(a, b, 'mailmap', `.mailmap of ${repo}`);

  const normalized = ids.map((id) => normalizeEmail(id.email));
  const sameEmail = new Map<string, number[]>();
  normalized.forEach((e, i) => e !== null && push(sameEmail, e, i));
  const sharedAddresses: string[] = [];
  for (const [email, members] of sameEmail) {
    if (members.length < 2) continue;
    // A team or service address (one in the dataset carries 20 names; a person's
    // own address at most 8 spellings of theirs) identifies no one.
    if (members.length >= SHARED_ADDRESS_NAMES && new Set(members.map((i) => names[i])).size >= SHARED_ADDRESS_NAMES) {
      sharedAddresses.push(email);
      for (const i of members) normalized[i] = null;
      continue;
    }
    linkAll(members, 'email', email);
  }

  // A renamed account keeps its id; a login freed by a rename can be taken by another
  // account, so a bare login links to id forms only when all of them agree on the id.
  const github = normalized.map((email) => (email === null ? null : githubLogin(email)));
  const byId = new Map<number, number[]>();
  const byLogin = new Map<string, { members: number[]; ids: Set<number> }>();
  github.forEach((gh, i) => {
    if (!gh) return;
    if (gh.id !== null) push(byId, gh.id, i);
    const entry = byLogin.get(gh.login) ?? { members: [], ids: new Set<number>() };
    if (entry.members.push(i) === 1) byLogin.set(gh.login, entry);
    if (gh.id !== null) entry.ids.add(gh.id);
  });
  for (const [id, members] of byId) linkAll(members, 'github-noreply', `id ${id}`);
  for (const [login, entry] of byLogin) {
    if (entry.ids.size <= 1) linkAll(entry.members, 'github-noreply', `login ${login}`);
  }

  // Same full name, plus one more thing in common between the two identities.
  const byFullName = new Map<string, number[]>();
  names.forEach((name, i) => {
    if (name.includes(' ') && !isGenericNormalized(name, ids[i]!.name)) push(byFullName, name, i);
  });
  // Local parts compare without separators (wei.zhang@corp, weizhang@gmail, login
  // wei-zhang). A role word, or one of the person's own name tokens, adds nothing to the name.
  const local = (i: number): string | null => {
    const email = normalized[i];
    if (!email) return null;
    const l = (github[i]?.login ?? email.slice(0, email.indexOf('@'))).replace(/[._-]/g, '');
    return l && !ROLE_LOCAL.has(l) && !names[i]!.split(' ').includes(l) ? l : null;
  };
  const domain = (i: number): string | null => {
    const email = normalized[i];
    const d = email && !github[i] ? email.slice(email.indexOf('@') + 1) : null;
    return d && !isWebmailDomain(d) ? d : null;
  };
  for (const members of byFullName.values()) {
    if (members.length < 2) continue;
    const locals = members.map(local);
    const domains = members.map(domain);
    // Pairs for the usual handful of identities; buckets for a very common name.
    if (members.length <= 24) {
      for (let x = 0; x < members.length; x++) {
        for (let y = x + 1; y < members.length; y++) {
          const [a, b] = [members[x]!, members[y]!];
          const repo = ids[a]!.repos.find((r) => ids[b]!.repos.includes(r));
          const evidence =
            locals[x] && locals[x] === locals[y] ? `local part ${locals[x]}`
            : domains[x] && domains[x] === domains[y] ? `domain ${domains[x]}`
            : repo ? `repo ${repo}`
            : null;
          if (evidence) link(a, b, 'name+corroboration', evidence);
        }
      }
      continue;
    }
    const buckets = new Map<string, number[]>();
    members.forEach((i, x) => {
      if (locals[x]) push(buckets, `local part ${locals[x]}`, i);
      if (domains[x]) push(buckets, `domain ${domains[x]}`, i);
      for (const repo of ids[i]!.repos) push(buckets, `repo ${repo}`, i);
    });
    for (const [evidence, group] of buckets) if (group.length > 1) linkAll(group, 'name+corroboration', evidence);
  }

  const keyToPerson = new Map<string, number>();
  const personOfRoot = new Int32Array(n).fill(-1);
  let people = 0;
  for (let i = 0; i < n; i++) {
    const root = find(forest, i);
    if (personOfRoot[root] === -1) personOfRoot[root] = people++;
    keyToPerson.set(ids[i]!.key, personOfRoot[root]!);
  }
  return { keyToPerson, links, blocked, sharedAddresses: sharedAddresses.sort(), people };
}

// Selectors: `Name <address>` is that identity, an address every identity with it,
// anything else every identity with that (normalized) name.
function applyOverrides(
  overrides: IdentityOverrides,
  ids: readonly Identity[],
  names: readonly string[],
  byKey: ReadonlyMap<string, Identity>,
  forest: Forest,
  link: (a: number, b: number, rule: LinkRule, evidence: string) => boolean,
): void {
  const byEmail = new Map<string, number[]>();
  const byName = new Map<string, number[]>();
  ids.forEach((id, i) => {
    push(byEmail, id.email, i);
    push(byName, names[i]!, i);
  });
  const select = (selector: string): number[] => {
    const exact = /^(.*?)\s*<([^<>]*)>$/.exec(selector);
    if (exact) {
      const id = byKey.get(identityKey(exact[1]!, exact[2]!));
      return id ? [id.index] : [];
    }
    if (selector.includes('@')) return byEmail.get(selector.toLowerCase()) ?? [];
    return byName.get(normalizeName(selector)) ?? [];
  };
  const { file } = overrides;
  overrides.never.forEach((group, g) => {
    group.selectors.forEach((selector, m) => {
      for (const i of select(selector)) {
        const tags = (forest.tags[i] ??= new Map());
        if (tags.has(g) && tags.get(g) !== m) {
          const who = ids[i]!;
          throw new InputError(`${who.name} <${who.email}> matches two entries of this \`never\` group`, { file, line: group.line });
        }
        tags.set(g, m);
      }
    });
  });
  for (const group of overrides.same) {
    const members = [...new Set(group.selectors.flatMap(select))].sort((x, y) => x - y);
    for (let k = 1; k < members.length; k++) {
      if (!link(members[0]!, members[k]!, 'override', `${basename(file)}:${group.line}`)) {
        throw new InputError('this `same` group contradicts a `never` group', { file, line: group.line });
      }
    }
  }
}

// A `Co-authored-by: Name` without an address names someone only by a string. It
// is never a person of its own (that would invent one per spelling); it is the
// person of that name or GitHub login among the identities seen in the same
// repository, when exactly one person matches, and nobody otherwise. Some lines
// do carry an address, written without the brackets git expects.
const EMBEDDED_ADDRESS_RE = /^(.*?)[\s<[(]*(?:mailto:)?([^\s<>[\]()]+@[^\s<>[\]()]+\.[a-z]{2,})[\s>\])]*(?:\(mailto:[^)]*\))?\s*$/i;

/**
 * The name and address of a co-author line whose address is not in brackets
 * ("Wuwei Lin <<wuwei@apache.org>>", "Bairen Yi yibairen@…", "Name [a@b](mailto:a@b)"),
 * or null when the line holds no address.
 */
export function embeddedAddress(line: string): { name: string; email: string } | null {
  const m = EMBEDDED_ADDRESS_RE.exec(line.trim());
  if (!m) return null;
  return { name: m[1]!.trim(), email: m[2]!.toLowerCase() };
}

export interface BareCoauthor {
  repo: string;
  name: string;
}

export interface KnownIdentity {
  repo: string;
  name: string;
  email: string;
  person: number;
  organization: string;
}

/**
 * Person and organization of each bare co-author name that one person of the same
 * repository answers to: by full name (normalized) or by GitHub login. `known`
 * holds only identities that can be credited (people, not bots, agents or teams).
 * Keys are `repo \0 name`.
 */
export function resolveBareCoauthors(
  bare: readonly BareCoauthor[],
  known: readonly KnownIdentity[],
): Map<string, { person: number; organization: string }> {
  const byRepo = new Map<string, Map<string, Map<number, string>>>();
  // The organization a person is credited with: a real one over 'Unknown', then by name.
  const better = (a: string, b: string): boolean => ((a === 'Unknown') !== (b === 'Unknown') ? b === 'Unknown' : a < b);
  const add = (repo: string, key: string, person: number, organization: string) => {
    if (key === '') return;
    let index = byRepo.get(repo);
    if (!index) byRepo.set(repo, (index = new Map()));
    let people = index.get(key);
    if (!people) index.set(key, (people = new Map()));
    const had = people.get(person);
    if (had === undefined || better(organization, had)) people.set(person, organization);
  };
  for (const k of known) {
    if (k.email === '') continue;
    add(k.repo, normalizeName(k.name), k.person, k.organization);
    const gh = githubLogin(k.email);
    if (gh) add(k.repo, normalizeName(gh.login), k.person, k.organization);
  }
  const out = new Map<string, { person: number; organization: string }>();
  for (const b of bare) {
    const key = normalizeName(b.name.replace(/^@/, ''));
    if (key === '' || isGenericNormalized(key, b.name)) continue;
    const people = byRepo.get(b.repo)?.get(key);
    if (!people || people.size !== 1) continue;
    for (const [person, organization] of people) out.set(`${b.repo}\u0000${b.name}`, { person, organization });
  }
  return out;
}
