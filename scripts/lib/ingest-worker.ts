// Worker-thread entry: receives RepoTasks, answers with results or errors.
import { parentPort } from 'node:worker_threads';
import { ingestRepo, type RepoTask } from './ingest-repo.ts';

if (!parentPort) throw new Error('ingest-worker.ts must run in a worker thread');
const port = parentPort;

port.on('message', async (task: RepoTask) => {
  try {
    const result = await ingestRepo(task, (commits, bytes) => port.postMessage({ type: 'progress', repo: task.repo, commits, bytes }));
    port.postMessage({ type: 'done', result });
  } catch (e) {
    port.postMessage({ type: 'error', repo: task.repo, message: (e as Error).message });
  }
});
