// The static server of preview, the browser tests and bench:web, over the shared byte-range
// responder: ranges under the base, the 404 page sent whole, .br copies logged.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startStaticServer, type StaticServer } from '../../../scripts/tooling/static-server.ts';

describe('startStaticServer', () => {
  const dir = mkdtempSync(join(tmpdir(), 'ds-static-'));
  let server: StaticServer;
  beforeAll(async () => {
    writeFileSync(join(dir, 'x.parquet'), '0123456789PAR1');
    writeFileSync(join(dir, 'app.js'), 'console.log(1)');
    writeFileSync(join(dir, 'app.js.br'), 'BR');
    writeFileSync(join(dir, '404.html'), 'missing');
    server = await startStaticServer({ root: dir, base: '/site/', brotli: true });
  });
  afterAll(() => server.close());

  it('answers a range under the base and logs it', async () => {
    const res = await fetch(`${server.url}x.parquet`, { headers: { Range: 'bytes=-4' } });
    expect(res.status).toBe(206);
    expect(res.headers.get('content-type')).toBe('application/vnd.apache.parquet');
    expect(await res.text()).toBe('PAR1');
    expect(server.log.at(-1)).toMatchObject({ path: '/site/x.parquet', status: 206, range: 'bytes=-4', encoding: null, bytes: 4 });
  });

  it('sends the 404 page whole, whatever the range', async () => {
    const res = await fetch(`${server.url}nope.parquet`, { headers: { Range: 'bytes=0-1' } });
    expect(res.status).toBe(404);
    expect(await res.text()).toBe('missing');
  });

  it('sends the .br copy of a whole file to a client that accepts it', async () => {
    const res = await fetch(`${server.url}app.js`, { headers: { 'Accept-Encoding': 'br' } });
    expect(res.headers.get('content-encoding')).toBe('br');
    await res.arrayBuffer().catch(() => undefined);
    expect(server.log.at(-1)).toMatchObject({ path: '/site/app.js', status: 200, encoding: 'br', bytes: 2 });
  });
});
