import { Worker } from 'node:worker_threads';

/**
 * Runs `source` (CommonJS, inline) on a worker thread with `workerData` and resolves with the one
 * message it posts. Inline, so the Electron build needs no extra entry file for these few lines of
 * SQLite each worker runs; `task` names the work in the error when the thread stops without answering.
 */
export function runInlineWorker<T>(source: string, workerData: unknown, task: string): Promise<T> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(source, { eval: true, workerData });
    let answered = false;
    worker.once('message', (value: T) => {
      answered = true;
      resolve(value);
    });
    worker.once('error', (error) => {
      answered = true;
      reject(error);
    });
    worker.once('exit', (code) => {
      if (!answered) reject(new Error(`${task} stopped (exit code ${code}).`));
    });
  });
}
