import { MessageChannel } from 'node:worker_threads';
import type { TransferMessage } from './protocol.ts';
import { serveTransfers } from './tasks.ts';
import { transferClient, type TransferEndpoint, type TransferWorker } from './transfer-worker.ts';

/**
 * The transfer tasks run on the calling thread, over a MessageChannel in place of the worker, with
 * the same messages and the same client. For mutation testing only: Stryker switches a mutant on
 * in the test's own thread, so code that runs in a worker thread is never mutated there (see
 * tests/mutation/areas.ts). The app and the ordinary tests use startTransferWorker, which keeps
 * the window answering during a long import or audit check.
 */
export function startTransferInThread(): TransferWorker {
  return transferClient(() => {
    const { port1, port2 } = new MessageChannel();
    serveTransfers(port1);
    // The serving end must not keep a test process alive; the client end is ref'd while a task runs.
    port1.unref();
    const endpoint: TransferEndpoint = {
      on(event: 'message' | 'error' | 'exit', listener: ((message: TransferMessage) => void) | ((error: Error) => void) | (() => void)) {
        if (event === 'message') port2.on('message', listener as (message: TransferMessage) => void);
        else if (event === 'exit') port2.on('close', listener as () => void);
        return endpoint;
      },
      postMessage: (message) => port2.postMessage(message),
      ref: () => port2.ref(),
      unref: () => port2.unref(),
      terminate: async () => port2.close(),
    };
    return endpoint;
  });
}
