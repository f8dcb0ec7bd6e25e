import { createHash } from 'node:crypto';
import type { Addendum } from '../../../shared/api/encounter.ts';
import type { JsonValue } from '../../../shared/api/audit.ts';
import { assessmentHash } from './assessment-codec.ts';
import { canonicalJson } from './canonical-json.ts';
import { serializeFields, type NewEncounter, type NewRevision } from './encounters.ts';

/**
 * Fingerprints of clinical content, kept in the audit entry that records it (audit-verify.ts
 * recomputes them from the rows). The canonical form is JSON with sorted keys of what the rows
 * hold: for a revision its number, time, author, the clinician's fields as stored and the key of
 * its stored assessment (itself the SHA-256 of the assessment's JSON, checked separately); for an
 * addendum its id, time, author and text. Each names its encounter, so content cannot be moved
 * from one encounter to another unnoticed.
 */

const sha256 = (text: string): string => createHash('sha256').update(text).digest('hex');

/** A revision as its row stores it: `fields` is the JSON text of the row. */
export interface StoredRevisionContent {
  readonly revision: number;
  readonly savedAt: string;
  readonly savedBy: string;
  readonly fields: string;
  readonly assessmentHash: string;
}

export function revisionContentHash(encounterId: string, r: StoredRevisionContent): string {
  return sha256(
    canonicalJson({
      kind: 'revision',
      encounter: encounterId,
      revision: r.revision,
      savedAt: r.savedAt,
      savedBy: r.savedBy,
      fields: JSON.parse(r.fields) as JsonValue,
      assessment: r.assessmentHash,
    }),
  );
}

/** The same fingerprint, for a revision about to be written. */
export const newRevisionContentHash = (encounterId: string, r: NewRevision): string =>
  revisionContentHash(encounterId, {
    revision: r.revision,
    savedAt: r.savedAt,
    savedBy: r.savedBy,
    fields: serializeFields(r.fields),
    assessmentHash: assessmentHash(JSON.stringify(r.assessment)),
  });

export function addendumContentHash(encounterId: string, a: Addendum): string {
  return sha256(canonicalJson({ kind: 'addendum', encounter: encounterId, id: a.id, createdAt: a.createdAt, author: a.author, text: a.text }));
}

/**
 * The audit detail of a whole encounter written at once (an import, or the fingerprints taken of
 * encounters stored before fingerprints existed): every revision's fingerprint (revision 1 first)
 * and every addendum's, and the signature, if signed.
 */
export function contentDetail(
  status: string,
  revisionHashes: readonly string[],
  addendumHashes: ReadonlyMap<string, string>,
  signed: { revision: number | null; at: string | null; by: string | null } | null,
): { [key: string]: JsonValue } {
  const detail: { [key: string]: JsonValue } = {
    revisions: revisionHashes.length,
    status,
    content: [...revisionHashes],
    addenda: Object.fromEntries(addendumHashes),
  };
  if (signed !== null) detail.signed = { ...signed };
  return detail;
}

export const encounterContentDetail = (e: NewEncounter): { [key: string]: JsonValue } =>
  contentDetail(
    e.status,
    e.revisions.map((r) => newRevisionContentHash(e.id, r)),
    new Map(e.addenda.map((a) => [a.id, addendumContentHash(e.id, a)])),
    e.status === 'signed' ? { revision: e.signedRevision, at: e.signedAt, by: e.signedBy } : null,
  );
