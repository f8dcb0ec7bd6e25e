import type { z } from 'zod';
import {
  EncounterFields,
  type Addendum,
  type Encounter,
  type EncounterStatus,
  type EncounterSummary,
  type EncounterWithAddenda,
  type RevisionEntry,
} from '../../../shared/api/encounter.ts';
import type { StoredAssessment } from '../../../shared/clinical/assessment.ts';
import { decodeAssessment, storeAssessment } from './assessment-codec.ts';
import { stmt, type Db } from './database.ts';
import { searchDocument, topCauseOf } from './search-document.ts';
import { insertSearchRow, replaceSearchRow } from './search-index.ts';

/** Rows of encounters, revisions, assessments and addenda: the statements, no policy. */

export type Fields = z.output<typeof EncounterFields>;
const FIELD_KEYS = Object.keys(EncounterFields.shape) as (keyof Fields)[];

/** The clinician's fields only, in the schema's order: what a revision stores, byte for byte. */
export function pickFields(source: Fields): Fields {
  const out: Record<string, unknown> = {};
  for (const key of FIELD_KEYS) out[key] = source[key];
  return out as Fields;
}

export const serializeFields = (fields: Fields): string => JSON.stringify(pickFields(fields));

export interface Head {
  n: number;
  id: string;
  created_at: string;
  revision: number;
  status: EncounterStatus;
  signed_revision: number | null;
  signed_at: string | null;
  signed_by: string | null;
}

export const HEAD_COLUMNS = 'n, id, created_at, revision, status, signed_revision, signed_at, signed_by';

export const getHead = (db: Db, id: string): Head | undefined =>
  stmt(db, `SELECT ${HEAD_COLUMNS} FROM encounters WHERE id = ?`).get(id) as Head | undefined;

const LIST_COLUMNS = [
  'seen_at',
  'seen_at_utc',
  'patient_name',
  'patient_identifier',
  'top_cause',
  'working_diagnosis',
  'red_flags',
  'has_red_flag',
] as const;
type ListColumns = Record<(typeof LIST_COLUMNS)[number], string | number | null>;

/** The columns the history list filters and sorts on, from a revision. */
function listColumns(fields: Fields, assessment: StoredAssessment): ListColumns {
  const redFlags = assessment.redFlags.map((f) => f.id);
  return {
    seen_at: fields.seenAt,
    seen_at_utc: new Date(fields.seenAt).toISOString(),
    patient_name: fields.patient.name,
    patient_identifier: fields.patient.identifier,
    top_cause: topCauseOf(assessment),
    working_diagnosis: fields.workingDiagnosis,
    red_flags: JSON.stringify(redFlags),
    has_red_flag: redFlags.length > 0 ? 1 : 0,
  };
}

export interface NewRevision {
  readonly revision: number;
  readonly savedAt: string;
  readonly savedBy: string;
  readonly fields: Fields;
  readonly assessment: StoredAssessment;
}

function insertRevision(db: Db, n: number, r: NewRevision): void {
  const hash = storeAssessment(db, r.assessment);
  stmt(
    db,
    'INSERT INTO revisions (encounter_n, revision, saved_at, saved_by, fields, assessment_hash) VALUES (?, ?, ?, ?, ?, ?)',
  ).run(n, r.revision, r.savedAt, r.savedBy, serializeFields(r.fields), hash);
}

export interface NewEncounter {
  readonly id: string;
  readonly createdAt: string;
  readonly status: EncounterStatus;
  readonly signedRevision: number | null;
  readonly signedAt: string | null;
  readonly signedBy: string | null;
  readonly revisions: readonly NewRevision[];
  readonly addenda: readonly Addendum[];
}

/** Inserts an encounter with its revisions (one for a new one; several for an import) and addenda. */
export function insertEncounter(db: Db, e: NewEncounter): number {
  const latest = e.revisions.at(-1)!;
  const c = listColumns(latest.fields, latest.assessment);
  const { n } = stmt(
    db,
    `INSERT INTO encounters (id, created_at, revision, status, signed_revision, signed_at, signed_by, seen_at, seen_at_utc,
       patient_name, patient_identifier, top_cause, working_diagnosis, red_flags, has_red_flag)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING n`,
  ).get(
    e.id,
    e.createdAt,
    latest.revision,
    e.status,
    e.signedRevision,
    e.signedAt,
    e.signedBy,
    c.seen_at,
    c.seen_at_utc,
    c.patient_name,
    c.patient_identifier,
    c.top_cause,
    c.working_diagnosis,
    c.red_flags,
    c.has_red_flag,
  ) as { n: number };
  for (const r of e.revisions) insertRevision(db, n, r);
  for (const a of e.addenda) insertAddendumRow(db, n, a);
  insertSearchRow(db, n, searchDocument(latest.fields, latest.assessment, e.addenda.map((a) => a.text)));
  return n;
}

/**
 * A new revision of a draft; the caller has checked the base revision. Only the list columns
 * whose value changed are set: SQLite rewrites every index that holds a column an UPDATE sets,
 * even to the value it had, and the list's six indexes were most of the pages a revision wrote.
 */
