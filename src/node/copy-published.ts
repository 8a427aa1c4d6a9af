// Astro integration: the site serves its own published Parquet, so the browser's
// DuckDB-WASM never reads from another origin. `astro build` copies every published
// quarter's *.parquet to <outDir>/data/<quarter>/; `astro dev` serves the same URLs
// straight from data/published (or DEEP_SIGNAL_PUBLISHED_DIR), with byte ranges, since
// DuckDB-WASM reads Parquet by Range requests and refuses a server that ignores them.
import { copyFileSync, existsSync, mkdirSync, readdirSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { PUBLISHED_URL_DIR, publishedFileOf } from '../lib/published-path.ts';
import { sendFile } from './byte-range.ts';
import { publishedQuarters, publishedRoot } from './paths.ts';

const PARQUET_TYPE = 'application/vnd.apache.parquet';

/** Copies each published quarter's Parquet files to <outDir>/data/<quarter>/; returns how many. */
export function copyPublishedFiles(outDir: string): number {
  let copied = 0;
  for (const quarter of publishedQuarters()) {
    const from = join(publishedRoot(), quarter);
    const to = join(outDir, PUBLISHED_URL_DIR, quarter);
    mkdirSync(to, { recursive: true });
    for (const f of readdirSync(from).filter((x) => x.endsWith('.parquet'))) {
      copyFileSync(join(from, f), join(to, f));
      copied++;
    }
  }
  return copied;
}

/** The published file a dev request path names, or null (with or without the base). */
export function publishedFileFor(urlPath: string, base: string): string | null {
  let path: string;
  try {
    path = decodeURIComponent(urlPath.split('?')[0] ?? '');
  } catch {
    return null; // malformed escapes name no file
  }
  const root = base.endsWith('/') ? base : `${base}/`;
  const rest = path.startsWith(root) ? path.slice(root.length) : path.startsWith('/') ? path.slice(1) : path;
  // Strict shape, so no request can walk out of the published folder.
  const m = publishedFileOf(rest);
  if (!m) return null;
  const file = join(publishedRoot(), m.quarter, m.file);
  return existsSync(file) ? file : null;
}

/** Connect-style middleware for the dev server: GET and HEAD, with Range support. */
export function servePublished(base: string) {
  return (req: IncomingMessage, res: ServerResponse, next: () => void): void => {
    if (req.method !== 'GET' && req.method !== 'HEAD') return next();
    const file = publishedFileFor(req.url ?? '', base);
    if (!file) return next();
    res.setHeader('Content-Type', PARQUET_TYPE);
    res.setHeader('Cache-Control', 'no-cache');
    sendFile(req, res, file);
  };
}

export function copyPublished(): AstroIntegration {
  let base = '/';
  return {
    name: 'deep-signal:copy-published',
    hooks: {
      'astro:config:done': ({ config }) => {
        base = config.base;
      },
      'astro:server:setup': ({ server }) => {
        server.middlewares.use(servePublished(base));
      },
      'astro:build:done': ({ dir, logger }) => {
        const n = copyPublishedFiles(fileURLToPath(dir));
        logger.info(`copied ${n} published Parquet files to ${PUBLISHED_URL_DIR}/`);
      },
    },
  };
}
