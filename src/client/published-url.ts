/// <reference types="vite/client" />
// Where the browser finds a quarter's published Parquet: on the site itself, never on
// another origin. The build copies data/published/<q>/*.parquet to <out>/data/<q>/ and
// the dev server serves the same paths (src/node/copy-published.ts), so this one
// function is the whole contract between the two.
//
// Kept free of DOM access at module level: src/node/copy-published.ts imports
// PUBLISHED_URL_DIR from here so the path is written down once.

/** The folder under the site's base URL that holds one sub-folder per quarter. */
export const PUBLISHED_URL_DIR = 'data';

const QUARTER = /^\d{4}-q[1-4]$/;

/** Site-relative path of a quarter's folder (with a trailing slash), under `base`. */
export function publishedFolderPath(quarter: string, base: string = import.meta.env.BASE_URL): string {
  // A quarter comes from a data attribute the build wrote; anything else is a bug, and
  // refusing it keeps "../" or a full URL from ever steering a request off the origin.
  if (!QUARTER.test(quarter)) throw new Error(`"${quarter}" is not a quarter: write it like 2024-q3`);
  const root = base.endsWith('/') ? base : `${base}/`;
  return `${root}${PUBLISHED_URL_DIR}/${quarter}/`;
}

/**
 * Absolute URL of a quarter's folder. DuckDB-WASM fetches from its worker, whose own
 * URL (under _astro/) would be the base for a relative path, so it must be absolute.
 */
export function publishedFolderUrl(quarter: string, pageUrl: string = location.href, base?: string): string {
  return new URL(publishedFolderPath(quarter, base), pageUrl).href;
}
