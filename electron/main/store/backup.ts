import { copyFileSync, existsSync, renameSync, rmSync, statSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { ApiError } from '../../../shared/api/errors.ts';
import { APPLICATION_ID, checkIntegrity, openConnection, pragmaValue, type Db } from './database.ts';
import { fsyncDir, fsyncFile, sha256File, tempPathBeside } from './files.ts';
import { SCHEMA_VERSION, schemaVersionOf } from './migrations/index.ts';

/** Backups of the whole database, and the checks a file passes before it may replace it. */

function requireFolder(path: string): void {
  const dir = dirname(path);
  if (!existsSync(dir) || !statSync(dir).isDirectory()) {
    throw new ApiError('io', `The folder ${dir} does not exist; choose another place for the file.`, 'path');
  }
}

const ioError = (what: string, error: unknown): ApiError =>
  new ApiError('io', `${what} (${(error as { code?: string; message?: string }).code ?? (error as Error).message}).`);

/**
 * Writes a consistent copy of the live database to `target`: VACUUM INTO a temporary file in the
 * target folder (a snapshot, even while the app writes), integrity_check of the copy, fsync, then
 * an atomic rename, so `target` is either the old file or a complete, checked backup.
 */
export function writeBackup(db: Db, target: string, livePath: string): { path: string; bytes: number; sha256: string } {
  const path = resolve(target);
  if (path === resolve(livePath) || path.startsWith(`${resolve(livePath)}-`)) {
    throw new ApiError('invalid', 'Choose another file: this is the database in use.', 'path');
  }
  requireFolder(path);
  const tmp = tempPathBeside(path);
  try {
    try {
      db.prepare('VACUUM INTO ?').run(tmp);
    } catch (error) {
      throw ioError(`The backup could not be written to ${dirname(path)}`, error);
    }
    const problem = backupProblem(tmp);
    if (problem !== null) throw new ApiError('io', `The backup copy failed its check (${problem}); nothing was written.`);
    fsyncFile(tmp);
    renameSync(tmp, path);
    fsyncDir(dirname(path));
  } catch (error) {
    rmSync(tmp, { force: true });
    if (error instanceof ApiError) throw error;
    throw ioError(`The backup could not be written to ${path}`, error);
  }
  return { path, ...sha256File(path) };
}

/** Why a file may not be restored, in words for the user, or null when it is a sound backup of ours. */
export function backupProblem(path: string): string | null {
  let db: Db;
  try {
    // Read-write: only ever our own temporary copy, and a copy of a WAL-mode file needs it to be read.
    db = openConnection(path);
  } catch {
    return 'the file could not be opened as a database';
  }
  try {
    if (Number(pragmaValue(db, 'application_id')) !== APPLICATION_ID) return 'the file is not a Leg Pain DDx backup';
    const version = schemaVersionOf(db);
    if (version > SCHEMA_VERSION) return 'the backup was made by a newer version of Leg Pain DDx; install it to restore this file';
    if (version < 1) return 'the file is not a Leg Pain DDx backup';
    const result = checkIntegrity(db, 'integrity_check');
    if (result.length !== 1 || result[0] !== 'ok') return 'the file failed its integrity check';
    return null;
  } catch {
    return 'the file is damaged and could not be read';
  } finally {
    db.close();
  }
}

/**
 * Copies a backup beside the live database and checks the copy (not the original, which could
 * change between the check and the copy). Returns the checked copy's path; throws for a bad file.
 */
export function stageRestore(source: string, livePath: string): string {
  const from = resolve(source);
  if (!existsSync(from) || !statSync(from).isFile()) throw new ApiError('not-found', `There is no file at ${from}.`, 'path');
  if (from === resolve(livePath)) throw new ApiError('invalid', 'This is the database in use; choose a backup file.', 'path');
  const staged = tempPathBeside(livePath);
  try {
    copyFileSync(from, staged);
    fsyncFile(staged);
  } catch (error) {
    rmSync(staged, { force: true });
    throw ioError(`The backup could not be copied from ${from}`, error);
  }
  const problem = backupProblem(staged);
  if (problem !== null) {
    rmSync(staged, { force: true });
    throw new ApiError('invalid', `This file cannot be restored: ${problem}. Your current encounters were not changed.`, 'path');
  }
  return staged;
}
