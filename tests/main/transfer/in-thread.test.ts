import { threadId } from 'node:worker_threads';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startTransferInThread } from '../../../electron/main/transfer/in-thread.ts';
import { openTestServices, sampleDraft, type TestServices } from '../helpers.ts';

/**
 * `npm run mutate` runs imports, exports and the audit check on the test's own thread, where
 * Stryker's mutants are switched on (transfer/in-thread.ts). These runs must give the answers the
 * worker gives, or the mutation scores of the store would measure something else.
 */
describe('transfer tasks run in the test thread, for mutation testing', () => {
  let worker: TestServices;
  let inThread: TestServices;
  const threads: number[] = [];
  beforeEach(() => {
    worker = openTestServices({ transfers: undefined });
    const runner = startTransferInThread();
    inThread = openTestServices({
      transfers: {
        ...runner,
        verifyAudit: (path, task) => {
          threads.push(threadId);
          return runner.verifyAudit(path, task);
        },
      },
    });
  });
  afterEach(() => {
    worker.dispose();
    inThread.dispose();
  });

  it('checks the audit log, exports and imports with the same results as the worker thread', async () => {
    for (const s of [worker, inThread]) {
      const { id } = await s.client.encounter.save(sampleDraft());
      await s.client.encounter.sign({ id, baseRevision: 1 });
    }
    const [a, b] = await Promise.all([worker.client.audit.verify({}), inThread.client.audit.verify({})]);
    expect(b).toEqual(a);
    expect(b).toMatchObject({ intact: true, revisions: 1 });
    expect(threads).toEqual([threadId]);

    const exported = await worker.client.data.exportJson({});
    const imported = await inThread.client.data.importJson({ json: exported.json });
    expect(imported).toMatchObject({ imported: 1 });
    expect((await inThread.client.encounter.list({})).total).toBe(2);
    expect(await inThread.client.audit.verify({})).toMatchObject({ intact: true });
  });
});
