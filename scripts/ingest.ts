// npm run ingest -- --from ../shared/data/gitlogs   (a folder of *.gitlog.gz exports)
// npm run ingest -- --from ~/clones                 (a folder of git clones, OWNER__NAME or OWNER/NAME)
// --registry <dir> reads tracked-repos.csv and categories.yaml from <dir> instead of data/.
import { existsSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { loadRegistry } from './lib/registry.ts';
import { runIngest, untrackedExports } from './lib/ingest-run.ts';
import { formatLocation, runCli } from './lib/cli-errors.ts';

runCli(async () => {
  const { values } = parseArgs({
    options: {
      from: { type: 'string' },
      clones: { type: 'string' },
      warehouse: { type: 'string', default: 'data/warehouse' },
      jobs: { type: 'string' },
      registry: { type: 'string' },
      'no-build': { type: 'boolean', default: false },
    },
  });
  let exportsDir: string | undefined;
  let clonesDir = values.clones ? resolve(values.clones) : undefined;
  // The shared exports are the default source only when no source is named: with
  // --clones alone they would shadow the clones and be reported as untracked.
  const from = values.from ?? (!clonesDir && existsSync('../shared/data/gitlogs') ? '../shared/data/gitlogs' : undefined);
  if (!from && !clonesDir) throw new Error('nothing to ingest: pass --from <folder of *.gitlog.gz exports or of git clones>');
  if (from) {
    const dir = resolve(from);
    if (!existsSync(dir)) throw new Error(`${from}: folder does not exist`);
    if (readdirSync(dir).some((f) => f.endsWith('.gitlog.gz'))) exportsDir = dir;
    else clonesDir = dir;
  }
  const registryDir = values.registry ? resolve(values.registry) : undefined;
  if (registryDir && !existsSync(registryDir)) throw new Error(`${values.registry}: registry folder does not exist`);
  const registry = await loadRegistry(
    registryDir ? { reposCsv: join(registryDir, 'tracked-repos.csv'), categoriesYaml: join(registryDir, 'categories.yaml') } : {},
  );
  process.stderr.write(`Ingesting ${registry.repos.length} tracked repositories from ${exportsDir ?? clonesDir}\n`);
  const summary = await runIngest({
    registry,
    warehouseDir: resolve(values.warehouse!),
    exportsDir,
    clonesDir,
    concurrency: values.jobs ? Number(values.jobs) : undefined,
    build: !values['no-build'],
  });
  const out = process.stderr;
  const rate = summary.seconds > 0 ? Math.round(summary.commits / summary.seconds) : 0;
  out.write(`\nIngested ${summary.ingested.length} repositories (${summary.commits.toLocaleString('en-US')} new commits, ${(summary.bytes / 1e6).toFixed(0)} MB of log) in ${summary.seconds.toFixed(1)} s (${rate.toLocaleString('en-US')} commits/s); ${summary.unchanged.length} unchanged.\n`);
  if (summary.build) out.write(`Warehouse: ${summary.build.file} (metrics ${(summary.build.metricsMs / 1000).toFixed(1)} s)\n`);
  const unavailable = registry.repos.filter((r) => summary.missing.includes(r.repo));
  if (unavailable.length) {
    out.write(`Listed but not available (${unavailable.length}): ${unavailable.map((r) => r.repo).join(', ')}\n`);
  }
  if (exportsDir) {
    const extra = untrackedExports(exportsDir, registry);
    if (extra.length) out.write(`Not in data/tracked-repos.csv, skipped: ${extra.join(', ')}\n`);
  }
  if (summary.warningCount) {
    out.write(`${summary.warningCount} warning(s); the first ones:\n`);
    // Stale histories come first and are all shown: each names a registry line to fix.
    for (const w of summary.warnings.slice(0, Math.max(15, summary.stale.length))) out.write(`  ⚠ ${formatLocation(w.location)}: ${w.message}\n`);
  }
  if (summary.failed.length) {
    out.write(`${summary.failed.length} repositories failed (their previous data, if any, is kept):\n`);
    for (const f of summary.failed) out.write(`  ✗ ${f.message}\n`);
    process.exitCode = 1;
  }
});
