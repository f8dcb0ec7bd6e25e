import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openServices } from '../../../electron/main/services.ts';
import { openConnection } from '../../../electron/main/store/database.ts';
import { DATABASE_FILE } from '../../../electron/main/store/open.ts';
import { openTestServices, sampleDraft, tempDir } from '../helpers.ts';

/** A database that fails its check at start-up is moved aside, never deleted, and the user is told. */

const sha = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

describe('start-up check', () => {
  let dir: ReturnType<typeof tempDir>;
  beforeEach(() => (dir = tempDir('legpain-startup-')));
  afterEach(() => dir.remove());

  async function databaseWithEncounters(count: number): Promise<string> {
    const t = openTestServices({ dataDir: dir.path });
    for (let i = 0; i < count; i++) await t.client.encounter.save(sampleDraft({ notes: `visit ${i} `.repeat(200) }));
    t.close();
    return join(dir.path, DATABASE_FILE);
  }

  function expectMovedAside(original: Buffer, notice: string | null): void {
    expect(notice).toMatch(/could not be used because/);
    expect(notice).toMatch(/Nothing was deleted/);
    expect(notice).toMatch(/restore your most recent backup/);
    const aside = readdirSync(dir.path).filter((f) => f.includes('.damaged-'));
    expect(aside).toHaveLength(1);
    expect(notice).toContain(join(dir.path, aside[0]!));
    expect(sha(readFileSync(join(dir.path, aside[0]!)))).toBe(sha(original));
  }

  it('moves aside a database whose pages are damaged, keeps its bytes, and starts an empty one', async () => {
    const path = await databaseWithEncounters(40);
    const probe = openConnection(path);
    const { rootpage } = probe.prepare("SELECT rootpage FROM sqlite_schema WHERE name = 'revisions'").get() as { rootpage: number };
    const { page_size: pageSize } = probe.prepare('PRAGMA page_size').get() as { page_size: number };
    probe.close();
    const bytes = readFileSync(path);
    // Scribble over the revisions table's root page, past its type byte, as a failing disk might.
    const start = (rootpage - 1) * pageSize;
    bytes.fill(0xa5, start + 8, start + pageSize);
    writeFileSync(path, bytes);

    const t = openTestServices({ dataDir: dir.path });
    try {
      // The file changed after its clean close: the full check ran, and found the damage.
      expect(t.store.startupCheck).toBe('full');
      expectMovedAside(bytes, t.startupNotice);
      const status = await t.client.app.status({});
      expect(status.notice).toBe(t.startupNotice);
      expect((await t.client.encounter.list({})).total).toBe(0);
      // The new database works.
      await t.client.encounter.save(sampleDraft());
      expect((await t.client.encounter.list({})).total).toBe(1);
    } finally {
      t.close();
    }
  });

  it('moves aside a file that is not a database at all', () => {
    const path = join(dir.path, DATABASE_FILE);
    const garbage = Buffer.from('PK\u0003\u0004 this is a zip file, not SQLite '.repeat(100));
    writeFileSync(path, garbage);
    const t = openServices({ dataDir: dir.path });
    try {
      expectMovedAside(garbage, t.startupNotice);
    } finally {
      t.close();
    }
  });

  it('keeps the journal with a damaged database it moves aside', async () => {
    const path = await databaseWithEncounters(3);
    const db = openConnection(path);
    db.exec('PRAGMA journal_mode = WAL; PRAGMA wal_autocheckpoint = 0; CREATE TABLE extra (x); INSERT INTO extra VALUES (1);');
    // Keep the WAL by copying it before this connection's close checkpoints it.
    const wal = readFileSync(`${path}-wal`);
    db.close();
    const bytes = Buffer.from('garbage '.repeat(1000));
    writeFileSync(path, bytes);
    writeFileSync(`${path}-wal`, wal);
    const t = openServices({ dataDir: dir.path });
    try {
      const aside = readdirSync(dir.path).find((f) => f.endsWith('.sqlite') && f.includes('.damaged-'))!;
      expect(existsSync(join(dir.path, `${aside}-wal`))).toBe(true);
      expect(t.startupNotice).not.toBeNull();
    } finally {
      t.close();
    }
  });

  it('says nothing when the database is sound', async () => {
    await databaseWithEncounters(2);
    const t = openTestServices({ dataDir: dir.path });
    try {
      expect(t.startupNotice).toBeNull();
      expect((await t.client.app.status({})).notice).toBeNull();
      expect((await t.client.encounter.list({})).total).toBe(2);
    } finally {
      t.close();
    }
  });

  it('does the full check only when the file may have changed since a clean close, or weekly', async () => {
    const path = await databaseWithEncounters(2);
    const at = (iso: string) => () => new Date(iso);
    const open = (iso: string) => openServices({ dataDir: dir.path, now: at(iso) });

    // Cleanly closed and untouched: the light check.
    let s = open('2026-11-25T10:00:00Z');
    expect(s.store.startupCheck).toBe('light');
    s.close();
    // A crash leaves no clean-close record: the full check.
    s = open('2026-11-25T11:00:00Z');
    s.store.db.exec('PRAGMA wal_autocheckpoint = 0');
    await s.services['encounter.save'](
      (await import('../../../shared/api/encounter.ts')).EncounterDraft.parse(sampleDraft()),
    );
    const crashed = openServices({ dataDir: dir.path, now: at('2026-11-25T11:30:00Z') });
    expect(crashed.store.startupCheck).toBe('full');
    crashed.close();
    s.close();
    // Another program wrote to the file: the full check.
    s = open('2026-11-25T12:00:00Z');
    expect(s.store.startupCheck).toBe('light');
    s.close();
    const bytes = readFileSync(path);
    writeFileSync(path, bytes);
    s = open('2026-11-25T12:30:00Z');
    expect(s.store.startupCheck).toBe('full');
    expect(s.startupNotice).toBeNull();
    s.close();
    // A week after the last full check: the full check again.
    s = open('2026-12-02T12:00:00Z');
    expect(s.store.startupCheck).toBe('light');
    s.close();
    s = open('2026-12-02T13:00:00Z');
    expect(s.store.startupCheck).toBe('full');
    s.close();
  });
});
