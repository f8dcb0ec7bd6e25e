import { DatabaseSync, type StatementSync } from 'node:sqlite';
import { ApiError } from '../../../shared/api/errors.ts';

/** Opening the database with the settings every connection needs, and the one way to change it. */

export type Db = DatabaseSync;

/**
 * Applied on every connection: durability first (a saved encounter survives a power cut).
 * Checkpoints are not left to SQLite, which runs them inside whichever commit crosses its
 * threshold; the store runs them after the save is acknowledged (maintenance.ts). The WAL file
 * is cut back to JOURNAL_SIZE_LIMIT when it restarts, should a large import have grown it.
 */
export function applyConnectionSettings(db: Db): void {
  db.exec('PRAGMA journal_mode = WAL');
  db.exec('PRAGMA synchronous = FULL');
  db.exec('PRAGMA foreign_keys = ON');
  db.exec('PRAGMA busy_timeout = 5000');
  db.exec('PRAGMA wal_autocheckpoint = 0');
  db.exec(`PRAGMA journal_size_limit = ${JOURNAL_SIZE_LIMIT}`);
}

export const JOURNAL_SIZE_LIMIT = 64 * 1024 * 1024;

export function openConnection(path: string, options: { readOnly?: boolean } = {}): Db {
  return new DatabaseSync(path, { readOnly: options.readOnly ?? false, enableForeignKeyConstraints: true });
}

/**
 * Runs fn in one write transaction: all of it is stored, or none of it. BEGIN IMMEDIATE takes the
 * write lock up front so a concurrent writer waits instead of failing half-way.
 */
export function inTransaction<T>(db: Db, fn: () => T): T {
  const refused = writesRefused.get(db);
  if (refused !== undefined) throw new ApiError('busy', refused);
  db.exec('BEGIN IMMEDIATE');
  let result: T;
  try {
    result = fn();
    db.exec('COMMIT');
  } catch (error) {
    if (db.isTransaction) db.exec('ROLLBACK');
    throw error;
  }
  commitListeners.get(db)?.();
  return result;
}

const commitListeners = new WeakMap<Db, () => void>();
const writesRefused = new WeakMap<Db, string>();

/**
 * While a restore copies, checks and swaps in a backup, the live database is about to be set
 * aside: a change written to it then would be acknowledged and then vanish from the app. Every
 * write through inTransaction is refused meanwhile with `busy` and `message` (null lets writes
 * through again). Reads go on as usual.
 */
export function refuseWrites(db: Db, message: string | null): void {
  if (message === null) writesRefused.delete(db);
  else writesRefused.set(db, message);
}

/** Called after each transaction inTransaction commits on `db` (the store's maintenance counts them). */
export function onCommit(db: Db, listener: (() => void) | null): void {
  if (listener === null) commitListeners.delete(db);
  else commitListeners.set(db, listener);
}

export const pragmaValue = (db: Db, pragma: string): unknown => {
  const row = db.prepare(`PRAGMA ${pragma}`).get() as Record<string, unknown> | undefined;
  return row === undefined ? undefined : Object.values(row)[0];
};

/** The rows of PRAGMA integrity_check / quick_check: ['ok'] when the file is sound. */
export function checkIntegrity(db: Db, kind: 'integrity_check' | 'quick_check'): string[] {
  return db
    .prepare(`PRAGMA ${kind}`)
    .all()
    .map((row) => String(Object.values(row)[0]));
}

/** 'LPDX' in ASCII: written by the first migration, checked before a file is restored. */
export const APPLICATION_ID = 0x4c504458;

const statementCache = new WeakMap<Db, Map<string, StatementSync>>();

/** A prepared statement, prepared once per connection (saves re-parsing SQL on every call). */
export function stmt(db: Db, sql: string): StatementSync {
  let cache = statementCache.get(db);
  if (cache === undefined) {
    cache = new Map();
    statementCache.set(db, cache);
  }
  let statement = cache.get(sql);
  if (statement === undefined) {
    statement = db.prepare(sql);
    cache.set(sql, statement);
  }
  return statement;
}
