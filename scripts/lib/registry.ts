// The registry: which repositories are tracked, under which category, and the
// categories themselves. Both files are edited by hand, so every check names
// the file and line to fix.

import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { isMap, isSeq, LineCounter, parseDocument, type Node } from 'yaml';
import { parseCsvTable } from './csv.ts';
import { InputError } from './types.ts';

export interface Category {
  id: string;
  name: string;
  emoji: string;
  /** `#rrggbb`, lowercase. */
  colour: string;
  order: number;
}

export interface TrackedRepo {
  repo: string;
  category: string;
  status: 'ingested' | 'unavailable';
  upstream: string | null;
  /** YYYY-MM-DD: the history stops early here for a reason other than inactivity. */
  trackedUntil: string | null;
  note: string;
  /** Line in tracked-repos.csv, for messages that point back at the registry. */
  line: number;
}

export interface Registry {
  categories: Category[];
  repos: TrackedRepo[];
  byRepo: Map<string, TrackedRepo>;
  /** The tracked-repos.csv read, for messages that send the reader to a line of it. */
  reposFile: string;
}

export const REPO_COLUMNS = ['repo', 'category', 'status', 'upstream', 'tracked_until', 'note'] as const;
const CATEGORY_FIELDS = ['id', 'name', 'emoji', 'colour', 'order'] as const;

const DEFAULT_REPOS = fileURLToPath(new URL('../../data/tracked-repos.csv', import.meta.url));
const DEFAULT_CATEGORIES = fileURLToPath(new URL('../../data/categories.yaml', import.meta.url));

// GitHub owners are letters, digits and hyphens; names add `.` and `_`. `.` and `..` are not names.
const REPO_RE = /^[A-Za-z0-9][A-Za-z0-9-]*\/(?!\.\.?$)[A-Za-z0-9._-]+$/;
const ID_RE = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const COLOUR_RE = /^#[0-9a-fA-F]{6}$/;

export async function loadRegistry(opts: { reposCsv?: string; categoriesYaml?: string } = {}): Promise<Registry> {
  const reposFile = opts.reposCsv ?? DEFAULT_REPOS;
  const categoriesFile = opts.categoriesYaml ?? DEFAULT_CATEGORIES;
  const [reposText, categoriesText] = await Promise.all([
    readFile(reposFile, 'utf8'),
    readFile(categoriesFile, 'utf8'),
  ]);
  const categories = parseCategories(categoriesText, categoriesFile);
  const repos = parseTrackedRepos(reposText, reposFile, new Set(categories.map((c) => c.id)));
  return { categories, repos, byRepo: new Map(repos.map((r) => [r.repo, r])), reposFile };
}

export function parseCategories(text: string, file: string): Category[] {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter });
  const lineOf = (node: Node | null | undefined): number | undefined =>
    node?.range ? lineCounter.linePos(node.range[0]).line : undefined;
  const err = doc.errors[0];
  if (err) throw new InputError(`YAML: ${err.message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '')}`, { file, line: err.linePos?.[0].line });

  const list = isMap(doc.contents) ? doc.contents.get('categories', true) : undefined;
  if (!isSeq(list)) throw new InputError('expected a `categories:` list', { file, line: lineOf(doc.contents) ?? 1 });

  const byId = new Map<string, number>();
  const byOrder = new Map<number, number>();
  const byColour = new Map<string, number>();
  const categories: Category[] = [];
  for (const item of list.items) {
    const line = lineOf(item as Node) ?? 1;
    if (!isMap(item)) throw new InputError('each category must be a mapping', { file, line });
    const data = item.toJSON() as Record<string, unknown>;
    for (const key of Object.keys(data)) {
      if (!(CATEGORY_FIELDS as readonly string[]).includes(key)) {
        throw new InputError(`unknown field ${JSON.stringify(key)} (fields: ${CATEGORY_FIELDS.join(', ')})`, {
          file,
          line,
        });
      }
    }
    for (const key of CATEGORY_FIELDS) {
      const v = data[key];
      if (v === undefined || v === null || v === '') throw new InputError(`missing field \`${key}\``, { file, line });
      if (key === 'order' ? !Number.isInteger(v) : typeof v !== 'string') {
        throw new InputError(`\`${key}\` must be ${key === 'order' ? 'an integer' : 'a string'}`, { file, line });
      }
    }
    const id = data.id as string;
    const colour = (data.colour as string).toLowerCase();
    const order = data.order as number;
    if (!ID_RE.test(id)) throw new InputError(`id ${JSON.stringify(id)} must be lowercase kebab-case`, { file, line });
    if (!COLOUR_RE.test(colour)) {
      throw new InputError(`colour ${JSON.stringify(data.colour)} must be #rrggbb`, { file, line });
    }
    const clash = <K,>(seen: Map<K, number>, key: K, what: string) => {
      const prev = seen.get(key);
      if (prev !== undefined) {
        throw new InputError(`duplicate ${what} ${JSON.stringify(key)} (first at line ${prev})`, { file, line });
      }
      seen.set(key, line);
    };
    clash(byId, id, 'id');
    clash(byOrder, order, 'order');
    clash(byColour, colour, 'colour');
    categories.push({ id, name: (data.name as string).trim(), emoji: data.emoji as string, colour, order });
  }
  if (categories.length === 0) throw new InputError('no categories', { file, line: lineOf(list) ?? 1 });
  return categories.sort((a, b) => a.order - b.order);
}

