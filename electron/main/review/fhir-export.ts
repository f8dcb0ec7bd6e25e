import { ApiError } from '../../../shared/api/errors.ts';
import { knowledgeBase } from '../../../shared/clinical/index.ts';
import { toFhirBundle, type FhirSourceEncounter } from '../../../shared/review/fhir/index.ts';
import { stmt, type Db } from '../store/database.ts';
import { getHead, readEncounter, type Head } from '../store/encounters.ts';

/** Encounters (all, or the ids given) as a FHIR R4 Bundle: the latest revision of each, with its addenda. */
export function exportFhir(db: Db, options: { ids?: readonly string[] | undefined; exportedAt: string }): { json: string; count: number } {
  // One read transaction: a consistent snapshot even if a save lands meanwhile.
  db.exec('BEGIN');
  let items: FhirSourceEncounter[];
  try {
    const heads: Head[] =
      options.ids === undefined
        ? (stmt(db, 'SELECT n, id, created_at, revision, status, signed_revision, signed_at, signed_by FROM encounters ORDER BY n').all() as unknown as Head[])
        : [...new Set(options.ids)].map((id, i) => {
            const head = getHead(db, id);
            if (head === undefined) throw new ApiError('not-found', `There is no encounter with the id ${id}; nothing was exported.`, `ids.${i}`);
            return head;
          });
    items = heads.map((head) => {
      const { addenda, ...encounter } = readEncounter(db, head);
      return { encounter, addenda };
    });
  } finally {
    db.exec('COMMIT');
  }
  const bundle = toFhirBundle(items, { kb: knowledgeBase, exportedAt: options.exportedAt });
  return { json: JSON.stringify(bundle), count: items.length };
}
