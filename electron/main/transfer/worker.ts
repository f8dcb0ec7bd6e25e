import { parentPort } from 'node:worker_threads';
import { serveTransfers } from './tasks.ts';

/** Worker-thread entry of imports, exports and the audit log's check (tasks.ts, transfer-worker.ts). */
if (parentPort === null) throw new Error('transfer/worker.ts runs as a worker thread, started by startTransferWorker');
serveTransfers(parentPort);
