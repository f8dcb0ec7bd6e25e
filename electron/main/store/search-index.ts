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

export function replaceSearchRow(db: Db, n: number, doc: SearchDocument): void {
  stmt(db, 'DELETE FROM encounter_search WHERE rowid = ?').run(n);
  insertSearchRow(db, n, doc);
}
