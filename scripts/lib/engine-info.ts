// Identifies what produced a published quarter: the engine's version and the
// dataset it read, so a restatement can say why figures moved.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { classifierVersion } from './curated-lists.ts';
import { PARSER_VERSION } from './ingest-run.ts';
import { Staging } from './staging.ts';
import { loadProvenanceRules } from './provenance-rules.ts';

export function engineInfo(): { version: string; parser: string; classifiers: string; provenance: string } {
  const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string };
  const rules = loadProvenanceRules();
  return { version: pkg.version, parser: PARSER_VERSION, classifiers: classifierVersion(), provenance: `v${rules.version}-${rules.fingerprint}` };
}

/** A hash of every staged repository's source fingerprint: equal inputs, equal hash. */
export function datasetFingerprint(warehouseDir: string): string {
  const h = createHash('sha256');
  for (const s of new Staging(warehouseDir).states()) h.update(`${s.repo}\t${s.fingerprint}\n`);
  return h.digest('hex');
}
