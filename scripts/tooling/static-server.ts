// A static file server for a built site, as a static host serves it: the right MIME
// types (application/wasm, Parquet), byte ranges (DuckDB-WASM reads Parquet by Range
// requests and refuses a server that ignores them), the _headers file the build writes
// (Content-Security-Policy, caching), a 404 page for unknown paths, the site under a
// sub-path when asked (a GitHub Pages project site), precompressed .br copies when
// asked, and a log of every response's bytes so the browser tests and bench:web can
// count what a page fetched. Used by tests/browser, tests/site/deploy.test.ts and
// scripts/bench-web.ts.
import { existsSync, readFileSync, statSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize, sep } from 'node:path';
import { sendFile } from '../../src/node/byte-range.ts';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.wasm': 'application/wasm',
  '.parquet': 'application/vnd.apache.parquet',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.xml': 'application/xml; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.csv': 'text/csv; charset=utf-8',
  '.md': 'text/markdown; charset=utf-8',
  '.woff2': 'font/woff2',
};

export interface Served {
  method: string;
  path: string;
  status: number;
  range: string | null;
  encoding: 'br' | null;
  /** Body bytes written (compressed size for .br responses). */
  bytes: number;
}

export interface StaticServerOptions {
  root: string;
  /** The path the site is published under ("/deep-signal/"); anything outside it is a 404. Default "/". */
  base?: string;
  /** Serve <file>.br with Content-Encoding: br when the client accepts it (not for ranges). */
  brotli?: boolean;
  /** Apply the headers of <root>/_headers (Netlify/Cloudflare format), over the server's own. */
  headersFile?: boolean;
  /** Content types by extension, replacing the built-in ones (".wasm": "application/octet-stream"). */
  types?: Readonly<Record<string, string>>;
  /** The port to listen on; a free one when absent. */
  port?: number;
}

export interface StaticServer {
  origin: string;
  /** Origin + base, e.g. http://127.0.0.1:43121/deep-signal/ */
  url: string;
  log: Served[];
  close(): Promise<void>;
}

export interface HeaderRule {
  pattern: string;
  headers: [string, string][];
}

/** The _headers format of Netlify and Cloudflare Pages: a path pattern, then indented "Name: value" lines. */
export function parseHeadersFile(text: string): HeaderRule[] {
  const rules: HeaderRule[] = [];
  for (const line of text.split('\n')) {
    if (!line.trim() || line.trimStart().startsWith('#')) continue;
    if (!/^\s/.test(line)) rules.push({ pattern: line.trim(), headers: [] });
    else {
      const m = /^\s+([^:]+):\s*(.*)$/.exec(line);
      const rule = rules.at(-1);
      if (!m || !rule) throw new Error(`_headers: cannot read "${line}"`);
      rule.headers.push([m[1]!.trim(), m[2]!.trim()]);
    }
  }
  return rules;
}

/** Headers for a path relative to the published folder ("/reports/x/"): every matching rule, in order; `*` matches anything. */
export function headersFor(rules: readonly HeaderRule[], path: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const r of rules) {
    const re = new RegExp(`^${r.pattern.split('*').map((s) => s.replace(/[.+?^${}()|[\]\\]/g, '\\$&')).join('.*')}$`);
    if (re.test(path)) for (const [k, v] of r.headers) out[k] = v;
  }
  return out;
}

/** The file for a path relative to the root, 'dir' for a directory asked without its slash, or null. */
function fileFor(root: string, rel: string): string | 'dir' | null {
  // _headers configures the host; it is not part of the site.
  if (rel === '_headers') return null;
  const file = normalize(join(root, rel));
  if (file !== root && !file.startsWith(root.endsWith(sep) ? root : root + sep)) return null;
  if (!existsSync(file)) return null;
  if (!statSync(file).isDirectory()) return file;
  if (rel !== '' && !rel.endsWith('/')) return 'dir';
  return existsSync(join(file, 'index.html')) ? join(file, 'index.html') : null;
}

export async function startStaticServer(opts: StaticServerOptions): Promise<StaticServer> {
  const root = normalize(opts.root);
  const base = `/${opts.base ?? ''}/`.replace(/\/{2,}/g, '/');
  const types = { ...TYPES, ...opts.types };
  const rules = opts.headersFile && existsSync(join(root, '_headers')) ? parseHeadersFile(readFileSync(join(root, '_headers'), 'utf8')) : [];
  const log: Served[] = [];

  const handle = (req: IncomingMessage, res: ServerResponse) => {
    const path = new URL(req.url ?? '/', 'http://x').pathname;
    const entry: Served = { method: req.method ?? 'GET', path, status: 200, range: req.headers.range ?? null, encoding: null, bytes: 0 };
    log.push(entry);
    const write = res.write.bind(res);
    // Count what goes on the wire, whatever writes it (streams call write and end).
    res.write = ((chunk: unknown, ...rest: unknown[]) => {
      if (chunk) entry.bytes += Buffer.byteLength(chunk as Buffer);
      return (write as (...a: unknown[]) => boolean)(chunk, ...rest);
    }) as typeof res.write;
    res.on('finish', () => (entry.status = res.statusCode));

    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.statusCode = 405;
      res.end();
      return;
    }
    let decoded: string;
    try {
      decoded = decodeURIComponent(path);
    } catch {
      res.statusCode = 400;
      res.end();
      return;
    }
    // The path as the site sees it, relative to the base: what _headers rules match.
    const rel = decoded.startsWith(base) ? decoded.slice(base.length) : null;
    let file = rel === null ? null : fileFor(root, rel);
    if (file === 'dir') {
      res.statusCode = 301;
      res.setHeader('Location', `${path}/`);
      res.end();
      return;
    }
    if (!file) {
      res.statusCode = 404;
      file = existsSync(join(root, '404.html')) ? join(root, '404.html') : null;
    }
    // A 404 carries the headers of the 404 page, not those of the path asked for.
    for (const [k, v] of Object.entries(headersFor(rules, res.statusCode === 404 ? '/404.html' : `/${rel}`))) res.setHeader(k, v);
    if (!file) {
      res.end('not found');
      return;
    }
    if (!res.hasHeader('Content-Type')) res.setHeader('Content-Type', types[extname(file)] ?? 'application/octet-stream');
    if (!res.hasHeader('Cache-Control')) res.setHeader('Cache-Control', 'no-cache');
    const br = opts.brotli && /\bbr\b/.test(String(req.headers['accept-encoding'] ?? '')) && existsSync(`${file}.br`);
    const encoding = sendFile(req, res, file, { ranges: res.statusCode !== 404, encoded: br ? { file: `${file}.br`, encoding: 'br' } : undefined });
    entry.encoding = encoding === 'br' ? 'br' : null;
  };

  const server: Server = createServer(handle);
  await new Promise<void>((resolve) => server.listen(opts.port ?? 0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const origin = `http://127.0.0.1:${port}`;
  return {
    origin,
    url: `${origin}${base}`,
    log,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/**
 * A built dist/ as a deploy serves it: under `base`, with its _headers, and with no
 * wasm type of the server's own, so DuckDB-WASM's application/wasm must come from _headers.
 */
export function serveDist(dir: string, base: string): Promise<StaticServer> {
  return startStaticServer({ root: dir, base, headersFile: true, types: { '.wasm': 'application/octet-stream' } });
}
