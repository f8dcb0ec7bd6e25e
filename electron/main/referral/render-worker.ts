import { Worker } from 'node:worker_threads';
import { ApiError } from '../../../shared/api/errors.ts';
import type { ReferralInput } from './document.ts';
import type { KnowledgeBaseLike } from './kb.ts';
import { workerEntry } from '../worker-entry.ts';

/**
 * The referral renderer as the app uses it: one worker thread, started once and kept warm
 * (fonts parsed, code compiled), so a letter costs only its own layout and the main process
 * stays responsive while it renders. A worker that dies is replaced at the next letter. Nothing
 * starts until the first warm() or render(): opening the services (every store test does) costs
 * no thread.
 */

/** What a letter is built from, minus the knowledge base the worker already holds. */
export type ReferralRenderInput = Omit<ReferralInput, 'kb'>;

export interface RenderWorkerData {
  readonly fontDir: string;
  readonly kb: KnowledgeBaseLike;
}

export interface RenderRequest {
  readonly id: number;
  readonly input: ReferralRenderInput;
}

export type RenderResponse =
  | { readonly id: number; readonly ok: true; readonly bytes: Uint8Array; readonly pages: number }
  | { readonly id: number; readonly ok: false; readonly message: string };

export interface RenderedReferral {
  readonly bytes: Uint8Array;
  readonly pages: number;
}

export interface ReferralRenderer {
  render(input: ReferralRenderInput): Promise<RenderedReferral>;
  /** Starts the worker (it warms up its fonts and code at once) if it is not running. */
  warm(): void;
  /** Stops the worker; pending letters fail. */
  close(): Promise<void>;
}

export interface RenderWorkerOptions {
  readonly fontDir: string;
  /** The parts of the knowledge base the letter prints (labels, finding groups). */
  readonly kb: KnowledgeBaseLike;
  /**
   * The worker's entry file. Under Node (tests, the loopback bridge) the default is worker.ts next
   * to this file, or its bundle where the test suite names one (worker-entry.ts); the Electron
   * build passes the bundled file (`import workerPath from './referral/worker.ts?modulePath'`).
   */
  readonly workerUrl?: URL | string;
  /** A letter that takes longer than this is abandoned and the worker replaced. */
  readonly timeoutMs?: number;
  /** Start the worker now rather than at the first warm() or render(). */
  readonly eager?: boolean;
}

interface Pending {
  resolve(value: RenderedReferral): void;
  reject(error: Error): void;
  timer: NodeJS.Timeout;
}

/** Only the knowledge-base fields the letter reads cross to the worker (structured clone). */
const kbForWorker = (kb: KnowledgeBaseLike): KnowledgeBaseLike => ({
  findings: kb.findings,
  findingGroups: kb.findingGroups,
  causes: kb.causes.map((c) => ({ id: c.id, label: c.label })),
  sections: kb.sections,
  references: kb.references.map((r) => ({ id: r.id, title: r.title })),
});

export function startRenderWorker(options: RenderWorkerOptions): ReferralRenderer {
  const workerUrl = options.workerUrl ?? workerEntry('referral', new URL('./worker.ts', import.meta.url));
  const timeoutMs = options.timeoutMs ?? 30_000;
  const workerData: RenderWorkerData = { fontDir: options.fontDir, kb: kbForWorker(options.kb) };
  const pending = new Map<number, Pending>();
  let nextId = 1;
  let worker: Worker | null = null;
  let closed = false;

  const failAll = (message: string): void => {
    for (const [id, p] of pending) {
      clearTimeout(p.timer);
      p.reject(new ApiError('internal', message));
      pending.delete(id);
    }
  };

  const spawn = (): Worker => {
    const w = new Worker(workerUrl, { workerData });
    w.on('message', (msg: RenderResponse) => {
      const p = pending.get(msg.id);
      if (p === undefined) return;
      pending.delete(msg.id);
      clearTimeout(p.timer);
      if (pending.size === 0) w.unref();
      if (msg.ok) p.resolve({ bytes: msg.bytes, pages: msg.pages });
      else p.reject(new ApiError('internal', `The referral could not be made: ${msg.message}`));
    });
    w.on('error', (e) => {
      if (worker === w) worker = null;
      failAll(`The referral could not be made: ${e.message}`);
    });
    w.on('exit', () => {
      if (worker === w) worker = null;
      failAll('The referral renderer stopped unexpectedly; please try again.');
    });
    // Idle, the worker must not keep a command-line process (the loopback bridge, tests) alive.
    w.unref();
    return w;
  };

  // Started when the clinician opens the referral form (warm) or by eager, not at the first letter:
  // the worker warms up while the clinician is still choosing the wording.
  if (options.eager === true) worker = spawn();

  return {
    warm() {
      if (!closed) worker ??= spawn();
    },
    render(input) {
      if (closed) return Promise.reject(new ApiError('internal', 'The referral renderer has been shut down.'));
      worker ??= spawn();
      const w = worker;
      const id = nextId++;
      return new Promise<RenderedReferral>((resolve, reject) => {
        const timer = setTimeout(() => {
          pending.delete(id);
          reject(new ApiError('internal', 'Making the referral took too long; please try again.'));
          // A stuck worker would delay every later letter: replace it.
          if (worker === w) worker = null;
          void w.terminate();
        }, timeoutMs);
        pending.set(id, { resolve, reject, timer });
        w.ref();
        w.postMessage({ id, input } satisfies RenderRequest);
      });
    },
    async close() {
      closed = true;
      const w = worker;
      worker = null;
      if (w !== null) await w.terminate();
      failAll('The referral renderer has been shut down.');
    },
  };
}
