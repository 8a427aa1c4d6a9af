// The editor's named talent pools (data/talent-pools.yaml): which categories a person
// must all be active in, within a trailing year, to count in a pool. Edited by hand, so
// every check names the file and line to fix; loaded with the registry (a pool naming
// a category the registry lacks is a typo, not an empty pool) and stored in the
// warehouse as talent_pool_defs for scripts/metrics/sql/talent_pools.sql.
import { existsSync } from 'node:fs';
import { isMap, isSeq, LineCounter, parseDocument, type Node } from 'yaml';
import type { DuckDBConnection } from '@duckdb/node-api';
import { sqlString } from '../../src/lib/sql-literal.ts';
import { InputError } from '../common/types.ts';

export interface TalentPool {
  id: string;
  name: string;
  /** Category ids, as written (at least two, no repeats). */
  categories: string[];
  /** Commits a person needs in each category over the year; 1 = active. */
  minCommits: number;
}

const FIELDS = ['id', 'name', 'categories', 'min_commits'] as const;
const ID_RE = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
/** Ids the engine gives its own pools: a named pool must not shadow them. */
const RESERVED = /\+|^three-plus$/;

export function parseTalentPools(text: string, file: string, categoryIds: ReadonlySet<string>): TalentPool[] {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter });
  const lineOf = (node: unknown): number => {
    const range = (node as Node | null | undefined)?.range;
    return range ? lineCounter.linePos(range[0]).line : 1;
  };
  const err = doc.errors[0];
  if (err) throw new InputError(`YAML: ${err.message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '')}`, { file, line: err.linePos?.[0].line });
  const list = isMap(doc.contents) ? doc.contents.get('pools', true) : undefined;
  // An empty file or `pools: []` is no pools, not an error: the editor may have none.
  if (list === undefined || list === null || (isSeq(list) && list.items.length === 0)) return [];
  if (!isSeq(list)) throw new InputError('expected a `pools:` list', { file, line: lineOf(doc.contents) });

  const pools: TalentPool[] = [];
  const seen = new Map<string, number>();
  for (const item of list.items) {
    const line = lineOf(item);
    const at = { file, line };
    if (!isMap(item)) throw new InputError('each pool must be a mapping (id, name, categories)', at);
    const data = item.toJSON() as Record<string, unknown>;
    const unknown = Object.keys(data).find((k) => !(FIELDS as readonly string[]).includes(k));
    if (unknown !== undefined) throw new InputError(`unknown field ${JSON.stringify(unknown)} (fields: ${FIELDS.join(', ')})`, at);
    const { id, name, categories, min_commits: minCommits = 1 } = data;
    if (typeof id !== 'string' || !ID_RE.test(id) || RESERVED.test(id)) {
      throw new InputError(`id ${JSON.stringify(id)} must be lowercase kebab-case (and not 'three-plus', the engine's own pool)`, at);
    }
    if (typeof name !== 'string' || name.trim() === '') throw new InputError(`pool '${id}' needs a name`, at);
    if (!Array.isArray(categories) || categories.length < 2 || !categories.every((c) => typeof c === 'string')) {
      throw new InputError(`pool '${id}': categories must list two or more category ids`, at);
    }
    const missing = categories.filter((c) => !categoryIds.has(c));
    if (missing.length > 0) {
      throw new InputError(`pool '${id}': unknown categor${missing.length > 1 ? 'ies' : 'y'} ${missing.map((c) => JSON.stringify(c)).join(', ')} (known: ${[...categoryIds].join(', ')})`, at);
    }
    if (new Set(categories).size !== categories.length) throw new InputError(`pool '${id}' lists a category twice`, at);
    if (!Number.isInteger(minCommits) || (minCommits as number) < 1) throw new InputError(`pool '${id}': min_commits must be a whole number of 1 or more`, at);
    const first = seen.get(id);
    if (first !== undefined) throw new InputError(`duplicate pool id '${id}' (first at line ${first})`, at);
    seen.set(id, line);
    pools.push({ id, name: name.trim(), categories: categories as string[], minCommits: minCommits as number });
  }
  return pools;
}

/** The pools file beside a categories file, or none: a registry folder without one has no named pools. */
export function talentPoolsFileBeside(categoriesFile: string): string | undefined {
  const file = categoriesFile.replace(/[^/\\]*$/, 'talent-pools.yaml');
  return existsSync(file) ? file : undefined;
}

/** talent_pool_defs: one row per pool and category, in the file's order (sort_order). */
export async function loadTalentPoolDefs(conn: DuckDBConnection, pools: readonly TalentPool[]): Promise<void> {
  await conn.run('CREATE TABLE talent_pool_defs (pool_id VARCHAR, name VARCHAR, category_id VARCHAR, min_commits INTEGER, sort_order INTEGER)');
  const values = pools.flatMap((p, i) => p.categories.map((c) => `(${sqlString(p.id)}, ${sqlString(p.name)}, ${sqlString(c)}, ${p.minCommits}, ${i + 1})`));
  if (values.length > 0) await conn.run(`INSERT INTO talent_pool_defs VALUES ${values.join(', ')}`);
}
