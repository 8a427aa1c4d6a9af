// The registry: which repositories are tracked, under which category, and the
// categories themselves. Both files are edited by hand, so every check names
// the file and line to fix.

import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { readCsvTable } from '../common/csv.ts';
import { parseYaml } from '../common/yaml-schema.ts';
import { categoriesFileSchema, type Category } from './categories.ts';
import { parseTalentPools, talentPoolsFileBeside, type TalentPool } from './talent-pools.ts';
import { InputError, throwCollected } from '../common/types.ts';

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
  /** The categories.yaml read: a warehouse records both files to tell when it is older than them. */
  categoriesFile?: string;
  /** The editor's named talent pools (talent-pools.yaml beside categories.yaml; none without one). */
  talentPools: TalentPool[];
}

export const REPO_COLUMNS = ['repo', 'category', 'status', 'upstream', 'tracked_until', 'note'] as const;

const DEFAULT_REPOS = fileURLToPath(new URL('../../data/tracked-repos.csv', import.meta.url));
const DEFAULT_CATEGORIES = fileURLToPath(new URL('../../data/categories.yaml', import.meta.url));

// GitHub owners are letters, digits and hyphens; names add `.` and `_`. `.` and `..` are not names.
const REPO_RE = /^[A-Za-z0-9][A-Za-z0-9-]*\/(?!\.\.?$)[A-Za-z0-9._-]+$/;

export async function loadRegistry(opts: { reposCsv?: string; categoriesYaml?: string } = {}): Promise<Registry> {
  const reposFile = opts.reposCsv ?? DEFAULT_REPOS;
  const categoriesFile = opts.categoriesYaml ?? DEFAULT_CATEGORIES;
  // The pools name categories, so they travel with the categories file they were written for.
  const poolsFile = talentPoolsFileBeside(categoriesFile);
  const [reposText, categoriesText, poolsText] = await Promise.all([
    readFile(reposFile, 'utf8'),
    readFile(categoriesFile, 'utf8'),
    poolsFile ? readFile(poolsFile, 'utf8') : '',
  ]);
  // Every file is read through before anything is thrown, so one run lists every
  // problem of them all. Categories that could not be read are not checked against.
  const errors: InputError[] = [];
  const categories = readCategories(categoriesText, categoriesFile, errors);
  const categoryIds = errors.length === 0 ? new Set(categories.map((c) => c.id)) : null;
  const repos = readTrackedRepos(reposText, reposFile, categoryIds, errors);
  let talentPools: TalentPool[] = [];
  try {
    if (poolsFile && categoryIds) talentPools = parseTalentPools(poolsText, poolsFile, categoryIds);
  } catch (e) {
    if (!(e instanceof InputError)) throw e;
    errors.push(e);
  }
  throwCollected(errors);
  return { categories, repos, byRepo: new Map(repos.map((r) => [r.repo, r])), reposFile, categoriesFile, talentPools };
}

export function parseCategories(text: string, file: string): Category[] {
  const errors: InputError[] = [];
  const categories = readCategories(text, file, errors);
  throwCollected(errors);
  return categories;
}

/** parseCategories that collects its problems in `errors`. */
function readCategories(text: string, file: string, errors: InputError[]): Category[] {
  try {
    const { data, lineOf } = parseYaml(categoriesFileSchema, text, file);
    const categories = data.categories;
    // Clashes are read from well-formed entries only: a schema problem is reported first.
    const byId = new Map<string, number>();
    const byOrder = new Map<number, number>();
    const byColour = new Map<string, number>();
    categories.forEach((c, i) => {
      const line = lineOf(['categories', i]);
      const clash = <K,>(seen: Map<K, number>, key: K, what: string) => {
        const prev = seen.get(key);
        if (prev !== undefined) errors.push(new InputError(`duplicate ${what} ${JSON.stringify(key)} (first at line ${prev})`, { file, line }));
        else seen.set(key, line);
      };
      clash(byId, c.id, 'id');
      clash(byOrder, c.order, 'order');
      clash(byColour, c.colour, 'colour');
    });
    return [...categories].sort((a, b) => a.order - b.order);
  } catch (e) {
    if (!(e instanceof InputError)) throw e;
    errors.push(e);
    return [];
  }
}

