import type { Db } from '../database.ts';

/**
 * Layout for 100,000 encounters and more.
 * - `revisions` becomes an ordinary rowid table: a WITHOUT ROWID table stores whole rows in its
 *   index b-tree, where a revision's JSON (about a kilobyte with its notes) spills into overflow
 *   pages; rebuilt by SQLite's procedure, its rows and triggers unchanged.
 * - The history list's indexes carry the other filter columns, so counting a filtered list reads
 *   the index alone, and the cause filter (top cause or working diagnosis) merges two index scans
 *   already in date order.
 */
export function up(db: Db): void {
  db.exec(`
    CREATE TABLE revisions_rowid (
      encounter_n     INTEGER NOT NULL REFERENCES encounters (n),
      revision        INTEGER NOT NULL CHECK (revision >= 1),
      saved_at        TEXT NOT NULL,
      saved_by        TEXT NOT NULL,
      fields          TEXT NOT NULL,
      assessment_hash TEXT NOT NULL REFERENCES assessments (hash),
      UNIQUE (encounter_n, revision)
    );
    INSERT INTO revisions_rowid (encounter_n, revision, saved_at, saved_by, fields, assessment_hash)
      SELECT encounter_n, revision, saved_at, saved_by, fields, assessment_hash FROM revisions ORDER BY encounter_n, revision;
    DROP TABLE revisions;
    ALTER TABLE revisions_rowid RENAME TO revisions;
    CREATE TRIGGER revisions_append_only_update BEFORE UPDATE ON revisions
      BEGIN SELECT RAISE(ABORT, 'revisions are append-only'); END;
    CREATE TRIGGER revisions_append_only_delete BEFORE DELETE ON revisions
      BEGIN SELECT RAISE(ABORT, 'revisions are append-only'); END;

    DROP INDEX encounters_status;
    DROP INDEX encounters_top_cause;
    DROP INDEX encounters_working_diagnosis;
    DROP INDEX encounters_red_flag;
    CREATE INDEX encounters_status ON encounters (status, seen_at_utc DESC, n DESC, has_red_flag);
    CREATE INDEX encounters_top_cause ON encounters (top_cause, seen_at_utc DESC, n DESC, status, has_red_flag);
    CREATE INDEX encounters_working_diagnosis ON encounters (working_diagnosis, seen_at_utc DESC, n DESC, status, has_red_flag, top_cause);
    CREATE INDEX encounters_red_flag ON encounters (has_red_flag, seen_at_utc DESC, n DESC, status);
  `);
}
