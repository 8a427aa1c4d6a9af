// The schema of data/categories.yaml: the report's categories, in reading order. Edited
// by hand, so each message says what to write; clashes between entries are checked by
// the registry, which knows their lines.
import { z } from 'zod';

const FIELDS = ['id', 'name', 'emoji', 'colour', 'order'] as const;
const ID_RE = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const COLOUR_RE = /^#[0-9a-fA-F]{6}$/;

// An empty string is as good as no value for a field written by hand.
const absent = (v: unknown) => v === undefined || v === null || v === '';
const missing = (key: string) => `missing field \`${key}\``;
const text = (key: (typeof FIELDS)[number]) =>
  z.string({ error: (iss) => (absent(iss.input) ? missing(key) : `\`${key}\` must be a string`) }).min(1, missing(key));

export const categorySchema = z.strictObject(
  {
    id: text('id').regex(ID_RE, { error: (iss) => `id ${JSON.stringify(iss.input)} must be lowercase kebab-case` }),
    name: text('name').transform((s) => s.trim()),
    emoji: text('emoji'),
    /** `#rrggbb`, lowercase. */
    colour: text('colour')
      .regex(COLOUR_RE, { error: (iss) => `colour ${JSON.stringify(iss.input)} must be #rrggbb` })
      .transform((s) => s.toLowerCase()),
    order: z.int({ error: (iss) => (absent(iss.input) ? missing('order') : '`order` must be an integer') }),
  },
  {
    error: (iss) =>
      iss.code === 'unrecognized_keys'
        ? iss.keys.map((k) => `unknown field ${JSON.stringify(k)} (fields: ${FIELDS.join(', ')})`).join('; ')
        : 'each category must be a mapping',
  },
);

export type Category = z.output<typeof categorySchema>;

const NO_LIST = 'expected a `categories:` list';
export const categoriesFileSchema = z.object({ categories: z.array(categorySchema, NO_LIST).min(1, 'no categories') }, NO_LIST);