function isDate(s: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
  if (!m) return false;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return d.toISOString().slice(0, 10) === s;
}

export function parseTrackedRepos(text: string, file: string, categoryIds: ReadonlySet<string>): TrackedRepo[] {
  const errors: InputError[] = [];
  const repos = readTrackedRepos(text, file, categoryIds, errors);
  throwCollected(errors);
  return repos;
}

/**
 * parseTrackedRepos that collects every problem of every row in `errors`.
 * `categoryIds` null: the categories could not be read, so none is checked.
 */
function readTrackedRepos(text: string, file: string, categoryIds: ReadonlySet<string> | null, errors: InputError[]): TrackedRepo[] {
  const { rows } = readCsvTable(text, file, errors, REPO_COLUMNS);
  const repos: TrackedRepo[] = [];
  // GitHub names are case-insensitive: `ROCm/vllm` and `rocm/vllm` are one repository.
  const seen = new Map<string, TrackedRepo>();
  for (const { line, values } of rows) {
    const problem = (message: string) => errors.push(new InputError(message, { file, line }));
    const repo = values.repo!.trim();
    const category = values.category!.trim();
    const status = values.status!.trim();
    let upstream = values.upstream!.trim() || null;
    const trackedUntil = values.tracked_until!.trim() || null;
    const validName = REPO_RE.test(repo);
    if (!validName) problem(`repo ${JSON.stringify(repo)} is not owner/name`);
    if (categoryIds && !categoryIds.has(category)) problem(`unknown category ${JSON.stringify(category)}`);
    if (status !== 'ingested' && status !== 'unavailable') problem(`status ${JSON.stringify(status)} must be ingested or unavailable`);
    // A bad upstream is reported here and left out of the upstream checks below.
    if (upstream !== null && !REPO_RE.test(upstream)) {
      problem(`upstream ${JSON.stringify(upstream)} is not owner/name`);
      upstream = null;
    } else if (upstream !== null && upstream.toLowerCase() === repo.toLowerCase()) {
      problem(`${repo} names itself as upstream`);
      upstream = null;
    }
    if (trackedUntil !== null && !isDate(trackedUntil)) problem(`tracked_until ${JSON.stringify(trackedUntil)} is not a YYYY-MM-DD date`);
    if (!validName) continue;
    const prev = seen.get(repo.toLowerCase());
    if (prev) {
      problem(`duplicate repo ${repo} (also at line ${prev.line})`);
      continue;
    }
    // A row with other problems still takes part in the upstream checks, so fixing
    // it does not reveal problems elsewhere that this run could have named.
    const entry: TrackedRepo = {
      repo,
      category,
      status: status as TrackedRepo['status'],
      upstream,
      trackedUntil,
      note: values.note!.trim(),
      line,
    };
    seen.set(repo.toLowerCase(), entry);
    repos.push(entry);
  }
  checkUpstreams(repos, seen, file, errors);
  return repos;
}

// An untracked upstream is fine (its commits are simply not counted), but a tracked
// one must be spelled exactly as registered, or joins on the name miss it, and the
// upstream links must not loop, or no repository is the home of the shared commits.
function checkUpstreams(repos: TrackedRepo[], byLower: Map<string, TrackedRepo>, file: string, errors: InputError[]): void {
  // A loop is one problem, named at its first row, not once per member.
  const inNamedLoop = new Set<TrackedRepo>();
  for (const r of repos) {
    if (r.upstream === null) continue;
    const target = byLower.get(r.upstream.toLowerCase());
    if (target && target.repo !== r.upstream) {
      errors.push(new InputError(`upstream ${r.upstream} is tracked as ${target.repo} (line ${target.line}): spell it the same`, { file, line: r.line }));
    }
    if (inNamedLoop.has(r)) continue;
    const path = [r];
    for (let cur = target; cur; cur = cur.upstream ? byLower.get(cur.upstream.toLowerCase()) : undefined) {
      if (cur === r) {
        const loop = path.map((p) => `${p.repo} (line ${p.line})`).join(' → ');
        errors.push(new InputError(`upstream loop: ${loop} → ${r.repo}`, { file, line: r.line }));
        for (const p of path) inNamedLoop.add(p);
        break;
      }
      if (path.length > repos.length) break;
      path.push(cur);
    }
  }
}
