import { describe, it, expect } from 'vitest';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { embeddedAddress, identityKey, resolveBareCoauthors, resolveIdentities, type IdentityObservation, type IdentityResolution } from '../../../scripts/identity/identities.ts';
import { loadIdentityRules, parseOverrides, type IdentityOverrides } from '../../../scripts/identity/identity-overrides.ts';
import { BUILTIN_WEBMAIL, githubLogin, isGenericName, isWebmail, normalizeEmail, normalizeName } from '../../../scripts/identity/identity-rules.ts';
import { InputError } from '../../../scripts/common/types.ts';

const NO_OVERRIDES: IdentityOverrides = { file: 'overrides.yaml', same: [], never: [] };

function resolve(obs: IdentityObservation[], overridesYaml?: string): IdentityResolution {
  const overrides = overridesYaml === undefined ? NO_OVERRIDES : parseOverrides(overridesYaml, 'overrides.yaml');
  return resolveIdentities(obs, { overrides, webmail: BUILTIN_WEBMAIL });
}
const o = (name: string, email: string, repo = 'org/repo'): IdentityObservation => ({ name, email, repo });
const person = (r: IdentityResolution, name: string, email: string) => {
  const p = r.keyToPerson.get(identityKey(name, email));
  if (p === undefined) throw new Error(`no identity ${name} <${email}>`);
  return p;
};
const same = (r: IdentityResolution, a: [string, string], b: [string, string]) => person(r, ...a) === person(r, ...b);

describe('identityKey', () => {
  it('is the lowercased trimmed address, NUL, the trimmed name', () => {
    expect(identityKey('  Wei Zhang ', ' WZ@Example.COM ')).toBe('wz@example.com\u0000Wei Zhang');
  });
});

describe('normalizeEmail', () => {
  it('folds case, +tags and Gmail dots', () => {
    expect(normalizeEmail('  Alice@Corp.COM ')).toBe('alice@corp.com');
    expect(normalizeEmail('alice+ml@corp.com')).toBe('alice@corp.com');
    expect(normalizeEmail('Wei.Zhang+github@googlemail.com')).toBe('weizhang@gmail.com');
    expect(normalizeEmail('wei.zhang@nvidia.com')).toBe('wei.zhang@nvidia.com');
  });

  it('keeps the ID+login of GitHub noreply addresses', () => {
    expect(normalizeEmail('123+Alice@users.noreply.github.com')).toBe('123+alice@users.noreply.github.com');
    expect(normalizeEmail('alice@users.noreply.github.com')).toBe('alice@users.noreply.github.com');
  });

  it.each([
    '',
    '   ',
    'unknown',
    'none@none',
    'root@localhost',
    'noreply@github.com',
    'no-reply+x@anthropic.com',
    'you@example.com',
    'your@email.com',
    'alice@alice-laptop.local',
    'ubuntu@ip-10-0-0-1.ec2.internal',
    'a@b@c.com',
    '@corp.com',
    'admin@corp.com',
    'root@corp.com',
    'john@host.(none)',
  ])('gives null for %j, which names no one person', (email) => {
    expect(normalizeEmail(email)).toBeNull();
  });
});

describe('githubLogin', () => {
  it('reads both noreply forms, case-insensitively', () => {
    expect(githubLogin('123456+WeiZ@users.noreply.github.com')).toEqual({ login: 'weiz', id: 123456 });
    expect(githubLogin('WeiZ@Users.NoReply.GitHub.com')).toEqual({ login: 'weiz', id: null });
    expect(githubLogin('49699333+dependabot[bot]@users.noreply.github.com')).toEqual({
      login: 'dependabot[bot]',
      id: 49699333,
    });
  });
  it('is null for other addresses', () => {
    expect(githubLogin('noreply@github.com')).toBeNull();
    expect(githubLogin('weiz@github.com')).toBeNull();
    expect(githubLogin('')).toBeNull();
  });
});