export function appendRevision(db: Db, head: Head, r: NewRevision): void {
  insertRevision(db, head.n, r);
  const next = listColumns(r.fields, r.assessment);
  const current = stmt(db, `SELECT ${LIST_COLUMNS.join(', ')} FROM encounters WHERE n = ?`).get(head.n) as ListColumns;
  const changed = LIST_COLUMNS.filter((c) => current[c] !== next[c]);
  stmt(db, `UPDATE encounters SET ${['revision', ...changed].map((c) => `${c} = ?`).join(', ')} WHERE n = ?`).run(
    r.revision,
    ...changed.map((c) => next[c]),
    head.n,
  );
  replaceSearchRow(db, head.n, searchDocument(r.fields, r.assessment, []));
}

export function markSigned(db: Db, head: Head, at: string, by: string): void {
  stmt(db, "UPDATE encounters SET status = 'signed', signed_revision = revision, signed_at = ?, signed_by = ? WHERE n = ?").run(
    at,
    by,
    head.n,
  );
}

function insertAddendumRow(db: Db, n: number, a: Addendum): void {
  stmt(db, 'INSERT INTO addenda (id, encounter_n, created_at, author, text) VALUES (?, ?, ?, ?, ?)').run(
    a.id,
    n,
    a.createdAt,
    a.author,
    a.text,
  );
}

export function addAddendum(db: Db, head: Head, a: Addendum): void {
  insertAddendumRow(db, head.n, a);
  const latest = readRevisionRow(db, head.n, head.revision);
  const addenda = readAddenda(db, head.n).map((x) => x.text);
  replaceSearchRow(db, head.n, searchDocument(latest.fields, latest.assessment, addenda));
}

interface RevisionRow {
  revision: number;
  saved_at: string;
  saved_by: string;
  fields: string;
  dictionary_id: number | null;
  body: Uint8Array;
}

interface DecodedRevision {
  revision: number;
  savedAt: string;
  savedBy: string;
  fields: Fields;
  assessment: StoredAssessment;
}

const decodeRevision = (db: Db, row: RevisionRow): DecodedRevision => ({
  revision: row.revision,
  savedAt: row.saved_at,
  savedBy: row.saved_by,
  fields: JSON.parse(row.fields) as Fields,
  assessment: JSON.parse(decodeAssessment(db, row.dictionary_id, row.body)) as StoredAssessment,
});

const REVISION_SELECT = `SELECT r.revision, r.saved_at, r.saved_by, r.fields, a.dictionary_id, a.body
  FROM revisions r JOIN assessments a ON a.hash = r.assessment_hash`;

function readRevisionRow(db: Db, n: number, revision: number): DecodedRevision {
  const row = stmt(db, `${REVISION_SELECT} WHERE r.encounter_n = ? AND r.revision = ?`).get(n, revision);
  if (row === undefined) throw new Error(`revision ${revision} of encounter #${n} is missing`);
  return decodeRevision(db, row as unknown as RevisionRow);
}

export function readAddenda(db: Db, n: number): Addendum[] {
  return stmt(db, 'SELECT id, text, created_at, author FROM addenda WHERE encounter_n = ? ORDER BY created_at, rowid')
    .all(n)
    .map((row) => ({ id: String(row.id), text: String(row.text), createdAt: String(row.created_at), author: String(row.author) }));
}

/** The encounter as a revision shows it; only the signed revision carries the signature. */
function toEncounter(head: Head, r: DecodedRevision): Encounter {
  const signed = head.status === 'signed' && head.signed_revision === r.revision;
  return {
    id: head.id,
    revision: r.revision,
    status: signed ? 'signed' : 'draft',
    ...r.fields,
    assessment: r.assessment,
    createdAt: head.created_at,
    savedAt: r.savedAt,
    signedAt: signed ? head.signed_at : null,
    signedBy: signed ? head.signed_by : null,
  };
}

export function readEncounter(db: Db, head: Head): EncounterWithAddenda {
  return { ...toEncounter(head, readRevisionRow(db, head.n, head.revision)), addenda: readAddenda(db, head.n) };
}

function toRevisionEntry(db: Db, head: Head, row: RevisionRow): RevisionEntry {
  const r = decodeRevision(db, row);
  return { revision: r.revision, savedAt: r.savedAt, savedBy: r.savedBy, encounter: toEncounter(head, r) };
}

export function readRevisions(db: Db, head: Head): RevisionEntry[] {
  return stmt(db, `${REVISION_SELECT} WHERE r.encounter_n = ? ORDER BY r.revision`)
    .all(head.n)
    .map((row) => toRevisionEntry(db, head, row as unknown as RevisionRow));
}

/** One revision as readRevisions shows it (only that one decoded), or undefined when there is no such revision. */
export function readRevision(db: Db, head: Head, revision: number): RevisionEntry | undefined {
  const row = stmt(db, `${REVISION_SELECT} WHERE r.encounter_n = ? AND r.revision = ?`).get(head.n, revision);
  return row === undefined ? undefined : toRevisionEntry(db, head, row as unknown as RevisionRow);
}

export interface SummaryRow {
  id: string;
  seen_at: string;
  patient_name: string;
  patient_identifier: string;
  status: EncounterStatus;
  top_cause: string | null;
  working_diagnosis: string | null;
  red_flags: string;
}

export const SUMMARY_COLUMNS = 'id, seen_at, patient_name, patient_identifier, status, top_cause, working_diagnosis, red_flags';

export const toSummary = (row: SummaryRow): EncounterSummary => ({
  id: row.id,
  seenAt: row.seen_at,
  patientName: row.patient_name,
  patientIdentifier: row.patient_identifier,
  status: row.status,
  topCause: row.top_cause,
  workingDiagnosis: row.working_diagnosis,
  redFlags: JSON.parse(row.red_flags) as string[],
});
