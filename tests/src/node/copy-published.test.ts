// The site serves its own Parquet: copied into the build output, served with byte
// ranges in dev (DuckDB-WASM needs a 206 to a ranged HEAD, or it will not read).
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { copyPublishedFiles, publishedFileFor, servePublished } from '../../../src/node/copy-published.ts';
import { FIXTURE_QUARTERS, usePublishedFixture } from '../../helpers/published-fixture.ts';

let root = '';
let server: Server;
let origin = '';

beforeAll(async () => {
  root = await usePublishedFixture();
  const serve = servePublished('/deep-signal/');
  server = createServer((req, res) =>
    serve(req, res, () => {
      res.statusCode = 404;
      res.end('next');
    }),
  );
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((r) => server.close(() => r())));

describe('copy-published', () => {
  it('copies every published quarter’s Parquet under data/<quarter>/', () => {
    const out = mkdtempSync(join(tmpdir(), 'ds-dist-'));
    const n = copyPublishedFiles(out);
    expect(readdirSync(join(out, 'data')).sort()).toEqual([...FIXTURE_QUARTERS]);
    const files = readdirSync(join(out, 'data', '2024-q3')).sort();
    expect(files).toContain('scope_quarters.parquet');
    expect(files.every((f) => f.endsWith('.parquet'))).toBe(true);
    expect(n).toBe(files.length * FIXTURE_QUARTERS.length);
    expect(readFileSync(join(out, 'data', '2024-q3', 'category_overlap_thresholds.parquet'))).toEqual(readFileSync(join(root, '2024-q3', 'category_overlap_thresholds.parquet')));
  });

  it('maps only well-formed published paths to files', () => {
    expect(publishedFileFor('/deep-signal/data/2024-q3/scope_quarters.parquet?x=1', '/deep-signal/')).toBe(join(root, '2024-q3', 'scope_quarters.parquet'));
    expect(publishedFileFor('/data/2024-q3/scope_quarters.parquet', '/deep-signal/')).toBe(join(root, '2024-q3', 'scope_quarters.parquet'));
    expect(publishedFileFor('/deep-signal/data/2024-q3/manifest.json', '/deep-signal/')).toBeNull();
    expect(publishedFileFor('/deep-signal/data/2024-q3/../../x.parquet', '/deep-signal/')).toBeNull();
    expect(publishedFileFor('/deep-signal/data/2024-q3/%2e%2e%2fx.parquet', '/deep-signal/')).toBeNull();
    expect(publishedFileFor('/deep-signal/data/2030-q1/scope_quarters.parquet', '/deep-signal/')).toBeNull();
  });

  it('answers a ranged HEAD with 206 and the full length, as DuckDB-WASM requires', async () => {
    const file = readFileSync(join(root, '2024-q3', 'quarters.parquet'));
    const res = await fetch(`${origin}/deep-signal/data/2024-q3/quarters.parquet`, { method: 'HEAD', headers: { Range: 'bytes=0-' } });
    expect(res.status).toBe(206);
    expect(res.headers.get('content-length')).toBe(String(file.length));
    expect(res.headers.get('accept-ranges')).toBe('bytes');
  });

  it('serves the bytes asked for, and the whole file without Range', async () => {
    const file = readFileSync(join(root, '2024-q3', 'quarters.parquet'));
    const part = await fetch(`${origin}/deep-signal/data/2024-q3/quarters.parquet`, { headers: { Range: 'bytes=4-11' } });
    expect(part.status).toBe(206);
    expect(part.headers.get('content-range')).toBe(`bytes 4-11/${file.length}`);
    expect(Buffer.from(await part.arrayBuffer())).toEqual(file.subarray(4, 12));
    const whole = await fetch(`${origin}/deep-signal/data/2024-q3/quarters.parquet`);
    expect(whole.status).toBe(200);
    expect(Buffer.from(await whole.arrayBuffer())).toEqual(file);
    expect((await fetch(`${origin}/deep-signal/data/2024-q3/nope.parquet`)).status).toBe(404);
  });
});