describe('names', () => {
  it('normalizes case, accents, punctuation and spacing', () => {
    expect(normalizeName('  José   GARCÍA-López ')).toBe('jose garcia lopez');
    expect(normalizeName('Zoë O’Brien')).toBe('zoe o brien');
  });
  it.each(['root', 'ubuntu', 'Your Name', 'GitHub', 'unknown', 'admin', 'user', 'Test User', 'GitHub Action', 'John Doe', 'ec2-user', 'renovate[bot]', ''])(
    '%j is generic',
    (name) => expect(isGenericName(name)).toBe(true),
  );
  it.each(['Wei Zhang', 'Dev Patel', 'Ada Lovelace', 'Łukasz Kaiser'])('%j is not generic', (name) =>
    expect(isGenericName(name)).toBe(false),
  );
});

describe('resolveIdentities: rules', () => {
  it('links the same normalized address and logs the rule', () => {
    const r = resolve([o('Alice Smith', 'Alice@Corp.com', 'a/x'), o('asmith', 'alice+ml@corp.com', 'b/y')]);
    expect(r.people).toBe(1);
    expect(r.links).toEqual([
      { a: identityKey('asmith', 'alice+ml@corp.com'), b: identityKey('Alice Smith', 'Alice@Corp.com'), rule: 'email', evidence: 'alice@corp.com' },
    ]);
  });

  it('never links through a shared address', () => {
    const r = resolve([
      o('Alice Smith', 'noreply@github.com'),
      o('Bob Jones', 'noreply@github.com'),
      o('Carol White', ''),
      o('Dan Brown', ''),
      o('Eve Black', 'root@localhost'),
      o('Frank Green', 'root@localhost'),
    ]);
    expect(r.people).toBe(6);
    expect(r.links).toEqual([]);
  });

  it('treats an address that carries many names as shared', () => {
    const team = Array.from({ length: 12 }, (_, k) => o(`Member${k} Surname${k}`, 'team@service.example-corp.com'));
    const r = resolve([...team, o('Ann Lee', 'ann@a.com'), o('A. Lee', 'ann@a.com')]);
    expect(r.sharedAddresses).toEqual(['team@service.example-corp.com']);
    expect(r.people).toBe(13);
    // Eleven names are still a person's spellings of themselves.
    expect(resolve(team.slice(1)).people).toBe(1);
  });

  it('links GitHub noreply forms by login and by id', () => {
    const r = resolve([
      o('weiz', '123+weiz@users.noreply.github.com'),
      o('Wei', 'WeiZ@users.noreply.github.com'),
      o('wz-renamed', '123+wz-renamed@users.noreply.github.com'),
      o('someone', '456+other@users.noreply.github.com'),
    ]);
    expect(same(r, ['weiz', '123+weiz@users.noreply.github.com'], ['Wei', 'WeiZ@users.noreply.github.com'])).toBe(true);
    expect(same(r, ['weiz', '123+weiz@users.noreply.github.com'], ['wz-renamed', '123+wz-renamed@users.noreply.github.com'])).toBe(true);
    expect(r.people).toBe(2);
    expect(r.links.map((l) => [l.rule, l.evidence])).toEqual([
      ['github-noreply', 'id 123'],
      ['github-noreply', 'login weiz'],
    ]);
  });

  it('does not join two accounts that used the same login, nor guess which one a bare login is', () => {
    const r = resolve([
      o('First', '1+taken@users.noreply.github.com'),
      o('Second', '2+taken@users.noreply.github.com'),
      o('Old', 'taken@users.noreply.github.com'),
    ]);
    expect(r.people).toBe(3);
  });

  it('links an identity to its .mailmap form', () => {
    const r = resolve([{ name: 'wz', email: 'wz@box.lan', repo: 'a/x', mailmappedName: 'Wei Zhang', mailmappedEmail: 'wei@corp.com' }]);
    expect(r.people).toBe(1);
    expect(r.keyToPerson.size).toBe(2);
    expect(r.links).toEqual([
      { a: identityKey('Wei Zhang', 'wei@corp.com'), b: identityKey('wz', 'wz@box.lan'), rule: 'mailmap', evidence: '.mailmap of a/x' },
    ]);
    // Without the mailmap the two have nothing in common.
    expect(resolve([o('wz', 'wz@box.lan'), o('Wei Zhang', 'wei@corp.com')]).people).toBe(2);
  });
});

