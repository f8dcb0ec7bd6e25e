import { Worker } from 'node:worker_threads';
import { APPLICATION_ID, openConnection, pragmaValue, type Db } from './database.ts';
import { SCHEMA_VERSION, schemaVersionOf } from './migrations/index.ts';

/**
 * The checks a file passes before it counts as a backup of ours: our application id, a schema
 * this version can read, and SQLite's full integrity_check.
 *
 * integrity_check reads every page (about 2 s for 100,000 encounters) and cannot be interrupted,
 * so it runs in a worker thread with its own connection: the main thread keeps answering the
 * window (progress polls, saves) meanwhile. The worker's code is inline (eval) so the Electron
 * build needs no extra entry file for it.
 */
const INTEGRITY_WORKER = `
const { parentPort, workerData } = require('node:worker_threads');
const { DatabaseSync } = require('node:sqlite');
const db = new DatabaseSync(workerData.path);
try {
  parentPort.postMessage(db.prepare('PRAGMA integrity_check').all().map((row) => String(Object.values(row)[0])));
} finally {
  db.close();
}
`;

/** The rows of PRAGMA integrity_check on the file at `path` (['ok'] when sound); rejects when it cannot be read. */
export function integrityCheckOffThread(path: string): Promise<string[]> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(INTEGRITY_WORKER, { eval: true, workerData: { path } });
    let answered = false;
    worker.once('message', (rows: string[]) => {
      answered = true;
      resolve(rows);
    });
    worker.once('error', (error) => {
      answered = true;
      reject(error);
    });
    worker.once('exit', (code) => {
      if (!answered) reject(new Error(`The integrity check stopped (exit code ${code}).`));
    });
  });
}

/** Why a file may not be restored, in words for the user, or null when it is a sound backup of ours. */
export async function backupProblem(path: string): Promise<string | null> {
  let db: Db;
  try {
    // Read-write: only ever our own temporary copy, and a copy of a WAL-mode file needs it to be read.
    db = openConnection(path);
  } catch {
    return 'the file could not be opened as a database';
  }
  try {
    if (Number(pragmaValue(db, 'application_id')) !== APPLICATION_ID) return 'the file is not a Leg Pain DDx backup';
    const version = schemaVersionOf(db);
    if (version > SCHEMA_VERSION) return 'the backup was made by a newer version of Leg Pain DDx; install it to restore this file';
    if (version < 1) return 'the file is not a Leg Pain DDx backup';
  } catch {
    return 'the file is damaged and could not be read';
  } finally {
    db.close();
  }
  let result: string[];
  try {
    result = await integrityCheckOffThread(path);
  } catch {
    return 'the file is damaged and could not be read';
  }
  return result.length === 1 && result[0] === 'ok' ? null : 'the file failed its integrity check';
}
