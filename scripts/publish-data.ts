// npm run publish-data -- 2024-q3 [--force --why "<why the figures change>" | --why <file.md>]
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { runCli } from './lib/cli-errors.ts';
import { publishQuarter } from './lib/publish.ts';
import { engineInfo, datasetFingerprint } from './lib/engine-info.ts';

runCli(async () => {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: {
      force: { type: 'boolean', default: false },
      why: { type: 'string' },
      warehouse: { type: 'string', default: 'data/warehouse' },
      out: { type: 'string', default: 'data/published' },
    },
  });
  if (positionals.length === 0) throw new Error('which quarter? e.g. npm run publish-data -- 2024-q3');
  const warehouseDir = resolve(values.warehouse!);
  // The reason may be long and shared by several quarters: a file holds it as well as the flag.
  const why = values.why !== undefined && existsSync(values.why) ? readFileSync(values.why, 'utf8') : values.why;
  for (const quarter of positionals) {
    process.stderr.write(`Publishing ${quarter}\n`);
    const result = await publishQuarter({
      quarter,
      warehouseFile: resolve(warehouseDir, 'warehouse.duckdb'),
      publishedDir: resolve(values.out!),
      engine: engineInfo(),
      datasetFingerprint: datasetFingerprint(warehouseDir),
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
