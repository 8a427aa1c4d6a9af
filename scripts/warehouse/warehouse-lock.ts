// One ingest at a time per warehouse. An ingest starts by clearing what an
// interrupted run left in staging, so a second ingest on the same warehouse would
// delete the first one's work in progress. The lock file names its holder (pid,
// host, start time) so that a refusal can say who to wait for, and a lock whose
// process is gone can be recognised and taken over.
import { processAlive } from '../common/process-alive.ts';
import { existsSync, linkSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { UserError } from '../common/types.ts';

export const INGEST_LOCK = 'ingest.lock';

export interface LockHolder {
  pid: number;
  host: string;
  /** ISO 8601. */
  started: string;
}

export interface IngestLock {
  file: string;
  /** What was said on taking over a lock whose process is dead; null when the lock was free. */
  tookOver: string | null;
  release(): void;
}

export class LockHeldError extends UserError {}


function readHolder(file: string): { text: string; holder: LockHolder | null } | null {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw e;
  }
  try {
    const h = JSON.parse(text) as Partial<LockHolder>;
    return { text, holder: Number.isInteger(h.pid) && typeof h.host === 'string' && typeof h.started === 'string' ? (h as LockHolder) : null };
  } catch {
    return { text, holder: null };
  }
}

const describe = (h: LockHolder): string => `pid ${h.pid} on ${h.host}, started ${h.started}`;

/**
 * Takes the warehouse's ingest lock, or throws a LockHeldError naming its holder.
 * A lock held on this machine by a process that no longer exists is taken over
 * (`tookOver` says so); one held from another machine cannot be checked and is refused.
 */
export function acquireIngestLock(warehouseDir: string): IngestLock {
  mkdirSync(warehouseDir, { recursive: true });
  const file = join(warehouseDir, INGEST_LOCK);
  const me: LockHolder = { pid: process.pid, host: hostname(), started: new Date().toISOString() };
  const mine = JSON.stringify(me);
  // Written whole under a private name, then linked into place: link fails when the
  // lock exists, and a reader never sees a half-written lock.
  const draft = `${file}.${process.pid}.new`;
  writeFileSync(draft, mine);
  let tookOver: string | null = null;
  try {
    for (let attempt = 0; ; attempt++) {
      try {
        linkSync(draft, file);
        break;
      } catch (e) {
        if ((e as NodeJS.ErrnoException).code !== 'EEXIST' || attempt >= 3) throw e;
      }
      const found = readHolder(file);
      if (!found) continue; // released meanwhile
      const { holder } = found;
      if (!holder) {
        throw new LockHeldError(`the ingest lock ${file} cannot be read (${JSON.stringify(found.text.slice(0, 80))}): if no ingest is running on this warehouse, delete it.`);
      }
      const held = `another ingest is running on this warehouse: ${describe(holder)} (lock file ${file}). `;
      if (holder.host !== me.host) {
        throw new LockHeldError(`${held}It was started on another machine, so ${me.host} cannot tell whether it still runs: if it does not, delete the lock file.`);
      }
      if (processAlive(holder.pid)) throw new LockHeldError(`${held}Wait for it to finish; if it is not running any more, delete the lock file.`);
      // Move the dead holder's lock aside and check it is still that lock: another
      // run taking over at the same moment must not lose its own lock to us.
      const aside = `${file}.${process.pid}.stale`;
      try {
        renameSync(file, aside);
      } catch (e) {
        if ((e as NodeJS.ErrnoException).code === 'ENOENT') continue;
        throw e;
      }
      if (readFileSync(aside, 'utf8') !== found.text) {
        try {
          linkSync(aside, file);
        } catch {
          // The other run has already put a lock in place: it holds the warehouse.
        }
        rmSync(aside, { force: true });
        continue;
      }
      rmSync(aside, { force: true });
      tookOver = `took over the lock of an ingest that is no longer running (${describe(holder)}); its unfinished work is discarded`;
    }
  } finally {
    rmSync(draft, { force: true });
  }
  return {
    file,
    tookOver,
    release: () => {
      // Only our own lock: after a takeover by someone else, theirs stays.
      if (existsSync(file) && readHolder(file)?.text === mine) rmSync(file, { force: true });
    },
  };
}
