// Runs identityTables in a worker thread: identity resolution is single-threaded
// JavaScript, and on the main thread it would hold up the event loop that starts the
// warehouse SQL beside it (at 1 M identities, about 40 s of one core).
import { Worker, isMainThread, parentPort, workerData } from 'node:worker_threads';
import { identityTables, type IdentityTables, type ObservedIdentity } from './identity-tables.ts';

type Reply = { ok: true; tables: IdentityTables } | { ok: false; error: string };

if (!isMainThread && (workerData as { identityTables?: boolean } | null)?.identityTables === true) {
  parentPort!.once('message', (observed: ObservedIdentity[]) => {
    let reply: Reply;
    try {
      reply = { ok: true, tables: identityTables(observed) };
    } catch (e) {
      reply = { ok: false, error: e instanceof Error ? (e.stack ?? e.message) : String(e) };
    }
    parentPort!.postMessage(reply);
  });
}

export function identityTablesInWorker(observed: ObservedIdentity[]): Promise<IdentityTables> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(new URL(import.meta.url), { workerData: { identityTables: true } });
    let settled = false;
    worker.once('message', (m: Reply) => {
      settled = true;
      void worker.terminate();
      if (m.ok) resolve(m.tables);
      else reject(new Error(`identity resolution failed: ${m.error}`));
    });
    worker.once('error', (e) => {
      settled = true;
      reject(e);
    });
    worker.once('exit', (code) => {
      if (!settled) reject(new Error(`identity resolution stopped before it answered (exit code ${code})`));
    });
    worker.postMessage(observed);
  });
}
