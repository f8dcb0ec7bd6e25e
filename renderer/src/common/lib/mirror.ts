import { completeCopy, type WorkingCopy } from './workingCopy.ts';

/**
 * A copy of what was typed, kept in this browser's storage until the store has it, so that a
 * reload, a crash of the page or an unreachable service never loses a word.
 */
export interface Mirror {
  /** The stored revision the copy was based on (null before the encounter was first stored). */
  readonly baseRevision: number | null;
  /** True when a save of this copy had been sent but not answered. */
  readonly inFlight: boolean;
  /** When the copy was last edited (ms since epoch). */
  readonly editedAt: number;
  readonly copy: WorkingCopy;
}

const PREFIX = 'legpain.unsaved.';
const RECOVERED = 'legpain.recovered.';

function read(key: string): Mirror | null {
  try {
    const raw = localStorage.getItem(key);
    if (!raw) return null;
    const value = JSON.parse(raw) as Mirror;
    if (!value || typeof value !== 'object' || !value.copy || typeof value.copy !== 'object') return null;
    return { ...value, copy: completeCopy(value.copy) };
  } catch {
    return null;
  }
}

function write(key: string, value: Mirror): void {
  try {
    localStorage.setItem(key, JSON.stringify(value));
  } catch {
    // Storage full or disabled: the store remains the record; nothing else to do here.
  }
}

/** The mirror of unsaved edits of one encounter ("new" before it has an id). */
export const readMirror = (id: string): Mirror | null => read(PREFIX + id);
export const writeMirror = (id: string, value: Mirror): void => write(PREFIX + id, value);
export const clearMirror = (id: string): void => localStorage.removeItem(PREFIX + id);

/** A copy set aside after a conflict or a stale reload, shown until the clinician dismisses it. */
export const readRecovered = (id: string): Mirror | null => read(RECOVERED + id);
export const writeRecovered = (id: string, value: Mirror): void => write(RECOVERED + id, value);
export const clearRecovered = (id: string): void => localStorage.removeItem(RECOVERED + id);

/** How many encounters have a working copy kept in this browser (unsaved edits or a copy set aside). */
export function workingCopyCount(): number {
  return new Set(workingCopyKeys().map((key) => key.slice(key.startsWith(PREFIX) ? PREFIX.length : RECOVERED.length))).size;
}

/**
 * Removes every working copy kept in this browser: after a restore they belong to a database that
 * is no longer the one in use, and patient data is kept in the browser no longer than needed.
 */
export function clearAllWorkingCopies(): void {
  for (const key of workingCopyKeys()) localStorage.removeItem(key);
}

function workingCopyKeys(): string[] {
  const keys: string[] = [];
  for (let i = 0; i < localStorage.length; i++) {
    const key = localStorage.key(i);
    if (key !== null && (key.startsWith(PREFIX) || key.startsWith(RECOVERED))) keys.push(key);
  }
  return keys;
}
