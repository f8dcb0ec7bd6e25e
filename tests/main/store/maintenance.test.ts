import { createHash } from 'node:crypto';
import { copyFileSync, existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { EncounterDraft } from '../../../shared/api/encounter.ts';
import { inTransaction, openConnection, pragmaValue } from '../../../electron/main/store/database.ts';
import { CHECKPOINT_AFTER_COMMITS, startMaintenance } from '../../../electron/main/store/maintenance.ts';
import { DATABASE_FILE, openLive } from '../../../electron/main/store/open.ts';
import { checkpointOffThread } from '../../../electron/main/store/wal-checkpoint.ts';
import { checkSearchIndex, openTestServices, sampleDraft, tempDir, type TestServices } from '../helpers.ts';

/**
 * Checkpoints happen after saves, not inside them, and the WAL stays bounded: saved data reaches
 * the database file on the event loop's next turn after every CHECKPOINT_AFTER_COMMITS saves,
 * when the app is idle, inline as a last resort, and at close.
 */

const digest = (path: string): string => createHash('sha256').update(readFileSync(path)).digest('hex');
const nextTurn = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));
const walSize = (db: string): number => (existsSync(`${db}-wal`) ? statSync(`${db}-wal`).size : 0);

describe('deferred checkpoints (full services)', () => {
  let t: TestServices;
  let dbFile: string;
  beforeEach(() => {
    t = openTestServices();
    dbFile = join(t.dataDir, DATABASE_FILE);
  });
  afterEach(() => t.dispose());

  it('leaves the database file alone during saves and checkpoints on the next turn of the event loop', async () => {
    expect(Number(pragmaValue(t.store.db, 'wal_autocheckpoint'))).toBe(0);
    t.store.maintain();
    const restarts = () => Number((t.store.db.prepare("SELECT value FROM meta WHERE key = 'wal_restarts'").get() as { value: string }).value);
    const restartsBefore = restarts();
    const before = digest(dbFile);
    // Saves one after another without the event loop turning: each lands in the WAL only.
    for (let i = 0; i < CHECKPOINT_AFTER_COMMITS; i++) t.services['encounter.save'](EncounterDraft.parse(sampleDraft({ notes: `visit ${i}` })));
    expect(digest(dbFile)).toBe(before);

    await nextTurn();
    expect(digest(dbFile)).not.toBe(before);
    // The whole WAL was moved, so the maintenance also restarted it (not the next save).
    expect(restarts()).toBe(restartsBefore + 1);
    expect((await t.client.encounter.list({ limit: 100, offset: 0 })).total).toBe(CHECKPOINT_AFTER_COMMITS);
  });

  it('keeps the WAL bounded over many saves', async () => {
    const sizes: number[] = [];
    for (let i = 0; i < 8 * CHECKPOINT_AFTER_COMMITS; i++) {
      await t.client.encounter.save(sampleDraft({ notes: `visit ${i} `.repeat(20) }));
      await nextTurn();
      sizes.push(walSize(dbFile));
    }
    const firstRounds = Math.max(...sizes.slice(0, 2 * CHECKPOINT_AFTER_COMMITS));
    const lastRounds = Math.max(...sizes.slice(6 * CHECKPOINT_AFTER_COMMITS));
    // The WAL is reused from its start after each checkpoint: it holds about one round of saves
    // (a round's size varies with the search index's merges), never all eight.
    expect(firstRounds).toBeGreaterThan(0);
    expect(lastRounds).toBeLessThan(2 * firstRounds);
    expect(walSize(dbFile)).toBeLessThan(4 * firstRounds);
  });

  it('empties and removes the WAL at close, with a save pending a checkpoint', async () => {
    await t.client.encounter.save(sampleDraft());
    expect(walSize(dbFile)).toBeGreaterThan(0);
    t.close();
    expect(existsSync(`${dbFile}-wal`)).toBe(false);
    // The deferred run, had it been scheduled, must not touch the closed database.
    await nextTurn();
    const again = openTestServices({ dataDir: t.dataDir });
    try {
      expect(again.store.startupCheck).toBe('light');
      expect((await again.client.encounter.list({ limit: 10, offset: 0 })).total).toBe(1);
    } finally {
      again.close();
    }
  });
});

describe('checkpoint on a worker thread (a restore runs one before its swap)', () => {
  let t: TestServices;
  let copies: ReturnType<typeof tempDir>;
  beforeEach(() => {
    t = openTestServices();
    copies = tempDir('legpain-checkpoint-copy-');
  });
  afterEach(() => {
    t.dispose();
    copies.remove();
  });

  it('moves saves still in the WAL into the database file, while the live connection stays open', async () => {
    const dbFile = join(t.dataDir, DATABASE_FILE);
    t.store.maintain();
    for (let i = 0; i < 3; i++) await t.client.encounter.save(sampleDraft({ notes: `visit ${i}` }));
    const before = digest(dbFile);
    const run = await checkpointOffThread(dbFile);
    expect(run.busy).toBe(0);
    expect(run.walFrames).toBeGreaterThan(0);
    expect(run.checkpointed).toBe(run.walFrames);
    expect(digest(dbFile)).not.toBe(before);
    // The database file alone, without its WAL, now holds the three saves.
    const fileOnly = join(copies.path, 'file-only.sqlite');
    copyFileSync(dbFile, fileOnly);
    const copy = openConnection(fileOnly, { readOnly: true });
    try {
      expect(copy.prepare('SELECT count(*) AS n FROM encounters').get()).toEqual({ n: 3 });
    } finally {
      copy.close();
    }
    expect((await t.client.encounter.list({ limit: 10, offset: 0 })).total).toBe(3);
  });
});

