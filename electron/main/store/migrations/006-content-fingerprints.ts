import { appendAudit } from '../audit.ts';
import { auditKeyOf, resealAudit } from '../audit-seal.ts';
import { addendumContentHash, contentDetail, revisionContentHash } from '../content-hash.ts';
import type { Db } from '../database.ts';

/**
 * The audit log starts vouching for clinical content (issue 11). New entries carry the
 * fingerprint of the revision or addendum they record; for what was stored before, one
 * 'fingerprint' entry per encounter records the fingerprints of its revisions and addenda, and
 * its signature, as found at the upgrade. The chain as it stands is sealed first with this
 * installation's key (audit-seal.ts), when the store has given one. No table changes.
 */
export const UPGRADE_AUTHOR = 'Leg Pain DDx (upgrade)';

export function up(db: Db): void {
  const key = auditKeyOf(db);
  if (key !== undefined) resealAudit(db, key);
  const at = new Date().toISOString();
  const encounters = db.prepare('SELECT n, id, status, signed_revision, signed_at, signed_by FROM encounters ORDER BY n').all() as {
    n: number;
    id: string;
    status: string;
    signed_revision: number | null;
    signed_at: string | null;
    signed_by: string | null;
  }[];
  const revisions = db.prepare('SELECT revision, saved_at, saved_by, fields, assessment_hash FROM revisions WHERE encounter_n = ? ORDER BY revision');
  const addenda = db.prepare('SELECT id, created_at, author, text FROM addenda WHERE encounter_n = ? ORDER BY created_at, rowid');
  for (const e of encounters) {
    const revisionHashes = (revisions.all(e.n) as { revision: number; saved_at: string; saved_by: string; fields: string; assessment_hash: string }[]).map((r) =>
      revisionContentHash(e.id, { revision: r.revision, savedAt: r.saved_at, savedBy: r.saved_by, fields: r.fields, assessmentHash: r.assessment_hash }),
    );
    const addendumHashes = new Map(
      (addenda.all(e.n) as { id: string; created_at: string; author: string; text: string }[]).map((a) => [
        a.id,
        addendumContentHash(e.id, { id: a.id, createdAt: a.created_at, author: a.author, text: a.text }),
      ]),
    );
    const signed = e.status === 'signed' ? { revision: e.signed_revision, at: e.signed_at, by: e.signed_by } : null;
    appendAudit(db, { at, who: UPGRADE_AUTHOR, action: 'fingerprint', encounterId: e.id, detail: contentDetail(e.status, revisionHashes, addendumHashes, signed) });
  }
}