function isDate(s: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
  if (!m) return false;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return d.toISOString().slice(0, 10) === s;
}

export function parseTrackedRepos(text: string, file: string, categoryIds: ReadonlySet<string>): TrackedRepo[] {
  const { rows } = parseCsvTable(text, file, REPO_COLUMNS);
  const repos: TrackedRepo[] = [];
  // GitHub names are case-insensitive: `ROCm/vllm` and `rocm/vllm` are one repository.
  const seen = new Map<string, TrackedRepo>();
  for (const { line, values } of rows) {
    const at = { file, line };
    const repo = values.repo!.trim();
    const category = values.category!.trim();
    const status = values.status!.trim();
    const upstream = values.upstream!.trim() || null;
    const trackedUntil = values.tracked_until!.trim() || null;
    if (!REPO_RE.test(repo)) throw new InputError(`repo ${JSON.stringify(repo)} is not owner/name`, at);
    if (!categoryIds.has(category)) throw new InputError(`unknown category ${JSON.stringify(category)}`, at);
    if (status !== 'ingested' && status !== 'unavailable') {
      throw new InputError(`status ${JSON.stringify(status)} must be ingested or unavailable`, at);
    }
    if (upstream !== null) {
      if (!REPO_RE.test(upstream)) throw new InputError(`upstream ${JSON.stringify(upstream)} is not owner/name`, at);
      if (upstream.toLowerCase() === repo.toLowerCase()) throw new InputError(`${repo} names itself as upstream`, at);
    }
    if (trackedUntil !== null && !isDate(trackedUntil)) {
      throw new InputError(`tracked_until ${JSON.stringify(trackedUntil)} is not a YYYY-MM-DD date`, at);
    }
    const prev = seen.get(repo.toLowerCase());
    if (prev) throw new InputError(`duplicate repo ${repo} (also at line ${prev.line})`, at);
    const entry: TrackedRepo = {
      repo,
      category,
      status,
      upstream,
      trackedUntil,
      note: values.note!.trim(),
      line,
    };
    seen.set(repo.toLowerCase(), entry);
    repos.push(entry);
  }
  checkUpstreams(repos, seen, file);
  return repos;
}

// An untracked upstream is fine (its commits are simply not counted), but a tracked
// one must be spelled exactly as registered, or joins on the name miss it, and the
// upstream links must not loop, or no repository is the home of the shared commits.
function checkUpstreams(repos: TrackedRepo[], byLower: Map<string, TrackedRepo>, file: string): void {
  for (const r of repos) {
    if (r.upstream === null) continue;
    const target = byLower.get(r.upstream.toLowerCase());
    if (target && target.repo !== r.upstream) {
      throw new InputError(`upstream ${r.upstream} is tracked as ${target.repo} (line ${target.line}): spell it the same`, {
        file,
        line: r.line,
      });
    }
    const path = [r];
    for (let cur = target; cur; cur = cur.upstream ? byLower.get(cur.upstream.toLowerCase()) : undefined) {
      if (cur === r) {
        const loop = path.map((p) => `${p.repo} (line ${p.line})`).join(' → ');
        throw new InputError(`upstream loop: ${loop} → ${r.repo}`, { file, line: r.line });
      }
      if (path.length > repos.length) break;
      path.push(cur);
    }
  }
}
