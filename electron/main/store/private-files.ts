import { chmodSync, existsSync, mkdirSync } from 'node:fs';

/**
 * Patient data is for its owner only: folders the app makes are 0700 and files 0600, whatever
 * the process umask (usually 022, which would leave them readable by every user of the computer).
 * On Windows the modes mean little; the user-profile folder's ACL protects the data there.
 */

export const PRIVATE_DIR_MODE = 0o700;
export const PRIVATE_FILE_MODE = 0o600;

/** Creates the folder (and its parents) if needed and makes it owner-only, tightening one that exists. */
export function ensurePrivateDir(dir: string): void {
  mkdirSync(dir, { recursive: true, mode: PRIVATE_DIR_MODE });
  chmodSync(dir, PRIVATE_DIR_MODE);
}

/** Makes each existing file owner-only (missing ones are skipped). */
export function makePrivate(...paths: string[]): void {
  for (const path of paths) if (existsSync(path)) chmodSync(path, PRIVATE_FILE_MODE);
}
