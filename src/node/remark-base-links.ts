// remark plugin: a link an editor writes from the site root ([methodology](/methodology/))
// gets the site's base, so it still works when the site is deployed under a sub-path
// (DEEP_SIGNAL_BASE=/deep-signal/, a GitHub Pages project site).

export interface BaseLinksOptions {
  /** Astro's `base`, with leading and trailing slashes ("/" or "/deep-signal/"). */
  base: string;
}

interface AnyNode {
  type: string;
  url?: string;
  name?: string | null;
  attributes?: { type: string; name?: string; value?: unknown }[];
  children?: AnyNode[];
}

export function withBase(url: string, base: string): string {
  if (base === '/' || !url.startsWith('/') || url.startsWith('//') || url.startsWith(base)) return url;
  return base + url.slice(1);
}

export function remarkBaseLinks(options: BaseLinksOptions) {
  const base = options.base.endsWith('/') ? options.base : `${options.base}/`;
  return (tree: unknown): void => {
    const walk = (node: AnyNode): void => {
      if ((node.type === 'link' || node.type === 'definition') && typeof node.url === 'string') node.url = withBase(node.url, base);
      if ((node.type === 'mdxJsxFlowElement' || node.type === 'mdxJsxTextElement') && (node.name === 'a' || node.name === 'img')) {
        for (const a of node.attributes ?? []) {
          if (a.type === 'mdxJsxAttribute' && (a.name === 'href' || a.name === 'src') && typeof a.value === 'string') a.value = withBase(a.value, base);
        }
      }
      for (const child of node.children ?? []) walk(child);
    };
    walk(tree as AnyNode);
  };
}
