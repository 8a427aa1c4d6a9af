// The article ↔ data handshake. Reading the manifest is src/node's job; this adds the
// check that an article is paired with the data version it was written against.
import { readManifest, type Manifest } from '../../node/manifest.ts';

export type { Manifest };
export { readManifest as loadManifest };
export { publishedQuarters } from '../../node/paths.ts';

export function checkDataVersion(quarter: string, dataVersion: string): Manifest {
  const m = readManifest(quarter);
  const ok =
    dataVersion === m.published ||
    (m.restated ?? []).includes(dataVersion) ||
    (/^[0-9a-f]{8,}$/.test(dataVersion) && m.dataset.fingerprint.startsWith(dataVersion));
  if (!ok) {
    throw new Error(
      `content/reports/${quarter}.mdx has dataVersion "${dataVersion}", but data/published/${quarter} was published ` +
        `${m.published} (dataset ${m.dataset.fingerprint.slice(0, 12)}). Set dataVersion: "${m.published}" ` +
        `if the article was checked against this data.`,
    );
  }
  return m;
}

