import { closeSync, existsSync, linkSync, openSync, renameSync, rmSync, statSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { backup } from 'node:sqlite';
import { ApiError } from '../../../shared/api/errors.ts';
import type { BackupPhase } from '../../../shared/api/transfer.ts';
import { backupProblem } from './backup-check.ts';
import { openConnection, pragmaValue, type Db } from './database.ts';
import { fsyncDir, fsyncFile, tempPathBeside } from './files.ts';
import { PRIVATE_FILE_MODE } from './private-files.ts';
import { sealFile } from './sealed-file.ts';
import { hashFile } from './streamed-files.ts';

/** Backups of the whole database while the app keeps working, with progress. */

/** Where a backup or restore has got: bytes done and in all, or nulls when the phase cannot be measured. */
export type OnProgress = (phase: BackupPhase, done: number | null, total: number | null) => void;

export interface BackupOptions {
  readonly onProgress?: OnProgress;
  /** Pages copied per step of SQLite's online backup; default: see pagesPerStep. */
  readonly pagesPerStep?: number;
  /** Encrypts the backup with this passphrase (sealed-file.ts). */
  readonly passphrase?: string | undefined;
  /** Replace a file already at the target; without it the backup is refused with `exists`. */
  readonly overwrite?: boolean | undefined;
  /** Lists a temporary file before it is made, so a start after a crash removes it (temp-files.ts); returns the un-listing. */
  readonly track?: (path: string) => () => void;
}

/**
 * About a hundred steps for a small database, so its progress moves smoothly; never more than
 * 256 pages (1 MiB) a step for a large one, since each step holds the live connection's lock and
 * a save waiting on it should not wait long.
 */
export const pagesPerStep = (pageCount: number): number => Math.min(256, Math.max(16, Math.ceil(pageCount / 100)));

export function requireFolder(path: string): void {
  const dir = dirname(path);
  if (!existsSync(dir) || !statSync(dir).isDirectory()) {
    throw new ApiError('io', `The folder ${dir} does not exist; choose another place for the file.`, 'path');
  }
}

export const ioError = (what: string, error: unknown): ApiError =>
  new ApiError('io', `${what} (${(error as { code?: string; message?: string }).code ?? (error as Error).message}).`);

/** A database file and the journal files SQLite may leave beside it. */
export function removeDatabaseFile(path: string): void {
  for (const suffix of ['', '-wal', '-shm', '-journal']) rmSync(path + suffix, { force: true });
}

/**
 * Writes a consistent copy of the live database to `target`:
 * - copying: SQLite's online backup into a temporary file in the target folder, a few pages a
 *   step with the event loop free between steps (saves made meanwhile through the same
 *   connection are carried into the copy, so it is a snapshot of when it finishes);
 * - checking: the copy set to a single self-contained file (rollback journal, not WAL), then
 *   integrity_check on it;
 * - finishing: sealed with the passphrase if there is one (sealed-file.ts), its SHA-256, fsync,
 *   then put at `target` atomically (an existing file there is replaced only with `overwrite`),
 *   fsync of the folder.
 * `target` is therefore either what it was before or a complete, checked backup.
 */
export async function writeBackup(
  db: Db,
  target: string,
  livePath: string,
  options: BackupOptions = {},
): Promise<{ path: string; bytes: number; sha256: string; encrypted: boolean }> {
  const report = options.onProgress ?? (() => {});
  const path = resolve(target);
  if (path === resolve(livePath) || path.startsWith(`${resolve(livePath)}-`)) {
    throw new ApiError('invalid', 'Choose another file: this is the database in use.', 'path');
  }
  requireFolder(path);
  if (!options.overwrite && existsSync(path)) throw alreadyThere(path);
  const passphrase = options.passphrase;
  const pageSize = Number(pragmaValue(db, 'page_size'));
  const pageCount = Number(pragmaValue(db, 'page_count'));
  // An encrypted backup's plain copy stays in the data folder: the backup's folder (a USB stick,
  // a shared drive) only ever receives the sealed file.
  const tmp = tempPathBeside(passphrase === undefined ? path : livePath);
  const sealed = passphrase === undefined ? null : tempPathBeside(path);
  const untrack = [options.track?.(tmp), sealed === null ? undefined : options.track?.(sealed)];
  try {
    // Created owner-only before SQLite writes into it (an empty file is a new database to it), so
    // the copy is never readable by other users, whatever the umask; its journal gets the same mode.
    closeSync(openSync(tmp, 'wx', PRIVATE_FILE_MODE));
    report('copying', 0, pageCount * pageSize);
    try {
      await backup(db, tmp, {
        rate: options.pagesPerStep ?? pagesPerStep(pageCount),
        progress: ({ totalPages, remainingPages }) => report('copying', (totalPages - remainingPages) * pageSize, totalPages * pageSize),
      });
    } catch (error) {
      throw ioError(`The backup could not be written to ${dirname(path)}`, error);
    }
    const copied = statSync(tmp).size;
    report('copying', copied, copied);

    report('checking', null, null);
    const copy = openConnection(tmp);
    try {
      copy.exec('PRAGMA journal_mode = DELETE');
    } finally {
      copy.close();
    }
    const problem = await backupProblem(tmp);
    if (problem !== null) throw new ApiError('io', `The backup copy failed its check (${problem}); nothing was written.`);

    report('finishing', 0, copied);
    let written = tmp;
    if (sealed !== null) {
      await sealFile(tmp, sealed, passphrase!, (done, total) => report('finishing', done, total));
      removeDatabaseFile(tmp);
      written = sealed;
    }
    const { sha256, bytes } = await hashFile(written, (done, total) => report('finishing', done, total));
    fsyncFile(written);
    placeFile(written, path, options.overwrite === true);
    fsyncDir(dirname(path));
    return { path, bytes, sha256, encrypted: sealed !== null };
  } catch (error) {
    removeDatabaseFile(tmp);
    if (sealed !== null) rmSync(sealed, { force: true });
    if (error instanceof ApiError) throw error;
    throw ioError(`The backup could not be written to ${path}`, error);
  } finally {
    for (const done of untrack) done?.();
  }
}

export const alreadyThere = (path: string): ApiError =>
  new ApiError('exists', `A file already exists at ${path}. Choose another name, or confirm that it should be replaced.`, 'path');

/**
 * Puts the finished file at `path`. Replacing is a rename (atomic). Otherwise a hard link, which
 * fails if a file appeared there meanwhile instead of replacing it; where the file system has no
 * hard links (FAT on a USB stick), a rename after checking again.
 */
export function placeFile(from: string, path: string, overwrite: boolean): void {
  if (overwrite) {
    renameSync(from, path);
    return;
  }
  try {
    linkSync(from, path);
  } catch (error) {
    const code = (error as { code?: string }).code;
    if (code === 'EEXIST') throw alreadyThere(path);
    if (code !== 'EPERM' && code !== 'ENOTSUP' && code !== 'EOPNOTSUPP' && code !== 'ENOSYS') throw error;
    if (existsSync(path)) throw alreadyThere(path);
    renameSync(from, path);
    return;
  }
  rmSync(from, { force: true });
}
