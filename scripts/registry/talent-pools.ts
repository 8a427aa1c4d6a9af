// The editor's named talent pools (data/talent-pools.yaml): which categories a person
// must all be active in, within a trailing year, to count in a pool. Edited by hand, so
// every check names the file and line to fix; loaded with the registry (a pool naming
// a category the registry lacks is a typo, not an empty pool) and stored in the
// warehouse as talent_pool_defs for scripts/metrics/sql/talent_pools.sql.
import { existsSync } from 'node:fs';
import type { DuckDBConnection } from '@duckdb/node-api';
import { z } from 'zod';
import { sqlString } from '../../src/lib/sql-literal.ts';
import { InputError, throwCollected } from '../common/types.ts';
import { parseYaml } from '../common/yaml-schema.ts';

const FIELDS = ['id', 'name', 'categories', 'min_commits'] as const;
const ID_RE = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
/** Ids the engine gives its own pools: a named pool must not shadow them. */
const RESERVED = /\+|^three-plus$/;
const TWO_OR_MORE = 'categories must list two or more category ids';
const MIN_COMMITS_ERROR = 'min_commits must be a whole number of 1 or more';
// One message for whatever is wrong with an id, naming the value.
const ID_ERROR = (iss: { input?: unknown }) => `id ${JSON.stringify(iss.input)} must be lowercase kebab-case (and not 'three-plus', the engine's own pool)`;

const poolSchema = z
  .strictObject(
    {
      id: z
        .string({ error: ID_ERROR })
        .regex(ID_RE, { error: ID_ERROR })
        .refine((id) => !RESERVED.test(id), { error: ID_ERROR }),
      name: z
        .string('a pool needs a name')
        .refine((name) => name.trim() !== '', 'a pool needs a name')
        .transform((name) => name.trim()),
      /** Category ids, as written (at least two, no repeats). */
      categories: z
        .array(z.string(TWO_OR_MORE), TWO_OR_MORE)
        .min(2, TWO_OR_MORE)
        .refine((ids) => new Set(ids).size === ids.length, 'the pool lists a category twice'),
      /** Commits a person needs in each category over the year; 1 = active. */
      min_commits: z.int(MIN_COMMITS_ERROR).min(1, MIN_COMMITS_ERROR).default(1),
    },
    {
      error: (iss) =>
        iss.code === 'unrecognized_keys'
          ? iss.keys.map((k) => `unknown field ${JSON.stringify(k)} (fields: ${FIELDS.join(', ')})`).join('; ')
          : 'each pool must be a mapping (id, name, categories)',
    },
  )
  .transform(({ min_commits: minCommits, ...pool }) => ({ ...pool, minCommits }));

// An empty file or `pools: []` is no pools, not an error: the editor may have none.
const poolsFileSchema = z
  .object({ pools: z.array(poolSchema, 'expected a `pools:` list').nullish() }, 'expected a `pools:` list')
  .nullish()
  .transform((doc) => doc?.pools ?? []);

export type TalentPool = z.output<typeof poolSchema>;

export function parseTalentPools(text: string, file: string, categoryIds: ReadonlySet<string>): TalentPool[] {
  const { data: pools, lineOf } = parseYaml(poolsFileSchema, text, file);
  // Whether a pool's categories exist depends on the registry it is loaded with.
  const errors: InputError[] = [];
  const seen = new Map<string, number>();
  pools.forEach(({ id, categories }, i) => {
    const at = { file, line: lineOf(['pools', i]) };
    const missing = categories.filter((c) => !categoryIds.has(c));
    if (missing.length > 0) {
      errors.push(new InputError(`pool '${id}': unknown categor${missing.length > 1 ? 'ies' : 'y'} ${missing.map((c) => JSON.stringify(c)).join(', ')} (known: ${[...categoryIds].join(', ')})`, at));
    }
    const first = seen.get(id);
    if (first !== undefined) errors.push(new InputError(`duplicate pool id '${id}' (first at line ${first})`, at));
    else seen.set(id, at.line);
  });
  throwCollected(errors);
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
