// Astro integration: the site serves its own published Parquet, so the browser's
// DuckDB-WASM never reads from another origin. `astro build` copies every published
// quarter's *.parquet to <outDir>/data/<quarter>/; `astro dev` serves the same URLs
// straight from data/published (or DEEP_SIGNAL_PUBLISHED_DIR), with byte ranges, since
// DuckDB-WASM reads Parquet by Range requests and refuses a server that ignores them.
import { copyFileSync, createReadStream, existsSync, mkdirSync, readdirSync, statSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { PUBLISHED_URL_DIR, publishedFileOf } from '../lib/published-path.ts';
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

/** A single `bytes=` range within `size`, as [start, end] inclusive; null for none or several. */
export function parseRange(header: string | undefined, size: number): [number, number] | 'unsatisfiable' | null {
  if (!header) return null;
  const m = /^bytes=(\d*)-(\d*)$/.exec(header.trim());
  if (!m || (m[1] === '' && m[2] === '')) return null;
  let start: number;
  let end: number;
  if (m[1] === '') {
    start = Math.max(0, size - Number(m[2]));
    end = size - 1;
  } else {
    start = Number(m[1]);
    end = m[2] === '' ? size - 1 : Math.min(Number(m[2]), size - 1);
  }
  if (start > end || start >= size) return 'unsatisfiable';
  return [start, end];
}

/** Connect-style middleware for the dev server: GET and HEAD, with Range support. */
export function servePublished(base: string) {
  return (req: IncomingMessage, res: ServerResponse, next: () => void): void => {
    if (req.method !== 'GET' && req.method !== 'HEAD') return next();
    const file = publishedFileFor(req.url ?? '', base);
    if (!file) return next();
    const size = statSync(file).size;
    const range = parseRange(req.headers.range, size);
    res.setHeader('Accept-Ranges', 'bytes');
    res.setHeader('Content-Type', PARQUET_TYPE);
    res.setHeader('Cache-Control', 'no-cache');
    if (range === 'unsatisfiable') {
      res.statusCode = 416;
      res.setHeader('Content-Range', `bytes */${size}`);
      res.end();
      return;
    }
    const [start, end] = range ?? [0, size - 1];
    res.statusCode = range ? 206 : 200;
    if (range) res.setHeader('Content-Range', `bytes ${start}-${end}/${size}`);
    res.setHeader('Content-Length', String(end - start + 1));
    if (req.method === 'HEAD' || size === 0) {
      res.end();
      return;
    }
    createReadStream(file, { start, end }).pipe(res);
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
