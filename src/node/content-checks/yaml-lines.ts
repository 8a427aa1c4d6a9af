// Line numbers for YAML keys, so a schema error in frontmatter or a predictions file
// points at the line to fix.
import { LineCounter, parseDocument } from 'yaml';

export type YamlPath = readonly (string | number)[];

/** `lineOf(path)`: the 1-based line of the deepest node of `path` that exists; `firstLine` is the text's first line in its file. */
export function yamlLines(text: string, firstLine = 1): (path: YamlPath) => number | undefined {
  const counter = new LineCounter();
  const doc = parseDocument(text, { lineCounter: counter, keepSourceTokens: false });
  return (path) => {
    for (let n = path.length; n >= 0; n--) {
      const node = n === 0 ? doc.contents : doc.getIn(path.slice(0, n), true);
      const range = (node as { range?: [number, number, number] } | undefined)?.range;
      if (range) return counter.linePos(range[0]).line + firstLine - 1;
    }
    return undefined;
  };
}
