// npm run publish-data -- 2024-q3 [--force --why "<why the figures change>" | --why <file.md>]
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { runCli } from './common/cli-errors.ts';
import { UserError } from './common/types.ts';
import { answerHelp, parseCommandLine } from './common/cli-args.ts';
import { registerRawImports } from '../src/node/raw-imports.ts';
import { engineInfo } from './publish/engine-info.ts';
import { currentBuild } from './warehouse/warehouse-status.ts';

const USAGE = `Usage: npm run publish-data -- <yyyy-qN>... [options]

Publishes quarters from the warehouse: data/published/<quarter>/ holds the Parquet of the
quarter and the eight before it, and manifest.json. The warehouse must be current (built
by \`npm run ingest\` from the registry, curated lists and code as they are now).
A published quarter is frozen: publishing it again shows what would change, and refuses.

Options:
  --force             restate a published quarter (writes restatements/<date>.md)
  --why <text|file>   why the figures change, in words; required by --force when they do
  --warehouse <dir>   the warehouse to read (default data/warehouse)
  --out <dir>         where quarters are published (default data/published)
  -h, --help          print this help
`;

runCli(async () => {
  // publish reads back what it wrote through the query registry, whose SQL is imported as `?raw`.
  registerRawImports();
  const { publishQuarter } = await import('./publish/publish.ts');
  answerHelp(USAGE);
  const { values, positionals } = parseCommandLine(
    {
      allowPositionals: true,
      options: {
        force: { type: 'boolean', default: false },
        why: { type: 'string' },
        warehouse: { type: 'string', default: 'data/warehouse' },
        out: { type: 'string', default: 'data/published' },
      },
    },
    'npm run publish-data -- --help',
  );
  if (positionals.length === 0) throw new UserError('which quarter? e.g. npm run publish-data -- 2024-q3');
  const warehouseDir = resolve(values.warehouse!);
  // Refused before anything is written: figures from an outdated warehouse would be
  // published under a fingerprint and engine version they do not have. The
  // fingerprint is that of the histories the build read, not of what is staged now.
  const build = await currentBuild(warehouseDir);
  // The reason may be long and shared by several quarters: a file holds it as well as the flag.
  const why = values.why !== undefined && existsSync(values.why) ? readFileSync(values.why, 'utf8') : values.why;
  for (const quarter of positionals) {
    process.stderr.write(`Publishing ${quarter}\n`);
    const result = await publishQuarter({
      quarter,
      warehouseFile: resolve(warehouseDir, 'warehouse.duckdb'),
      publishedDir: resolve(values.out!),
      engine: engineInfo(),
      datasetFingerprint: build.datasetFingerprint,
      force: values.force,
      why,
      // Fault injection for the crash tests: kill this process at one step of the swap.
      onSwapStep: process.env.DEEP_SIGNAL_KILL_AT
        ? (step) => {
            if (step === process.env.DEEP_SIGNAL_KILL_AT) process.kill(process.pid, 'SIGKILL');
          }
        : undefined,
      log: (l) => process.stderr.write(`${l}\n`),
    });
    if (result.restatement) process.stderr.write(`${result.restatement.text}\n`);
    const h = result.manifest.headline;
    process.stderr.write(
      `→ ${result.dir}: ${h.commits?.toLocaleString('en-US')} commits, ${h.contributors?.toLocaleString('en-US')} contributors, ${h.active_repos} active of ${h.tracked_repos} tracked repositories${result.manifest.partial ? ' (partial quarter)' : ''}\n`,
    );
  }
});
