// npm run preview serves dist/ with correct byte ranges: a Parquet footer read asks for
// the last bytes ("bytes=-8"), which `astro preview` answered with the first ones.
import { spawn } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { makeTmp, removeTmp } from '../helpers/git-repo.ts';

describe('npm run preview', () => {
  const dir = makeTmp('ds-preview-');
  afterAll(() => removeTmp(dir));

  it('answers a suffix range with the last bytes, under the deploy base', async () => {
    mkdirSync(join(dir, 'data'), { recursive: true });
    writeFileSync(join(dir, 'data', 'x.parquet'), '0123456789PAR1');
    writeFileSync(join(dir, 'index.html'), '<!doctype html><title>x</title>');
    const port = 40000 + Math.floor(Math.random() * 20000);
    const child = spawn(process.execPath, [fileURLToPath(new URL('../../scripts/preview.ts', import.meta.url)), dir], {
      env: { ...process.env, PORT: String(port), DEEP_SIGNAL_BASE: '/deep-signal/' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    try {
      await new Promise<void>((resolve, reject) => {
        child.stdout.on('data', (d: Buffer) => (String(d).includes('Serving') ? resolve() : undefined));
        child.on('exit', (code) => reject(new Error(`preview exited ${code}`)));
      });
      const res = await fetch(`http://127.0.0.1:${port}/deep-signal/data/x.parquet`, { headers: { Range: 'bytes=-8' } });
      expect(res.status).toBe(206);
      expect(await res.text()).toBe('6789PAR1');
      expect((await fetch(`http://127.0.0.1:${port}/data/x.parquet`)).status).toBe(404);
    } finally {
      child.kill();
    }
  });
});
