// remark plugin: gives every component element in an MDX file an attribute
// __source="content/reports/2024-q3.mdx:42" (repo-relative path, 1-based line), so a
// component that cannot render its figure can fail the build naming the exact place
// in the article. Lowercase elements are HTML and would print the attribute, so only
// components (Capitalised or member names like Charts.Bar) get it.
import { isAbsolute, relative, sep } from 'node:path';
import type { Root } from 'mdast';
import type { MdxJsxFlowElement, MdxJsxTextElement } from 'mdast-util-mdx-jsx';
import type { VFile } from 'vfile';
import { repoRoot } from './paths.ts';

export const SOURCE_ATTRIBUTE = '__source';

export interface ComponentLocationsOptions {
  /** Paths are written relative to this folder (default: the repository root). */
  root?: string;
}

type JsxElement = MdxJsxFlowElement | MdxJsxTextElement;

interface AnyNode {
  type: string;
  children?: AnyNode[];
}

function isComponent(node: AnyNode): node is JsxElement {
  if (node.type !== 'mdxJsxFlowElement' && node.type !== 'mdxJsxTextElement') return false;
  const name = (node as JsxElement).name;
  return !!name && (/^[A-Z]/.test(name) || name.includes('.'));
}

export function sourceLabel(filePath: string | undefined, line: number | undefined, root: string): string {
  let file = '<mdx>';
  if (filePath) {
    const clean = filePath.split('?')[0] ?? filePath;
    const rel = isAbsolute(clean) ? relative(root, clean) : clean;
    file = (rel.startsWith('..') ? clean : rel).split(sep).join('/');
  }
  return line === undefined ? file : `${file}:${line}`;
}

export function remarkComponentLocations(options: ComponentLocationsOptions = {}) {
  return (tree: Root, file: VFile): void => {
    const root = options.root ?? repoRoot();
    const walk = (node: AnyNode): void => {
      if (isComponent(node)) {
        const has = node.attributes.some((a) => a.type === 'mdxJsxAttribute' && a.name === SOURCE_ATTRIBUTE);
        if (!has) {
          node.attributes.push({
            type: 'mdxJsxAttribute',
            name: SOURCE_ATTRIBUTE,
            value: sourceLabel(file.path, node.position?.start.line, root),
          });
        }
      }
      for (const child of node.children ?? []) walk(child);
    };
    walk(tree as AnyNode);
  };
}
