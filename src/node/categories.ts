// Category names and colours. A page reads them from its published folder (frozen with
// the figures); pages without a quarter (the index, the methodology) read the
// registry's data/categories.yaml.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import type { CategoryRow } from '../lib/query-rows.ts';
import { repoRoot } from './paths.ts';
import { openPublished } from './published-data.ts';

export type Category = CategoryRow;

export interface Categories {
  list: Category[];
  byId: ReadonlyMap<string, Category>;
  /** The category's name, or its id when the folder does not know it. */
  name(id: string): string;
  colour(id: string): string;
}

const FALLBACK_COLOUR = '#767676';

function wrap(list: Category[]): Categories {
  const byId = new Map(list.map((c) => [c.category_id, c]));
  return {
    list,
    byId,
    name: (id) => byId.get(id)?.name ?? id,
    colour: (id) => byId.get(id)?.colour ?? FALLBACK_COLOUR,
  };
}

export async function categoriesOf(quarter: string): Promise<Categories> {
  const data = await openPublished(quarter);
  return wrap(await data.query('categories', {}));
}

interface YamlCategory {
  id: string;
  name: string;
  emoji: string;
  colour: string;
  order: number;
}

export function registryCategories(file = join(repoRoot(), 'data', 'categories.yaml')): Categories {
  const doc = parse(readFileSync(file, 'utf8')) as { categories?: YamlCategory[] };
  const list = (doc.categories ?? [])
    .map((c) => ({ category_id: c.id, name: c.name, emoji: c.emoji, colour: c.colour, sort_order: c.order }))
    .sort((a, b) => a.sort_order - b.sort_order);
  return wrap(list);
}
