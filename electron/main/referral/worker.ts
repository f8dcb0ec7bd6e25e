import { parentPort, workerData } from 'node:worker_threads';
import { buildReferralDocument } from './document.ts';
import { createPdfRenderer } from './render.ts';
import type { RenderRequest, RenderResponse, RenderWorkerData } from './render-worker.ts';

/** Worker-thread entry of the referral renderer (see render-worker.ts). */

if (parentPort === null) throw new Error('worker.ts runs as a worker thread, started by startRenderWorker');
const port = parentPort;
const { fontDir, kb } = workerData as RenderWorkerData;
const renderer = createPdfRenderer({ fontDir });

// Letters are rendered one at a time, in order; the first job warms the fonts and the code.
let queue: Promise<void> = renderer
  .render({
    content: [{ text: 'Warm-up ' }, { text: 'Ωμέγα Дмитрий Nguyễn', bold: true }, { text: 'italic', italics: true }, { text: 'both', bold: true, italics: true }],
  })
  .then(
    () => undefined,
    () => undefined, // a broken font folder shows up, with its message, at the first real letter
  );

port.on('message', (request: RenderRequest) => {
  queue = queue.then(() => handle(request));
});

async function handle({ id, input }: RenderRequest): Promise<void> {
  let response: RenderResponse;
  const transfer: ArrayBuffer[] = [];
  try {
    const { bytes, pages } = await renderer.render(buildReferralDocument({ ...input, kb }));
    const copy = new Uint8Array(bytes); // its own ArrayBuffer, so it can be transferred, not copied again
    transfer.push(copy.buffer);
    response = { id, ok: true, bytes: copy, pages };
  } catch (e) {
    response = { id, ok: false, message: e instanceof Error ? e.message : String(e) };
  }
  port.postMessage(response, transfer);
}
