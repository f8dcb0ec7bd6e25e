import { z } from 'zod';

/**
 * File paths at the contract's boundary. Only an absolute path of the platform the main process
 * runs on is accepted: on Linux and macOS `C:\backups\b.sqlite` or `\\server\share\b.sqlite` is a
 * relative name that would be written in the app's working folder and reported as written where
 * the user asked. The schemas run in the main process (which has `process`); in the renderer they
 * follow the browser's report of the platform.
 */

export function runsOnWindows(): boolean {
  const platform = (globalThis as { process?: { platform?: string } }).process?.platform;
  if (platform !== undefined) return platform === 'win32';
  const nav = (globalThis as { navigator?: { platform?: string; userAgent?: string } }).navigator;
  return /Win/i.test(nav?.platform ?? nav?.userAgent ?? '');
}

/** `C:\…` or `C:/…`, or a UNC path `\\server\share\…`. */
const WINDOWS_ABSOLUTE = /^([A-Za-z]:[\\/]|\\\\[^\\/]+[\\/][^\\/]+)/;

export const isAbsolutePathHere = (path: string, windows = runsOnWindows()): boolean =>
  windows ? WINDOWS_ABSOLUTE.test(path) : path.startsWith('/');

/** A full path to a file on this computer, with the words the user sees when it is not one. */
export const absoluteFilePath = (missing: string, notAbsolute: string) =>
  z
    .string()
    .min(1, missing)
    .max(4096, 'The file path is too long')
    // A NUL would reach the file system and fail there with a code, not words.
    .refine((p) => !p.includes('\0'), 'The file path contains an invalid character')
    .refine((p) => isAbsolutePathHere(p), notAbsolute);
