// npm run ingest -- --from ../shared/data/gitlogs   (a folder of *.gitlog.gz exports)
// npm run ingest -- --from ~/clones                 (a folder of git clones, OWNER__NAME or OWNER/NAME)
// --registry <dir> reads tracked-repos.csv and categories.yaml from <dir> instead of data/.
import { existsSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { loadRegistry } from './registry/registry.ts';
import { candidatePaths, runIngest, untrackedExports } from './ingest/ingest-run.ts';
import { formatLocation, runCli } from './common/cli-errors.ts';
import { UserError } from './common/types.ts';
import { answerHelp, parseCommandLine, positiveInteger } from './common/cli-args.ts';
import { displayPath } from './warehouse/warehouse-status.ts';

const USAGE = `Usage: npm run ingest -- [--from <dir>] [options]

Reads the git histories of the repositories listed in data/tracked-repos.csv into the
warehouse. Running it again re-reads only the histories that changed.

Options:
  --from <dir>        a folder of OWNER__NAME.gitlog.gz exports, or of git clones
                      (OWNER__NAME/ or OWNER/NAME/); default ../shared/data/gitlogs
  --clones <dir>      a folder of git clones, read where --from has no export
  --warehouse <dir>   the warehouse folder (default data/warehouse)
  --registry <dir>    read tracked-repos.csv and categories.yaml from <dir> (default data/)
  --jobs <n>          repositories read in parallel (default: one per CPU)
  --no-build          stage the histories only; publish-data then refuses until a build
  -h, --help          print this help
`;

runCli(async () => {
  answerHelp(USAGE);
  const { values } = parseCommandLine(
    {
      options: {
        from: { type: 'string' },
        clones: { type: 'string' },
        warehouse: { type: 'string', default: 'data/warehouse' },
        jobs: { type: 'string' },
        registry: { type: 'string' },
        'no-build': { type: 'boolean', default: false },
      },
    },
    'npm run ingest -- --help',
  );
  // Checked before anything is read or written: a typo must not run a whole ingest.
  const concurrency = positiveInteger('--jobs', values.jobs);
  let exportsDir: string | undefined;
  let clonesDir = values.clones ? resolve(values.clones) : undefined;
  // The shared exports are the default source only when no source is named: with
  // --clones alone they would shadow the clones and be reported as untracked.
  const from = values.from ?? (!clonesDir && existsSync('../shared/data/gitlogs') ? '../shared/data/gitlogs' : undefined);
  if (!from && !clonesDir) throw new UserError('nothing to ingest: pass --from <folder of *.gitlog.gz exports or of git clones>');
  if (from) {
    const dir = resolve(from);
    if (!existsSync(dir)) throw new UserError(`${from}: folder does not exist`);
    if (readdirSync(dir).some((f) => f.endsWith('.gitlog.gz'))) exportsDir = dir;
    else clonesDir = dir;
  }
  const registryDir = values.registry ? resolve(values.registry) : undefined;
  if (registryDir && !existsSync(registryDir)) throw new UserError(`${values.registry}: registry folder does not exist`);
  const registry = await loadRegistry(
    registryDir ? { reposCsv: join(registryDir, 'tracked-repos.csv'), categoriesYaml: join(registryDir, 'categories.yaml') } : {},
  );
  process.stderr.write(`Ingesting ${registry.repos.length} tracked repositories from ${exportsDir ?? clonesDir}\n`);
  const summary = await runIngest({
    registry,
    warehouseDir: resolve(values.warehouse!),
    exportsDir,
    clonesDir,
    concurrency,
    build: !values['no-build'],
    // Fault injection for the full-disk test: repositories (comma-separated, or *) whose writes fail.
    injectDiskFull: process.env.DEEP_SIGNAL_INJECT_ENOSPC?.split(',').filter(Boolean),
  });
  const out = process.stderr;
  const rate = summary.seconds > 0 ? Math.round(summary.commits / summary.seconds) : 0;
  out.write(`\nIngested ${summary.ingested.length} repositories (${summary.commits.toLocaleString('en-US')} new commits, ${(summary.bytes / 1e6).toFixed(0)} MB of log) in ${summary.seconds.toFixed(1)} s (${rate.toLocaleString('en-US')} commits/s); ${summary.unchanged.length} unchanged.\n`);
  if (summary.build) out.write(`Warehouse: ${summary.build.file} (metrics ${(summary.build.metricsMs / 1000).toFixed(1)} s)\n`);
  const csv = displayPath(registry.reposFile);
  const paths = (tried: string[]): string => (tried.length > 1 ? `${tried.slice(0, -1).join(', ')} and ${tried.at(-1)}` : (tried[0] ?? 'nowhere'));
  // A row marked ingested has a history somewhere: not finding it is a mistake to fix
  // (a misnamed or missing clone), so each one says where it was looked for.
  const expected = summary.notFound.filter((n) => registry.byRepo.get(n.repo)?.status === 'ingested');
  if (expected.length) {
    out.write(`Listed as ingested but not found (${expected.length}):\n`);
    for (const n of expected) out.write(`  ✗ ${n.repo} (${csv}:${registry.byRepo.get(n.repo)!.line}): looked for ${paths(n.tried)}\n`);
  }
  const unavailable = summary.notFound.filter((n) => registry.byRepo.get(n.repo)?.status !== 'ingested');
  if (unavailable.length) {
    const pattern = paths(candidatePaths('OWNER/NAME', { exportsDir, clonesDir }).map((c) => c.path));
    out.write(`Listed but not available (${unavailable.length}, marked unavailable in ${csv}): ${unavailable.map((n) => n.repo).join(', ')} (looked for ${pattern})\n`);
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
