// Replacing a published quarter's folder so that no crash can lose it. The new
// folder is built under a name of its own, marked ready by a rename, and swapped in
// with the old one set aside, which is removed last. Every name is fixed (no pid), so
// the next run can tell which step a killed run reached and finish or undo it.
//
//   1. build   .<q>.building-<pid>     (incomplete: removed by the next run)
//   2. ready   .<q>.ready              (complete, not yet published)
//   3. aside   <q> → .<q>.old
//   4. in      .<q>.ready → <q>
//   5. done    .<q>.old removed
import { processAlive } from '../common/process-alive.ts';
import { existsSync, readdirSync, renameSync, rmSync } from 'node:fs';
import { join } from 'node:path';

export interface SwapNames {
  final: string;
  ready: string;
  old: string;
  building: string;
}

export function swapNames(parentDir: string, name: string, pid = process.pid): SwapNames {
  return {
    final: join(parentDir, name),
    ready: join(parentDir, `.${name}.ready`),
    old: join(parentDir, `.${name}.old`),
    building: join(parentDir, `.${name}.building-${pid}`),
  };
}

/** A hook tests use to kill the process at a step; does nothing otherwise. */
export type StepHook = (step: 'built' | 'ready' | 'aside' | 'in' | 'done') => void;


/**
 * Brings `name` back to a consistent state after a run that was killed part-way, and
 * says what it did (empty when there was nothing to do). Afterwards either the old or
 * the new folder is in place, whole, and no leftover remains.
 */
export function recoverSwap(parentDir: string, name: string): string[] {
  if (!existsSync(parentDir)) return [];
  const n = swapNames(parentDir, name);
  const said: string[] = [];
  for (const entry of readdirSync(parentDir)) {
    // Builds of runs that are gone, and the pid-named folders of earlier versions.
    const m = /^\.(.+)\.(?:building|tmp|old)-(\d+)$/.exec(entry);
    if (m && m[1] === name && !processAlive(Number(m[2]))) {
      rmSync(join(parentDir, entry), { recursive: true, force: true });
      said.push(`removed ${entry}, left by a run that stopped before it finished`);
    }
  }
  const hasFinal = existsSync(n.final);
  if (existsSync(n.ready)) {
    if (hasFinal && existsSync(n.old)) {
      // Impossible by the step order; keep the published folder, drop the rest.
      rmSync(n.ready, { recursive: true, force: true });
      said.push(`removed .${name}.ready: ${name} is published`);
    } else if (hasFinal) {
      // Killed after the new folder was ready, before anything was moved: the old one
      // is still published, whole. Undo: the editor runs the publish again.
      rmSync(n.ready, { recursive: true, force: true });
      said.push(`rolled back an interrupted publish of ${name}: the published folder is unchanged; run the publish again`);
    } else {
      // Killed with the old folder set aside: the new one is complete, so finish.
      renameSync(n.ready, n.final);
      said.push(`finished an interrupted publish of ${name}: the new folder is now in place`);
    }
  } else if (!hasFinal && existsSync(n.old)) {
    renameSync(n.old, n.final);
    said.push(`restored ${name} from .${name}.old`);
  }
  if (existsSync(n.old) && existsSync(n.final)) {
    rmSync(n.old, { recursive: true, force: true });
    said.push(`removed .${name}.old, the folder an earlier publish replaced`);
  }
  return said;
}

/** Swaps a complete `building` folder in for `final`; `final` may not exist yet. */
export function swapIn(n: SwapNames, hook: StepHook = () => {}): void {
  hook('built');
  renameSync(n.building, n.ready);
  hook('ready');
  if (existsSync(n.final)) renameSync(n.final, n.old);
  hook('aside');
  renameSync(n.ready, n.final);
  hook('in');
  rmSync(n.old, { recursive: true, force: true });
  hook('done');
}
