// Worker-thread entry: receives RepoTasks, answers with results or errors.
import { parentPort } from 'node:worker_threads';
import { ingestRepo, type RepoTask } from './ingest-repo.ts';
import { DiskFullError } from '../common/disk-full.ts';

if (!parentPort) throw new Error('ingest-worker.ts must run in a worker thread');
const port = parentPort;

port.on('message', async (task: RepoTask) => {
  try {
    const result = await ingestRepo(task, (commits, bytes) => port.postMessage({ type: 'progress', repo: task.repo, commits, bytes }));
    port.postMessage({ type: 'done', result });
  } catch (e) {
    // A full disk crosses the thread boundary as what it is, to be reported once.
    const diskFull = e instanceof DiskFullError ? { file: e.file, repo: e.repo, reason: e.reason } : undefined;
    port.postMessage({ type: 'error', repo: task.repo, message: (e as Error).message, diskFull });
  }
});
