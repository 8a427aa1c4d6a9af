// Turns the identities a warehouse observed (author, committer, mailmap and co-author
// lines, per repository) into the rows of its identity tables: merged people, the
// links that merged them, the bot, agent and team classes, and the people bare
// co-author names stand for. Plain data in, rows out through a sink: the warehouse
// build appends them.
import { embeddedAddress, identityKey, resolveBareCoauthors, resolveIdentities, type BareCoauthor, type IdentityObservation, type KnownIdentity } from './identities.ts';
import { isBot, isTeam } from './bots.ts';
import { isAgent } from './agents.ts';
import { organizationOf } from './affiliation.ts';

/** One distinct identity line of one repository, as the warehouse's raw tables hold it. */
export interface ObservedIdentity {
  repo: string;
  name: string | null;
  email: string | null;
  /** The name and address the repository's .mailmap gives it, when it has one. */
  mname: string | null;
  memail: string | null;
  coauthor: boolean;
}

/**
 * Where the rows go as they are made: at a million identities, holding every row
 * before writing it would add a second copy to the heap.
 */
export interface IdentitySink {
  /** A row of `identities`; person is null for a bare co-author name. */
  identity(name: string, email: string, person: number | null, bot: boolean, agent: boolean, team: boolean, organization: string): void;
  /** A row of `identity_links`. */
  link(a: string, b: string, rule: string, evidence: string): void;
  /** A row of `coauthor_names`. */
  coauthorName(repo: string, name: string, person: number, organization: string): void;
}

function classes(name: string, email: string): { agent: boolean; bot: boolean; team: boolean; organization: string } {
  const agent = isAgent(name, email);
  return { agent, bot: !agent && isBot(name, email), team: !agent && isTeam(name, email), organization: organizationOf(email) };
}

/** Resolves the observed identities into `sink`'s rows; returns the number of people. */
export function identityTables(observed: readonly ObservedIdentity[], sink: IdentitySink): number {
  const observations: IdentityObservation[] = [];
  // A co-author line without a bracketed address is not an identity of its own: its
  // embedded address when it has one, else a bare name resolved per repository below.
  const embedded = new Map<string, string>();
  const bare: (BareCoauthor & { address?: { name: string; email: string } })[] = [];
  for (const r of observed) {
    if (r.coauthor && (r.email ?? '') === '') {
      const found = embeddedAddress(r.name ?? '');
      if (found) {
        observations.push({ ...found, repo: r.repo });
        embedded.set(`${r.repo}\u0000${r.name}`, identityKey(found.name, found.email));
      }
      bare.push({ repo: r.repo, name: r.name ?? '', address: found ?? undefined });
      continue;
    }
    observations.push({ name: r.name ?? '', email: r.email ?? '', repo: r.repo, mailmappedName: r.mname ?? undefined, mailmappedEmail: r.memail ?? undefined });
    if (r.mname !== null && r.memail !== null) observations.push({ name: r.mname, email: r.memail, repo: r.repo });
  }
  const resolved = resolveIdentities(observations);
  const seen = new Set<string>();
  const known: KnownIdentity[] = [];
  for (const o of observations) {
    const person = resolved.keyToPerson.get(identityKey(o.name, o.email));
    if (person === undefined) continue;
    const c = classes(o.name, o.email);
    if (!c.agent && !c.bot && !c.team) known.push({ repo: o.repo, name: o.name, email: o.email, person, organization: c.organization });
    const exact = `${o.name}\u0000${o.email}`;
    if (seen.has(exact)) continue;
    seen.add(exact);
    sink.identity(o.name, o.email, person, c.bot, c.agent, c.team, c.organization);
  }
  // Lines without a bracketed address keep a row for their classes (a bare "Claude"
  // still marks agent work), with no person: coauthor_names says whom they credit.
  for (const b of bare) {
    const exact = `${b.name}\u0000`;
    if (seen.has(exact)) continue;
    seen.add(exact);
    const c = b.address ? classes(b.address.name, b.address.email) : classes(b.name, '');
    sink.identity(b.name, '', null, c.bot, c.agent, c.team, c.organization);
  }
  for (const [where, { person, organization }] of resolveBareCoauthors(bare.filter((b) => !b.address), known)) {
    const [repo, name] = where.split('\u0000') as [string, string];
    sink.coauthorName(repo, name, person, organization);
  }
  for (const [where, key] of embedded) {
    const [repo, name] = where.split('\u0000') as [string, string];
    const person = resolved.keyToPerson.get(key);
    const email = key.slice(0, key.indexOf('\u0000'));
    const c = classes(key.slice(key.indexOf('\u0000') + 1), email);
    if (person !== undefined && !c.agent && !c.bot && !c.team) sink.coauthorName(repo, name, person, c.organization);
  }
  for (const l of resolved.links) sink.link(String(l.a), String(l.b), String(l.rule), String(l.evidence));
  return resolved.people;
}
