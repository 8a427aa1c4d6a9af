// Where a quarter's published Parquet sits on the site: on the site itself, never on
// another origin. The build copies data/published/<q>/*.parquet to <out>/data/<q>/ and
// the dev server serves the same paths (src/node/copy-published.ts); the browser reads
// them there (src/client/published-url.ts). This file is the whole contract between them.
import { isQuarter, QUARTER_RE } from './quarters.ts';

/** The folder under the site's base URL that holds one sub-folder per quarter. */
export const PUBLISHED_URL_DIR = 'data';

/** Site-relative path of a quarter's folder (with a trailing slash), under `base`. */
export function publishedFolderPath(quarter: string, base: string): string {
  // A quarter comes from a data attribute the build wrote; anything else is a bug, and
  // refusing it keeps "../" or a full URL from ever steering a request off the origin.
  if (!isQuarter(quarter)) throw new Error(`"${quarter}" is not a quarter: write it like 2024-q3`);
  const root = base.endsWith('/') ? base : `${base}/`;
  return `${root}${PUBLISHED_URL_DIR}/${quarter}/`;
}

/** A site-relative path to one published Parquet file → its quarter and file name, or null. */
export function publishedFileOf(path: string): { quarter: string; file: string } | null {
  const [dir, quarter, file, ...rest] = path.split('/');
  if (dir !== PUBLISHED_URL_DIR || rest.length > 0 || quarter === undefined || file === undefined) return null;
  return QUARTER_RE.test(quarter) && /^[a-z_][a-z0-9_]*\.parquet$/.test(file) ? { quarter, file } : null;
}
