// The curated identity lists: they load, they are versioned, they do not
// contradict each other, and classifierVersion is a stable short hash.
import { describe, expect, it } from 'vitest';
import {
  agentsList,
  botsList,
  classifierVersion,
  humanAllowList,
  organizationsList,
  parseCuratedList,
  teamsList,
  webmailList,
} from '../../../scripts/identity/curated-lists.ts';
import { isAgent } from '../../../scripts/identity/agents.ts';
import { isBot, isTeam } from '../../../scripts/identity/bots.ts';

function duplicates(values: string[]): string[] {
  const seen = new Set<string>();
  return values.filter((v) => (seen.has(v) ? true : (seen.add(v), false)));
}

describe('curated lists', () => {
  it('all carry a positive integer version', () => {
    for (const list of [botsList(), teamsList(), agentsList(), humanAllowList(), organizationsList(), webmailList()]) {
      expect(Number.isInteger(list.version) && list.version >= 1).toBe(true);
    }
  });

  it('load lowercased entries', () => {
    const b = botsList();
    for (const v of [...b.accounts.names, ...b.accounts.emails, ...b.words]) expect(v).toBe(v.toLowerCase());
    expect(b.accounts.githubIds).toContain('49699333');
  });

  it('map each domain to one organization and never to Unknown as well', () => {
    const domains = organizationsList().organizations.flatMap((o) => o.domains);
    expect(duplicates(domains)).toEqual([]);
    const w = webmailList();
    const unknown = [...w.webmail, ...w.personal, ...w.placeholder];
    expect(duplicates(unknown)).toEqual([]);
    expect(domains.filter((d) => unknown.includes(d))).toEqual([]);
  });

  it('do not allow-list an account that the bot list names', () => {
    const b = botsList();
    const h = humanAllowList();
    expect(h.names.filter((n) => b.accounts.names.includes(n))).toEqual([]);
    expect(h.logins.filter((l) => b.accounts.logins.includes(l))).toEqual([]);
  });

  it('classify every curated agent login as an agent', () => {
    for (const login of agentsList().logins) {
      expect(isAgent(login, `${login}@users.noreply.github.com`)).toBe(true);
    }
  });

  it('classify every curated bot address as a bot', () => {
    for (const email of botsList().accounts.emails) expect(isBot('', email)).toBe(true);
  });

  it('never list an account both as a bot and as a team, and classify every team address as a team', () => {
    const b = botsList().accounts;
    const t = teamsList().accounts;
    expect(t.names.filter((n) => b.names.includes(n))).toEqual([]);
    expect(t.emails.filter((e) => b.emails.includes(e))).toEqual([]);
    expect(t.logins.filter((l) => b.logins.includes(l))).toEqual([]);
    for (const email of t.emails) expect(isTeam('', email)).toBe(true);
  });
});

describe('classifierVersion', () => {
  it('is 12 hex digits and stable within a process', () => {
    const v = classifierVersion();
    expect(v).toMatch(/^[0-9a-f]{12}$/);
    expect(classifierVersion()).toBe(v);
  });
});

describe('a broken list', () => {
  it('names the file and the line of the bad entry', () => {
    const bots = 'version: 1\naccounts:\n  names:\n    - ok\n    - "  "\n';
    expect(() => parseCuratedList('bots', bots)).toThrow(/^data\/identities\/bots\.yaml:5: an entry is empty$/);
    expect(() => parseCuratedList('agents', 'version: 0\n')).toThrow(/^data\/identities\/agents\.yaml:1: `version` must be a positive integer$/);
    expect(() => parseCuratedList('teams', 'version: 1\nwords: [a, [b]]\n')).toThrow(/teams\.yaml:2: an entry must be a string/);
    const orgs = 'version: 1\norganizations:\n  - name: Acme\n    domains: [acme.com]\n  - name: Empty\n';
    expect(() => parseCuratedList('organizations', orgs)).toThrow(/organizations\.yaml:5: an organization needs at least one domain/);
    expect(() => parseCuratedList('webmail', 'version: 1\nwebmail: [a\n')).toThrow(/webmail\.yaml:\d+: YAML: /);
  });

  it('reads a list left empty as no entries, and GitHub ids written as numbers as text', () => {
    expect(parseCuratedList('bots', 'version: 1\naccounts:\n  github_ids: [49699333]\npatterns:\n')).toEqual({
      version: 1,
      accounts: { names: [], emails: [], logins: [], githubIds: ['49699333'] },
      words: [],
      localPartPrefixes: [],
    });
  });
});
