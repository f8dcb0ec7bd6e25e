import * as nodeFs from 'node:fs/promises';
import { basename, dirname, resolve } from 'node:path';
import { ApiError } from '../../../shared/api/errors.ts';
import { tempPathBeside } from '../store/files.ts';

/**
 * Writes a file so that a reader sees either the old state or the whole new file, never part of
 * one: a temporary file in the target folder, written and fsynced, then moved into place, then
 * the folder fsynced so the move survives a power cut. On any failure the temporary file is
 * removed and the error says, in plain words, what went wrong.
 *
 * An existing file is never replaced unless `overwrite` is set (the app asks the user first);
 * without it the final step is a hard link, which fails if the name was taken meanwhile, so even
 * a file that appears between the check and the write is not replaced.
 */

/** The parts of node:fs/promises used here; tests pass a wrapper to simulate a full disk. */
export type AtomicFs = Pick<typeof nodeFs, 'stat' | 'lstat' | 'open' | 'rename' | 'link' | 'unlink'>;

export interface WriteAtomicOptions {
  readonly overwrite?: boolean;
  readonly fs?: AtomicFs;
  /** File mode of a new file; patient letters are private to the user by default. */
  readonly mode?: number;
}

const errno = (e: unknown): string | undefined => (e as NodeJS.ErrnoException | null)?.code;

export async function writeFileAtomic(path: string, data: Uint8Array, options: WriteAtomicOptions = {}): Promise<void> {
  const fs = options.fs ?? nodeFs;
  const target = resolve(path);
  const dir = dirname(target);

  await checkFolder(fs, dir);
  await checkTarget(fs, target, dir, options.overwrite === true);

  const temp = tempPathBeside(target);
  let tempExists = false;
  try {
    const handle = await fs.open(temp, 'wx', options.mode ?? 0o600);
    tempExists = true;
    try {
      await handle.writeFile(data);
      await handle.sync();
    } finally {
      await handle.close();
    }
    if (options.overwrite === true) {
      await fs.rename(temp, target);
      tempExists = false;
    } else {
      await placeWithoutReplacing(fs, temp, target, dir);
      tempExists = false;
    }
  } catch (e) {
    if (tempExists) await fs.unlink(temp).catch(() => undefined);
    throw e instanceof ApiError ? e : ioError(e, target, dir);
  }
  await syncFolder(fs, dir);
}

async function checkFolder(fs: AtomicFs, dir: string): Promise<void> {
  try {
    const s = await fs.stat(dir);
    if (!s.isDirectory()) throw new ApiError('io', `“${dir}” is a file, not a folder.`);
  } catch (e) {
    if (e instanceof ApiError) throw e;
    throw ioError(e, dir, dir);
  }
}

async function checkTarget(fs: AtomicFs, target: string, dir: string, overwrite: boolean): Promise<void> {
  let s: Awaited<ReturnType<AtomicFs['lstat']>>;
  try {
    s = await fs.lstat(target);
  } catch (e) {
    if (errno(e) === 'ENOENT') return;
    throw ioError(e, target, dir);
  }
  if (s.isDirectory()) throw new ApiError('io', `“${target}” is a folder; choose a file name for the referral.`);
  if (!overwrite) throw existsError(target, dir);
}

async function placeWithoutReplacing(fs: AtomicFs, temp: string, target: string, dir: string): Promise<void> {
  try {
    await fs.link(temp, target);
  } catch (e) {
    const code = errno(e);
    if (code === 'EEXIST') throw existsError(target, dir);
    // Some file systems (FAT, exFAT, several network shares) have no hard links: fall back to a
    // check and a rename, which leaves only a tiny window for a file appearing in between.
    if (code !== 'EPERM' && code !== 'ENOTSUP' && code !== 'EOPNOTSUPP' && code !== 'ENOSYS' && code !== 'EXDEV') throw e;
    await checkTarget(fs, target, dir, false);
    await fs.rename(temp, target);
    return;
  }
  // The letter is in place under its name: a temporary name that cannot be removed (it is a second
  // link to the same letter) must not report the save as failed, nor skip its audit entry.
  await fs.unlink(temp).catch(() => undefined);
}

async function syncFolder(fs: AtomicFs, dir: string): Promise<void> {
  // Windows cannot open a folder for fsync; there the rename is already durable in NTFS's journal.
  if (process.platform === 'win32') return;
  try {
    const handle = await fs.open(dir, 'r');
    try {
      await handle.sync();
    } finally {
      await handle.close();
    }
  } catch {
    // Best effort: the file itself is complete and fsynced; some network file systems refuse to
    // fsync a folder, and failing the export then would only make the user save it again.
  }
}

const existsError = (target: string, dir: string): ApiError =>
  new ApiError('exists', `A file named “${basename(target)}” already exists in ${dir}. Choose another name, or confirm that it may be replaced.`);

function ioError(e: unknown, path: string, dir: string): ApiError {
  switch (errno(e)) {
    case 'ENOENT':
      return new ApiError('io', `The folder “${dir}” does not exist.`);
    case 'ENOTDIR':
      return new ApiError('io', `Part of the path “${path}” is a file, not a folder.`);
    case 'EACCES':
    case 'EPERM':
      return new ApiError('io', `You do not have permission to write in “${dir}”.`);
    case 'EROFS':
      return new ApiError('io', `The folder “${dir}” is on a read-only disk.`);
    case 'ENOSPC':
    case 'EDQUOT':
      return new ApiError('io', `There is not enough space on the disk to save the referral in “${dir}”.`);
    case 'EISDIR':
      return new ApiError('io', `“${path}” is a folder; choose a file name for the referral.`);
    case 'ENAMETOOLONG':
      return new ApiError('io', 'The file name is too long; choose a shorter one.');
    case 'EBUSY':
      return new ApiError('io', `“${path}” is in use by another program; close it and try again.`);
    default:
      return new ApiError('io', `The referral could not be saved in “${dir}” (${errno(e) ?? String(e)}).`);
  }
}
