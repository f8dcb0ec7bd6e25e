import { statSync } from 'node:fs';
import { JOURNAL_SIZE_LIMIT, onCommit, type Db } from './database.ts';

/**
 * Work that keeps the database in shape, done after a save has been acknowledged instead of
 * inside it.
 *
 * The checkpoint copies the pages the WAL holds into the database file and fsyncs it: a few
 * milliseconds for a few hundred pages. Left to SQLite (wal_autocheckpoint), it runs inside the
 * commit that crosses the threshold, so one save in thirty paid for it. Here it runs on the event
 * loop's next turn once CHECKPOINT_AFTER_COMMITS transactions have committed, or when the app has
 * been idle for IDLE_MS. A saved change is durable before any of this: it is in the fsynced WAL,
 * which SQLite replays after a crash; the checkpoint only moves it.
 *
 * The WAL cannot grow without bound: should the event loop never turn between commits (a long
 * synchronous loop, a bulk write), the checkpoint runs inline after the commit that brings the
 * count to INLINE_CHECKPOINT_AFTER_COMMITS or the WAL file past JOURNAL_SIZE_LIMIT, as SQLite
 * itself would have. Closing the database checkpoints everything and removes the WAL (SQLite does
 * this when its last connection closes).
 */

/** About 4 MB of WAL at the 20-40 pages a save writes. */
export const CHECKPOINT_AFTER_COMMITS = 32;
export const INLINE_CHECKPOINT_AFTER_COMMITS = 1000;
export const IDLE_MS = 2000;

export interface MaintenanceRun {
  /** Frames in the WAL before the checkpoint, and how many of them are now in the database file. */
  readonly walFrames: number;
  readonly checkpointed: number;
}

export interface Maintenance {
  /** Runs everything now (the scheduled runs call this); never throws. */
  run(): MaintenanceRun | null;
  /** Transactions committed since the last run. */
  readonly pending: number;
  stop(): void;
}

export interface MaintenanceOptions {
  readonly checkpointAfterCommits?: number;
  readonly inlineCheckpointAfterCommits?: number;
  readonly idleMs?: number;
  readonly inlineCheckpointAboveWalBytes?: number;
  readonly log?: (message: string, error: unknown) => void;
}

export function startMaintenance(db: Db, options: MaintenanceOptions = {}): Maintenance {
  const checkpointAfter = options.checkpointAfterCommits ?? CHECKPOINT_AFTER_COMMITS;
  const inlineAfter = options.inlineCheckpointAfterCommits ?? INLINE_CHECKPOINT_AFTER_COMMITS;
  const idleMs = options.idleMs ?? IDLE_MS;
  const walLimit = options.inlineCheckpointAboveWalBytes ?? JOURNAL_SIZE_LIMIT;
  const file = db.location();
  const walBytes = (): number => (file === null ? 0 : (statSync(`${file}-wal`, { throwIfNoEntry: false })?.size ?? 0));
  const log = options.log ?? ((message, error) => console.error(`[leg-pain-ddx] ${message}`, error));
  let pending = 0;
  let soon: NodeJS.Immediate | null = null;
  let idle: NodeJS.Timeout | null = null;
  let stopped = false;

  const cancel = (): void => {
    if (soon !== null) clearImmediate(soon);
    if (idle !== null) clearTimeout(idle);
    soon = null;
    idle = null;
  };

  const run = (): MaintenanceRun | null => {
    cancel();
    if (stopped) return null;
    pending = 0;
    try {
      mergeSearchIndex(db);
      return checkpoint(db);
    } catch (error) {
      // The data is safe in the WAL; the next run tries again.
      log('database maintenance failed', error);
      return null;
    }
  };

  onCommit(db, () => {
    pending++;
    if (pending >= inlineAfter || walBytes() > walLimit) {
      run();
      return;
    }
    if (pending >= checkpointAfter && soon === null) soon = setImmediate(run);
    if (idle !== null) clearTimeout(idle);
    idle = setTimeout(run, idleMs);
    idle.unref();
  });

  return {
    run,
    get pending() {
      return pending;
    },
    stop() {
      stopped = true;
      cancel();
      onCommit(db, null);
    },
  };
}

/**
 * A PASSIVE checkpoint (it never waits for a reader). When it moved the whole WAL, one small
 * write starts the WAL over from its beginning: the first commit into a restarted WAL writes
 * and fsyncs a new WAL header before its own frames, and that extra fsync belongs here, not in
 * the next save.
 */
function checkpoint(db: Db): MaintenanceRun {
  const row = db.prepare('PRAGMA wal_checkpoint(PASSIVE)').get() as { busy: number; log: number; checkpointed: number };
  const run = { walFrames: row.log, checkpointed: row.checkpointed };
  if (row.busy === 0 && row.log > 0 && row.checkpointed === row.log) {
    db.exec('BEGIN IMMEDIATE');
    try {
      db.exec("INSERT INTO meta (key, value) VALUES ('wal_restarts', '1') ON CONFLICT (key) DO UPDATE SET value = CAST(value AS INTEGER) + 1");
      db.exec('COMMIT');
    } catch (error) {
      if (db.isTransaction) db.exec('ROLLBACK');
      throw error;
    }
  }
  return run;
}

/** Pages of search-index merging per run: the incoming segments of ~32 saves, a few times over. */
export const SEARCH_MERGE_PAGES = 500;

/**
 * FTS5 writes one small segment per transaction and, left to itself (automerge), merges them
 * inside whichever commit crosses its threshold. Migration 5 turned that off; the merging is done
 * here instead, at most SEARCH_MERGE_PAGES pages at a time (an unfinished merge goes on at the
 * next run), and only where a level has gathered enough segments to be worth it ('usermerge').
 */
function mergeSearchIndex(db: Db): void {
  db.exec(`INSERT INTO encounter_search (encounter_search, rank) VALUES ('merge', ${SEARCH_MERGE_PAGES})`);
}
