import { APPLICATION_ID, openConnection, pragmaValue, type Db } from './database.ts';
import { migrate, SCHEMA_VERSION, schemaVersionOf } from './migrations/index.ts';
import { rowsOffThread } from './statement-off-thread.ts';

/**
 * The checks a file passes before it counts as a backup of ours: our application id, a schema
 * this version can read, and SQLite's full integrity_check.
 *
 * integrity_check reads every page (about 2 s for 100,000 encounters) and cannot be interrupted,
 * so it runs on a worker thread with its own connection (statement-off-thread.ts).
 */

/** The rows of PRAGMA integrity_check on the file at `path` (['ok'] when sound); rejects when it cannot be read. */
export async function integrityCheckOffThread(path: string): Promise<string[]> {
  const rows = await rowsOffThread(path, 'PRAGMA integrity_check', 'The integrity check');
  return rows.map((row) => String(Object.values(row)[0]));
}

interface SchemaObject {
  readonly type: string;
  readonly name: string;
  readonly sql: string;
}

/** Tables, indexes, triggers and views, with their SQL as SQLite keeps it (whitespace folded). */
function schemaOf(db: Db): Map<string, SchemaObject> {
  const rows = db.prepare("SELECT type, name, sql FROM sqlite_master WHERE name NOT LIKE 'sqlite_%' ORDER BY type, name").all() as {
    type: string;
    name: string;
    sql: string | null;
  }[];
  return new Map(rows.map((r) => [`${r.type} ${r.name}`, { type: r.type, name: r.name, sql: (r.sql ?? '').replace(/\s+/g, ' ').trim() }]));
}

const expectedSchemas = new Map<number, Map<string, SchemaObject>>();

/** The schema this version's migrations build up to `version`, built once in memory. */
export function expectedSchema(version: number): Map<string, SchemaObject> {
  let schema = expectedSchemas.get(version);
  if (schema === undefined) {
    const db = openConnection(':memory:');
    try {
      migrate(db, version);
      schema = schemaOf(db);
    } finally {
      db.close();
    }
    expectedSchemas.set(version, schema);
  }
  return schema;
}

/**
 * How the file's schema differs from the one this version's migrations make for its version, in
 * words, or null. A backup missing a table would fail every read once restored; one carrying an
 * extra trigger or view would run it on every later save.
 */
export function schemaProblem(db: Db, version: number): string | null {
  const expected = expectedSchema(version);
  const actual = schemaOf(db);
  const differences: string[] = [];
  for (const [key, object] of actual) {
    const want = expected.get(key);
    if (want === undefined) differences.push(`an unexpected ${object.type} "${object.name}"`);
    else if (want.sql !== object.sql) differences.push(`the ${object.type} "${object.name}" is defined differently`);
  }
  for (const [key, object] of expected) if (!actual.has(key)) differences.push(`the ${object.type} "${object.name}" is missing`);
  if (differences.length === 0) return null;
  const listed = differences.slice(0, 3).join('; ') + (differences.length > 3 ? `; and ${differences.length - 3} more differences` : '');
  return `its database structure is not the one Leg Pain DDx makes (${listed})`;
}

/** Why a file may not be restored, in words for the user, or null when it is a sound backup of ours. */
export async function backupProblem(path: string): Promise<string | null> {
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
    const problem = schemaProblem(db, version);
    if (problem !== null) return problem;
  } catch {
    return 'the file is damaged and could not be read';
  } finally {
    db.close();
  }
  let result: string[];
  try {
    result = await integrityCheckOffThread(path);
  } catch {
    return 'the file is damaged and could not be read';
  }
  return result.length === 1 && result[0] === 'ok' ? null : 'the file failed its integrity check';
}
