import { existsSync, renameSync, rmSync, statSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { ApiError } from '../../../shared/api/errors.ts';
import { backupProblem } from './backup-check.ts';
import { ioError, removeDatabaseFile, type OnProgress } from './backup.ts';
import { fsyncDir, moveDatabaseAside, tempPathBeside } from './files.ts';
import { isSealedFile, openSealedFile, SealError } from './sealed-file.ts';
import { copyFileHashed } from './streamed-files.ts';

/** Restoring a backup: a checked copy of it replaces the live database, which is kept aside. */

/** What the restore needs of the store: to close its live connection, and to open the file at its path again. */
export interface LiveDatabase {
  readonly path: string;
  close(): void;
  reopen(): void;
}

/**
 * Copies a backup beside the live database and checks the copy (not the original, which could
 * change between the check and the copy). Returns the checked copy's path and the SHA-256 of the
 * bytes copied; throws for a bad file, leaving nothing behind.
 */
export async function stageRestore(
  source: string,
  livePath: string,
  report: OnProgress = () => {},
  passphrase?: string,
): Promise<{ staged: string; sha256: string }> {
  const from = resolve(source);
  if (!existsSync(from) || !statSync(from).isFile()) throw new ApiError('not-found', `There is no file at ${from}.`, 'path');
  if (from === resolve(livePath)) throw new ApiError('invalid', 'This is the database in use; choose a backup file.', 'path');
  report('copying', 0, statSync(from).size);
  const staged = tempPathBeside(livePath);
  let sha256: string;
  try {
    const onBytes = (done: number, total: number): void => report('copying', done, total);
    if (await isSealedFile(from)) {
      if (passphrase === undefined || passphrase === '') {
        throw new ApiError('invalid', 'This backup is protected by a passphrase: enter it to restore. Your current encounters were not changed.', 'passphrase');
      }
      ({ sha256 } = await openSealedFile(from, staged, passphrase, onBytes));
    } else {
      ({ sha256 } = await copyFileHashed(from, staged, onBytes));
    }
  } catch (error) {
    rmSync(staged, { force: true });
    if (error instanceof ApiError) throw error;
    if (error instanceof SealError) throw sealProblem(error);
    throw ioError(`The backup could not be copied from ${from}`, error);
  }
  report('validating', null, null);
  const problem = await backupProblem(staged);
  if (problem !== null) {
    removeDatabaseFile(staged);
    throw new ApiError('invalid', `This file cannot be restored: ${problem}. Your current encounters were not changed.`, 'path');
  }
  return { staged, sha256 };
}

function sealProblem(error: SealError): ApiError {
  const unchanged = 'Your current encounters were not changed.';
  switch (error.problem) {
    case 'wrong-passphrase':
      return new ApiError('invalid', `The passphrase is not the one this backup was protected with. ${unchanged}`, 'passphrase');
    case 'unsupported':
      return new ApiError('invalid', `This backup was protected by a newer version of Leg Pain DDx; install it to restore this file. ${unchanged}`, 'path');
    default:
      return new ApiError('invalid', `This backup is damaged or was changed after it was written (${error.message}). ${unchanged}`, 'path');
  }
}

/**
 * Puts a checked copy in place of the live database: the live one is closed and moved aside
 * (never deleted), the copy renamed to its path and opened. Synchronous from close to reopen, so
 * no request can reach a closed database. On failure the database that was in use is put back
 * and opened again, so a failed restore changes nothing.
 */
export function swapIn(staged: string, live: LiveDatabase, at: Date): { previousKeptAt: string } {
  const path = live.path;
  try {
    live.close();
  } catch (error) {
    removeDatabaseFile(staged);
    throw error;
  }
  let previousKeptAt: string;
  try {
    previousKeptAt = moveDatabaseAside(path, 'before-restore', at);
  } catch (error) {
    removeDatabaseFile(staged);
    live.reopen();
    throw error;
  }
  try {
    renameSync(staged, path);
    fsyncDir(dirname(path));
    live.reopen();
  } catch (error) {
    for (const suffix of ['', '-wal', '-shm']) rmSync(path + suffix, { force: true });
    removeDatabaseFile(staged);
    renameSync(previousKeptAt, path);
    fsyncDir(dirname(path));
    live.reopen();
    throw error;
  }
  return { previousKeptAt };
}

/**
 * The whole restore, with progress: copying, validating, swapping. `beforeSwap` reads the checked
 * copy before it is put in place (the store checks its audit log there, off the main thread, while
 * the live database stays open for reading); if it fails, the copy is removed and nothing changes.
 */
export async function restoreBackup(
  source: string,
  live: LiveDatabase,
  now: () => Date,
  report: OnProgress = () => {},
  beforeSwap: (staged: string) => void | Promise<void> = () => {},
  passphrase?: string,
): Promise<{ previousKeptAt: string; sha256: string }> {
  const { staged, sha256 } = await stageRestore(source, live.path, report, passphrase);
  try {
    await beforeSwap(staged);
  } catch (error) {
    removeDatabaseFile(staged);
    throw error;
  }
  report('swapping', null, null);
  const { previousKeptAt } = swapIn(staged, live, now());
  return { previousKeptAt, sha256 };
}
