// A full disk (or an exhausted quota) fails every write that follows the first, in
// every repository: reported per repository it is a wall of identical lines that
// names nothing. It is one problem, reported once, with what was being written.
import { UserError } from './types.ts';

const DISK_FULL_CODES = new Set(['ENOSPC', 'EDQUOT']);
// DuckDB reports the operating system's text, not the code.
const DISK_FULL_TEXT = /\bENOSPC\b|\bEDQUOT\b|No space left on device|Disk quota exceeded/i;

export function isDiskFull(e: unknown): boolean {
  if (e instanceof DiskFullError) return true;
  const code = (e as NodeJS.ErrnoException | null)?.code;
  return (code !== undefined && DISK_FULL_CODES.has(code)) || (e instanceof Error && DISK_FULL_TEXT.test(e.message));
}

/** What could not be written, and for which repository (none for the warehouse build). */
export class DiskFullError extends UserError {
  readonly code = 'ENOSPC';
  readonly file: string;
  readonly repo: string | null;
  readonly reason: string;
  constructor(file: string, repo: string | null, reason: string, consequence?: string) {
    super(`disk full: could not write ${file}${repo ? ` (${repo})` : ''}: ${reason}${consequence ? `. ${consequence}` : ''}`);
    this.name = 'DiskFullError';
    this.file = file;
    this.repo = repo;
    this.reason = reason;
  }
}

/** Runs `fn`; a disk-full failure comes out as a DiskFullError naming `file` and `repo`. */
export async function writing<T>(file: string, repo: string | null, fn: () => T | Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (e) {
    throw asDiskFull(e, file, repo);
  }
}

export function asDiskFull(e: unknown, file: string, repo: string | null): unknown {
  if (e instanceof DiskFullError || !isDiskFull(e)) return e;
  return new DiskFullError(file, repo, (e as Error).message);
}

/** The error fs raises on a full disk, for fault-injection tests. */
export function injectedDiskFull(): NodeJS.ErrnoException {
  return Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC', errno: -28, syscall: 'write' });
}
