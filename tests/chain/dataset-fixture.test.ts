// The committed fixture dataset is exactly what its generator writes: regenerating it
// must give the same bytes, or the chain test's hand-worked figures would describe
// histories nobody can rebuild.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { afterAll, describe, expect, it } from 'vitest';
import { makeTmp, removeTmp } from '../helpers/git-repo.ts';
import { FIXTURE_DIR, generateDataset, REGISTRY } from '../fixtures/dataset/generate.ts';

const REGENERATE = 'regenerate it with `node tests/fixtures/dataset/generate.ts` and redo the figures in its README';
const tmp = makeTmp('ds-fixture-regen-');
afterAll(() => removeTmp(tmp));

const files = (dir: string): string[] =>
  ['gitlogs', 'registry'].flatMap((sub) => readdirSync(join(dir, sub)).sort().map((f) => `${sub}/${f}`));

describe('the fixture dataset (tests/fixtures/dataset)', () => {
  it('is what generate.ts writes, byte for byte', () => {
    generateDataset(tmp);
    expect(files(tmp), REGENERATE).toEqual(files(FIXTURE_DIR));
    for (const f of files(FIXTURE_DIR)) {
      const committed = readFileSync(join(FIXTURE_DIR, f));
      const fresh = readFileSync(join(tmp, f));
      // The uncompressed stream first: a difference there is a history that changed,
      // which says more than a gzip difference.
      if (f.endsWith('.gz')) expect(gunzipSync(fresh).toString('utf8'), `${f}: ${REGENERATE}`).toBe(gunzipSync(committed).toString('utf8'));
      expect(fresh.equals(committed), `${f}: ${REGENERATE}`).toBe(true);
    }
  });

  it('has an export for every repository listed as ingested, and stays small', () => {
    const exported = readdirSync(join(FIXTURE_DIR, 'gitlogs')).map((f) => f.replace(/\.gitlog\.gz$/, '').replace('__', '/'));
    expect(exported.sort()).toEqual(REGISTRY.filter((r) => r.status === 'ingested').map((r) => r.repo).sort());
    for (const f of readdirSync(join(FIXTURE_DIR, 'gitlogs'))) expect(statSync(join(FIXTURE_DIR, 'gitlogs', f)).size, f).toBeLessThan(4096);
  });
});
