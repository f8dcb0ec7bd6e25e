import { APPLICATION_ID, type Db } from '../database.ts';

/**
 * The first schema: encounters with append-only revisions, content-addressed assessments, addenda,
 * the hash-chained audit log, the clinician profile and settings.
 *
 * `encounters` is the head of each encounter (its latest revision number, status and the columns the
 * history list filters on); `revisions` holds every saved version and is never updated or deleted,
 * which triggers enforce. An assessment is stored once per distinct content (a save that changes
 * only the notes reuses the previous one), keyed by its SHA-256.
 */
export function up(db: Db): void {
  db.exec(`
    PRAGMA application_id = ${APPLICATION_ID};

    CREATE TABLE encounters (
      n                  INTEGER PRIMARY KEY,
      id                 TEXT NOT NULL UNIQUE,
      created_at         TEXT NOT NULL,
      revision           INTEGER NOT NULL CHECK (revision >= 1),
      status             TEXT NOT NULL CHECK (status IN ('draft', 'signed')),
      signed_revision    INTEGER,
      signed_at          TEXT,
      signed_by          TEXT,
      seen_at            TEXT NOT NULL,
      seen_at_utc        TEXT NOT NULL,
      patient_name       TEXT NOT NULL,
      patient_identifier TEXT NOT NULL,
      top_cause          TEXT,
      working_diagnosis  TEXT,
      red_flags          TEXT NOT NULL DEFAULT '[]',
      has_red_flag       INTEGER NOT NULL DEFAULT 0
    );
    CREATE INDEX encounters_seen ON encounters (seen_at_utc DESC, n DESC);

    CREATE TABLE assessments (
      hash           TEXT PRIMARY KEY,
      knowledge_base TEXT NOT NULL,
      json           TEXT NOT NULL
    ) WITHOUT ROWID;

    CREATE TABLE revisions (
      encounter_n     INTEGER NOT NULL REFERENCES encounters (n),
      revision        INTEGER NOT NULL CHECK (revision >= 1),
      saved_at        TEXT NOT NULL,
      saved_by        TEXT NOT NULL,
      fields          TEXT NOT NULL,
      assessment_hash TEXT NOT NULL REFERENCES assessments (hash),
      PRIMARY KEY (encounter_n, revision)
    ) WITHOUT ROWID;

    CREATE TABLE addenda (
      id          TEXT PRIMARY KEY,
      encounter_n INTEGER NOT NULL REFERENCES encounters (n),
      created_at  TEXT NOT NULL,
      author      TEXT NOT NULL,
      text        TEXT NOT NULL
    );
    CREATE INDEX addenda_encounter ON addenda (encounter_n, created_at);

    CREATE TABLE audit (
      seq          INTEGER PRIMARY KEY,
      at           TEXT NOT NULL,
      who          TEXT NOT NULL,
      action       TEXT NOT NULL,
      encounter_id TEXT,
      detail       TEXT NOT NULL,
      prev_hash    TEXT NOT NULL,
      hash         TEXT NOT NULL
    );
    CREATE INDEX audit_encounter ON audit (encounter_id, seq);

    CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL) WITHOUT ROWID;
    CREATE TABLE profile (only INTEGER PRIMARY KEY CHECK (only = 1), json TEXT NOT NULL);
    CREATE TABLE settings (only INTEGER PRIMARY KEY CHECK (only = 1), json TEXT NOT NULL);

    CREATE TRIGGER revisions_append_only_update BEFORE UPDATE ON revisions
      BEGIN SELECT RAISE(ABORT, 'revisions are append-only'); END;
    CREATE TRIGGER revisions_append_only_delete BEFORE DELETE ON revisions
      BEGIN SELECT RAISE(ABORT, 'revisions are append-only'); END;
    CREATE TRIGGER assessments_append_only_update BEFORE UPDATE ON assessments
      BEGIN SELECT RAISE(ABORT, 'assessments are append-only'); END;
    CREATE TRIGGER assessments_append_only_delete BEFORE DELETE ON assessments
      BEGIN SELECT RAISE(ABORT, 'assessments are append-only'); END;
    CREATE TRIGGER addenda_append_only_update BEFORE UPDATE ON addenda
      BEGIN SELECT RAISE(ABORT, 'addenda are append-only'); END;
    CREATE TRIGGER addenda_append_only_delete BEFORE DELETE ON addenda
      BEGIN SELECT RAISE(ABORT, 'addenda are append-only'); END;
    CREATE TRIGGER audit_append_only_update BEFORE UPDATE ON audit
      BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;
    CREATE TRIGGER audit_append_only_delete BEFORE DELETE ON audit
      BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;
    CREATE TRIGGER encounters_no_delete BEFORE DELETE ON encounters
      BEGIN SELECT RAISE(ABORT, 'encounters are never deleted'); END;
    CREATE TRIGGER encounters_signed_locked BEFORE UPDATE ON encounters WHEN OLD.status = 'signed'
      BEGIN SELECT RAISE(ABORT, 'a signed encounter is locked'); END;
  `);
}
