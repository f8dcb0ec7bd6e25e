import { Worker } from 'node:worker_threads';
import type { AuditVerifyResult } from '../../../shared/api/audit.ts';
import { ApiError } from '../../../shared/api/errors.ts';
import type { TransferPhase } from '../../../shared/api/transfer.ts';
import type { PreparedImport } from '../store/transfer.ts';
import { workerEntry } from '../worker-entry.ts';
import type { BackupAuditResult } from '../store/backup-audit.ts';
import type {
  BackupAuditTask,
  ExportDone,
  ExportTask,
  ImportChecked,
  ImportTask,
  TextPiece,
  TransferMessage,
  TransferRequest,
  TransferTask,
  VerifyTask,
} from './protocol.ts';

/**
 * Imports, exports and the audit log's check as the services run them: one worker thread
 * (worker.ts), started at the first of them and kept (idle, it keeps no process alive), so the
 * main thread, which answers the window and the bridge, only hands work over and writes an
 * import's checked encounters in short batches. A worker that dies is replaced at the next task;
 * its task fails. A restore checks the backup's audit log on a client of its own, started for that
 * check and closed after it (services.ts).
 */

export interface TransferHooks {
  readonly onProgress?: (phase: TransferPhase, done: number | null, total: number | null) => void;
  /** An import's checked encounters, in file order; called synchronously per batch, in order, before the task settles. */
  readonly onBatch?: (batch: readonly PreparedImport[]) => void;
}

export interface TransferWorker {
  importFile(databasePath: string, task: ImportTask, hooks?: TransferHooks): Promise<ImportChecked>;
  exportEncounters(databasePath: string, task: ExportTask, hooks?: TransferHooks): Promise<ExportDone>;
  /** audit.verify, on the worker's own snapshot; it waits behind an import or export under way. */
  verifyAudit(databasePath: string, task: VerifyTask): Promise<AuditVerifyResult>;
  /** The audit log of a backup's checked copy at `databasePath`, before a restore puts it in place. */
  checkBackupAudit(databasePath: string, task: BackupAuditTask): Promise<BackupAuditResult>;
  close(): Promise<void>;
}

/** Characters per piece of a large text handed to the worker (about 1 MB: a few milliseconds to copy). */
const PIECE = 1 << 20;

type Settled = ImportChecked | ExportDone | AuditVerifyResult | BackupAuditResult;

interface Pending {
  readonly hooks: TransferHooks;
  resolve(value: Settled): void;
  reject(error: Error): void;
  /** Set when a batch could not be written: the task fails with it, later batches are not written. */
  failure: Error | null;
}

/**
 * The thread the tasks run on, as the client sees it: a Worker, or the stand-in in-thread.ts makes.
 * 'error' and 'exit' end every task under way, as a dead worker does.
 */
export interface TransferEndpoint {
  on(event: 'message', listener: (message: TransferMessage) => void): unknown;
  on(event: 'error', listener: (error: Error) => void): unknown;
  on(event: 'exit', listener: () => void): unknown;
  postMessage(message: TransferRequest | TextPiece): void;
  ref(): void;
  unref(): void;
  terminate(): Promise<unknown>;
}

export function startTransferWorker(options: { readonly workerUrl?: URL | string } = {}): TransferWorker {
  const workerUrl = options.workerUrl ?? workerEntry('transfer', new URL('./worker.ts', import.meta.url));
  return transferClient(() => new Worker(workerUrl));
}

/** The tasks' client over endpoints `open` makes: one at a time, a new one after one dies. */
export function transferClient(open: () => TransferEndpoint): TransferWorker {
  const pending = new Map<number, Pending>();
  let nextId = 1;
  let worker: TransferEndpoint | null = null;
  let closed = false;

  const failAll = (message: string): void => {
    for (const [id, p] of pending) {
      pending.delete(id);
      p.reject(p.failure ?? new ApiError('internal', message));
    }
  };

  const onMessage = (w: TransferEndpoint, msg: TransferMessage): void => {
    const p = pending.get(msg.id);
    if (p === undefined) return;
    switch (msg.type) {
      case 'progress':
        p.hooks.onProgress?.(msg.phase, msg.done, msg.total);
        return;
      case 'batch':
        if (p.failure !== null) return;
        try {
          p.hooks.onBatch?.(msg.batch);
        } catch (error) {
          p.failure = error instanceof Error ? error : new Error(String(error));
        }
        return;
      case 'done':
      case 'failed':
        pending.delete(msg.id);
        if (pending.size === 0) w.unref();
        if (p.failure !== null) p.reject(p.failure);
        else if (msg.type === 'done') p.resolve(msg.value);
        else p.reject(msg.error !== null ? new ApiError(msg.error.code, msg.error.message, msg.error.path) : new ApiError('internal', `The transfer failed: ${msg.message}`));
    }
  };

  const spawn = (): TransferEndpoint => {
    const w = open();
    w.on('message', (msg) => onMessage(w, msg));
    w.on('error', (e) => {
      if (worker === w) worker = null;
      failAll(`The transfer stopped: ${e.message}`);
    });
    w.on('exit', () => {
      if (worker === w) worker = null;
      failAll('The transfer stopped unexpectedly; please try again.');
    });
    // Idle, the worker must not keep a command-line process (the loopback bridge, tests) alive.
    w.unref();
    return w;
  };

  function run<T extends Settled>(databasePath: string, task: TransferTask, hooks: TransferHooks): Promise<T> {
    if (closed) return Promise.reject(new ApiError('internal', 'Leg Pain DDx is shutting down.'));
    worker ??= spawn();
    const w = worker;
    const id = nextId++;
    return new Promise<T>((resolve, reject) => {
      pending.set(id, { hooks, resolve: resolve as (value: Settled) => void, reject, failure: null });
      w.ref();
      void send(w, id, databasePath, task);
    });
  }

  /** Posts the request, a large import's text first in pieces, yielding to other work between them. */
  async function send(w: TransferEndpoint, id: number, databasePath: string, task: TransferTask): Promise<void> {
    const field = task.kind === 'import' ? (task.sealed !== undefined ? 'sealed' : 'text') : null;
    const text = task.kind === 'import' ? (task.sealed ?? task.text ?? '') : '';
    if (field === null || text.length <= PIECE) {
      w.postMessage({ id, databasePath, task } satisfies TransferRequest);
      return;
    }
    for (let at = 0; at < text.length; at += PIECE) {
      if (at > 0) await new Promise((r) => setImmediate(r));
      w.postMessage({ id, piece: text.slice(at, at + PIECE) } satisfies TextPiece);
    }
    w.postMessage({ id, databasePath, pieces: field, task: { ...task, [field]: '' } } satisfies TransferRequest);
  }

  return {
    importFile: (databasePath, task, hooks = {}) => run<ImportChecked>(databasePath, task, hooks),
    exportEncounters: (databasePath, task, hooks = {}) => run<ExportDone>(databasePath, task, hooks),
    verifyAudit: (databasePath, task) => run<AuditVerifyResult>(databasePath, task, {}),
    checkBackupAudit: (databasePath, task) => run<BackupAuditResult>(databasePath, task, {}),
    async close() {
      closed = true;
      const w = worker;
      worker = null;
      if (w !== null) await w.terminate();
      failAll('Leg Pain DDx is shutting down.');
    },
  };
}
