// Parses an article the way the build compiles it (same MDX compiler, same remark
// plugins), and lists what the checks look at: frontmatter, imports, and every
// component with its attributes and its __source line.
import { createProcessor } from '@mdx-js/mdx';
import { parseFrontmatter } from '@astrojs/markdown-remark';
import type { Root } from 'mdast';
import type { MdxJsxAttribute, MdxJsxExpressionAttribute } from 'mdast-util-mdx-jsx';
import { VFile } from 'vfile';
import { reportRemarkPlugins } from '../mdx-plugins.ts';
import { SOURCE_ATTRIBUTE } from '../remark-component-locations.ts';

/** A literal attribute value; `expression` when only the running page can know it. */
export type AttrValue = { kind: 'literal'; value: unknown } | { kind: 'expression'; code: string };

export interface ComponentUse {
  name: string;
  line: number;
  attrs: ReadonlyMap<string, AttrValue>;
}

export interface ParsedArticle {
  frontmatter: Record<string, unknown>;
  /** The YAML between the --- lines; its first line is line 1 of the file. */
  rawFrontmatter: string;
  /** Local name → module specifier of each import in the article. */
  imports: ReadonlyMap<string, string>;
  components: ComponentUse[];
  syntaxError?: { line?: number; message: string };
}

interface EstreeNode {
  type: string;
  [k: string]: unknown;
}

/** Literals the page could compute without running anything: strings, numbers, booleans, arrays of those. */
function literal(node: EstreeNode | undefined): { ok: true; value: unknown } | { ok: false } {
  if (!node) return { ok: false };
  if (node.type === 'Literal') return { ok: true, value: node.value };
  if (node.type === 'UnaryExpression' && node.operator === '-') {
    const v = literal(node.argument as EstreeNode);
    return v.ok && typeof v.value === 'number' ? { ok: true, value: -v.value } : { ok: false };
  }
  if (node.type === 'ArrayExpression') {
    const out: unknown[] = [];
    for (const el of node.elements as EstreeNode[]) {
      const v = literal(el);
      if (!v.ok) return { ok: false };
      out.push(v.value);
    }
    return { ok: true, value: out };
  }
  if (node.type === 'TemplateLiteral' && (node.expressions as unknown[]).length === 0) {
    const q = (node.quasis as { value: { cooked: string } }[])[0];
    return { ok: true, value: q?.value.cooked ?? '' };
  }
  return { ok: false };
}

function attrValue(a: MdxJsxAttribute): AttrValue {
  if (a.value === null || a.value === undefined) return { kind: 'literal', value: true };
  if (typeof a.value === 'string') return { kind: 'literal', value: a.value };
  const program = a.value.data?.estree as { body?: { expression?: EstreeNode }[] } | undefined;
  const v = literal(program?.body?.[0]?.expression);
  return v.ok ? { kind: 'literal', value: v.value } : { kind: 'expression', code: a.value.value };
}

interface AnyNode {
  type: string;
  name?: string | null;
  attributes?: (MdxJsxAttribute | MdxJsxExpressionAttribute)[];
  position?: { start: { line: number } };
  data?: { estree?: { body?: EstreeNode[] } };
  children?: AnyNode[];
}

function collect(tree: Root): { imports: Map<string, string>; components: ComponentUse[] } {
  const imports = new Map<string, string>();
  const components: ComponentUse[] = [];
  const walk = (node: AnyNode): void => {
    if (node.type === 'mdxjsEsm') {
      for (const stmt of node.data?.estree?.body ?? []) {
        if (stmt.type !== 'ImportDeclaration') continue;
        const from = String((stmt.source as { value: unknown }).value);
        for (const s of stmt.specifiers as { local: { name: string } }[]) imports.set(s.local.name, from);
      }
    }
    if ((node.type === 'mdxJsxFlowElement' || node.type === 'mdxJsxTextElement') && node.name && /^[A-Z]/.test(node.name)) {
      const attrs = new Map<string, AttrValue>();
      let line = node.position?.start.line ?? 0;
      for (const a of node.attributes ?? []) {
        if (a.type !== 'mdxJsxAttribute') continue;
        if (a.name === SOURCE_ATTRIBUTE && typeof a.value === 'string') {
          line = Number(/:(\d+)$/.exec(a.value)?.[1] ?? line);
          continue;
        }
        attrs.set(a.name, attrValue(a));
      }
      components.push({ name: node.name, line, attrs });
    }
    for (const child of node.children ?? []) walk(child);
  };
  walk(tree as unknown as AnyNode);
  return { imports, components };
}

export async function parseArticle(path: string, text: string): Promise<ParsedArticle> {
  let fm: { frontmatter: Record<string, unknown>; rawFrontmatter: string; content: string };
  try {
    // Spaces where the frontmatter was, as Astro does, so every line number stays true.
    fm = parseFrontmatter(text, { frontmatter: 'empty-with-spaces' });
  } catch (e) {
    const mark = (e as { mark?: { line?: number } }).mark;
    return {
      frontmatter: {},
      rawFrontmatter: '',
      imports: new Map(),
      components: [],
      syntaxError: { line: mark?.line === undefined ? 1 : mark.line + 2, message: `frontmatter is not valid YAML: ${(e as Error).message.split('\n')[0]}` },
    };
  }
  let tree: Root | undefined;
  const capture = () => (t: Root) => {
    tree = t;
  };
  const processor = createProcessor({ format: 'mdx', jsxImportSource: 'astro', remarkPlugins: [...reportRemarkPlugins(), capture] });
  let syntaxError: ParsedArticle['syntaxError'];
  try {
    await processor.process(new VFile({ path, value: fm.content }));
  } catch (e) {
    const err = e as { line?: number; reason?: string; message: string };
    syntaxError = { ...(err.line ? { line: err.line } : {}), message: `MDX does not compile: ${err.reason ?? err.message}` };
  }
  const { imports, components } = tree ? collect(tree) : { imports: new Map<string, string>(), components: [] };
  return { frontmatter: fm.frontmatter, rawFrontmatter: fm.rawFrontmatter, imports, components, ...(syntaxError ? { syntaxError } : {}) };
}