describe('resolveIdentities: same name needs a second link', () => {
  it('does not merge two Wei Zhangs with different webmail addresses in different repos', () => {
    const r = resolve([o('Wei Zhang', 'wz1984@gmail.com', 'a/x'), o('Wei Zhang', 'zhangwei.ml@gmail.com', 'b/y')]);
    expect(r.people).toBe(2);
  });

  it('merges them when they commit to the same repo', () => {
    const r = resolve([o('Wei Zhang', 'wz1984@gmail.com', 'a/x'), o('wei  ZHANG', 'zhangwei.ml@gmail.com', 'a/x')]);
    expect(r.people).toBe(1);
    expect(r.links.map((l) => [l.rule, l.evidence])).toEqual([['name+corroboration', 'repo a/x']]);
  });

  it('merges on the same local part or the same non-webmail domain, not the same webmail domain', () => {
    expect(resolve([o('Wei Zhang', 'wz@gmail.com', 'a/x'), o('Wei Zhang', 'wz@nvidia.com', 'b/y')]).links.map((l) => l.evidence)).toEqual([
      'local part wz',
    ]);
    expect(resolve([o('Wei Zhang', 'wei@nvidia.com', 'a/x'), o('Wei Zhang', 'w.zhang@nvidia.com', 'b/y')]).links.map((l) => l.evidence)).toEqual([
      'domain nvidia.com',
    ]);
    expect(resolve([o('Wei Zhang', 'wei@qq.com', 'a/x'), o('Wei Zhang', 'zw@qq.com', 'b/y')]).people).toBe(2);
    // A role word or a bare first name is no evidence.
    expect(resolve([o('Wei Zhang', 'me@wei.dev', 'a/x'), o('Wei Zhang', 'me@zhang.io', 'b/y')]).people).toBe(2);
    expect(resolve([o('Wei Zhang', 'wei@a.com', 'a/x'), o('Wei Zhang', 'wei@b.com', 'b/y')]).people).toBe(2);
    // Separators do not count: the same handle written three ways.
    const handles = resolve([o('Wei Zhang', 'wei.zhang@corp.com', 'a/x'), o('Wei Zhang', 'weizhang@gmail.com', 'b/y'), o('Wei Zhang', '5+wei-zhang@users.noreply.github.com', 'c/z')]);
    expect(handles.people).toBe(1);
    expect(new Set(handles.links.map((l) => l.evidence))).toEqual(new Set(['local part weizhang']));
  });

  it('treats a noreply login as the local part', () => {
    const r = resolve([o('Wei Zhang', '9+weiz@users.noreply.github.com', 'a/x'), o('Wei Zhang', 'weiz@corp.com', 'b/y')]);
    expect(r.people).toBe(1);
    // ...but the shared noreply domain is not a domain in common.
    expect(resolve([o('Wei Zhang', '9+weiz@users.noreply.github.com', 'a/x'), o('Wei Zhang', '8+wz@users.noreply.github.com', 'b/y')]).people).toBe(2);
  });

  it('decides the same way for a very common name (many identities)', () => {
    const many = Array.from({ length: 30 }, (_, k) => o('Wei Zhang', `wz.${k}.x@gmail.com`, `solo${k}/repo`));
    many.push(o('Wei Zhang', 'zhang.w@qq.com', 'solo7/repo'), o('Wei Zhang', 'wz.3.x@nvidia.com', 'other/repo'));
    const r = resolve(many);
    expect(r.people).toBe(30);
    expect(r.links.map((l) => l.evidence).sort()).toEqual(['local part wz3x', 'repo solo7/repo']);
  });

  it('folds accents and case in the name', () => {
    expect(resolve([o('José García', 'jg@a.com', 'a/x'), o('jose garcia', 'pepe@b.com', 'a/x')]).people).toBe(1);
  });

  it('never merges on a name alone, a one-word name or a generic name', () => {
    expect(resolve([o('Wei Zhang', 'a@x.com', 'a/x'), o('Wei Zhang', 'b@y.com', 'b/y')]).people).toBe(2);
    expect(resolve([o('wei', 'a@x.com', 'a/x'), o('wei', 'b@y.com', 'a/x')]).people).toBe(2);
    expect(resolve([o('Your Name', 'a@x.com', 'a/x'), o('Your Name', 'b@y.com', 'a/x')]).people).toBe(2);
    expect(resolve([o('root', 'a@x.com', 'a/x'), o('root', 'b@y.com', 'a/x')]).people).toBe(2);
    expect(resolve([o('GitHub', 'noreply@github.com', 'a/x'), o('GitHub', 'web-flow@x.com', 'a/x')]).people).toBe(2);
  });
});

