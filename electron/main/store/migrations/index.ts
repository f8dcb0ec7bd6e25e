import { inTransaction, pragmaValue, type Db } from '../database.ts';
import { up as initial } from './001-initial.ts';
import { up as search } from './002-search.ts';
import { up as compressedAssessments } from './003-compressed-assessments.ts';
import { up as listLayout } from './004-list-layout.ts';
import { up as searchMergeOffCommit } from './005-search-merge-off-commit.ts';
import { up as contentFingerprints } from './006-content-fingerprints.ts';
import { up as searchFourLetterPrefixes } from './007-search-four-letter-prefixes.ts';

/**
 * Numbered schema changes. The database's PRAGMA user_version is the number of migrations applied;
 * opening applies the missing ones in one transaction, so a crash leaves the old schema intact.
 * Add a migration by appending a file and a line here, never by editing one that has shipped.
 */
export interface Migration {
  readonly version: number;
  readonly name: string;
  readonly up: (db: Db) => void;
}

export const MIGRATIONS: readonly Migration[] = [
  { version: 1, name: 'encounters, revisions, assessments, addenda, audit, profile, settings', up: initial },
  { version: 2, name: 'full-text search and list indexes', up: search },
  { version: 3, name: 'assessments compressed with a stored dictionary', up: compressedAssessments },
  { version: 4, name: 'revisions as a rowid table, covering list indexes', up: listLayout },
  { version: 5, name: 'search index merged after saves, not inside them', up: searchMergeOffCommit },
  { version: 6, name: 'audit entries fingerprint clinical content; the chain is sealed with a key kept outside the database', up: contentFingerprints },
  { version: 7, name: 'search index keeps four-letter prefixes', up: searchFourLetterPrefixes },
];

export const SCHEMA_VERSION = MIGRATIONS.length;

export const schemaVersionOf = (db: Db): number => Number(pragmaValue(db, 'user_version'));

/** Thrown when the file was written by a newer version of the app; the file is left as it is. */
export class NewerDatabaseError extends Error {
  readonly found: number;
  constructor(found: number) {
    super(
      `This encounter database was written by a newer version of Leg Pain DDx (data format ${found}; this version reads up to ${SCHEMA_VERSION}). ` +
        'Install the newer version to open it. The file has not been changed.',
    );
    this.name = 'NewerDatabaseError';
    this.found = found;
  }
}

/**
 * Brings the schema to `target` (default: the newest). Returns the versions applied. Foreign keys
 * are off while the schema changes (SQLite's procedure for rebuilding a table) and checked before
 * the commit: a migration that leaves a dangling reference is rolled back whole.
 */
export function migrate(db: Db, target = SCHEMA_VERSION): number[] {
  const current = schemaVersionOf(db);
  if (current > SCHEMA_VERSION) throw new NewerDatabaseError(current);
  const pending = MIGRATIONS.filter((m) => m.version > current && m.version <= target);
  if (pending.length === 0) return [];
  const foreignKeys = Number(pragmaValue(db, 'foreign_keys'));
  db.exec('PRAGMA foreign_keys = OFF');
  try {
    inTransaction(db, () => {
      for (const m of pending) m.up(db);
      const dangling = db.prepare('PRAGMA foreign_key_check').all();
      if (dangling.length > 0) throw new Error(`migration left ${dangling.length} broken references: ${JSON.stringify(dangling.slice(0, 3))}`);
      db.exec(`PRAGMA user_version = ${pending.at(-1)!.version}`);
    });
  } finally {
    db.exec(`PRAGMA foreign_keys = ${foreignKeys === 1 ? 'ON' : 'OFF'}`);
  }
  return pending.map((m) => m.version);
}
