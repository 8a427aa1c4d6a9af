/// <reference types="vite/client" />
// Where the browser finds a quarter's published Parquet (the contract is
// src/lib/published-path.ts): under this site's base, as an absolute URL.
import { publishedFolderPath } from '../lib/published-path.ts';

/**
 * Absolute URL of a quarter's folder. DuckDB-WASM fetches from its worker, whose own
 * URL (under _astro/) would be the base for a relative path, so it must be absolute.
 */
export function publishedFolderUrl(quarter: string, pageUrl: string = location.href, base?: string): string {
  return new URL(publishedFolderPath(quarter, base ?? import.meta.env.BASE_URL), pageUrl).href;
}
