import { stmt, type Db } from './database.ts';
import type { SearchDocument } from './search-document.ts';

/** Writes of the FTS5 index; always called inside the transaction that changes the encounter. */

const COLUMNS = ['patient_name', 'patient_identifier', 'complaint', 'notes', 'findings', 'diagnoses'] as const;

export function insertSearchRow(db: Db, n: number, doc: SearchDocument): void {
  stmt(db, `INSERT INTO encounter_search (rowid, ${COLUMNS.join(', ')}) VALUES (?, ?, ?, ?, ?, ?, ?)`).run(
    n,
    ...COLUMNS.map((c) => doc[c]),
  );
}

/** Replaces an encounter's document; one that did not change is left alone (FTS5 would re-index every word). */
export function replaceSearchRow(db: Db, n: number, doc: SearchDocument): void {
  const stored = stmt(db, `SELECT ${COLUMNS.join(', ')} FROM encounter_search WHERE rowid = ?`).get(n) as SearchDocument | undefined;
  if (stored !== undefined && COLUMNS.every((c) => stored[c] === doc[c])) return;
  stmt(db, 'DELETE FROM encounter_search WHERE rowid = ?').run(n);
  insertSearchRow(db, n, doc);
}
