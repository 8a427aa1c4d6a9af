// Bot and team-account detection (DESIGN §2 "Bots", "Team and export accounts").
// A bot is automation: its commits are not human work. A team or export account
// (a Copybara export, "MediaPipe Team", "jax authors") stands for people who
// cannot be told apart: its commits are human work that credits no person.
// Rules, first match wins:
//   1. the exact team accounts of teams.yaml — before the `[bot]` marker, because
//      Copybara's exports of reviewed changes arrive as `copybara-service[bot]`,
//      and before the bot addresses, because "A. Unique TensorFlower" (exported
//      human changes) shares gardener@tensorflow.org with the merge bot;
//   2. a name, login or address local part ending in `[bot]` — GitHub's own marker;
//   3. the curated accounts of bots.yaml;
//   4. the human allow-list (data/identities/human-allowlist.yaml) — people whose
//      name or login looks like automation are never bots or teams by *pattern*;
//   5. a group name: the last word of a multi-word name is a teams.yaml word
//      (`… Team`, `… Authors`), before the bot patterns, because export
//      addresses often look like robots' (`XNNPACK Team <xnnpack-github-robot@…>`);
//   6. bot patterns: a marker word (`bot`, `robot`, `automation`, …) as a whole
//      word of the name, login or local part; a CamelCase name ending in `Bot`
//      (`MNNSyncBot`); a one-word identifier ending in `bot` (`goreleaserbot`)
//      unless it ends in an allow-listed surname (`talbot`); `CI` as a word of the
//      name or a `-ci`/`ci-` part of a login; a system-account prefix of the local
//      part or one-word name (`sys_`).
// Whole words, not substrings: "Abbott", "Talbot", "Bottou", "Sidebottom",
// "robot.inventor@" and "turbotoribio" must stay human.
// AI agents are decided by agents.ts; callers check isAgent first.

import { botsList, humanAllowList, teamsList } from './curated-lists.ts';
import { memoize } from '../common/memo.ts';

interface BotRules {
  names: Set<string>;
  emails: Set<string>;
  logins: Set<string>;
  ids: Set<string>;
  words: Set<string>;
  teamNames: Set<string>;
  teamEmails: Set<string>;
  teamLogins: Set<string>;
  teamWords: Set<string>;
  localPrefixes: string[];
  allowWords: string[];
  allowNames: Set<string>;
  allowEmails: Set<string>;
  allowLogins: Set<string>;
}

let rules: BotRules | undefined;

function getRules(): BotRules {
  if (rules) return rules;
  const b = botsList();
  const h = humanAllowList();
  const t = teamsList();
  rules = {
    names: new Set(b.accounts.names),
    emails: new Set(b.accounts.emails),
    logins: new Set(b.accounts.logins),
    ids: new Set(b.accounts.githubIds),
    words: new Set(b.words),
    teamNames: new Set(t.accounts.names),
    teamEmails: new Set(t.accounts.emails),
    teamLogins: new Set(t.accounts.logins),
    teamWords: new Set(t.words),
    localPrefixes: b.localPartPrefixes,
    allowWords: h.words,
    allowNames: new Set(h.names),
    allowEmails: new Set(h.emails),
    allowLogins: new Set(h.logins),
  };
  return rules;
}

const NOREPLY_SUFFIX = '@users.noreply.github.com';
const NOREPLY_RE = /^(?:(\d+)\+)?([^@\s]+)@users\.noreply\.github\.com$/;
const NAME_SPLIT_RE = /[^a-z0-9]+/;
const IDENT_SPLIT_RE = /[-_+]+/;
const WHITESPACE_RE = /\s+/;
const CAMEL_BOT_RE = /[a-z0-9]Bot$/;
const CI_WORD_RE = /(?:^|[^A-Za-z0-9])CI(?:$|[^A-Za-z0-9])/;
const BOT_SUFFIX = '[bot]';

/** GitHub id and login of a noreply address (lowercased input), else nulls. */
export function githubNoreply(email: string): { id: string | null; login: string | null } {
  if (!email.endsWith(NOREPLY_SUFFIX)) return { id: null, login: null };
  const m = NOREPLY_RE.exec(email);
  if (!m) return { id: null, login: null };
  return { id: m[1] ?? null, login: m[2] ?? null };
}

