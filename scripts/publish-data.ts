// npm run publish-data -- 2024-q3 [--force]
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
      warehouse: { type: 'string', default: 'data/warehouse' },
      out: { type: 'string', default: 'data/published' },
    },
  });
  if (positionals.length === 0) throw new Error('which quarter? e.g. npm run publish-data -- 2024-q3');
  const warehouseDir = resolve(values.warehouse!);
  for (const quarter of positionals) {
    process.stderr.write(`Publishing ${quarter}\n`);
    const result = await publishQuarter({
      quarter,
      warehouseFile: resolve(warehouseDir, 'warehouse.duckdb'),
      publishedDir: resolve(values.out!),
      engine: engineInfo(),
      datasetFingerprint: datasetFingerprint(warehouseDir),
      force: values.force,
      log: (l) => process.stderr.write(`${l}\n`),
    });
    if (result.restatement) process.stderr.write(`${result.restatement.text}\n`);
    const h = result.manifest.headline;
    process.stderr.write(
      `→ ${result.dir}: ${h.commits?.toLocaleString('en-US')} commits, ${h.contributors?.toLocaleString('en-US')} contributors, ${h.active_repos} active of ${h.tracked_repos} tracked repositories${result.manifest.partial ? ' (partial quarter)' : ''}\n`,
    );
  }
});
