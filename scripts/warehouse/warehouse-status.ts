// Whether a warehouse still is what its inputs give. publish-data refuses one that
// is older than its registry, curated lists, code or staged histories: its figures
// would be published under a dataset fingerprint and engine version they do not have.
import { existsSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadRegistry } from '../registry/registry.ts';
import { Staging } from '../ingest/staging.ts';
import { UserError } from '../common/types.ts';
import { readBuildRecord, WAREHOUSE_FILE, warehouseInputs, type BuildRecord, type WarehouseInputs } from './warehouse-build.ts';

const DEFAULT_REGISTRY_DIR = fileURLToPath(new URL('../../data/', import.meta.url));
const DEFAULT_WAREHOUSE = 'data/warehouse';

export class StaleWarehouseError extends UserError {}

/** A path as a user would type it here: relative when it is under the current folder. */
export function displayPath(p: string): string {
  const rel = relative(process.cwd(), p);
  return rel && !rel.startsWith('..') && !rel.startsWith('/') ? rel : p;
}

/** The ingest command that rebuilds this warehouse from the sources it was built from. */
export function ingestCommand(warehouseDir: string, record: Pick<BuildRecord, 'sources' | 'registry'> | null): string {
  const [from, clones] = record?.sources.length ? record.sources : ['../shared/data/gitlogs'];
  let cmd = `npm run ingest -- --from ${displayPath(from!)}`;
  if (clones) cmd += ` --clones ${displayPath(clones)}`;
  const registryDir = record ? dirname(record.registry.reposCsv) : null;
  if (registryDir && resolve(registryDir) !== resolve(DEFAULT_REGISTRY_DIR)) cmd += ` --registry ${displayPath(registryDir)}`;
  if (resolve(warehouseDir) !== resolve(DEFAULT_WAREHOUSE)) cmd += ` --warehouse ${displayPath(warehouseDir)}`;
  return cmd;
}

function list(items: string[]): string {
  return items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} and ${items.at(-1)}`;
}

/**
 * The build record of a warehouse that is current, or a StaleWarehouseError saying
 * which inputs changed since it was built and which ingest to run.
 */
export async function currentBuild(warehouseDir: string): Promise<BuildRecord> {
  const file = join(warehouseDir, WAREHOUSE_FILE);
  const record = readBuildRecord(warehouseDir);
  const run = (): string => `Run the ingest first:\n  ${ingestCommand(warehouseDir, record)}`;
  if (!existsSync(file)) throw new StaleWarehouseError(`${file} does not exist. ${run()}`);
  if (!record) {
    throw new StaleWarehouseError(
      `${file} has no build record (it was built by an engine that did not write one, or its build was interrupted), so what it holds is unknown. ${run()}`,
    );
  }
  const { reposCsv, categoriesYaml } = record.registry;
  const changed: (keyof WarehouseInputs)[] = [];
  let now: WarehouseInputs | null = null;
  let unreadable = '';
  try {
    now = warehouseInputs(await loadRegistry({ reposCsv, categoriesYaml }), new Staging(warehouseDir));
  } catch (e) {
    if (!(e instanceof UserError) && (e as NodeJS.ErrnoException).code !== 'ENOENT') throw e;
    unreadable = ` (it cannot be read now: ${(e as Error).message.split('\n')[0]})`;
    changed.push('registry');
  }
  if (now) for (const k of ['registry', 'histories', 'lists', 'code'] as const) if (now[k] !== record.inputs[k]) changed.push(k);
  if (!changed.length) return record;
  const what: Record<keyof WarehouseInputs, string> = {
    registry: `the registry (${displayPath(reposCsv)}, ${displayPath(categoriesYaml)})${unreadable}`,
    histories: 'the staged histories',
    lists: 'the curated lists (data/identities/, data/provenance/, classifier rules)',
    code: "the engine's code (scripts/)",
  };
  const why = changed.includes('histories') ? ' (an ingest ran with --no-build, or stopped before its build)' : '';
  throw new StaleWarehouseError(
    `the warehouse ${file} is older than what it is built from: ${list(changed.map((k) => what[k]))} changed since it was built${why}. ` +
      `Its figures are not those of the current inputs, so nothing was published. ${run()}`,
  );
}
