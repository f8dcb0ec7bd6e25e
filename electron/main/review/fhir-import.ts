import type { Encounter } from '../../../shared/api/encounter.ts';
import { ApiError } from '../../../shared/api/errors.ts';
import { EXPORT_FORMAT, EXPORT_FORMAT_VERSION, type ExportedEncounter, type ImportResult } from '../../../shared/api/transfer.ts';
import { KB_VERSION } from '../../../shared/clinical/index.ts';
import { readFhirJson, type FhirEncounterRecord } from '../../../shared/review/fhir/index.ts';
import { assessEncounter } from '../services/assessment.ts';
import type { Db } from '../store/database.ts';
import { checkImport, type PreparedImport } from '../store/transfer.ts';

/**
 * A FHIR R4 Bundle into the database, through the store's JSON import so the rules are the same:
 * every encounter checked as a save is, an id already stored never touched, each one left out
 * reported with its reason (written in batches by the services, see services/transfers.ts).
 */

/**
 * One read-back encounter as an entry of the app's own export format. The file carries only the
 * latest revision, so the encounter comes in with that one revision, numbered 1. Its stored
 * assessment is kept as it was; one from elsewhere is assessed with today's engine.
 */
function toExported(r: FhirEncounterRecord, at: string): ExportedEncounter {
  const signed = r.status === 'signed';
  const savedAt = r.savedAt ?? at;
  const encounter: Encounter = {
    id: r.id,
    revision: 1,
    status: r.status,
    ...r.fields,
    assessment: r.assessment ?? assessEncounter(r.fields),
    createdAt: r.createdAt ?? at,
    savedAt,
    signedAt: signed ? r.signedAt : null,
    signedBy: signed ? (r.signedBy ?? 'not recorded in the imported file') : null,
  };
  return {
    id: r.id,
    status: r.status,
    createdAt: encounter.createdAt,
    signedAt: encounter.signedAt,
    signedBy: encounter.signedBy,
    signedRevision: signed ? 1 : null,
    revisions: [{ revision: 1, savedAt, savedBy: r.fromLegPainDdx ? 'FHIR import' : 'FHIR import (from another system)', encounter }],
    // An addendum from another system may name no author: said so, as for the signer.
    addenda: r.addenda.map((a) => (a.author.trim() === '' ? { ...a, author: 'not recorded in the imported file' } : a)),
  };
}

/**
 * Reads and checks a FHIR file without writing anything (the transfer worker runs it): each good
 * encounter goes to `accept` with its position in the FHIR file; what was left out, and what the
 * imported encounters held that was not imported, come back for the result.
 */
export function checkFhirImport(
  db: Db,
  json: string,
  at: string,
  appVersion: string,
  accept: (prepared: PreparedImport) => void,
  onEntry?: (done: number, total: number) => void,
): Omit<ImportResult, 'imported'> {
  const read = readFhirJson(json);
  const skipped: ImportResult['skipped'] = [...read.skipped];
  const records: FhirEncounterRecord[] = [];
  const entries: ExportedEncounter[] = [];
  for (const record of read.encounters) {
    try {
      entries.push(toExported(record, at));
      records.push(record);
    } catch (error) {
      if (!(error instanceof ApiError)) throw error;
      skipped.push({ index: record.index, id: record.id, reason: error.message });
    }
  }
  const document = { format: EXPORT_FORMAT, version: EXPORT_FORMAT_VERSION, exportedAt: at, appVersion, knowledgeBase: KB_VERSION, encounters: entries };
  // The store reports positions in the list it was given; the user needs positions in the FHIR file.
  const result = checkImport(db, JSON.stringify(document), assessEncounter, (p) => accept({ ...p, index: records[p.index]!.index }), { checkHistory: false, onEntry });
  for (const s of result.skipped) skipped.push({ ...s, index: records[s.index]!.index });
  skipped.sort((a, b) => a.index - b.index);
  // What was left out of the encounters that did come in (an encounter already stored came in with nothing).
  const refused = new Set(skipped.map((s) => s.index));
  const notImported = records.filter((r) => !refused.has(r.index) && r.notImported.length > 0).map((r) => ({ index: r.index, id: r.id, elements: [...r.notImported] }));
  return { skipped, notImported, notes: [...read.notes] };
}
