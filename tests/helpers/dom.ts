// HTML read the way a browser reads it (parse5 is the WHATWG parser) and queried with
// CSS selectors (css-select), so a test names elements as the page's styles and scripts
// do: a regex over markup breaks on attribute order, whitespace and entities, and
// cannot tell one table row from the next.
import { selectAll, selectOne, type Options } from 'css-select';
import { defaultTreeAdapter as tree, parse, type DefaultTreeAdapterMap } from 'parse5';

export type DomNode = DefaultTreeAdapterMap['node'];
export type DomElement = DefaultTreeAdapterMap['element'];
type Template = DefaultTreeAdapterMap['template'];
type Adapter = NonNullable<Options<DomNode, DomElement>['adapter']>;

function children(node: DomNode): DomNode[] {
  // A <template>'s markup is its content fragment, which is what a selector should see.
  if (tree.isElementNode(node) && node.tagName === 'template') return tree.getTemplateContent(node as Template).childNodes;
  return 'childNodes' in node ? node.childNodes : [];
}

const parentOf = (node: DomNode): DomNode | null => ('parentNode' in node ? node.parentNode : null);

function textOf(node: DomNode): string {
  if (tree.isTextNode(node)) return node.value;
  return children(node).map(textOf).join('');
}

const adapter: Adapter = {
  isTag: (node): node is DomElement => tree.isElementNode(node),
  getAttributeValue: (elem, name) => elem.attrs.find((a) => a.name === name)?.value,
  hasAttrib: (elem, name) => elem.attrs.some((a) => a.name === name),
  getChildren: children,
  getName: (elem) => elem.tagName,
  getParent: (elem) => elem.parentNode,
  getSiblings: (node) => {
    const parent = parentOf(node);
    return parent ? children(parent) : [node];
  },
  getText: textOf,
  removeSubsets: (nodes) => {
    const kept = new Set(nodes);
    return [...kept].filter((node) => {
      for (let up = parentOf(node); up; up = parentOf(up)) {
        if (kept.has(up)) return false;
      }
      return true;
    });
  },
};

/** A whole page (or a fragment, which the parser places in a body). */
export function parseHtml(html: string): DomNode {
  return parse(html);
}

export function queryAll(root: DomNode, selector: string): DomElement[] {
  return selectAll(selector, root, { adapter });
}

export function query(root: DomNode, selector: string): DomElement | null {
  return selectOne(selector, root, { adapter });
}

/** The one element `selector` matches; throws naming the selector when there is none. */
export function one(root: DomNode, selector: string): DomElement {
  const found = query(root, selector);
  if (!found) throw new Error(`no element matches ${selector}`);
  return found;
}

export function attr(elem: DomElement, name: string): string | undefined {
  return adapter.getAttributeValue(elem, name);
}

/** Text content with runs of whitespace collapsed, as a reader sees it. */
export function text(node: DomNode): string {
  return textOf(node).replace(/\s+/g, ' ').trim();
}