describe('resolveIdentities: overrides', () => {
  const obs = [
    o('Alice Smith', 'alice@old.com', 'a/x'),
    o('A. Smith', 'asmith@new.com', 'b/y'),
    o('Alice Smith', 'smith.a@gmail.com', 'c/z'),
    o('Wei Zhang', 'wei@corp.com', 'a/x'),
    o('Wei Zhang', 'zhang@corp.com', 'a/x'),
  ];

  it('forces a merge the rules would not make', () => {
    const yaml = `same:\n  - identities: [alice@old.com, "A. Smith <asmith@new.com>"]\n    note: changed jobs\n`;
    const r = resolve(obs, yaml);
    expect(same(r, ['Alice Smith', 'alice@old.com'], ['A. Smith', 'asmith@new.com'])).toBe(true);
    expect(same(r, ['Alice Smith', 'alice@old.com'], ['Alice Smith', 'smith.a@gmail.com'])).toBe(false);
    expect(r.links.find((l) => l.rule === 'override')?.evidence).toBe('overrides.yaml:2');
  });

  it('selects every identity of a name', () => {
    const r = resolve(obs, `same:\n  - [Alice Smith, asmith@new.com]\n`);
    expect(new Set([person(r, 'Alice Smith', 'alice@old.com'), person(r, 'Alice Smith', 'smith.a@gmail.com'), person(r, 'A. Smith', 'asmith@new.com')]).size).toBe(1);
  });

  it('forbids a merge the rules would make, and logs what it refused', () => {
    expect(resolve(obs).people).toBe(4);
    const r = resolve(obs, `never:\n  - [wei@corp.com, zhang@corp.com]\n`);
    expect(same(r, ['Wei Zhang', 'wei@corp.com'], ['Wei Zhang', 'zhang@corp.com'])).toBe(false);
    expect(r.blocked.map((l) => [l.rule, l.evidence])).toEqual([['name+corroboration', 'domain corp.com']]);
  });

  it('forbids a merge through a chain of links', () => {
    const chain = [o('Ann Lee', 'annlee@a.com', 'r/1'), o('Ann Lee', 'annlee@b.com', 'r/2'), o('ann', 'annlee@b.com', 'r/3'), o('Ann Lee', 'x@c.com', 'r/2')];
    expect(resolve(chain).people).toBe(1);
    const r = resolve(chain, `never:\n  - [annlee@a.com, x@c.com]\n`);
    expect(same(r, ['Ann Lee', 'annlee@a.com'], ['Ann Lee', 'x@c.com'])).toBe(false);
  });

  it('rejects contradictory or malformed overrides with their line', () => {
    const err = (fn: () => unknown) => {
      try {
        fn();
      } catch (e) {
        if (e instanceof InputError) return e.message;
      }
      return 'no error';
    };
    expect(err(() => resolve(obs, `never:\n  - [wei@corp.com, zhang@corp.com]\nsame:\n  - [wei@corp.com, zhang@corp.com]\n`))).toMatch(
      /^overrides\.yaml:4: this `same` group contradicts a `never` group/,
    );
    expect(err(() => resolve(obs, `never:\n  - [Wei Zhang, wei@corp.com]\n`))).toMatch(/overrides\.yaml:2: .*matches two entries/);
    expect(err(() => parseOverrides('same:\n  - [only-one@x.com]\n', 'o.yaml'))).toMatch(/^o\.yaml:2: each `same` entry/);
    expect(err(() => parseOverrides('sam:\n  - [a@x.com, b@x.com]\n', 'o.yaml'))).toMatch(/^o\.yaml:1: unknown key "sam"/);
    expect(err(() => parseOverrides('same: [a@x.com\n', 'o.yaml'))).toMatch(/^o\.yaml:\d+: YAML/);
  });
});

