import { z } from 'zod';
import { absoluteFilePath } from './paths.ts';
import { refineDisjointFindings } from '../clinical/case.ts';
import {
  Addendum,
  AddendumText,
  EncounterFields,
  EncounterId,
  EncounterStatus,
  refineWellsAlternative,
  refineWorkingDiagnosisCode,
  Revision,
  RevisionAssessment,
  RevisionEntry,
} from './encounter.ts';

/** Backups (a copy of the whole database) and export/import of encounters (JSON and FHIR). */

const absolutePath = absoluteFilePath('Choose a file', 'Give the full path of the file on this computer');

/** Never recorded anywhere: it lives only for the call. */
const passphrase = z.string().max(1024, 'Keep the passphrase under 1024 characters');

export const BackupRequest = z.object({
  path: absolutePath,
  /** Replace a file already there; without it the call fails with `exists` (the app asks first). */
  overwrite: z.boolean().default(false),
  /** Encrypt the backup with this passphrase (scrypt, AES-256-GCM); restoring it asks for it. */
  passphrase: passphrase.min(10, 'Use a passphrase of at least 10 characters').optional(),
});
export const RestoreRequest = z.object({
  path: absolutePath,
  /** The passphrase of an encrypted backup. */
  passphrase: passphrase.optional(),
});
export const BackupResult = z.object({ path: z.string(), bytes: z.number().int(), sha256: z.string(), encrypted: z.boolean() });
export type BackupResult = z.infer<typeof BackupResult>;

export const RestoreResult = z.object({
  restoredFrom: z.string(),
  /** Where the database in use before the restore was kept (never deleted). */
  previousKeptAt: z.string(),
  encounters: z.number().int(),
  /** What the check of the backup's audit log and content found before it was put in place, in a sentence. */
  auditCheck: z.string(),
  auditIntact: z.boolean(),
});
export type RestoreResult = z.infer<typeof RestoreResult>;

/**
 * Steps of a backup (copying, checking, finishing) and of a restore (copying the file beside the
 * database, validating it, swapping it in).
 */
export const BackupPhase = z.enum(['copying', 'checking', 'finishing', 'validating', 'swapping']);
export type BackupPhase = z.infer<typeof BackupPhase>;

/** How far the running backup or restore has got; polled while backup.create or backup.restore is pending. */
export const BackupProgress = z.object({
  running: z.boolean(),
  operation: z.enum(['backup', 'restore']).nullable(),
  phase: BackupPhase.nullable(),
  /**
   * Bytes done and in all for the current phase; null when the phase cannot be measured (SQLite's
   * integrity check and the final swap report no progress) or nothing runs.
   */
  done: z.number().int().min(0).nullable(),
  total: z.number().int().min(0).nullable(),
  /** When the job started (ISO 8601), null when nothing runs. */
  startedAt: z.string().nullable(),
});
export type BackupProgress = z.infer<typeof BackupProgress>;

/** One encounter in an export file: its latest state, every revision and its addenda. */
export const ExportedEncounter = z.object({
  id: EncounterId,
  status: EncounterStatus,
  createdAt: z.string(),
  signedAt: z.string().nullable(),
  signedBy: z.string().nullable(),
  /** The revision that was signed, when signed. */
  signedRevision: z.number().int().min(1).nullable(),
  revisions: z.array(RevisionEntry).min(1),
  addenda: z.array(Addendum),
});
export type ExportedEncounter = z.infer<typeof ExportedEncounter>;

/** A moment as the app writes it: ISO 8601 with a time zone, on a real calendar day (zod checks the day too). */
export const Timestamp = z.iso.datetime({ offset: true, error: 'Give the time as a real ISO 8601 date and time with its time zone' });

/** A clinician's name as the app records it (profile name): words, not control characters. */
export const PersonName = z
  .string()
  .trim()
  .min(1, 'The name is empty')
  .max(200, 'Keep the name under 200 characters')
  .regex(/^[^\u0000-\u001f\u007f-\u009f]*$/, 'The name holds control characters');

/**
 * One revision of an imported file, checked as encounter.save checks a draft (the same fields and
 * rules), with times that are real times. Its assessment is recomputed on import when it names this
 * knowledge base, and otherwise kept and labelled as imported.
 */
export const ImportedRevision = z.object({
  revision: Revision,
  savedAt: Timestamp,
  savedBy: PersonName.optional(),
  encounter: EncounterFields.extend({
    id: EncounterId,
    revision: Revision,
    status: EncounterStatus,
    assessment: RevisionAssessment,
    createdAt: Timestamp,
    savedAt: Timestamp,
    signedAt: Timestamp.nullable(),
    signedBy: PersonName.nullable(),
  })
    .superRefine(refineDisjointFindings)
    .superRefine(refineWorkingDiagnosisCode)
    .superRefine(refineWellsAlternative),
});

/** An addendum of an imported file, held to what encounter.addAddendum accepts. */
export const ImportedAddendum = z.object({ id: EncounterId, text: AddendumText, createdAt: Timestamp, author: PersonName });

