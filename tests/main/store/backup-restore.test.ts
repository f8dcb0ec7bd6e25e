import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openConnection } from '../../../electron/main/store/database.ts';
import { SCHEMA_VERSION } from '../../../electron/main/store/migrations/index.ts';
import { failure, openTestServices, sampleDraft, snapshot, tempDir, type TestServices } from '../helpers.ts';

/** Backups (a checked, atomic copy of the live database) and restore (checked first; nothing deleted). */

describe('backup and restore', () => {
  let t: TestServices;
  let out: ReturnType<typeof tempDir>;
  beforeEach(async () => {
    t = openTestServices();
    out = tempDir('legpain-backups-');
    await t.client.profile.save({ name: 'Dr Lee' });
  });
  afterEach(() => {
    t.dispose();
    out.remove();
  });

  it('round trip: a restore brings back exactly what the backup held, and keeps the replaced database aside', async () => {
    const a = await t.client.encounter.save(sampleDraft());
    await t.client.encounter.sign({ id: a.id, baseRevision: 1 });
    await t.client.encounter.addAddendum({ id: a.id, text: 'Seen again.' });
    const target = join(out.path, 'monday.legpain-backup');
    const backup = await t.client.backup.create({ path: target });
    expect(backup.path).toBe(target);
    expect(backup.bytes).toBe(readFileSync(target).length);
    expect(backup.sha256).toBe(createHash('sha256').update(readFileSync(target)).digest('hex'));
    expect(readdirSync(out.path)).toEqual(['monday.legpain-backup']); // no temporary file left
    const atBackup = await t.client.encounter.get({ id: a.id });

    const b = await t.client.encounter.save(sampleDraft({ patient: { name: 'Later Patient' } }));
    const result = await t.client.backup.restore({ path: target });
    expect(result).toMatchObject({ restoredFrom: target, encounters: 1 });

    expect(await t.client.encounter.get({ id: a.id })).toEqual(atBackup);
    expect((await failure(t.client.encounter.get({ id: b.id }))).code).toBe('not-found');
    expect((await t.client.encounter.search({ query: 'Ada' })).length).toBe(1);
    // The audit log carries on from the backup's chain and records the restore.
    const audit = await t.client.audit.list({});
    expect(audit[0]).toMatchObject({ action: 'restore', who: 'Dr Lee', detail: { from: target, sha256: backup.sha256 } });
    expect(await t.client.audit.verify({})).toMatchObject({ intact: true });

    // The database that was replaced is kept, with the later encounter in it.
    expect(existsSync(result.previousKeptAt)).toBe(true);
    const kept = openConnection(result.previousKeptAt, { readOnly: true });
    expect(kept.prepare('SELECT count(*) AS n FROM encounters').get()).toEqual({ n: 2 });
    kept.close();
    // And the restored database takes new work.
    await t.client.encounter.save(sampleDraft());
    expect((await t.client.encounter.list({})).total).toBe(2);
  });

  it('a backup is a consistent copy that passes integrity_check, taken while the database is in use', async () => {
    for (let i = 0; i < 20; i++) await t.client.encounter.save(sampleDraft({ notes: `note ${i}` }));
    const target = join(out.path, 'b.sqlite');
    await t.client.backup.create({ path: target });
    const copy = openConnection(target, { readOnly: true });
    expect(copy.prepare('PRAGMA integrity_check').all()).toEqual([{ integrity_check: 'ok' }]);
    expect(copy.prepare('SELECT count(*) AS n FROM encounters').get()).toEqual({ n: 20 });
    copy.close();
  });

  it('refuses to replace an existing file unless told to, then replaces it atomically', async () => {
    const target = join(out.path, 'b.sqlite');
    writeFileSync(target, 'old content');
    await t.client.encounter.save(sampleDraft());
    const refused = await failure(t.client.backup.create({ path: target }));
    expect([refused.code, refused.path]).toEqual(['exists', 'path']);
    expect(refused.message).toMatch(/already exists .* confirm that it should be replaced/);
    expect(readFileSync(target, 'utf8')).toBe('old content');
    expect(readdirSync(out.path)).toEqual(['b.sqlite']);
    await t.client.backup.create({ path: target, overwrite: true });
    expect(readFileSync(target).subarray(0, 15).toString()).toBe('SQLite format 3');
  });

  it('refuses a target in a folder that does not exist, a relative path, or the live database itself', async () => {
    expect((await failure(t.client.backup.create({ path: join(out.path, 'missing', 'b.sqlite') }))).code).toBe('io');
    expect((await failure(t.client.backup.create({ path: 'relative.sqlite' }))).code).toBe('invalid');
    expect((await failure(t.client.backup.create({ path: t.store.path }))).code).toBe('invalid');
  });

  it('refuses to restore a file that is not a sound backup of ours, and changes nothing', async () => {
    await t.client.encounter.save(sampleDraft());
    const garbage = join(out.path, 'garbage.sqlite');
    writeFileSync(garbage, 'nope '.repeat(1000));
    const foreign = join(out.path, 'foreign.sqlite');
    const f = openConnection(foreign);
    f.exec('CREATE TABLE encounters (x); INSERT INTO encounters VALUES (1);');
    f.close();
    const newer = join(out.path, 'newer.sqlite');
    await t.client.backup.create({ path: newer });
    const n = openConnection(newer);
    n.exec(`PRAGMA user_version = ${SCHEMA_VERSION + 1}`);
    n.close();
    const damaged = join(out.path, 'damaged.sqlite');
    await t.client.backup.create({ path: damaged });
    const bytes = readFileSync(damaged);
    bytes.fill(0x5a, 4096 + 8, 8192);
    writeFileSync(damaged, bytes);

    const before = snapshot(t.store.db);
    const cases: [string, RegExp][] = [
      [garbage, /could not be|damaged/],
      [foreign, /not a Leg Pain DDx backup/],
      [newer, /newer version/],
      [damaged, /integrity check|damaged/],
    ];
    for (const [path, message] of cases) {
      const error = await failure(t.client.backup.restore({ path }));
      expect(error.code, path).toBe('invalid');
      expect(error.message).toMatch(message);
      expect(error.message).toMatch(/current encounters were not changed/);
    }
    expect((await failure(t.client.backup.restore({ path: join(out.path, 'absent.sqlite') }))).code).toBe('not-found');
    expect(snapshot(t.store.db)).toBe(before);
    // No temporary copies left in the data folder.
    expect(readdirSync(t.dataDir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });

  it('refuses a backup whose schema is not the one this version makes (a planted trigger, a missing table), changing nothing', async () => {
    await t.client.encounter.save(sampleDraft());
    const planted = join(out.path, 'planted.sqlite');
    await t.client.backup.create({ path: planted });
    const p = openConnection(planted);
    // Would rewrite every later save's notes once restored.
    p.exec("CREATE TRIGGER quietly_rewrite AFTER INSERT ON revisions BEGIN SELECT 1; END;");
    p.close();
    const missing = join(out.path, 'missing.sqlite');
    await t.client.backup.create({ path: missing });
    const m = openConnection(missing);
    m.exec('DROP TABLE settings');
    m.close();
    const view = join(out.path, 'view.sqlite');
    await t.client.backup.create({ path: view });
    const v = openConnection(view);
    v.exec('CREATE VIEW everything AS SELECT * FROM encounters');
    v.close();

    const before = snapshot(t.store.db);
    const cases: [string, RegExp][] = [
      [planted, /unexpected trigger "quietly_rewrite"/],
      [missing, /table "settings" is missing/],
      [view, /unexpected view "everything"/],
    ];
    for (const [path, message] of cases) {
      const error = await failure(t.client.backup.restore({ path }));
      expect(error.code, path).toBe('invalid');
      expect(error.message).toMatch(message);
      expect(error.message).toMatch(/current encounters were not changed/);
    }
    expect(snapshot(t.store.db)).toBe(before);
    expect(readdirSync(t.dataDir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });
});
