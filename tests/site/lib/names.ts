// Contributor names, read from the local warehouse (never committed), so the "no names in
// the site" check needs no personal data in the repository.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { DuckDBInstance } from '@duckdb/node-api';
import { GitlogParser } from '../../../scripts/ingest/gitlog-parser.ts';
import { isAgent } from '../../../scripts/identity/agents.ts';
import { isBot, isTeam } from '../../../scripts/identity/bots.ts';
import { parseCsvTable } from '../../../scripts/common/csv.ts';
import { ROOT } from './dist.ts';

export const WAREHOUSE = join(ROOT, 'data/warehouse/warehouse.duckdb');

// Case is kept: a person's name is written as they write it ("Li Wei"), while the same
// letters in running text or code ("li li" in a CSS selector) are not a name.
const normalise = (s: string): string =>
  s
    .normalize('NFKC')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();

// Identities whose every word is one of these are roles or tools, not people.
const GENERIC = new Set(['ai', 'agent', 'bot', 'team', 'admin', 'user', 'root', 'github', 'gitlab', 'build', 'ci', 'dev', 'developer', 'developers', 'maintainer', 'maintainers', 'the', 'and', 'of', 'test', 'service', 'account', 'project', 'authors', 'author', 'release', 'unknown', 'none', 'system']);

/**
 * Human names of two or more words: a single word ("alex", "admin") is too often an ordinary
 * word or a login to test for without false alarms, and one-letter initials carry no identity.
 */
export async function contributorNames(): Promise<Set<string> | string> {
  if (!existsSync(WAREHOUSE)) {
    // CI has the raw histories beside the repo but no warehouse: read the names from them.
    if (existsSync(SHARED_GITLOGS)) return namesFromGitlogs();
    return `no warehouse at ${WAREHOUSE} (run npm run ingest) and no ${SHARED_GITLOGS}`;
  }
  let db: DuckDBInstance;
  try {
    db = await DuckDBInstance.create(WAREHOUSE, { access_mode: 'READ_ONLY' });
  } catch (e) {
    return `warehouse not readable (${(e as Error).message.split('\n')[0]})`;
  }
  const conn = await db.connect();
  try {
    const rows = (
      await conn.runAndReadAll(`SELECT DISTINCT name FROM identities WHERE NOT is_bot AND NOT is_agent AND NOT coalesce(is_team, false) AND name IS NOT NULL`)
    ).getRowObjectsJS() as { name: string }[];
    const names = new Set<string>();
    for (const { name } of rows) addName(names, name);
    return withoutProjectNames(names);
  } finally {
    conn.closeSync();
    db.closeSync();
  }
}

export const SHARED_GITLOGS = join(ROOT, '../shared/data/gitlogs');

/**
 * A tracked repository's owner and name are the project's public identifier (kohya-ss/sd-scripts),
 * which the report must name, even when the owner is a personal account whose login reads like
 * a name: they are not a contributor named as such.
 */
function withoutProjectNames(names: Set<string>): Set<string> {
  const csv = readFileSync(join(ROOT, 'data/tracked-repos.csv'), 'utf8');
  for (const { values } of parseCsvTable(csv, 'tracked-repos.csv').rows) {
    for (const part of values.repo!.split('/')) names.delete(normalise(part));
  }
  return names;
}

function addName(names: Set<string>, name: string): void {
  const n = normalise(name);
  const words = n.split(' ');
  if (words.length < 2 || words.length > 4 || words.some((w) => w.length < 2)) return;
  if (words.every((w) => GENERIC.has(w.toLowerCase()))) return;
  names.add(n);
}

/** Every human author and co-author name in the raw exports (a few seconds for the whole dataset). */
function namesFromGitlogs(): Set<string> {
  const names = new Set<string>();
  for (const f of readdirSync(SHARED_GITLOGS).filter((x) => x.endsWith('.gitlog.gz'))) {
    const parser = new GitlogParser({
      file: f,
      onCommit: (c) => {
        for (const p of [c.author, c.authorMailmapped, ...c.coAuthors]) {
          if (!isBot(p.name, p.email) && !isAgent(p.name, p.email) && !isTeam(p.name, p.email)) addName(names, p.name);
        }
      },
    });
    parser.push(gunzipSync(readFileSync(join(SHARED_GITLOGS, f))));
    parser.end();
  }
  return withoutProjectNames(names);
}

/** Names that occur as whole-word runs of 2–4 words in the text. */
export function namesIn(textContent: string, names: Set<string>): string[] {
  const words = normalise(textContent).split(' ');
  const found = new Set<string>();
  for (let i = 0; i < words.length; i++) {
    for (let n = 2; n <= 4 && i + n <= words.length; n++) {
      const gram = words.slice(i, i + n).join(' ');
      if (names.has(gram)) found.add(gram);
    }
  }
  return [...found];
}
