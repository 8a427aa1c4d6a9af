// A file as an HTTP response, with byte ranges: DuckDB-WASM reads Parquet by Range
// requests (a footer read asks for the last bytes, "bytes=-8") and refuses a server that
// ignores them. One implementation for the dev server's published data
// (copy-published.ts) and the static server of preview, tests and benches.
import { createReadStream, statSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';

/** A single `bytes=` range within `size`, as [start, end] inclusive; null for none or several. */
export function parseRange(header: string | undefined, size: number): [number, number] | 'unsatisfiable' | null {
  if (!header) return null;
  const m = /^bytes=(\d*)-(\d*)$/.exec(header.trim());
  if (!m || (m[1] === '' && m[2] === '')) return null;
  const start = m[1] === '' ? Math.max(0, size - Number(m[2])) : Number(m[1]);
  const end = m[1] === '' || m[2] === '' ? size - 1 : Math.min(Number(m[2]), size - 1);
  return start > end || start >= size ? 'unsatisfiable' : [start, end];
}

export interface SendFileOptions {
  /** Answer Range requests (a 404 page is sent whole). Default true. */
  ranges?: boolean;
  /** A precompressed copy to send instead when the whole file is asked for, with its Content-Encoding. */
  encoded?: { file: string; encoding: string };
}

/**
 * Sends `file`, or the range the request asks for (206, or 416 outside the file), for GET
 * and HEAD; the status (when not 200) and other headers are the caller's. Returns the
 * Content-Encoding sent: the encoded copy is used only for a whole file.
 */
export function sendFile(req: IncomingMessage, res: ServerResponse, file: string, opts: SendFileOptions = {}): string | null {
  const size = statSync(file).size;
  res.setHeader('Accept-Ranges', 'bytes');
  const range = opts.ranges === false ? null : parseRange(req.headers.range, size);
  if (range === 'unsatisfiable') {
    res.statusCode = 416;
    res.setHeader('Content-Range', `bytes */${size}`);
    res.end();
    return null;
  }
  let body = file;
  let [start, end] = range ?? [0, size - 1];
  const encoding = range ? null : (opts.encoded?.encoding ?? null);
  if (range) {
    res.statusCode = 206;
    res.setHeader('Content-Range', `bytes ${start}-${end}/${size}`);
  } else if (opts.encoded) {
    body = opts.encoded.file;
    [start, end] = [0, statSync(body).size - 1];
    res.setHeader('Content-Encoding', opts.encoded.encoding);
    res.setHeader('Vary', 'Accept-Encoding');
  }
  // An empty file is [0, -1]: no body, and no read stream (which would read it all).
  res.setHeader('Content-Length', String(Math.max(0, end - start + 1)));
  if (req.method === 'HEAD' || end < start) res.end();
  else createReadStream(body, { start, end }).pipe(res);
  return encoding;
}