describe('search index merges (full services)', () => {
  let t: TestServices;
  beforeEach(() => (t = openTestServices()));
  afterEach(() => t.dispose());

  /** Segments of the FTS5 index: its %_data rows are keyed by segment id << 37 (structure rows are below). */
  const segments = (): number =>
    (t.store.db.prepare('SELECT count(DISTINCT rowid >> 37) AS n FROM encounter_search_data WHERE rowid >= (1 << 37)').get() as { n: number }).n;

  it('adds one small segment per save and merges them after the saves, not inside them', async () => {
    const config = Object.fromEntries(
      (t.store.db.prepare('SELECT k, v FROM encounter_search_config').all() as { k: string; v: unknown }[]).map((r) => [r.k, r.v]),
    );
    expect(config).toMatchObject({ automerge: 0, crisismerge: 64 });
    t.store.maintain();
    const start = segments();
    for (let i = 0; i < 40; i++) t.services['encounter.save'](EncounterDraft.parse(sampleDraft({ notes: `walking ${i} calf` })));
    expect(segments()).toBe(start + 40);
    await nextTurn();
    expect(segments()).toBeLessThan(10);
    const hits = await t.client.encounter.search({ query: 'walking calf', limit: 50 });
    expect(hits).toHaveLength(40);
    checkSearchIndex(t.store.db);
  });

  it('keeps the number of segments bounded over many saves and revisions', async () => {
    let draft = await t.client.encounter.save(sampleDraft({ notes: 'first' }));
    const counts: number[] = [];
    for (let i = 0; i < 300; i++) {
      draft = i % 3 === 0 ? await t.client.encounter.save(sampleDraft({ notes: `new ${i}` })) : await t.client.encounter.save({ ...sampleDraft({ notes: `revised ${i}` }), id: draft.id, baseRevision: draft.revision });
      await nextTurn();
      counts.push(segments());
    }
    expect(Math.max(...counts)).toBeLessThan(CHECKPOINT_AFTER_COMMITS + 16);
    expect((await t.client.encounter.search({ query: 'revised 299' })).map((h) => h.id)).toEqual([draft.id]);
    checkSearchIndex(t.store.db);
  });
});

describe('maintenance scheduling', () => {
  let dir: ReturnType<typeof tempDir>;
  beforeEach(() => (dir = tempDir('legpain-maintenance-')));
  afterEach(() => dir.remove());

  const write = (db: ReturnType<typeof openLive>, i: number) =>
    inTransaction(db, () => db.prepare("INSERT INTO meta (key, value) VALUES (?, 'x')").run(`k${i}`));

  it('checkpoints inline once a loop has committed too often without the event loop turning', () => {
    const path = join(dir.path, DATABASE_FILE);
    const db = openLive(path);
    const m = startMaintenance(db, { checkpointAfterCommits: 4, inlineCheckpointAfterCommits: 10 });
    try {
      const before = digest(path);
      for (let i = 0; i < 9; i++) write(db, i);
      expect(m.pending).toBe(9);
      expect(digest(path)).toBe(before);
      write(db, 9);
      expect(m.pending).toBe(0);
      expect(digest(path)).not.toBe(before);
    } finally {
      m.stop();
      db.close();
    }
  });

  it('checkpoints inline once the WAL has grown past its bound without the event loop turning', () => {
    const path = join(dir.path, DATABASE_FILE);
    const db = openLive(path);
    db.exec('PRAGMA wal_checkpoint(TRUNCATE)');
    const m = startMaintenance(db, { inlineCheckpointAboveWalBytes: 256 * 1024 });
    try {
      const before = digest(path);
      const big = (i: number) => inTransaction(db, () => db.prepare('INSERT INTO meta (key, value) VALUES (?, ?)').run(`big${i}`, 'x'.repeat(100_000)));
      big(1);
      big(2);
      expect(m.pending).toBe(2);
      expect(digest(path)).toBe(before);
      big(3);
      expect(m.pending).toBe(0);
      expect(digest(path)).not.toBe(before);
    } finally {
      m.stop();
      db.close();
    }
  });

  it('checkpoints when idle', async () => {
    const path = join(dir.path, DATABASE_FILE);
    const db = openLive(path);
    const m = startMaintenance(db, { idleMs: 10 });
    try {
      const before = digest(path);
      write(db, 1);
      await nextTurn();
      expect(m.pending).toBe(1);
      // However busy the machine: wait for the idle timer to have run, not a fixed time.
      await vi.waitFor(() => expect(m.pending).toBe(0));
      expect(digest(path)).not.toBe(before);
    } finally {
      m.stop();
      db.close();
    }
  });

  it('reports a failed run without throwing, and the data stays in the WAL', () => {
    const path = join(dir.path, DATABASE_FILE);
    const db = openLive(path);
    const errors: unknown[] = [];
    const m = startMaintenance(db, { log: (_message, error) => errors.push(error) });
    write(db, 1);
    db.exec('BEGIN IMMEDIATE');
    // A checkpoint cannot run inside an open write transaction.
    db.exec("INSERT INTO meta (key, value) VALUES ('open', 'x')");
    expect(m.run()).toBeNull();
    expect(errors).toHaveLength(1);
    db.exec('ROLLBACK');
    m.stop();
    db.close();
    const reopened = openLive(path);
    try {
      expect(reopened.prepare("SELECT value FROM meta WHERE key = 'k1'").get()).toEqual({ value: 'x' });
    } finally {
      reopened.close();
    }
  });
});
