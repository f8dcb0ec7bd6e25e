import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import * as walCheckpoint from '../../../electron/main/store/wal-checkpoint.ts';
import { failure, openTestServices, sampleDraft, tempDir, type TestServices } from '../helpers.ts';

/**
 * A restore checkpoints the live WAL on a thread of its own while the backup is checked. Whatever
 * the outcome, that thread has ended by the time the restore answers: otherwise it still holds the
 * live database open while the app quits, or while a test removes the folder (a CI run failed with
 * ENOTEMPTY on exactly that).
 */

const state = vi.hoisted(() => ({ calls: 0, running: 0 }));

vi.mock('../../../electron/main/store/wal-checkpoint.ts', async (importOriginal) => {
  const real = await importOriginal<typeof walCheckpoint>();
  return {
    ...real,
    // Slower than the refusal, as on a busy machine, so an answer that does not wait shows.
    async checkpointOffThread(path: string) {
      state.calls++;
      state.running++;
      try {
        await new Promise((resolve) => setTimeout(resolve, 300));
        return await real.checkpointOffThread(path);
      } finally {
        state.running--;
      }
    },
  };
});

describe('the restore and its checkpoint thread', () => {
  let t: TestServices;
  let out: ReturnType<typeof tempDir>;
  beforeEach(async () => {
    state.calls = 0;
    t = openTestServices();
    out = tempDir('legpain-backups-');
    await t.client.encounter.save(sampleDraft());
  });
  afterEach(() => {
    t.dispose();
    out.remove();
  });

  it('a refused backup answers only after the checkpoint thread has ended, and the app still saves', async () => {
    const notADatabase = join(out.path, 'notes.legpain-backup');
    writeFileSync(notADatabase, 'This is a letter, not a backup.\n'.repeat(200));
    const error = await failure(t.client.backup.restore({ path: notADatabase }));
    expect(error.message).toMatch(/current encounters were not changed/);
    expect(state.calls).toBe(1);
    expect(state.running).toBe(0);
    await t.client.encounter.save(sampleDraft({ notes: 'After the refused restore.' }));
    expect((await t.client.encounter.list({ limit: 10, offset: 0 })).total).toBe(2);
  });

  it('a restore that succeeds has also waited for it', async () => {
    const target = join(out.path, 'monday.legpain-backup');
    await t.client.backup.create({ path: target });
    await t.client.backup.restore({ path: target });
    expect(state.calls).toBe(1);
    expect(state.running).toBe(0);
  });
});
