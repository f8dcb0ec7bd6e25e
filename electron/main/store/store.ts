import { checkBackupAuditInThread, type BackupAuditChecker, type BackupAuditResult, type RestoreAuditCheck } from './backup-audit.ts';
import { refuseWrites, type Db } from './database.ts';
import { writeBackup, type OnProgress } from './backup.ts';
import { writeCleanCloseRecord } from './check-state.ts';
import { startMaintenance, type Maintenance, type MaintenanceRun } from './maintenance.ts';
import { openDatabaseIn, openLive } from './open.ts';
import type { AuditKey, ChainSeal } from './audit-seal.ts';
import { restoreBackup } from './restore.ts';
import { trackTemporary } from './temp-files.ts';
import { checkpointOffThread } from './wal-checkpoint.ts';

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
  /** The key the audit log is sealed with (audit-seal.ts). */
  readonly auditKey: AuditKey;
  /** A checked copy of the database at `target`, made while the app keeps working (backup.ts). */
  backup(
    target: string,
    onProgress?: OnProgress,
    options?: { passphrase?: string | undefined; overwrite?: boolean | undefined },
  ): Promise<{ path: string; bytes: number; sha256: string; encrypted: boolean }>;
  /**
   * Replaces the live database with a checked copy of a backup; the old one is kept aside
   * (restore.ts). `auditCheck` is what the check of the backup's audit log found, with this
   * installation's key, before it was put in place; `checkAudit` runs that check (the app's runs
   * it on a worker thread, see services.ts).
   */
  restore(
    source: string,
    onProgress?: OnProgress,
    passphrase?: string,
    checkAudit?: BackupAuditChecker,
  ): Promise<{ previousKeptAt: string; sha256: string; auditCheck: RestoreAuditCheck; chainSeal: ChainSeal }>;
  /** Runs the deferred maintenance (checkpoint) now; it otherwise runs after saves, see maintenance.ts. */
  maintain(): MaintenanceRun | null;
  close(): void;
}

/** The answer to a write while a restore runs (error code `busy`): retry after it. */
export const RESTORE_RUNNING =
  'A backup is being restored: nothing can be saved until it has finished, in a moment. Nothing was changed; try again then (the app keeps what you typed and tries again by itself).';

export function createStore(dataDir: string, now: () => Date = () => new Date()): Store {
  const opened = openDatabaseIn(dataDir, now);
  const path = opened.path;
  let db: Db | null = opened.db;
  let maintenance: Maintenance | null = startMaintenance(opened.db);
  let fullCheckAt = opened.fullCheckAt;

  const closeLive = (): void => {
    maintenance?.stop();
    maintenance = null;
    if (db === null) return;
    try {
      // Everything into the database file and the WAL emptied, even if another connection (a
      // backup being read) keeps SQLite from removing the WAL at close.
      db.exec('PRAGMA wal_checkpoint(TRUNCATE)');
    } catch {
      // close() checkpoints too; a WAL left behind is replayed at the next start.
    }
    db.close();
    db = null;
  };
  const openAgain = (): void => {
    db = openLive(path, opened.auditKey);
    maintenance = startMaintenance(db);
  };

  const live = (): Db => {
    if (db === null) throw new Error('The encounter database is closed.');
    return db;
  };

  return {
    dataDir,
    path,
    startupNotice: opened.notice,
    startupCheck: opened.check,
    auditKey: opened.auditKey,
    get db() {
      return live();
    },
    backup: (target, onProgress, options = {}) =>
      writeBackup(live(), target, path, { onProgress, ...options, track: (tmp) => trackTemporary(dataDir, tmp) }),
    async restore(source, onProgress, passphrase, checkAudit = checkBackupAuditInThread) {
      const before = live();
      // From the first byte copied to the swap, the live database only has readers: a change
      // written to it now would be acknowledged, then set aside with it by the swap.
      refuseWrites(before, RESTORE_RUNNING);
      // The WAL moved into the file off the main thread while the copy is checked, so the close
      // at the swap has little left to move (wal-checkpoint.ts). Should it fail, the close does it.
      const walMoved = checkpointOffThread(path).catch(() => null);
      // live() again at the swap: the store may have been closed while the copy was checked.
      const swap = {
        path,
        close: () => {
          live();
          closeLive();
        },
        reopen: openAgain,
      };
      let result: Awaited<ReturnType<typeof restoreBackup>>;
      let audit: BackupAuditResult | null = null;
      const beforeSwap = async (staged: string): Promise<void> => {
        audit = await checkAudit(staged, opened.auditKey);
        await walMoved;
      };
      try {
        result = await restoreBackup(source, swap, now, onProgress, beforeSwap, passphrase);
      } finally {
        // A refused file fails before beforeSwap: the checkpoint's thread must still end before the
        // answer, or it holds the live file open while the app closes or the folder is removed.
        await walMoved;
        // A failed restore reopens the same file as a new connection, which takes writes; this
        // lifts the gate when the old connection stayed open (a refused file).
        refuseWrites(before, null);
      }
      // The copy passed integrity_check before it was put in place.
      fullCheckAt = now().toISOString();
      const { check, seal } = audit!;
      return { ...result, auditCheck: check, chainSeal: seal };
    },
    maintain: () => {
      live();
      return maintenance!.run();
    },
    close() {
      if (db !== null) {
        // A clean close checkpoints the WAL into the main file; the record lets the next start skip the full check.
        closeLive();
        writeCleanCloseRecord(path, fullCheckAt);
      }
    },
  };
}