describe('resolveIdentities: output', () => {
  const obs = [
    o('Carol King', 'carol@k.com', 'a/x'),
    o('ck', 'Carol@K.com', 'b/y'),
    o('Bob Stone', 'bob@s.com', 'a/x'),
    o('Ann Lee', 'ann@l.com', 'a/x'),
    { name: 'al', email: 'al@box.lan', repo: 'a/x', mailmappedName: 'Ann Lee', mailmappedEmail: 'ann@l.com' },
  ];

  it('numbers people densely in the order of their smallest key, whatever the input order', () => {
    const r = resolve(obs);
    expect(r.people).toBe(3);
    expect(person(r, 'al', 'al@box.lan')).toBe(0);
    expect(person(r, 'Ann Lee', 'ann@l.com')).toBe(0);
    expect(person(r, 'Bob Stone', 'bob@s.com')).toBe(1);
    expect(person(r, 'ck', 'Carol@K.com')).toBe(2);
    const reversed = resolve([...obs].reverse());
    expect([...reversed.keyToPerson].sort()).toEqual([...r.keyToPerson].sort());
    expect(reversed.links).toEqual(r.links);
  });

  it('logs exactly one link per union', () => {
    const r = resolve(obs);
    expect(r.links).toHaveLength(r.keyToPerson.size - r.people);
    expect(r.links.map((l) => l.rule).sort()).toEqual(['email', 'mailmap']);
  });

  it('resolves 100k observations: each person once, a shared common name never merged', () => {
    // 25k people, each seen four ways (as the ingest collects them), plus a
    // common name shared by many people in different repos, which must stay apart.
    // (Its speed is measured by `npm run bench`, not asserted here.)
    const big: IdentityObservation[] = [];
    for (let p = 0; p < 25_000; p++) {
      const repo = (k: number) => `org${p % 97}/repo${(p + k) % 13}`;
      big.push(o(`Person ${p} Name`, `p${p}@corp${p % 50}.com`, repo(0)));
      big.push(o(`Person ${p} Name`, `p${p}@corp${p % 50}.com`, repo(1)));
      big.push(o(`person ${p} name`, `${p}+user${p}@users.noreply.github.com`, repo(2)));
      big.push({ name: `u${p}`, email: `user${p}@users.noreply.github.com`, repo: repo(3), mailmappedName: `Person ${p} Name`, mailmappedEmail: `p${p}@gmail.com` });
    }
    for (let k = 0; k < 1000; k++) big.push(o('Wei Zhang', `wz${k}@gmail.com`, `solo${k}/repo`));
    expect(resolve(big).people).toBe(26_000);
  });
});

describe('isWebmail', () => {
  const labels = new Set(['yahoo', 'mail']);
  it.each([
    ['gmail.com', true],
    ['vip.qq.com', true],
    ['yahoo.co.jp', true],
    ['yahoo.fr', true],
    ['mail.utoronto.ca', false],
    ['nvidia.com', false],
    ['gmail.com.evil.io', false],
  ])('%s → %s', (domain, expected) => expect(isWebmail(domain, BUILTIN_WEBMAIL, labels)).toBe(expected));

  it('keeps a provider country domain from corroborating a name', () => {
    const rules = { overrides: NO_OVERRIDES, webmail: BUILTIN_WEBMAIL, webmailLabels: labels };
    const r = resolveIdentities([o('Wei Zhang', 'a1@yahoo.co.jp', 'a/x'), o('Wei Zhang', 'b2@yahoo.co.jp', 'b/y')], rules);
    expect(r.people).toBe(2);
  });
});

