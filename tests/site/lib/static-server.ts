// A static host for a built site, as a deploy would serve it: under the site's base, a
// 404 page for unknown paths, byte ranges (DuckDB-WASM reads Parquet by ranges), and
// the rules of the build's _headers file applied to every response.
import { createReadStream, existsSync, readFileSync, statSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join } from 'node:path';

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

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.xml': 'application/xml; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.md': 'text/markdown; charset=utf-8',
  '.csv': 'text/csv; charset=utf-8',
  '.parquet': 'application/vnd.apache.parquet',
  '.wasm': 'application/octet-stream',
};

export interface Served {
  /** Origin + base, e.g. http://127.0.0.1:43121/deep-signal/ */
  url: string;
  origin: string;
  close(): Promise<void>;
}

export async function serveDist(dir: string, base: string): Promise<Served> {
  const rules = existsSync(join(dir, '_headers')) ? parseHeadersFile(readFileSync(join(dir, '_headers'), 'utf8')) : [];
  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://x');
    let path: string;
    try {
      path = decodeURIComponent(url.pathname);
    } catch {
      res.statusCode = 400;
      res.end();
      return;
    }
    let rel = path.startsWith(base) ? path.slice(base.length) : null;
    if (rel !== null && (rel === '' || rel.endsWith('/'))) rel += 'index.html';
    let file = rel === null || rel.includes('..') || rel === '_headers' ? null : join(dir, rel);
    if (file && existsSync(file) && statSync(file).isDirectory()) {
      res.writeHead(301, { Location: `${url.pathname}/` });
      res.end();
      return;
    }
    let status = 200;
    if (!file || !existsSync(file)) {
      status = 404;
      file = join(dir, '404.html');
      rel = '404.html';
    }
    const headers: Record<string, string> = { 'Content-Type': TYPES[extname(file)] ?? 'application/octet-stream', 'Accept-Ranges': 'bytes', ...headersFor(rules, `/${rel}`) };
    const size = statSync(file).size;
    const range = /^bytes=(\d*)-(\d*)$/.exec(req.headers.range ?? '');
    let start = 0;
    let end = size - 1;
    if (range && status === 200 && (range[1] || range[2])) {
      start = range[1] ? Number(range[1]) : Math.max(0, size - Number(range[2]));
      end = range[1] && range[2] ? Math.min(Number(range[2]), size - 1) : size - 1;
      status = 206;
      headers['Content-Range'] = `bytes ${start}-${end}/${size}`;
    }
    headers['Content-Length'] = String(Math.max(0, end - start + 1));
    res.writeHead(status, headers);
    if (req.method === 'HEAD' || size === 0) res.end();
    else createReadStream(file, { start, end }).pipe(res);
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url: `${origin}${base}`,
    origin,
    close: () => new Promise<void>((done) => server.close(() => done())),
  };
}
