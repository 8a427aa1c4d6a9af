// Writes one repository's export as a gzip stream (never the whole text in memory),
// and the worker-thread entry that writes a list of them.
import { once } from 'node:events';
import { createWriteStream } from 'node:fs';
import { join } from 'node:path';
import { parentPort, workerData } from 'node:worker_threads';
import { createGzip } from 'node:zlib';
import { writeHistory } from './history.ts';
import type { DatasetPlan, RepoPlan } from './plan.ts';

export function exportFileName(repo: string): string {
  return `${repo.replace('/', '__')}.gitlog.gz`;
}

export interface Written {
  repo: string;
  records: number;
  bytes: number;
}

/**
 * Level 1: generation is then bound by making the text, not by deflate. The real
 * exports are level 6; reading either costs about the same (inflate speed barely
 * depends on the level), so the ingest measured is comparable.
 */
export async function writeRepoExport(plan: DatasetPlan, repo: RepoPlan, dir: string, level = 1): Promise<Written> {
  const file = join(dir, exportFileName(repo.repo));
  const gzip = createGzip({ level, chunkSize: 1 << 18 });
  const out = createWriteStream(file);
  gzip.pipe(out);
  let bytes = 0;
  const records = await writeHistory(plan, repo, async (s) => {
    bytes += s.length;
    if (!gzip.write(s)) await once(gzip, 'drain');
  });
  gzip.end();
  await once(out, 'close');
  return { repo: repo.repo, records, bytes };
}

interface Job {
  plan: DatasetPlan;
  dir: string;
}

// As a worker: the plan once, then repository indexes one message at a time (the
// main thread hands out the largest first, so both cores stay busy to the end).
if (parentPort && (workerData as { scaleWriter?: boolean } | undefined)?.scaleWriter) {
  const port = parentPort;
  const { plan, dir } = (workerData as { job: Job }).job;
  port.on('message', (index: number) => {
    writeRepoExport(plan, plan.repos[index]!, dir).then(
      (w) => port.postMessage({ ok: true, written: w }),
      (e: unknown) => port.postMessage({ ok: false, error: String((e as Error).stack ?? e) }),
    );
  });
}
