// Which histories a warehouse holds, as one hash: the manifest of a published
// quarter carries it, so a restatement can tell a changed dataset from changed rules.
import { createHash } from 'node:crypto';
import type { RepoState } from './staging.ts';

/** A hash of every staged repository's source fingerprint: equal inputs, equal hash. */
export function datasetFingerprintOf(states: readonly Pick<RepoState, 'repo' | 'fingerprint'>[]): string {
  const h = createHash('sha256');
  for (const s of states) h.update(`${s.repo}\t${s.fingerprint}\n`);
  return h.digest('hex');
}
