import { verifyAudit } from './audit-verify.ts';
import { openConnection, refuseWrites, type Db } from './database.ts';
import { writeBackup, type OnProgress } from './backup.ts';
import { writeCleanCloseRecord } from './check-state.ts';
import { startMaintenance, type Maintenance, type MaintenanceRun } from './maintenance.ts';
import { schemaVersionOf } from './migrations/index.ts';
import { openDatabaseIn, openLive } from './open.ts';
import type { AuditKey } from './audit-seal.ts';

/** The schema version from which entries fingerprint content and the chain is sealed (migration 6). */
const FINGERPRINTS_SINCE = 6;
import { restoreBackup } from './restore.ts';
import { trackTemporary } from './temp-files.ts';

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
   * installation's key, before it was put in place.
   */
  restore(source: string, onProgress?: OnProgress, passphrase?: string): Promise<{ previousKeptAt: string; sha256: string; auditCheck: RestoreAuditCheck }>;
  /** Runs the deferred maintenance (checkpoint) now; it otherwise runs after saves, see maintenance.ts. */
  maintain(): MaintenanceRun | null;
  close(): void;
}

/** The answer to a write while a restore runs (error code `busy`): retry after it. */
export const RESTORE_RUNNING =
  'A backup is being restored: nothing can be saved until it has finished, in a moment. Nothing was changed; try again then (the app keeps what you typed and tries again by itself).';

/** What the check of a backup's audit log found before it was restored. */
export interface RestoreAuditCheck {
  readonly intact: boolean;
  readonly summary: string;
  readonly problems: readonly string[];
}

/**
 * A backup made before the audit log vouched for content (schema version below 6) has neither
 * fingerprints nor a seal: only its hash chain is checked, and migration 6 fingerprints its
 * content as found once it is in place.
 */
function checkBackupAudit(copy: Db, key: AuditKey): RestoreAuditCheck {
  const full = verifyAudit(copy, { key, checkpoints: [] });
  if (schemaVersionOf(copy) >= FINGERPRINTS_SINCE) return full.intact ? { intact: true, summary: full.summary, problems: [] } : full;
  if (full.intact || full.firstBadEntry === null) {
    return {
      intact: true,
      summary: 'The backup was made by an older version, before the audit log vouched for content: its hash chain checks out, and its content was fingerprinted as found.',
      problems: [],
    };
  }
  const problems = full.problems.slice(0, 1);
  return { intact: false, summary: `The backup's audit log does not check out: ${problems[0]}`, problems };
}

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
    async restore(source, onProgress, passphrase) {
      const before = live();
      // From the first byte copied to the swap, the live database only has readers: a change
      // written to it now would be acknowledged, then set aside with it by the swap.
      refuseWrites(before, RESTORE_RUNNING);
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
      let auditCheck: RestoreAuditCheck | null = null;
      const checkAudit = (staged: string): void => {
        const copy = openConnection(staged, { readOnly: true });
        try {
          auditCheck = checkBackupAudit(copy, opened.auditKey);
        } finally {
          copy.close();
        }
      };
      try {
        result = await restoreBackup(source, swap, now, onProgress, checkAudit, passphrase);
      } finally {
        // A failed restore reopens the same file as a new connection, which takes writes; this
        // lifts the gate when the old connection stayed open (a refused file).
        refuseWrites(before, null);
      }
      // The copy passed integrity_check before it was put in place.
      fullCheckAt = now().toISOString();
      return { ...result, auditCheck: auditCheck! };
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
