import { Readable, Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { ApiError } from '../../../shared/api/errors.ts';
import { LONE_SURROGATE, LONE_SURROGATE_MESSAGE } from '../ipc/lone-surrogate.ts';
import { checkFhirImport } from '../review/fhir-import.ts';
import { assessEncounter } from '../services/assessment.ts';
import { readCheckpoints } from '../store/audit-seal.ts';
import { verifyAudit } from '../store/audit-verify.ts';
import { checkBackupAudit } from '../store/backup-audit.ts';
import { openConnection, type Db } from '../store/database.ts';
import { createOpenStream, SealError } from '../store/sealed-file.ts';
import { checkImport, headsToExport, type PreparedImport } from '../store/transfer.ts';
import { exportDocument } from './export-document.ts';
import { writeExportFile } from './export-file.ts';
import type { ExportDone, ExportTask, ImportChecked, ImportTask, TextPiece, TransferMessage, TransferRequest, TransferTask, VerifyTask } from './protocol.ts';

/**
 * Imports, exports and the audit log's checks (the live log's, and a backup's before a restore) as
 * the transfer worker runs them (worker.ts; see transfer-worker.ts): everything that takes time in them (parsing, checking every entry as a save
 * is checked, recomputing assessments, reading and serialising every encounter, sealing, writing)
 * runs here, on its own read-only connection to the live database (WAL: it reads a consistent
 * snapshot while the app goes on saving). An import writes nothing here: its checked encounters go
 * to the main thread in batches, which writes them through the store's one connection.
 */

/** The end of a channel tasks are served on: a worker's parentPort, or a MessagePort. */
export interface TransferPort {
  on(event: 'message', listener: (message: TransferRequest | TextPiece) => void): unknown;
  postMessage(message: TransferMessage): void;
}

/** Encounters per batch handed to the main thread: small enough that writing one is a short transaction. */
const BATCH = 50;
/** Progress is reported at most this often. */
const PROGRESS_MS = 100;

/** Serves the tasks that arrive on `port`, one at a time in order of arrival. */
export function serveTransfers(port: TransferPort): void {
  const post = (message: TransferMessage): void => port.postMessage(message);
  let queue: Promise<void> = Promise.resolve();
  /** Pieces of large texts, by request id, until their request comes. */
  const pieces = new Map<number, string[]>();
  port.on('message', (message) => {
    if ('piece' in message) {
      const list = pieces.get(message.id) ?? [];
      list.push(message.piece);
      pieces.set(message.id, list);
      return;
    }
    let request = message;
    if (message.pieces !== undefined) {
      const text = (pieces.get(message.id) ?? []).join('');
      pieces.delete(message.id);
      request = { ...message, task: { ...message.task, [message.pieces]: text } as TransferRequest['task'] };
    }
    queue = queue.then(() => handle(request, post));
  });
}

type Post = (message: TransferMessage) => void;
type TaskValue = Extract<TransferMessage, { type: 'done' }>['value'];

async function runTask(id: number, db: Db, task: TransferTask, progress: Progress, post: Post): Promise<TaskValue> {
  switch (task.kind) {
    case 'import':
      return importTask(id, db, task, progress, post);
    case 'export':
      return exportTask(db, task, progress);
    case 'verify':
      return verifyTask(db, task);
    case 'backup-audit':
      return checkBackupAudit(db, { key: Buffer.from(task.key.key), id: task.key.id });
  }
}

async function handle({ id, databasePath, task }: TransferRequest, post: Post): Promise<void> {
  let last = 0;
  const progress = (phase: 'opening' | 'checking' | 'exporting' | 'finishing', done: number | null, total: number | null, force = false): void => {
    const now = performance.now();
    if (!force && now - last < PROGRESS_MS) return;
    last = now;
    post({ id, type: 'progress', phase, done, total });
  };
  let db: Db | null = null;
  let outcome: TransferMessage;
  try {
    db = openConnection(databasePath, { readOnly: true });
    outcome = { id, type: 'done', value: await runTask(id, db, task, progress, post) };
  } catch (error) {
    outcome = { id, type: 'failed', error: error instanceof ApiError ? error.toBody() : null, message: error instanceof Error ? error.message : String(error) };
  } finally {
    try {
      if (db?.isTransaction) db.exec('COMMIT');
      db?.close();
    } catch {
      // The task's answer goes anyway: without it, its caller would wait for ever.
    }
  }
  // Closed before the answer: a restore renames the file it checked as soon as it has the answer
  // (Windows refuses to rename a file another handle holds open).
  post(outcome);
}

type Progress = (phase: 'opening' | 'checking' | 'exporting' | 'finishing', done: number | null, total: number | null, force?: boolean) => void;

async function importTask(id: number, db: Db, task: ImportTask, progress: Progress, post: Post): Promise<ImportChecked> {
  progress('opening', null, null, true);
  const text = task.sealed !== undefined ? await openProtected(task.sealed, task.passphrase ?? '') : task.text!;
  // What the dispatcher checks of every other text (ipc/dispatch.ts), done here for the file's.
  if (LONE_SURROGATE.test(text)) throw new ApiError('invalid', LONE_SURROGATE_MESSAGE, 'json');
  let batch: PreparedImport[] = [];
  const flush = (): void => {
    if (batch.length === 0) return;
    post({ id, type: 'batch', batch });
    batch = [];
  };
  const accept = (prepared: PreparedImport): void => {
    batch.push(prepared);
    if (batch.length >= BATCH) flush();
  };
  const onEntry = (done: number, total: number): void => progress('checking', done, total, done === total);
  let checked: ImportChecked;
  if (task.format === 'json') {
    const { skipped } = checkImport(db, text, assessEncounter, accept, { onEntry });
    checked = { skipped };
  } else {
    checked = checkFhirImport(db, text, task.at, task.appVersion, accept, onEntry);
  }
  flush();
  return checked;
}

async function exportTask(db: Db, task: ExportTask, progress: Progress): Promise<ExportDone> {
  // One read transaction: a consistent snapshot even if a save lands meanwhile.
  db.exec('BEGIN');
  const heads = headsToExport(db, task.ids);
  const total = heads.length;
  progress('exporting', 0, total, true);
  const pieces = exportDocument(db, heads, task, (done) => progress('exporting', done, total, done === total));
  if (task.file === undefined) {
    let json = '';
    for (const piece of pieces) json += piece;
    return { count: total, json };
  }
  const written = await writeExportFile(pieces, task.file);
  progress('finishing', total, total, true);
  return { count: total, path: task.file.target, ...written };
}

/**
 * The audit log's check on one consistent snapshot. The checkpoint file is read first: every
 * checkpoint in it names a head committed before, so the snapshot taken after holds it, while a
 * checkpoint written after a snapshot could name entries the snapshot does not have yet.
 */
function verifyTask(db: Db, task: VerifyTask) {
  const { checkpoints, unreadable } = readCheckpoints(task.dataDir);
  db.exec('BEGIN');
  return verifyAudit(db, { key: { key: Buffer.from(task.key.key), id: task.key.id }, checkpoints, unreadableCheckpoints: unreadable });
}

/** The text of a passphrase-protected file; a wrong passphrase or a damaged file is refused in words, nothing imported. */
async function openProtected(base64: string, passphrase: string): Promise<string> {
  const chunks: Buffer[] = [];
  const sink = new Writable({
    write(chunk: Buffer, _encoding, callback) {
      chunks.push(chunk);
      callback();
    },
  });
  try {
    await pipeline(Readable.from([Buffer.from(base64, 'base64')]), createOpenStream(passphrase), sink);
  } catch (error) {
    if (!(error instanceof SealError)) throw error;
    const nothing = 'Nothing was imported.';
    switch (error.problem) {
      case 'wrong-passphrase':
        throw new ApiError('invalid', `The passphrase is not the one this file was protected with. ${nothing}`, 'passphrase');
      case 'not-sealed':
        throw new ApiError('invalid', `This file is not a passphrase-protected Leg Pain DDx export. ${nothing}`, 'sealed');
      case 'unsupported':
        throw new ApiError('invalid', `This file was protected by a newer version of Leg Pain DDx; install it to import this file. ${nothing}`, 'sealed');
      default:
        throw new ApiError('invalid', `This file is damaged or was changed after it was written. ${nothing}`, 'sealed');
    }
  }
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(Buffer.concat(chunks));
  } catch {
    throw new ApiError('invalid', 'The protected file does not hold text (UTF-8); nothing was imported.', 'sealed');
  }
}
