import type { Db } from '../database.ts';
import { searchDocument } from '../search-document.ts';
import { insertSearchRow } from '../search-index.ts';

/**
 * Full-text search and the indexes of the history list's filters.
 *
 * The FTS5 table keeps its own copy of the text (neither external-content nor contentless):
 * snippets need the text, and part of it (finding and diagnosis labels, addenda) is derived at
 * save time and stored nowhere else in that form; an external-content table over derived text
 * would corrupt itself the day a label changes, because FTS5 deletes by re-tokenising the
 * current content. One row per encounter (its latest revision), so the copy costs one version of
 * the text, not one per revision. Existing encounters are indexed here, in the same transaction.
 */
export function up(db: Db): void {
  db.exec(`
    CREATE VIRTUAL TABLE encounter_search USING fts5 (
      patient_name, patient_identifier, complaint, notes, findings, diagnoses,
      tokenize = 'unicode61 remove_diacritics 2',
      prefix = '2 3'
    );
    INSERT INTO encounter_search (encounter_search, rank) VALUES ('rank', 'bm25(10.0, 10.0, 4.0, 1.0, 2.0, 3.0)');

    CREATE INDEX encounters_status ON encounters (status, seen_at_utc DESC, n DESC);
    CREATE INDEX encounters_top_cause ON encounters (top_cause, seen_at_utc DESC, n DESC);
    CREATE INDEX encounters_working_diagnosis ON encounters (working_diagnosis, seen_at_utc DESC, n DESC);
    CREATE INDEX encounters_red_flag ON encounters (has_red_flag, seen_at_utc DESC, n DESC);
    CREATE INDEX encounters_patient ON encounters (patient_identifier COLLATE NOCASE, seen_at_utc, n);
  `);

  const rows = db
    .prepare(
      `SELECT e.n, r.fields, a.json AS assessment
         FROM encounters e
         JOIN revisions r ON r.encounter_n = e.n AND r.revision = e.revision
         JOIN assessments a ON a.hash = r.assessment_hash`,
    )
    .iterate() as Iterable<{ n: number; fields: string; assessment: string }>;
  const addenda = db.prepare('SELECT text FROM addenda WHERE encounter_n = ? ORDER BY created_at, id');
  for (const row of rows) {
    // Read as stored: it was validated when saved, and must still index if the vocabulary has moved on since.
    const fields = JSON.parse(row.fields) as Parameters<typeof searchDocument>[0];
    const assessment = JSON.parse(row.assessment) as Parameters<typeof searchDocument>[1];
    const texts = addenda.all(row.n).map((a) => String(a.text));
    insertSearchRow(db, row.n, searchDocument(fields, assessment, texts));
  }
}
