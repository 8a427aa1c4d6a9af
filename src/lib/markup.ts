// A figure's markup as plain data, so it is written once: the build serializes it to
// HTML (a component's set:html), and the browser parses the same HTML into the live
// element after a re-query (src/client/dom.ts, parseHtml). Text and attribute values are always
// escaped here, never passed through as HTML.

export type MarkupAttrValue = string | number | boolean | null | undefined;
export type MarkupAttrs = Record<string, MarkupAttrValue>;
export type MarkupChild = Markup | string | number | null | undefined | false;

export interface Markup {
  tag: string;
  attrs: MarkupAttrs;
  children: MarkupChild[];
}

export function m(tag: string, attrs: MarkupAttrs = {}, ...children: (MarkupChild | MarkupChild[])[]): Markup {
  return { tag, attrs, children: children.flat() };
}

const TEXT_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;' };
const ATTR_ESCAPES: Record<string, string> = { ...TEXT_ESCAPES, '"': '&quot;' };

function escapeText(s: string): string {
  return s.replace(/[&<>]/g, (c) => TEXT_ESCAPES[c]!);
}

function escapeAttr(s: string): string {
  return s.replace(/[&<>"]/g, (c) => ATTR_ESCAPES[c]!);
}

/** Boolean attributes: present when true; false, null and undefined leave them out. */
export function attrEntries(attrs: MarkupAttrs): [string, string][] {
  const out: [string, string][] = [];
  for (const [k, v] of Object.entries(attrs)) {
    if (v === false || v === null || v === undefined) continue;
    out.push([k, v === true ? '' : String(v)]);
  }
  return out;
}

export function toHtml(node: MarkupChild | MarkupChild[]): string {
  if (Array.isArray(node)) return node.map(toHtml).join('');
  if (node === null || node === undefined || node === false) return '';
  if (typeof node === 'string') return escapeText(node);
  if (typeof node === 'number') return String(node);
  const attrs = attrEntries(node.attrs)
    .map(([k, v]) => (v === '' ? ` ${k}` : ` ${k}="${escapeAttr(v)}"`))
    .join('');
  return `<${node.tag}${attrs}>${node.children.map(toHtml).join('')}</${node.tag}>`;
}
