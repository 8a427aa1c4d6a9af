// Shapes shared by the ingest pipeline. The parser produces RawCommit; the
// classifiers and the identity resolver consume its fields.

/** One line of `git log --numstat`: `-` counts (binary, missing blob) become null. */
export interface FileChange {
  path: string;
  added: number | null;
  deleted: number | null;
}

/** A person as git wrote them: a name and an address, either may be empty. */
export interface RawIdentity {
  name: string;
  email: string;
}

/** One record of the gitlog v1 format (shared/data/README.md), decoded. */
export interface RawCommit {
  sha: string;
  parents: string[];
  author: RawIdentity;
  /** The author after the repository's .mailmap (%aN / %aE). */
  authorMailmapped: RawIdentity;
  /** ISO 8601 with the author's own offset, as git printed it. */
  authorDate: string;
  committer: RawIdentity;
  committerDate: string;
  subject: string;
  coAuthors: RawIdentity[];
  files: FileChange[];
}

/** Where a problem was found: the file (export or clone) and the line or commit. */
export interface SourceLocation {
  file: string;
  line?: number;
  commit?: string;
}

export class InputError extends Error {
  readonly location: SourceLocation;
  constructor(message: string, location: SourceLocation) {
    const where = [location.file, location.line ?? null].filter((x) => x !== null).join(':');
    const commit = location.commit ? ` (commit ${location.commit})` : '';
    super(`${where}${commit}: ${message}`);
    this.name = 'InputError';
    this.location = location;
  }
}

export interface Warning {
  message: string;
  location: SourceLocation;
}
