import { closeSync, existsSync, openSync, statSync } from 'node:fs';
import { loadOrCreateAuditKey, useAuditKey, type AuditKey } from './audit-seal.ts';
import { needsFullCheck, takeCleanCloseRecord } from './check-state.ts';
import { join } from 'node:path';
import { APPLICATION_ID, applyConnectionSettings, checkIntegrity, openConnection, pragmaValue, type Db } from './database.ts';
import { moveDatabaseAside } from './files.ts';
import { migrate, NewerDatabaseError, SCHEMA_VERSION, schemaVersionOf } from './migrations/index.ts';
import { removeStaleTemporaries } from './temp-files.ts';
import { ensurePrivateDir, makePrivate, PRIVATE_FILE_MODE } from './private-files.ts';

/** Start-up: find the database, check it, set aside a damaged one, bring the schema up to date. */

export const DATABASE_FILE = 'encounters.sqlite';

/** SQLITE_CORRUPT and SQLITE_NOTADB: the file's content is bad (not a locked or unreadable file). */
function isDamage(error: unknown): boolean {
  const code = (error as { errcode?: unknown } | null)?.errcode;
  return typeof code === 'number' && [11, 26].includes(code & 0xff);
}

/** Thrown when the database exists but the app may not read or write it (permissions, a lock): nothing is moved. */
export class DatabaseAccessError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'DatabaseAccessError';
  }
}

const cannotOpen = (path: string, error: unknown): DatabaseAccessError =>
  new DatabaseAccessError(
    `The encounter database at ${path} could not be opened (${(error as { errstr?: string }).errstr ?? String(error)}). ` +
      'Check that this folder can be read and written, and that Leg Pain DDx is not already running; the file has not been changed.',
  );

/**
 * Why a database file cannot be used, in words for the user, or null when it is sound.
 * Throws NewerDatabaseError (without writing anything) for a file from a newer version.
 */
export function inspectDatabase(path: string, depth: 'full' | 'light' = 'full'): string | null {
  let db: Db;
  try {
    db = openConnection(path);
  } catch (error) {
    if (isDamage(error)) return 'it is damaged and could not be read';
    throw cannotOpen(path, error);
  }
  try {
    const version = schemaVersionOf(db);
    if (version > SCHEMA_VERSION) throw new NewerDatabaseError(version);
    const appId = Number(pragmaValue(db, 'application_id'));
    if (appId !== 0 && appId !== APPLICATION_ID) return 'it is not a Leg Pain DDx database';
    if (depth === 'light') return lightCheck(db, path);
    const result = checkIntegrity(db, 'quick_check');
    if (result.length !== 1 || result[0] !== 'ok') return 'it failed its integrity check';
    return null;
  } catch (error) {
    if (isDamage(error)) return 'it is damaged and could not be read';
    if (error instanceof NewerDatabaseError) throw error;
    throw cannotOpen(path, error);
  } finally {
    db.close();
  }
}

/**
 * For a file exactly as a clean close left it: the header and schema read, and the file is as long
 * as the database says (a cut-off copy is not).
 */
function lightCheck(db: Db, path: string): string | null {
  db.prepare('SELECT count(*) FROM sqlite_schema').get();
  const pages = Number(pragmaValue(db, 'page_count')) * Number(pragmaValue(db, 'page_size'));
  if (pages !== statSync(path).size) return 'it is incomplete';
  return null;
}

/**
 * Opens a checked database file for use: durable settings, the audit key appendAudit seals with,
 * then any pending migrations. A new file is created owner-only first: SQLite gives the WAL and
 * shared-memory files it makes the database file's own permissions.
 */
export function openLive(path: string, auditKey?: AuditKey): Db {
  if (!existsSync(path)) closeSync(openSync(path, 'a', PRIVATE_FILE_MODE));
  makePrivate(path, `${path}-wal`, `${path}-shm`);
  const db = openConnection(path);
  try {
    applyConnectionSettings(db);
    if (auditKey !== undefined) useAuditKey(db, auditKey);
    migrate(db);
    return db;
  } catch (error) {
    db.close();
    throw error;
  }
}

export const damagedNotice = (problem: string, keptAt: string): string =>
  `The encounter database could not be used because ${problem}. ` +
  `Nothing was deleted: the file was moved to ${keptAt} and a new, empty database was started. ` +
  'To get your encounters back, restore your most recent backup; keep the moved file for your IT support, who may be able to recover more from it.';

export interface Opened {
  readonly db: Db;
  readonly path: string;
  /** Set when a damaged database was moved aside: the user must be told. */
  readonly notice: string | null;
  /** Which start-up check ran (see check-state.ts); 'none' for a new database. */
  readonly check: 'full' | 'light' | 'none';
  /** When the database last passed a full integrity check. */
  readonly fullCheckAt: string;
  /** The key the audit log is sealed with, kept in the data folder beside the database. */
  readonly auditKey: AuditKey;
}

export function openDatabaseIn(dataDir: string, now: () => Date): Opened {
  ensurePrivateDir(dataDir);
  // Copies a killed backup or restore left behind (the staged restore copy is in this folder).
  removeStaleTemporaries(dataDir);
  const auditKey = loadOrCreateAuditKey(dataDir);
  const path = join(dataDir, DATABASE_FILE);
  let notice: string | null = null;
  const record = takeCleanCloseRecord(path);
  const at = now();
  let check: Opened['check'] = 'none';
  let fullCheckAt = at.toISOString();
  if (existsSync(path)) {
    check = needsFullCheck(path, record, at) ? 'full' : 'light';
    if (check === 'light') fullCheckAt = record!.fullCheckAt;
    const problem = inspectDatabase(path, check);
    if (problem !== null) {
      notice = damagedNotice(problem, moveDatabaseAside(path, 'damaged', at));
      fullCheckAt = at.toISOString();
    }
  } else if (existsSync(`${path}-wal`)) {
    // A journal without its database must not be replayed into a new one.
    moveDatabaseAside(path, 'orphaned-journal', at);
  }
  return { db: openLive(path, auditKey), path, notice, check, fullCheckAt, auditKey };
}