/** An encounter of an imported file (what ExportedEncounter writes), checked as the app's own input is. */
export const ImportedEncounter = z.object({
  id: EncounterId,
  status: EncounterStatus,
  createdAt: Timestamp,
  signedAt: Timestamp.nullable(),
  signedBy: PersonName.nullable(),
  signedRevision: Revision.nullable(),
  revisions: z.array(ImportedRevision).min(1).max(1000, 'More than 1000 revisions'),
  addenda: z.array(ImportedAddendum).max(1000, 'More than 1000 addenda'),
});
export type ImportedEncounter = z.infer<typeof ImportedEncounter>;

export const EXPORT_FORMAT = 'leg-pain-ddx/encounters';
export const EXPORT_FORMAT_VERSION = 1;

/** The export document's envelope; each encounter is validated on its own so one bad entry spoils nothing else. */
export const ExportDocument = z.object({
  format: z.literal(EXPORT_FORMAT, { error: 'This file is not a Leg Pain DDx export' }),
  version: z.literal(EXPORT_FORMAT_VERSION, { error: 'This export was made by a newer version of Leg Pain DDx' }),
  exportedAt: z.string(),
  appVersion: z.string(),
  knowledgeBase: z.string(),
  encounters: z.array(z.unknown()),
});

export const ExportRequest = z.object({ ids: z.array(EncounterId).max(200_000).optional() });
export const ExportResult = z.object({ json: z.string(), count: z.number().int() });

/**
 * An export written straight to a file by the main process, one encounter at a time (memory stays
 * bounded whatever the number of encounters), with progress (data.progress); the file appears
 * whole or not at all. A passphrase protects it as an encrypted backup is protected.
 */
export const ExportFileRequest = z.object({
  format: z.enum(['json', 'fhir', 'fhir-transaction']),
  path: absolutePath,
  /** Replace a file already there; without it the call fails with `exists` (the app asks first). */
  overwrite: z.boolean().default(false),
  passphrase: passphrase.min(10, 'Use a passphrase of at least 10 characters').optional(),
  ids: z.array(EncounterId).max(200_000).optional(),
});
export const ExportFileResult = z.object({
  path: z.string(),
  count: z.number().int(),
  bytes: z.number().int(),
  /** SHA-256 of the file as written (encrypted, when a passphrase was given). */
  sha256: z.string(),
  encrypted: z.boolean(),
});
export type ExportFileResult = z.infer<typeof ExportFileResult>;

const MAX_IMPORT = 512 * 1024 * 1024;
/**
 * An import file's content: its text, or (a passphrase-protected export) its bytes in base64 with
 * the passphrase. A protected file without its passphrase, or with the wrong one, imports nothing.
 */
export const ImportRequest = z
  .object({
    json: z.string().min(1, 'The file is empty').max(MAX_IMPORT, 'The file is too large to import').optional(),
    sealed: z.string().min(1, 'The file is empty').max(Math.ceil(MAX_IMPORT / 3) * 4, 'The file is too large to import').optional(),
    passphrase: passphrase.optional(),
  })
  .superRefine((r, ctx) => {
    if ((r.json === undefined) === (r.sealed === undefined)) ctx.addIssue({ code: 'custom', message: 'Give the file’s text, or a protected file’s content, not both', path: ['json'] });
    else if (r.sealed !== undefined && (r.passphrase ?? '') === '') {
      ctx.addIssue({ code: 'custom', message: 'This file is protected by a passphrase: enter it to import the file', path: ['passphrase'] });
    }
  });

/** Steps of an export (reading and writing encounters, then putting the file in place) and of an import. */
export const TransferPhase = z.enum(['opening', 'checking', 'writing', 'exporting', 'finishing']);
export type TransferPhase = z.infer<typeof TransferPhase>;

/** How far the running export or import has got; polled while its call is pending. */
export const TransferProgress = z.object({
  running: z.boolean(),
  operation: z.enum(['export', 'import']).nullable(),
  phase: TransferPhase.nullable(),
  /** Encounters (or, for an import, entries of the file) done and in all; null when not known yet. */
  done: z.number().int().min(0).nullable(),
  total: z.number().int().min(0).nullable(),
  startedAt: z.string().nullable(),
});
export type TransferProgress = z.infer<typeof TransferProgress>;
export const ImportSkip = z.object({ index: z.number().int(), id: z.string().optional(), reason: z.string() });
/** What an imported encounter's file held that was not imported (FHIR import), each element saying what and why. */
export const ImportLeftOut = z.object({ index: z.number().int(), id: z.string(), elements: z.array(z.string()) });
export const ImportResult = z.object({
  imported: z.number().int(),
  skipped: z.array(ImportSkip),
  /** FHIR import: per imported encounter, the elements of the file that were not imported. */
  notImported: z.array(ImportLeftOut).optional(),
  /** FHIR import: words on the file as a whole (no Encounter in it, resources that belong to none). */
  notes: z.array(z.string()).optional(),
});
export type ImportResult = z.infer<typeof ImportResult>;
