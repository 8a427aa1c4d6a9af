// manifest.json of a published quarter: when it was published, the snapshot the data
// is "as of", the engine that made it and the headline figures.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Manifest } from '../lib/manifest.ts';
import { isQuarter } from '../lib/quarters.ts';
import { quarterFolder, repoRelative } from './paths.ts';
import { missingQuarterMessage, PublishedDataError } from './published-data.ts';

export type { Manifest, ManifestFile } from '../lib/manifest.ts';

const manifests = new Map<string, Manifest>();

export function readManifest(quarter: string): Manifest {
  const file = join(quarterFolder(quarter), 'manifest.json');
  const hit = manifests.get(file);
  if (hit) return hit;
  if (!isQuarter(quarter) || !existsSync(file)) throw new PublishedDataError(missingQuarterMessage(quarter));
  let m: Manifest;
  try {
    m = JSON.parse(readFileSync(file, 'utf8')) as Manifest;
  } catch (e) {
    throw new PublishedDataError(`${repoRelative(file)} is not valid JSON: ${(e as Error).message}`);
  }
  const missing = (['quarter', 'published', 'dataset', 'quarters', 'headline'] as const).filter((k) => m[k] === undefined);
  if (missing.length > 0) throw new PublishedDataError(`${repoRelative(file)} lacks ${missing.join(', ')}`);
  if (m.quarter !== quarter) throw new PublishedDataError(`${repoRelative(file)} is for ${m.quarter}, not ${quarter}`);
  manifests.set(file, m);
  return m;
}
