// Element builders for the custom elements: the few shapes they re-render (rows,
// cells, SVG paths) written as calls, with text always set as text, never as HTML;
// and figures whose markup is shared with the build (src/lib/markup.ts) made elements.
import { attrEntries, type Markup, type MarkupChild } from '../lib/markup.ts';

type AttrValue = string | number | boolean | null | undefined;
export type Attrs = Record<string, AttrValue>;
type Child = Node | string | number | null | undefined | false;

const SVG_NS = 'http://www.w3.org/2000/svg';

function fill<E extends Element>(el: E, attrs: Attrs | undefined, children: readonly Child[]): E {
  for (const [k, v] of Object.entries(attrs ?? {})) {
    // Boolean attributes: present when true; false, null and undefined leave them out.
    if (v === false || v === null || v === undefined) continue;
    el.setAttribute(k, v === true ? '' : String(v));
  }
  for (const c of children) {
    if (c === null || c === undefined || c === false) continue;
    el.append(typeof c === 'number' ? String(c) : c);
  }
  return el;
}

export function h<K extends keyof HTMLElementTagNameMap>(tag: K, attrs?: Attrs, ...children: Child[]): HTMLElementTagNameMap[K] {
  return fill(document.createElement(tag), attrs, children);
}

export function svg<K extends keyof SVGElementTagNameMap>(tag: K, attrs?: Attrs, ...children: Child[]): SVGElementTagNameMap[K] {
  return fill(document.createElementNS(SVG_NS, tag) as SVGElementTagNameMap[K], attrs, children);
}

/** The elements of a shared markup tree; inside <svg> they take the SVG namespace. */
export function fromMarkup(node: Markup, inSvg = false): Element {
  const svgNs = inSvg || node.tag === 'svg';
  const el = svgNs ? document.createElementNS(SVG_NS, node.tag) : document.createElement(node.tag);
  for (const [k, v] of attrEntries(node.attrs)) el.setAttribute(k, v);
  for (const c of node.children) {
    const child = markupChild(c, svgNs);
    if (child !== null) el.append(child);
  }
  return el;
}

function markupChild(c: MarkupChild, inSvg: boolean): Node | string | null {
  if (c === null || c === undefined || c === false) return null;
  if (typeof c === 'string' || typeof c === 'number') return String(c);
  return fromMarkup(c, inSvg);
}

/** The first match, or an error naming what the server should have rendered. */
export function must<E extends Element>(root: ParentNode, selector: string, what: string): E {
  const el = root.querySelector<E>(selector);
  if (!el) throw new Error(`${what}: no ${selector} in the server-rendered HTML`);
  return el;
}

/** Defines a custom element once (two bundles or HMR may evaluate a module twice). */
export function define(name: string, ctor: CustomElementConstructor): void {
  if (!customElements.get(name)) customElements.define(name, ctor);
}