function hasWord(parts: string[], words: Set<string>): boolean {
  for (const p of parts) if (words.has(p)) return true;
  return false;
}

/** One-word identifiers such as `goreleaserbot`; the allow-list keeps `jtalbot` human. */
function botSuffix(ident: string, allowWords: string[]): boolean {
  if (ident.length < 6 || !ident.endsWith('bot')) return false;
  for (const w of allowWords) if (ident.endsWith(w)) return false;
  return true;
}

/** A login or local part built from -/_ parts, one of them `ci` (`polyaxon-ci`). */
function ciPart(parts: string[]): boolean {
  return parts.length > 1 && parts.includes('ci');
}

type Kind = 'bot' | 'team' | 'human';

function classify(rawName: string, rawEmail: string): Kind {
  const r = getRules();
  const name = rawName.trim();
  const n = name.toLowerCase();
  const e = rawEmail.trim().toLowerCase();
  const at = e.lastIndexOf('@');
  const local = at >= 0 ? e.slice(0, at) : e;
  const gh = githubNoreply(e);
  const login = gh.login;

  if (r.teamNames.has(n) || r.teamEmails.has(e) || (login !== null && r.teamLogins.has(login))) return 'team';

  if (n.endsWith(BOT_SUFFIX) || local.endsWith(BOT_SUFFIX) || (login !== null && login.endsWith(BOT_SUFFIX))) {
    return 'bot';
  }

  if (r.names.has(n) || r.emails.has(e)) return 'bot';
  if (login !== null && r.logins.has(login)) return 'bot';
  if (gh.id !== null && r.ids.has(gh.id)) return 'bot';

  if (r.allowNames.has(n) || r.allowEmails.has(e) || (login !== null && r.allowLogins.has(login))) return 'human';
  // A one-word name is often the login itself (`jenfoxbot <jen.fox@…>`).
  if (n !== '' && !n.includes(' ') && r.allowLogins.has(n)) return 'human';

  const spaced = name === '' ? [] : name.split(WHITESPACE_RE);
  const groupParts = spaced.length > 1 ? spaced : n.split(IDENT_SPLIT_RE);
  if (groupParts.length > 1 && r.teamWords.has(groupParts[groupParts.length - 1]!.toLowerCase())) return 'team';

  return botPattern(r, name, n, local, login) ? 'bot' : 'human';
}

function botPattern(r: BotRules, name: string, n: string, local: string, login: string | null): boolean {
  // Name words.
  const nameWords = n === '' ? [] : n.split(NAME_SPLIT_RE);
  if (hasWord(nameWords, r.words)) return true;
  const spaced = name === '' ? [] : name.split(WHITESPACE_RE);
  for (const word of spaced) if (CAMEL_BOT_RE.test(word)) return true;
  if (CI_WORD_RE.test(name)) return true;
  if (spaced.length === 1) {
    const parts = n.split(IDENT_SPLIT_RE);
    if (ciPart(parts) || botSuffix(n, r.allowWords)) return true;
    for (const prefix of r.localPrefixes) if (n.startsWith(prefix)) return true;
  }

  // Login and e-mail local part: words split on - _ + only, so dotted
  // first.last addresses stay one word. The `…bot` suffix applies to logins
  // only: people pick addresses such as quzhengrobot@ or whoahbot@.
  if (login !== null) {
    const parts = login.split(IDENT_SPLIT_RE);
    if (hasWord(parts, r.words) || ciPart(parts)) return true;
    for (const p of parts) if (botSuffix(p, r.allowWords)) return true;
  }
  if (local !== '') {
    const parts = local.split(IDENT_SPLIT_RE);
    if (hasWord(parts, r.words) || ciPart(parts) || local === 'ci') return true;
  }
  for (const prefix of r.localPrefixes) if (local.startsWith(prefix)) return true;
  return false;
}

const classifyMemo = memoize((key: string) => {
  const cut = key.indexOf('\u0000');
  return classify(key.slice(0, cut), key.slice(cut + 1));
}, 1_000_000);

/** True for automation accounts; callers decide agents (isAgent) first. */
export function isBot(name: string, email: string): boolean {
  return classifyMemo(name + '\u0000' + email) === 'bot';
}

/** True for team and export accounts: human work that credits no person. Callers decide agents first. */
export function isTeam(name: string, email: string): boolean {
  return classifyMemo(name + '\u0000' + email) === 'team';
}
