// Element builders for the custom elements' own controls (sort buttons, status lines),
// with text always set as text; figures are never built here: their markup comes from
// the build's render functions in src/lib (parseHtml).

type AttrValue = string | number | boolean | null | undefined;
export type Attrs = Record<string, AttrValue>;
type Child = Node | string | number | null | undefined | false;

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


/**
 * Markup a src/lib render function wrote, as nodes to put into the live element. The
 * string comes from the same function the build ran (its text and attributes escaped
 * there), so a redraw is the built markup, not a copy of it.
 */
export function parseHtml(html: string): DocumentFragment {
  const template = document.createElement('template');
  template.innerHTML = html;
  return template.content;
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
