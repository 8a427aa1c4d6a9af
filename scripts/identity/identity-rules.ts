// The rules that say what an address or a name is worth as evidence of identity
// (DESIGN §2, "Identity merging"): normalised addresses and names, GitHub noreply
// logins, generic names, and consumer mail domains. Used by the resolver in
// identities.ts; none of it merges anything by itself.

// The built-in lists are used only when data/identities/webmail.yaml is absent.
export const BUILTIN_WEBMAIL_LABELS: ReadonlySet<string> = new Set(
  'gmail yahoo hotmail outlook live msn aol gmx icloud yandex'.split(' '),
);
export const BUILTIN_WEBMAIL: ReadonlySet<string> = new Set(
  ('gmail.com googlemail.com outlook.com hotmail.com hotmail.co.uk live.com msn.com yahoo.com yahoo.co.jp ' +
    'yahoo.co.in icloud.com me.com mac.com aol.com protonmail.com proton.me pm.me gmx.com gmx.de gmx.net web.de ' +
    'mail.ru yandex.ru yandex.com qq.com foxmail.com 163.com 126.com sina.com naver.com hanmail.net ' +
    'fastmail.com zoho.com hey.com tutanota.com').split(' '),
);

const NOREPLY_DOMAIN = 'users.noreply.github.com';
// Local parts that name a role or a placeholder, not a mailbox of one person.
const SHARED_LOCAL = new Set(
  ('noreply no-reply no_reply donotreply do-not-reply do_not_reply root admin administrator none nobody ' +
    'unknown user username test testuser email youremail your.email your_email you your yourname your.name ' +
    'name ubuntu ec2-user localhost').split(' '),
);
// Local parts that are personal on a personal domain (me@jane.dev) but no evidence across domains.
export const ROLE_LOCAL: ReadonlySet<string> = new Set('me i hi hello mail contact info git github gitlab dev code work bot oss opensource public'.split(' '));
const PLACEHOLDER_DOMAINS = new Set(['example.com', 'example.org', 'example.net', 'domain.com', 'yourdomain.com']);
// Unconfigured git writes user@hostname; such machine addresses are shared by whoever uses the box.
const MACHINE_DOMAIN_RE = /\.(?:local|localdomain|lan|home|internal|cluster|localhost|invalid|test|example|none)$/;
const DOMAIN_RE = /^[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)+$/u;
const NOREPLY_RE = /^(?:(\d+)\+)?([a-z0-9][a-z0-9-]*(?:\[bot\])?)@users\.noreply\.github\.com$/i;

const GENERIC_TOKENS = new Set(
  ('root ubuntu admin administrator user username unknown anonymous github gitlab git your name my test tester ' +
    'default local none nobody ec2 dev developer team bot ci the system actions action web flow localhost ' +
    'pc server author committer me').split(' '),
);
const GENERIC_NAMES = new Set(['john doe', 'jane doe', 'first last', 'firstname lastname', 'foo bar', 'full name']);

/**
 * The address as it identifies a mailbox, or null when it identifies no one
 * person (empty, not an address, a role or placeholder, a machine default).
 * `+tag` is dropped (the tag's owner owns the base mailbox) except in GitHub
 * noreply addresses, where `ID+login` is the account, not a tag; Gmail ignores
 * dots and answers to googlemail.com, so those are folded too.
 */
export function normalizeEmail(email: string): string | null {
  const e = email.trim().toLowerCase();
  const at = e.indexOf('@');
  if (at <= 0 || at !== e.lastIndexOf('@')) return null;
  let local = e.slice(0, at);
  let domain = e.slice(at + 1);
  if (!DOMAIN_RE.test(domain) || MACHINE_DOMAIN_RE.test(domain) || PLACEHOLDER_DOMAINS.has(domain)) return null;
  if (domain === NOREPLY_DOMAIN) return githubLogin(e) ? e : null;
  if (domain === 'googlemail.com') domain = 'gmail.com';
  const plus = local.indexOf('+');
  if (plus > 0) local = local.slice(0, plus);
  if (domain === 'gmail.com') local = local.replaceAll('.', '');
  if (local === '' || SHARED_LOCAL.has(local)) return null;
  return `${local}@${domain}`;
}

/** The account behind a GitHub noreply address; login lowercased (GitHub logins are case-insensitive). */
export function githubLogin(email: string): { login: string; id: number | null } | null {
  if (!/noreply\.github\.com\s*$/i.test(email)) return null;
  const m = NOREPLY_RE.exec(email.trim());
  return m ? { login: m[2]!.toLowerCase(), id: m[1] ? Number(m[1]) : null } : null;
}

/** Case, accents, punctuation and spacing folded: "José  O'Neil" → "jose o neil". */
export function normalizeName(name: string): string {
  // Most names are ASCII; the Unicode path costs several times more.
  if (/^[\x20-\x7e]*$/.test(name)) return name.toLowerCase().replace(/[^a-z0-9]+/g, ' ').trim();
  return name
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/** isGenericName for a name already through normalizeName (the raw one is checked for [bot]). */
export function isGenericNormalized(normalized: string, raw: string): boolean {
  if (/\[bot\]/i.test(raw)) return true;
  return normalized === '' || GENERIC_NAMES.has(normalized) || normalized.split(' ').every((t) => GENERIC_TOKENS.has(t));
}

/** A name that many people use (placeholders, machine users, tools); never evidence of identity. */
export function isGenericName(name: string): boolean {
  return isGenericNormalized(normalizeName(name), name);
}

/** A consumer mail domain: listed, a subdomain of one (vip.qq.com), or a provider's country domain (yahoo.co.jp). */
export function isWebmail(domain: string, webmail: ReadonlySet<string>, labels: ReadonlySet<string> = new Set()): boolean {
  const parts = domain.split('.');
  for (let k = 0; k < parts.length - 1; k++) if (webmail.has(parts.slice(k).join('.'))) return true;
  // Only a bare or two-label country suffix (hotmail.fr, yahoo.co.uk), so mail.utoronto.ca is not webmail.
  return parts.length <= 3 && labels.has(parts[0]!) && parts.slice(1).every((p) => p.length <= 3);
}
