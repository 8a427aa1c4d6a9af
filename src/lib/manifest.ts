// The contract of manifest.json in a published quarter: written by the engine
// (scripts/publish/publish.ts), read by the site (src/node/manifest.ts).

export interface ManifestFile {
  rows: number;
  bytes: number;
  sha256: string;
}

export interface Manifest {
  quarter: string;
  /** YYYY-MM-DD */
  published: string;
  /** `provenance` is absent in folders published before change identity existed. */
  engine: { version: string; parser: string; classifiers: string; provenance?: string };
  dataset: {
    /** ISO timestamp of the newest ingested history: the figures' "data as of". */
    snapshot: string;
    repos_tracked: number;
    repos_ingested: number;
    repos_unavailable: number;
    fingerprint: string;
  };
  /** The article's quarter and the eight before it, ascending. */
  quarters: string[];
  partial: boolean;
  headline: Record<string, number | null>;
  files: Record<string, ManifestFile>;
  /** Dates (YYYY-MM-DD) the quarter was published again; each has restatements/<date>.md. */
  restated?: string[];
}