describe('loadIdentityRules', () => {
  it('reads the project lists', () => {
    const rules = loadIdentityRules();
    expect(rules.webmail.has('gmail.com')).toBe(true);
    expect(rules.webmail.has('nvidia.com')).toBe(false);
  });

  it('falls back to no overrides and the built-in webmail list, and reads the files when present', () => {
    const dir = mkdtempSync(join(tmpdir(), 'identities-'));
    try {
      const missing = loadIdentityRules({ overridesYaml: join(dir, 'none.yaml'), webmailYaml: join(dir, 'none.yaml') });
      expect(missing.overrides.same).toEqual([]);
      expect(missing.webmail).toBe(BUILTIN_WEBMAIL);
      writeFileSync(join(dir, 'webmail.yaml'), 'version: 1\nwebmail:\n  - Example-Mail.com\nwebmail_labels: [yahoo]\nplaceholder: [x.com]\n');
      writeFileSync(join(dir, 'overrides.yaml'), 'same:\n  - [a@x.com, b@y.com]\n');
      const rules = loadIdentityRules({ overridesYaml: join(dir, 'overrides.yaml'), webmailYaml: join(dir, 'webmail.yaml') });
      expect([...rules.webmail]).toEqual(['example-mail.com']);
      expect([...(rules.webmailLabels ?? [])]).toEqual(['yahoo']);
      writeFileSync(join(dir, 'domains.yaml'), 'domains: [gmail.com]\n');
      expect([...loadIdentityRules({ overridesYaml: join(dir, 'none.yaml'), webmailYaml: join(dir, 'domains.yaml') }).webmail]).toEqual(['gmail.com']);
      expect(rules.overrides.same).toEqual([{ selectors: ['a@x.com', 'b@y.com'], line: 2 }]);
      writeFileSync(join(dir, 'bad.yaml'), 'webmail: gmail.com\n');
      expect(() => loadIdentityRules({ overridesYaml: join(dir, 'none.yaml'), webmailYaml: join(dir, 'bad.yaml') })).toThrow(InputError);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('co-author lines without a bracketed address', () => {
  it('read an address written without brackets, doubled or as a Markdown link', () => {
    expect(embeddedAddress('Bairen Yi yibairen.byron@bytedance.com')).toEqual({ name: 'Bairen Yi', email: 'yibairen.byron@bytedance.com' });
    expect(embeddedAddress('Wuwei Lin <<wuwei@apache.org>>')).toEqual({ name: 'Wuwei Lin', email: 'wuwei@apache.org' });
    expect(embeddedAddress('Prakalp Srivastava [prakalp@octoml.ai](mailto:prakalp@octoml.ai)')).toEqual({ name: 'Prakalp Srivastava', email: 'prakalp@octoml.ai' });
    expect(embeddedAddress('lwilkinson@neuralmagic.com')).toEqual({ name: '', email: 'lwilkinson@neuralmagic.com' });
    for (const bare of ['Jane Doe', 'Hongyi Jin (@jinhongyii)', 'shukun.net', 'AutoPEP8']) expect(embeddedAddress(bare), bare).toBeNull();
  });

  it('resolve a bare name to the one person of that name or login in the same repository', () => {
    const known = [
      { repo: 'a/x', name: 'Kim Lee', email: 'kim@corp.io', person: 1, organization: 'Corp' },
      { repo: 'a/x', name: 'Kim L.', email: 'kim@gmail.com', person: 1, organization: 'Unknown' },
      { repo: 'a/x', name: 'Dee Dev', email: '12345+deedev@users.noreply.github.com', person: 2, organization: 'Unknown' },
      { repo: 'a/x', name: 'Sam', email: 'sam@alpha.io', person: 3, organization: 'Alpha' },
      { repo: 'a/x', name: 'Sam', email: 'sam@beta.io', person: 4, organization: 'Beta' },
      { repo: 'b/y', name: 'Lin Wu', email: 'lin@wu.io', person: 5, organization: 'Wu' },
      { repo: 'a/x', name: 'root', email: 'root@host.io', person: 6, organization: 'Other' },
    ];
    const bare = ['Kim  LEE', 'deedev', '@deedev', 'Sam', 'Lin Wu', 'Jane Doe', 'root'].map((name) => ({ repo: 'a/x', name }));
    const got = resolveBareCoauthors(bare, known);
    expect(Object.fromEntries([...got].map(([k, v]) => [k.split('\u0000')[1], v]))).toEqual({
      'Kim  LEE': { person: 1, organization: 'Corp' },
      deedev: { person: 2, organization: 'Unknown' },
      '@deedev': { person: 2, organization: 'Unknown' },
    });
  });
});
