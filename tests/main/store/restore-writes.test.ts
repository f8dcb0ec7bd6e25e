import { join } from 'node:path';
import { setImmediate as nextTurn } from 'node:timers/promises';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ApiError } from '../../../shared/api/errors.ts';
import { inTransaction } from '../../../electron/main/store/database.ts';
import { insertEncounter } from '../../../electron/main/store/encounters.ts';
import { syntheticEncounters } from '../fixtures/synthetic-encounters.ts';
import { startTransferInThread } from '../../../electron/main/transfer/in-thread.ts';
import { failure, openTestServices, sampleDraft, tempDir, type TestServices } from '../helpers.ts';

/**
 * Issue 11, item 1: a save while a restore runs must never be acknowledged and then vanish with
 * the database the restore sets aside. It is refused with `busy` (nothing changed) until the
 * restore is over, and succeeds afterwards.
 */

const ENCOUNTERS = 3000;

describe('saves racing a restore', () => {
  let t: TestServices;
  let out: ReturnType<typeof tempDir>;
  beforeEach(() => {
    t = openTestServices();
    out = tempDir('legpain-restore-race-');
  });
  afterEach(() => {
    t.dispose();
    out.remove();
  });

  it(`no save acknowledged during the restore of ${ENCOUNTERS} encounters is lost`, { timeout: 120_000 }, async () => {
    const db = t.store.db;
    const corpus = syntheticEncounters({ count: ENCOUNTERS, seed: 11 });
    inTransaction(db, () => {
      for (const e of corpus) insertEncounter(db, e);
    });
    const backup = join(out.path, 'before.sqlite');
    await t.client.backup.create({ path: backup });
    const draft = await t.client.encounter.save(sampleDraft({ notes: 'a draft being written' }));

    const acknowledged: { id: string; revision: number; notes: string }[] = [];
    const refused: ApiError[] = [];
    let restoring = true;
    const restore = t.client.backup.restore({ path: backup }).finally(() => (restoring = false));
    let i = 0;
    while (restoring) {
      const notes = `written during the restore ${i++}`;
      // New encounters and revisions of one that exists before and after the restore.
      const save = i % 2 === 0 ? t.client.encounter.save(sampleDraft({ notes })) : t.client.encounter.save({ ...sampleDraft({ notes }), id: draft.id, baseRevision: 1 });
      try {
        const saved = await save;
        acknowledged.push({ id: saved.id, revision: saved.revision, notes });
      } catch (error) {
        if (!(error instanceof ApiError)) throw error;
        refused.push(error);
      }
      await nextTurn();
    }
    await restore;

    // The race happened: saves were attempted while the restore ran, and each was refused in words.
    expect(i).toBeGreaterThan(5);
    expect(refused.length).toBeGreaterThan(0);
    for (const error of refused) {
      expect(error.code).toBe('busy');
      expect(error.message).toMatch(/backup is being restored/);
    }
    // Whatever was acknowledged is in the database the app now uses.
    for (const a of acknowledged) {
      const stored = await t.client.encounter.get({ id: a.id });
      expect(stored.revision).toBe(a.revision);
      expect(stored.notes).toBe(a.notes);
    }
    expect((await t.client.encounter.list({})).total).toBe(ENCOUNTERS + acknowledged.filter((a) => a.id !== draft.id).length);

    // After the restore, saving works again (the draft was not in the backup).
    expect((await failure(t.client.encounter.get({ id: draft.id }))).code).toBe('not-found');
    const after = await t.client.encounter.save(sampleDraft({ notes: 'after the restore' }));
    expect((await t.client.encounter.get({ id: after.id })).notes).toBe('after the restore');
  });

  it('a restore whose audit-log check fails says so in words, restores nothing and leaves nothing behind', async () => {
    const before = await t.client.encounter.save(sampleDraft());
    const backup = join(out.path, 'backup.sqlite');
    await t.client.backup.create({ path: backup });
    const { readdirSync } = await import('node:fs');
    const files = readdirSync(t.dataDir).sort();
    // The same data folder opened again with a transfer worker whose check fails as a dead worker's does.
    t.close();
    const failing = openTestServices({
      dataDir: t.dataDir,
      transfers: { ...startTransferInThread(), checkBackupAudit: () => Promise.reject(new ApiError('internal', 'The transfer stopped unexpectedly; please try again.')) },
    });
    try {
      const refused = await failure(failing.client.backup.restore({ path: backup }));
      expect(refused).toMatchObject({ code: 'io', message: expect.stringMatching(/audit log could not be checked, so it was not restored\. Your current encounters were not changed/) });
      expect((await failing.client.encounter.get({ id: before.id })).revision).toBe(1);
      const saved = await failing.client.encounter.save(sampleDraft());
      expect((await failing.client.encounter.get({ id: saved.id })).revision).toBe(1);
      // SQLite's -wal and -shm files come and go with connections; the data folder's own files must not.
      const lasting = (f: string): boolean => !f.endsWith('-wal') && !f.endsWith('-shm');
      expect(readdirSync(t.dataDir).filter(lasting).sort()).toEqual(files.filter(lasting));
    } finally {
      failing.close();
    }
  });

  it('a refused restore lets saves through again', async () => {
    const bad = join(out.path, 'not-a-backup.sqlite');
    await import('node:fs').then((fs) => fs.writeFileSync(bad, 'not a database '.repeat(100)));
    expect((await failure(t.client.backup.restore({ path: bad }))).code).toBe('invalid');
    const saved = await t.client.encounter.save(sampleDraft());
    expect((await t.client.encounter.get({ id: saved.id })).revision).toBe(1);
  });
});
