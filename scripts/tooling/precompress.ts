// Brotli copies of a built site's text files and wasm, as a static host with
// precompression serves them (astro preview sends wasm uncompressed). Made once per
// build into a temporary copy, never by the build itself: quality 9 on the 18 MB wasm
// takes about 20 s. Only the eh wasm is compressed: Chromium, the browser measured,
// picks it (the mvp build is for browsers without wasm exceptions).
import { cpSync, existsSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { brotliCompressSync, constants } from 'node:zlib';

const TEXT = /\.(html|js|mjs|css|svg|json|xml|txt|md|csv)$/;

function files(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? files(join(dir, e.name)) : [join(dir, e.name)]));
}

function compress(file: string, quality: number): void {
  const out = brotliCompressSync(readFileSync(file), {
    params: { [constants.BROTLI_PARAM_QUALITY]: quality, [constants.BROTLI_PARAM_SIZE_HINT]: statSync(file).size },
  });
  writeFileSync(`${file}.br`, out);
}

/** A copy of `buildDir` with .br files beside the originals; reused while the build is the same. */
export function precompressedCopy(buildDir: string, log: (line: string) => void = () => {}): string {
  const stamp = existsSync(join(buildDir, '.complete')) ? Math.round(statSync(join(buildDir, '.complete')).mtimeMs) : Math.round(statSync(join(buildDir, 'index.html')).mtimeMs);
  const copy = join(tmpdir(), `ds-bench-br-${basename(buildDir)}-${stamp}`);
  if (existsSync(join(copy, '.complete'))) return copy;
  for (const old of readdirSync(tmpdir()).filter((n) => n.startsWith('ds-bench-br-'))) rmSync(join(tmpdir(), old), { recursive: true, force: true });
  cpSync(buildDir, copy, { recursive: true });
  const t0 = performance.now();
  for (const f of files(copy)) {
    if (TEXT.test(f)) compress(f, 11);
    else if (/duckdb-eh\.[^/]*\.wasm$/.test(f)) {
      log(`brotli q9 ${basename(f)} (${(statSync(f).size / 1e6).toFixed(1)} MB)…`);
      compress(f, 9);
    }
  }
  writeFileSync(join(copy, '.complete'), '');
  log(`precompressed into ${copy} in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
  return copy;
}
