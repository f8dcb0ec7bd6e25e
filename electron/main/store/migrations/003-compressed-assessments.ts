import type { Db } from '../database.ts';
import { compressAssessment } from '../assessment-codec.ts';

/**
 * Assessments stored compressed with a preset dictionary kept in the database (see
 * assessment-codec.ts): about 15 times smaller. SQLite cannot change a column in place, so the
 * table is rebuilt by its documented procedure (new table, copy, drop, rename; foreign keys off,
 * checked by migrate() before the commit). Keys stay the same, so revisions keep their references.
 */
export function up(db: Db): void {
  db.exec(`
    CREATE TABLE assessment_dictionaries (
      id         INTEGER PRIMARY KEY,
      built_from TEXT NOT NULL UNIQUE,
      dict       BLOB NOT NULL
    );
    CREATE TABLE assessments_compressed (
      hash           TEXT PRIMARY KEY,
      knowledge_base TEXT NOT NULL,
      dictionary_id  INTEGER REFERENCES assessment_dictionaries (id),
      body           BLOB NOT NULL
    ) WITHOUT ROWID;
  `);
  const insert = db.prepare('INSERT INTO assessments_compressed (hash, knowledge_base, dictionary_id, body) VALUES (?, ?, ?, ?)');
  const rows = db.prepare('SELECT hash, knowledge_base, json FROM assessments').iterate() as Iterable<{
    hash: string;
    knowledge_base: string;
    json: string;
  }>;
  for (const row of rows) {
    const { dictionaryId, body } = compressAssessment(db, row.json);
    insert.run(row.hash, row.knowledge_base, dictionaryId, body);
  }
  db.exec(`
    DROP TABLE assessments;
    ALTER TABLE assessments_compressed RENAME TO assessments;
    CREATE TRIGGER assessments_append_only_update BEFORE UPDATE ON assessments
      BEGIN SELECT RAISE(ABORT, 'assessments are append-only'); END;
    CREATE TRIGGER assessments_append_only_delete BEFORE DELETE ON assessments
      BEGIN SELECT RAISE(ABORT, 'assessments are append-only'); END;
  `);
}
