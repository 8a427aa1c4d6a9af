// One byte-range implementation for the dev server and the static server: single ranges,
// suffix ranges (a Parquet footer read), 416 outside the file, HEAD, an empty file, and a
// precompressed copy only for the whole file.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseRange, sendFile } from '../../../src/node/byte-range.ts';

describe('parseRange', () => {
  it('parses single byte ranges', () => {
    expect(parseRange(undefined, 100)).toBeNull();
    expect(parseRange('bytes=0-', 100)).toEqual([0, 99]);
    expect(parseRange('bytes=10-19', 100)).toEqual([10, 19]);
    expect(parseRange('bytes=90-200', 100)).toEqual([90, 99]);
    expect(parseRange('bytes=-8', 100)).toEqual([92, 99]);
    expect(parseRange('bytes=100-', 100)).toBe('unsatisfiable');
    expect(parseRange('bytes=0-1,5-6', 100)).toBeNull();
  });
});

describe('sendFile', () => {
  const dir = mkdtempSync(join(tmpdir(), 'ds-byte-range-'));
  let server: Server;
  let origin = '';
  const sent: (string | null)[] = [];
  beforeAll(async () => {
    writeFileSync(join(dir, 'x.bin'), '0123456789PAR1');
    writeFileSync(join(dir, 'x.bin.br'), 'BR');
    writeFileSync(join(dir, 'empty.bin'), '');
    server = createServer((req, res) => {
      const name = new URL(req.url ?? '/', 'http://x').pathname.slice(1);
      const encoded = req.headers['accept-encoding'] === 'br' ? { file: join(dir, `${name}.br`), encoding: 'br' } : undefined;
      sent.push(sendFile(req, res, join(dir, name), { ranges: !req.headers['x-no-ranges'], encoded }));
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  it('answers a suffix range with the last bytes, and a range outside the file with 416', async () => {
    const tail = await fetch(`${origin}/x.bin`, { headers: { Range: 'bytes=-8' } });
    expect(tail.status).toBe(206);
    expect(tail.headers.get('content-range')).toBe('bytes 6-13/14');
    expect(tail.headers.get('accept-ranges')).toBe('bytes');
    expect(await tail.text()).toBe('6789PAR1');
    const outside = await fetch(`${origin}/x.bin`, { headers: { Range: 'bytes=14-' } });
    expect(outside.status).toBe(416);
    expect(outside.headers.get('content-range')).toBe('bytes */14');
  });

  it('sends the whole file when ranges are off, and nothing for HEAD or an empty file', async () => {
    const whole = await fetch(`${origin}/x.bin`, { headers: { Range: 'bytes=0-1', 'x-no-ranges': '1' } });
    expect(whole.status).toBe(200);
    expect(await whole.text()).toBe('0123456789PAR1');
    const head = await fetch(`${origin}/x.bin`, { method: 'HEAD' });
    expect(head.headers.get('content-length')).toBe('14');
    const empty = await fetch(`${origin}/empty.bin`);
    expect(empty.status).toBe(200);
    expect(empty.headers.get('content-length')).toBe('0');
    expect(await empty.text()).toBe('');
  });

  it('sends the encoded copy for the whole file only', async () => {
    sent.length = 0;
    const whole = await fetch(`${origin}/x.bin`, { headers: { 'Accept-Encoding': 'br' } });
    expect(whole.headers.get('content-encoding')).toBe('br');
    expect(whole.headers.get('content-length')).toBe('2');
    await whole.arrayBuffer().catch(() => undefined);
    const part = await fetch(`${origin}/x.bin`, { headers: { 'Accept-Encoding': 'br', Range: 'bytes=0-3' } });
    expect(part.headers.get('content-encoding')).toBeNull();
    expect(await part.text()).toBe('0123');
    expect(sent).toEqual(['br', null]);
  });
});
