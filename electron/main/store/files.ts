import { randomBytes } from 'node:crypto';
import { closeSync, existsSync, fsyncSync, openSync, renameSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';

/** File operations that must survive a crash: fsync before rename, fsync the folder after. */

export function fsyncFile(path: string): void {
  const fd = openSync(path, 'r+');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

/** Makes a rename durable. Windows cannot open a folder for fsync, and does not need to. */
export function fsyncDir(dir: string): void {
  if (process.platform === 'win32') return;
  const fd = openSync(dir, 'r');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

/** A temporary name beside `path`, in the same folder so the final rename is atomic. */
export const tempPathBeside = (path: string): string =>
  join(dirname(path), `.${basename(path)}.${randomBytes(6).toString('hex')}.tmp`);

/** A name for keeping a database aside, e.g. encounters.damaged-2026-01-31T10-02-03Z.sqlite. */
export function asidePath(path: string, label: string, now: Date): string {
  const stamp = now.toISOString().replace(/\.\d+Z$/, 'Z').replaceAll(':', '-');
  const base = basename(path).replace(/\.sqlite$/, '');
  let candidate = join(dirname(path), `${base}.${label}-${stamp}.sqlite`);
  for (let i = 2; existsSync(candidate); i++) candidate = join(dirname(path), `${base}.${label}-${stamp}-${i}.sqlite`);
  return candidate;
}

/** Moves a database file and its WAL companions aside (never deletes); returns the new main file path. */
export function moveDatabaseAside(path: string, label: string, now: Date): string {
  const target = asidePath(path, label, now);
  for (const suffix of ['-wal', '-shm', '']) {
    if (existsSync(path + suffix)) renameSync(path + suffix, target + suffix);
  }
  fsyncDir(dirname(path));
  return target;
}
