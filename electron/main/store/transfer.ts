import { ApiError } from '../../../shared/api/errors.ts';
import {
  ExportDocument,
  ImportedEncounter,
  type ExportedEncounter,
  type ImportResult,
} from '../../../shared/api/transfer.ts';
import type { RevisionAssessment } from '../../../shared/api/encounter.ts';
import type { StoredAssessment } from '../../../shared/clinical/assessment.ts';
import { KB_VERSION } from '../../../shared/clinical/index.ts';
import { describeIssue } from '../ipc/issues.ts';
import { appendAudit } from './audit.ts';
import { encounterContentDetail } from './content-hash.ts';
import { inTransaction, stmt, type Db } from './database.ts';
import { getHead, HEAD_COLUMNS, insertEncounter, pickFields, readAddenda, readRevisions, type Fields, type Head, type NewEncounter } from './encounters.ts';
import { whoIs } from './profile.ts';

/**
 * JSON export of encounters with their whole history (written by transfer/export-document.ts), and
 * an import that never overwrites: checked in the transfer worker, written in batches here.
 */

export function exported(db: Db, head: Head): ExportedEncounter {
  return {
    id: head.id,
    status: head.status,
    createdAt: head.created_at,
    signedAt: head.signed_at,
    signedBy: head.signed_by,
    signedRevision: head.signed_revision,
    revisions: readRevisions(db, head),
    addenda: readAddenda(db, head.n),
  };
}

/** All encounters in the order they were created, or the ones named (each once); an unknown id stops the export. */
export function headsToExport(db: Db, ids: readonly string[] | undefined): Head[] {
  if (ids === undefined) return stmt(db, `SELECT ${HEAD_COLUMNS} FROM encounters ORDER BY n`).all() as unknown as Head[];
  return [...new Set(ids)].map((id, i) => {
    const head = getHead(db, id);
    if (head === undefined) throw new ApiError('not-found', `There is no encounter with the id ${id}; nothing was exported.`, `ids.${i}`);
    return head;
  });
}

const time = (iso: string): number => Date.parse(iso);

export interface ImportOptions {
  /**
   * Check the history's times and the signer against the revisions, as the app's own export must
   * satisfy (default). A FHIR file carries one revision and a signer from another system's record:
   * its times and signer are taken as given.
   */
  readonly checkHistory?: boolean;
}

/** What is wrong with an otherwise well-formed imported encounter, or null. */
function inconsistency(e: ImportedEncounter, checkHistory: boolean): string | null {
  for (const [i, r] of e.revisions.entries()) {
    if (r.revision !== i + 1 || r.encounter.revision !== i + 1) return `revisions.${i}: the revisions are not numbered 1, 2, 3… in order`;
    if (r.encounter.id !== e.id) return `revisions.${i}: the revision belongs to another encounter`;
    if (!checkHistory) continue;
    if (time(r.savedAt) < time(e.createdAt)) return `revisions.${i}.savedAt: saved before the encounter was created`;
    if (i > 0 && time(r.savedAt) < time(e.revisions[i - 1]!.savedAt)) return `revisions.${i}.savedAt: saved before the revision it follows`;
  }
  const last = e.revisions.length;
  if (e.status === 'signed' && (e.signedRevision !== last || e.signedAt === null || e.signedBy === null)) {
    return 'status: a signed encounter needs its signed revision (the latest), signing time and signer';
  }
  if (e.status === 'draft' && (e.signedRevision !== null || e.signedAt !== null || e.signedBy !== null || e.addenda.length > 0)) {
    return 'status: a draft has neither a signature nor addenda';
  }
  if (!checkHistory) return null;
  if (e.signedAt !== null && e.signedBy !== null) {
    if (time(e.signedAt) < time(e.revisions.at(-1)!.savedAt)) return 'signedAt: signed before its signed revision was saved';
    // A signature is made by the clinician profile of the installation that stored the encounter:
    // a name that saved none of its revisions and is none of its clinicians did not sign it there.
    const names = new Set(e.revisions.flatMap((r) => [r.savedBy, r.encounter.clinician?.name].filter((n): n is string => n !== undefined && n.trim() !== '').map((n) => n.trim())));
    if (names.size > 0 && !names.has(e.signedBy)) return `signedBy: "${e.signedBy}" saved no revision of this encounter and is not its clinician; the signature cannot be taken as it is`;
  }
  for (const [i, a] of e.addenda.entries()) {
    if (e.signedAt !== null && time(a.createdAt) < time(e.signedAt)) return `addenda.${i}.createdAt: an addendum dated before the signature`;
  }
  return null;
}

/**
 * The assessment a revision is stored with: computed here when the file says it came from this
 * knowledge base (so a forged one is replaced by what the engine says), otherwise kept as the file
 * gave it and labelled as imported, never presented as this app's.
 */
function importedAssessment(fields: Fields, given: RevisionAssessment, assess: (fields: Fields) => StoredAssessment): RevisionAssessment {
  if (given.knowledgeBase === KB_VERSION) return assess(fields);
  return { ...given, origin: 'imported' };
}

