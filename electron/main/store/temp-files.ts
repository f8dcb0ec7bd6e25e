import { existsSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { PRIVATE_FILE_MODE } from './private-files.ts';

/**
 * Hidden temporary copies of the database (a backup being written, a backup being restored) are
 * whole copies of patient data. A process killed mid-way (SIGKILL, power cut) leaves them behind,
 * in the data folder or in the folder a backup was going to. Each is listed in the data folder
 * before it is created and struck off when done; at start the ones still listed, and any left
 * in the data folder, are removed.
 */

const REGISTRY = 'temporary-files.json';

/** The shape tempPathBeside gives (files.ts), with SQLite's journal suffixes: nothing else is ever removed. */
const TEMPORARY = /^\..+\.[0-9a-f]{12}\.tmp(-wal|-shm|-journal)?$/;

function read(dataDir: string): string[] {
  try {
    const list = JSON.parse(readFileSync(join(dataDir, REGISTRY), 'utf8')) as unknown;
    return Array.isArray(list) ? list.filter((p): p is string => typeof p === 'string') : [];
  } catch {
    return [];
  }
}

function write(dataDir: string, list: readonly string[]): void {
  const path = join(dataDir, REGISTRY);
  if (list.length === 0) {
    rmSync(path, { force: true });
    return;
  }
  writeFileSync(`${path}.tmp`, JSON.stringify(list), { mode: PRIVATE_FILE_MODE });
  renameSync(`${path}.tmp`, path);
}

/** Lists `path` as a temporary file of this data folder; call the returned function once it is gone or renamed. */
export function trackTemporary(dataDir: string, path: string): () => void {
  write(dataDir, [...read(dataDir), path]);
  return () => write(dataDir, read(dataDir).filter((p) => p !== path));
}

const removeWithJournals = (path: string): void => {
  for (const suffix of ['', '-wal', '-shm', '-journal']) rmSync(path + suffix, { force: true });
};

/** At start: removes the temporary copies a killed process left; returns how many main files it removed. */
export function removeStaleTemporaries(dataDir: string): number {
  let removed = 0;
  for (const path of read(dataDir)) {
    if (!TEMPORARY.test(basename(path))) continue;
    if (existsSync(path)) removed++;
    removeWithJournals(path);
  }
  write(dataDir, []);
  for (const name of readdirSync(dataDir)) {
    if (!TEMPORARY.test(name)) continue;
    if (!/-(wal|shm|journal)$/.test(name)) removed++;
    rmSync(join(dataDir, name), { force: true });
  }
  return removed;
}
