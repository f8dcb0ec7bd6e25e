import { Worker } from 'node:worker_threads';

/**
 * One SQL statement run on a worker thread, with its own connection to the file at `path`, for
 * work that reads or writes the whole file and cannot be interrupted (an integrity check, a
 * checkpoint): the main thread keeps answering the window meanwhile. The connection is closed
 * before the answer, since a restore renames the file next (Windows refuses while a handle holds
 * it open). The worker's code is inline (eval), so the Electron build needs no extra entry file.
 */
const STATEMENT_WORKER = `
const { parentPort, workerData } = require('node:worker_threads');
const { DatabaseSync } = require('node:sqlite');
const db = new DatabaseSync(workerData.path);
let rows;
try {
  rows = db.prepare(workerData.sql).all();
} finally {
  db.close();
}
parentPort.postMessage(rows);
`;

/** The statement's rows; rejects when the file cannot be opened or the statement fails. `task` names the work in the error when the thread stops without answering. */
export function rowsOffThread(path: string, sql: string, task: string): Promise<Record<string, unknown>[]> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(STATEMENT_WORKER, { eval: true, workerData: { path, sql } });
    let answered = false;
    worker.once('message', (rows: Record<string, unknown>[]) => {
      answered = true;
      resolve(rows);
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
