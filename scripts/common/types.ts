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

/** `file:line (commit sha)`: how every error and warning names where it happened. */
export function formatLocation(loc: SourceLocation): string {
  return `${loc.file}${loc.line ? `:${loc.line}` : ''}${loc.commit ? ` (commit ${loc.commit})` : ''}`;
}

/** An error the user can fix from its message alone: printed without a stack. */
export class UserError extends Error {}

export class InputError extends UserError {
  readonly location: SourceLocation;
  constructor(message: string, location: SourceLocation) {
    super(`${formatLocation(location)}: ${message}`);
    this.name = 'InputError';
    this.location = location;
  }
}

/**
 * Every problem found in hand-edited inputs, in file and line order: fixing them one
 * run at a time would take as many runs as there are problems. `location` is the first.
 */
export class InputErrors extends InputError {
  readonly errors: InputError[];
  constructor(errors: InputError[]) {
    super('', errors[0]!.location);
    this.name = 'InputErrors';
    this.errors = errors;
    this.message = errors.map((e) => e.message).join('\n');
  }
}

/** Throws what was collected: nothing, the one error as it is, or all of them in file and line order. */
export function throwCollected(errors: InputError[]): void {
  errors = errors.flatMap((e) => (e instanceof InputErrors ? e.errors : [e]));
  if (errors.length === 0) return;
  const files: string[] = [];
  for (const e of errors) if (!files.includes(e.location.file)) files.push(e.location.file);
  // Stable: two problems of one line keep the order they were found in.
  const sorted = [...errors].sort((a, b) => files.indexOf(a.location.file) - files.indexOf(b.location.file) || (a.location.line ?? 0) - (b.location.line ?? 0));
  throw sorted.length === 1 ? sorted[0]! : new InputErrors(sorted);
}

export interface Warning {
  message: string;
  location: SourceLocation;
}
