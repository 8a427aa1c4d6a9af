// Where each atlas page lives, relative to the site's base, so a figure rendered at
// build time and the same figure re-rendered in the browser link to the same page.
// Repository names are owner/name: both parts are URL-safe on GitHub except for
// characters encodeURIComponent escapes, so each part is encoded on its own.

/** 'vllm-project/vllm' → 'projects/vllm-project/vllm/' */
export function projectPath(repo: string): string {
  const [owner = '', name = ''] = repo.split('/');
  return `projects/${encodeURIComponent(owner)}/${encodeURIComponent(name)}/`;
}

/** 'llm-serving' → 'categories/llm-serving/' */
export function categoryPath(id: string): string {
  return `categories/${encodeURIComponent(id)}/`;
}

/** Joins a site base ('/', '/deep-signal/') and a site-relative path. */
export function underBase(base: string, relative: string): string {
  return base.replace(/\/?$/, '/') + relative.replace(/^\/+/, '');
}
