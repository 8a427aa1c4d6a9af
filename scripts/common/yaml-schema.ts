// Reads a hand-edited YAML file against its zod schema. Every problem becomes an
// InputError naming the file and the line of the bad entry, so the editor can fix
// them all from one run (throwCollected).
import { parseDocument } from 'yaml';
import type { z } from 'zod';
import { yamlLines, type YamlPath } from '../../src/node/content-checks/yaml-lines.ts';
import { InputError, throwCollected } from './types.ts';

export interface ParsedYaml<T> {
  data: T;
  /** The line of the entry at `path`: the path up to its last list index, so a field's problem points at its entry. */
  lineOf: (path: YamlPath) => number;
}

/** Parses `text` (named `file` in messages) with `schema`; throws every problem as InputError(s). */
export function parseYaml<S extends z.ZodType>(schema: S, text: string, file: string): ParsedYaml<z.output<S>> {
  const doc = parseDocument(text);
  const err = doc.errors[0];
  if (err) {
    // yaml's message ends with the position and an excerpt of the source: the location carries the line instead.
    throw new InputError(`YAML: ${err.message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '')}`, { file, line: err.linePos?.[0].line });
  }
  const lines = yamlLines(text);
  const lineOf = (path: YamlPath) => {
    let end = path.length;
    while (end > 0 && typeof path[end - 1] !== 'number') end--;
    return lines(end > 0 ? path.slice(0, end) : path) ?? 1;
  };
  const parsed = schema.safeParse(doc.toJS());
  if (!parsed.success) {
    const seen = new Set<string>();
    const errors: InputError[] = [];
    for (const issue of parsed.error.issues) {
      const line = lineOf(issue.path.filter((k): k is string | number => typeof k !== 'symbol'));
      // One list of bad elements is one problem of its entry, not one per element.
      const key = `${line}\n${issue.message}`;
      if (seen.has(key)) continue;
      seen.add(key);
      errors.push(new InputError(issue.message, { file, line }));
    }
    throwCollected(errors);
  }
  return { data: parsed.data as z.output<S>, lineOf };
}