function toNewEncounter(e: ImportedEncounter, assess: (fields: Fields) => StoredAssessment): NewEncounter {
  return {
    id: e.id,
    createdAt: e.createdAt,
    status: e.status,
    signedRevision: e.signedRevision,
    signedAt: e.signedAt,
    signedBy: e.signedBy,
    revisions: e.revisions.map((r) => {
      const fields = pickFields(r.encounter);
      return { revision: r.revision, savedAt: r.savedAt, savedBy: r.savedBy ?? 'imported', fields, assessment: importedAssessment(fields, r.encounter.assessment, assess) };
    }),
    addenda: e.addenda,
  };
}

/** An encounter of an import that passed every check, with its audit entry's content fingerprints. */
export interface PreparedImport {
  /** Its position in the file, as the user counts entries (reported if it cannot be written after all). */
  readonly index: number;
  readonly encounter: NewEncounter;
  readonly detail: ReturnType<typeof encounterContentDetail>;
}

/**
 * Reads and checks an import file without writing anything: the envelope first (a file that is
 * not an export is refused whole), then each entry on its own, as encounter.save would check it,
 * with its assessment recomputed. Each good entry goes to `accept` as soon as it is checked (the
 * transfer worker hands them to the main thread in batches); each entry left out is reported with
 * the reason. An encounter already stored (same id) is left out, never touched.
 */
export function checkImport(
  db: Db,
  json: string,
  assess: (fields: Fields) => StoredAssessment,
  accept: (prepared: PreparedImport) => void,
  options: ImportOptions & { onEntry?: ((done: number, total: number) => void) | undefined } = {},
): { skipped: ImportResult['skipped']; accepted: number } {
  let raw: unknown;
  try {
    raw = JSON.parse(json);
  } catch (error) {
    throw new ApiError('invalid', `The file is not valid JSON (${(error as Error).message}); nothing was imported.`, 'json');
  }
  const doc = ExportDocument.safeParse(raw);
  if (!doc.success) {
    const { path, message } = describeIssue(doc.error.issues[0]!, 'The file');
    throw new ApiError('invalid', `${message.replace(/\.$/, '')}${path === undefined ? '' : ` (${path})`}; nothing was imported.`, 'json');
  }

  const skipped: ImportResult['skipped'] = [];
  let accepted = 0;
  const seenIds = new Set<string>();
  const seenAddenda = new Set<string>();
  const addendumExists = stmt(db, 'SELECT 1 FROM addenda WHERE id = ?');
  const total = doc.data.encounters.length;
  doc.data.encounters.forEach((entry, index) => {
    options.onEntry?.(index, total);
    const rawId = (entry as { id?: unknown } | null)?.id;
    const id = typeof rawId === 'string' ? rawId : undefined;
    const skip = (reason: string): void => {
      skipped.push(id === undefined ? { index, reason } : { index, id, reason });
    };
    const parsed = ImportedEncounter.safeParse(entry);
    if (!parsed.success) {
      const { path, message } = describeIssue(parsed.error.issues[0]!, 'The entry');
      return skip(path === undefined ? message : `${path}: ${message}`);
    }
    const e = parsed.data;
    const problem = inconsistency(e, options.checkHistory ?? true);
    if (problem !== null) return skip(problem);
    if (seenIds.has(e.id)) return skip('The same encounter appears earlier in the file.');
    seenIds.add(e.id);
    if (getHead(db, e.id) !== undefined) return skip(ALREADY_STORED);
    if (e.addenda.some((a) => seenAddenda.has(a.id) || addendumExists.get(a.id) !== undefined)) {
      return skip('One of its addenda is already stored, or appears twice in the file.');
    }
    let encounter: NewEncounter;
    try {
      encounter = toNewEncounter(e, assess);
    } catch (error) {
      // What encounter.save refuses after the schema (a visit before the date of birth, …).
      if (error instanceof ApiError) return skip(error.path === undefined ? error.message : `${error.path}: ${error.message}`);
      throw error;
    }
    for (const a of e.addenda) seenAddenda.add(a.id);
    accepted++;
    accept({ index, encounter, detail: encounterContentDetail(encounter) });
  });
  options.onEntry?.(total, total);
  return { skipped, accepted };
}

const ALREADY_STORED = 'An encounter with this id is already stored; it was left as it is.';

/**
 * Writes checked encounters in one transaction, each with its audit entry: all of the batch or
 * none of it, so an encounter is never half-written. One stored meanwhile under the same id (or
 * with one of its addenda) is left out and reported. Refused with `busy` while a restore runs.
 */
export function writeImportBatch(db: Db, batch: readonly PreparedImport[], at: string): { written: number; skipped: ImportResult['skipped'] } {
  const skipped: ImportResult['skipped'] = [];
  let written = 0;
  if (batch.length === 0) return { written, skipped };
  const addendumExists = stmt(db, 'SELECT 1 FROM addenda WHERE id = ?');
  inTransaction(db, () => {
    const who = whoIs(db);
    for (const { index, encounter: e, detail } of batch) {
      if (getHead(db, e.id) !== undefined) {
        skipped.push({ index, id: e.id, reason: ALREADY_STORED });
        continue;
      }
      if (e.addenda.some((a) => addendumExists.get(a.id) !== undefined)) {
        skipped.push({ index, id: e.id, reason: 'One of its addenda is already stored, or appears twice in the file.' });
        continue;
      }
      insertEncounter(db, e);
      appendAudit(db, { at, who, action: 'import', encounterId: e.id, detail });
      written++;
    }
  });
  return { written, skipped };
}
