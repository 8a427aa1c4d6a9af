// AI coding agents (DESIGN §2 "AI agents"): Copilot, Claude, Cursor, Devin,
// Codex, Gemini Code Assist, Jules, aider, CodeRabbit… An agent is never a
// contributor, and callers check isAgent before isBot, so an agent with a
// `[bot]` login (copilot-swe-agent[bot]) is an agent, not a bot.
//
// Matching is exact (address, GitHub login or id, display name) or anchored to
// the start/end of the name; there is no free-text search, because first names
// such as Claude, Devin and Jules belong to people too.

import { agentsList } from './curated-lists.ts';
import { githubNoreply } from './bots.ts';
import { memoize } from '../common/memo.ts';

interface AgentRules {
  names: Set<string>;
  /** [prefix, needs a non-letter after it] */
  prefixes: [string, boolean][];
  suffixes: string[];
  emails: Set<string>;
  logins: Set<string>;
  ids: Set<string>;
}

let rules: AgentRules | undefined;

function getRules(): AgentRules {
  if (rules) return rules;
  const a = agentsList();
  rules = {
    names: new Set(a.names),
    prefixes: a.namePrefixes.map((p): [string, boolean] => (p.endsWith('*') ? [p.slice(0, -1), false] : [p, true])),
    suffixes: a.nameSuffixes,
    emails: new Set(a.emails),
    logins: new Set(a.logins),
    ids: new Set(a.githubIds),
  };
  return rules;
}

const WORD_CHAR_RE = /[\p{L}\p{N}]/u;

function hasPrefix(name: string, prefixes: [string, boolean][]): boolean {
  for (const [p, bounded] of prefixes) {
    if (!name.startsWith(p)) continue;
    if (!bounded || name.length === p.length) return true;
    const next = name[p.length]!;
    // "claude (" ends in a non-letter already: anything may follow.
    if (!WORD_CHAR_RE.test(p[p.length - 1]!) || !WORD_CHAR_RE.test(next)) return true;
  }
  return false;
}

function classify(rawName: string, rawEmail: string): boolean {
  const r = getRules();
  const n = rawName.trim().toLowerCase();
  const e = rawEmail.trim().toLowerCase();
  if (e !== '' && r.emails.has(e)) return true;
  const gh = githubNoreply(e);
  if (gh.id !== null && r.ids.has(gh.id)) return true;
  if (gh.login !== null && r.logins.has(gh.login)) return true;
  if (n === '') return false;
  if (r.names.has(n) || r.logins.has(n)) return true;
  if (hasPrefix(n, r.prefixes)) return true;
  for (const s of r.suffixes) if (n.endsWith(s)) return true;
  return false;
}

const classifyMemo = memoize((key: string) => {
  const cut = key.indexOf('\u0000');
  return classify(key.slice(0, cut), key.slice(cut + 1));
}, 1_000_000);

/** True when the identity is an AI coding agent (checked before isBot). */
export function isAgent(name: string, email: string): boolean {
  return classifyMemo(name + '\u0000' + email);
}
