// A static file server for a built site, as a static host serves it: the right MIME
// types (application/wasm, Parquet), byte ranges (DuckDB-WASM reads Parquet by Range
// requests and refuses a server that ignores them), the _headers file the build writes
// (Content-Security-Policy, caching), precompressed .br copies when asked, and a log
// of every response's bytes so the browser tests and bench:web can count what a page
// fetched. Used by tests/browser and scripts/bench-web.ts.
import { createReadStream, existsSync, readFileSync, statSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize, sep } from 'node:path';

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
  /** Serve <file>.br with Content-Encoding: br when the client accepts it (not for ranges). */
  brotli?: boolean;
  /** Apply the headers of <root>/_headers (Netlify/Cloudflare format). */
  headersFile?: boolean;
}

export interface StaticServer {
  origin: string;
  log: Served[];
  close(): Promise<void>;
}

interface HeaderRule {
  pattern: RegExp;
  headers: [string, string][];
}

/** `/*` and `/_astro/*.wasm` style rules, in file order (later rules add to earlier ones). */
export function parseHeadersFile(text: string): HeaderRule[] {
  const rules: HeaderRule[] = [];
  for (const line of text.split('\n')) {
    if (line.trim() === '' || line.trim().startsWith('#')) continue;
    if (!/^\s/.test(line)) {
      const glob = line.trim().replace(/[.+?^${}()|[\]\\]/g, '\\$&').replaceAll('*', '.*');
      rules.push({ pattern: new RegExp(`^${glob}$`), headers: [] });
    } else {
      const m = /^\s+([^:]+):\s*(.*)$/.exec(line);
      if (m && rules.length > 0) rules.at(-1)!.headers.push([m[1]!.trim(), m[2]!.trim()]);
    }
  }
  return rules;
}

function fileFor(root: string, urlPath: string): string | null {
  let p: string;
  try {
    p = decodeURIComponent(urlPath);
  } catch {
    return null;
  }
  const file = normalize(join(root, p));
  if (file !== root && !file.startsWith(root.endsWith(sep) ? root : root + sep)) return null;
  if (existsSync(file) && statSync(file).isDirectory()) return existsSync(join(file, 'index.html')) ? join(file, 'index.html') : null;
  return existsSync(file) ? file : null;
}

function range(header: string | undefined, size: number): [number, number] | 'bad' | null {
  if (!header) return null;
  const m = /^bytes=(\d*)-(\d*)$/.exec(header.trim());
  if (!m || (m[1] === '' && m[2] === '')) return null;
  const start = m[1] === '' ? Math.max(0, size - Number(m[2])) : Number(m[1]);
  const end = m[1] === '' || m[2] === '' ? size - 1 : Math.min(Number(m[2]), size - 1);
  return start > end || start >= size ? 'bad' : [start, end];
}

export async function startStaticServer(opts: StaticServerOptions): Promise<StaticServer> {
  const root = normalize(opts.root);
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
    for (const rule of rules) if (rule.pattern.test(path)) for (const [k, v] of rule.headers) res.setHeader(k, v);
    let file = fileFor(root, path);
    if (!file) {
      res.statusCode = 404;
      file = existsSync(join(root, '404.html')) ? join(root, '404.html') : null;
      if (!file) {
        res.end('not found');
        return;
      }
    }
    res.setHeader('Content-Type', TYPES[extname(file)] ?? 'application/octet-stream');
    res.setHeader('Accept-Ranges', 'bytes');
    if (!res.hasHeader('Cache-Control')) res.setHeader('Cache-Control', 'no-cache');
    const size = statSync(file).size;
    const r = res.statusCode === 404 ? null : range(req.headers.range, size);
    if (r === 'bad') {
      res.statusCode = 416;
      res.setHeader('Content-Range', `bytes */${size}`);
      res.end();
      return;
    }
    let body = file;
    let [start, end] = r ?? [0, size - 1];
    if (!r && opts.brotli && /\bbr\b/.test(String(req.headers['accept-encoding'] ?? '')) && existsSync(`${file}.br`)) {
      body = `${file}.br`;
      [start, end] = [0, statSync(body).size - 1];
      res.setHeader('Content-Encoding', 'br');
      res.setHeader('Vary', 'Accept-Encoding');
      entry.encoding = 'br';
    }
    if (r) {
      res.statusCode = 206;
      res.setHeader('Content-Range', `bytes ${start}-${end}/${size}`);
    }
    res.setHeader('Content-Length', String(Math.max(0, end - start + 1)));
    if (req.method === 'HEAD' || end < start) {
      res.end();
      return;
    }
    createReadStream(body, { start, end }).pipe(res);
  };

  const server: Server = createServer(handle);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    log,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
