// Identifies what produced a published quarter: the engine's version and the
// dataset it read, so a restatement can say why figures moved.
import { readFileSync } from 'node:fs';
import { classifierVersion } from '../identity/curated-lists.ts';
import { PARSER_VERSION } from '../ingest/gitlog-parser.ts';
import { Staging } from '../ingest/staging.ts';
import { datasetFingerprintOf } from '../ingest/dataset-fingerprint.ts';
import { loadProvenanceRules } from '../warehouse/provenance-rules.ts';

export function engineInfo(): { version: string; parser: string; classifiers: string; provenance: string } {
  const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string };
  const rules = loadProvenanceRules();
  return { version: pkg.version, parser: PARSER_VERSION, classifiers: classifierVersion(), provenance: `v${rules.version}-${rules.fingerprint}` };
}

/**
 * The fingerprint of what is staged now. What a warehouse was built from may be older:
 * publishing takes the fingerprint its build recorded (readBuildRecord).
 */
export function datasetFingerprint(warehouseDir: string): string {
  return datasetFingerprintOf(new Staging(warehouseDir).states());
}
