// The registry's note on each repository (data/tracked-repos.csv, last column): why a
// history is unavailable or stops early. The published repos table has no notes, and an
// atlas page that says "unavailable" must say why.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { repoRoot } from './paths.ts';

/** RFC 4180 fields of one line: notes are quoted when they hold commas or quotes. */
export function csvFields(line: string): string[] {
  const out: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const ch = line[i]!;
    if (quoted) {
      if (ch === '"' && line[i + 1] === '"') (field += '"'), i++;
      else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') out.push(field), (field = '');
    else field += ch;
  }
  out.push(field);
  return out;
}

/** repo → note, for rows with a note. */
export function registryNotes(file = join(repoRoot(), 'data', 'tracked-repos.csv')): Map<string, string> {
  const [header = '', ...lines] = readFileSync(file, 'utf8').split(/\r?\n/).filter((l) => l.trim() !== '');
  const cols = csvFields(header);
  const repoAt = cols.indexOf('repo');
  const noteAt = cols.indexOf('note');
  const notes = new Map<string, string>();
  for (const line of lines) {
    const f = csvFields(line);
    const note = f[noteAt]?.trim();
    if (f[repoAt] && note) notes.set(f[repoAt], note);
  }
  return notes;
}

/** Every repository the registry lists, in file order. */
export function registryRepos(file = join(repoRoot(), 'data', 'tracked-repos.csv')): string[] {
  const [header = '', ...lines] = readFileSync(file, 'utf8').split(/\r?\n/).filter((l) => l.trim() !== '');
  const repoAt = csvFields(header).indexOf('repo');
  return lines.map((l) => csvFields(l)[repoAt] ?? '').filter(Boolean);
}
