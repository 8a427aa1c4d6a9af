// npm run preview: serves dist/ as a deploy would, under DEEP_SIGNAL_BASE, with its
// _headers (CSP, caching, the wasm type) and correct byte ranges. `astro preview` answers
// a suffix range ("bytes=-8", which DuckDB-WASM sends for a Parquet footer) with the
// file's first bytes; this server is the one the tests and benches use.
import { resolve } from 'node:path';
import { runCli } from './common/cli-errors.ts';
import { startStaticServer } from './tooling/static-server.ts';
import { deployEnv } from '../src/node/deploy-env.ts';

runCli(async () => {
  const dir = resolve(process.argv[2] ?? 'dist');
  const { base } = deployEnv(process.env, false);
  const server = await startStaticServer({ root: dir, base, headersFile: true, port: Number(process.env.PORT ?? 4321) });
  process.stdout.write(`Serving ${dir} at ${server.url} (Ctrl-C stops)\n`);
});
