import { renameSync, rmSync } from 'node:fs';
import { dirname } from 'node:path';
import type { Db } from './database.ts';
import { stageRestore, writeBackup } from './backup.ts';
import { writeCleanCloseRecord } from './check-state.ts';
import { fsyncDir, moveDatabaseAside, sha256File } from './files.ts';
import { openDatabaseIn, openLive } from './open.ts';

/**
 * The encounter database of one data folder. `db` is the live connection; a restore swaps it, so
 * callers read `store.db` at each call rather than keeping it.
 */
export interface Store {
  readonly dataDir: string;
  readonly path: string;
  readonly db: Db;
  /** Set at start-up when a damaged database was moved aside. */
  readonly startupNotice: string | null;
  /** Which start-up check ran: the full integrity check, or the light one for a cleanly closed file. */
  readonly startupCheck: 'full' | 'light' | 'none';
  backup(target: string): { path: string; bytes: number; sha256: string };
  /** Replaces the live database with a checked copy of a backup; the old one is kept aside. */
  restore(source: string): { previousKeptAt: string; sha256: string };
  close(): void;
}

export function createStore(dataDir: string, now: () => Date = () => new Date()): Store {
  const opened = openDatabaseIn(dataDir, now);
  const path = opened.path;
  let db: Db | null = opened.db;
  let fullCheckAt = opened.fullCheckAt;

  const live = (): Db => {
    if (db === null) throw new Error('The encounter database is closed.');
    return db;
  };

  return {
    dataDir,
    path,
    startupNotice: opened.notice,
    startupCheck: opened.check,
    get db() {
      return live();
    },
    backup: (target) => writeBackup(live(), target, path),
    restore(source) {
      const staged = stageRestore(source, path);
      const { sha256 } = sha256File(staged);
      live().close();
      db = null;
      const previousKeptAt = moveDatabaseAside(path, 'before-restore', now());
      try {
        renameSync(staged, path);
        fsyncDir(dirname(path));
        db = openLive(path);
        // The copy passed integrity_check before it was put in place.
        fullCheckAt = now().toISOString();
      } catch (error) {
        // Put the database that was in use back, so a failed restore changes nothing.
        for (const suffix of ['', '-wal', '-shm']) rmSync(path + suffix, { force: true });
        rmSync(staged, { force: true });
        renameSync(previousKeptAt, path);
        fsyncDir(dirname(path));
        db = openLive(path);
        throw error;
      }
      return { previousKeptAt, sha256 };
    },
    close() {
      if (db !== null) {
        // A clean close checkpoints the WAL into the main file; the record lets the next start skip the full check.
        db.close();
        db = null;
        writeCleanCloseRecord(path, fullCheckAt);
      }
    },
  };
}
