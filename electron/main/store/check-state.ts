import { existsSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';

/**
 * When the start-up check may be the light one. A full integrity check reads the whole file (about
 * a second for 100,000 encounters), too slow for every start. It is needed when the file may have
 * changed outside a clean session: after a crash, after anything else wrote to the file, or when
 * the last full check is a week old (for slow decay of the disk). A clean close records the file's
 * size and modification time beside it; the next start does the light check only if the file is
 * exactly as it was left and no journal is pending.
 */

export const FULL_CHECK_INTERVAL_MS = 7 * 24 * 60 * 60 * 1000;

export interface CleanCloseRecord {
  readonly size: number;
  readonly mtimeMs: number;
  /** When the file last passed a full integrity check. */
  readonly fullCheckAt: string;
}

const recordPath = (dbPath: string): string => `${dbPath}.clean-close.json`;

/** Reads and removes the record: from here on, only another clean close can vouch for the file. */
export function takeCleanCloseRecord(dbPath: string): CleanCloseRecord | null {
  const path = recordPath(dbPath);
  if (!existsSync(path)) return null;
  try {
    const record = JSON.parse(readFileSync(path, 'utf8')) as CleanCloseRecord;
    return typeof record.size === 'number' && typeof record.mtimeMs === 'number' && typeof record.fullCheckAt === 'string' ? record : null;
  } catch {
    return null;
  } finally {
    rmSync(path, { force: true });
  }
}

/** Whether the file needs the full check, given the record of the last clean close. */
export function needsFullCheck(dbPath: string, record: CleanCloseRecord | null, now: Date): boolean {
  if (record === null || existsSync(`${dbPath}-wal`)) return true;
  const stat = statSync(dbPath);
  if (stat.size !== record.size || stat.mtimeMs !== record.mtimeMs) return true;
  const checkedAt = Date.parse(record.fullCheckAt);
  return Number.isNaN(checkedAt) || now.getTime() - checkedAt > FULL_CHECK_INTERVAL_MS || checkedAt > now.getTime();
}

/** Written after the database is closed cleanly (its WAL checkpointed and removed). */
export function writeCleanCloseRecord(dbPath: string, fullCheckAt: string): void {
  if (!existsSync(dbPath) || existsSync(`${dbPath}-wal`)) return;
  const stat = statSync(dbPath);
  const record: CleanCloseRecord = { size: stat.size, mtimeMs: stat.mtimeMs, fullCheckAt };
  const tmp = `${recordPath(dbPath)}.tmp`;
  writeFileSync(tmp, JSON.stringify(record), { mode: 0o600 });
  renameSync(tmp, recordPath(dbPath));
}
