import { knowledgeBase } from '../../../shared/clinical/index.ts';
import { toFhirBundle, type FhirSourceEncounter } from '../../../shared/review/fhir/index.ts';
import type { Db } from '../store/database.ts';
import { readEncounter } from '../store/encounters.ts';
import { headsToExport } from '../store/transfer.ts';

/** Encounters (all, or the ids given) as a FHIR R4 Bundle: the latest revision of each, with its addenda. */
export function exportFhir(db: Db, options: { ids?: readonly string[] | undefined; exportedAt: string }): { json: string; count: number } {
  // One read transaction: a consistent snapshot even if a save lands meanwhile.
  db.exec('BEGIN');
  let items: FhirSourceEncounter[];
  try {
    items = headsToExport(db, options.ids).map((head) => {
      const { addenda, ...encounter } = readEncounter(db, head);
      return { encounter, addenda };
    });
  } finally {
    db.exec('COMMIT');
  }
  const bundle = toFhirBundle(items, { kb: knowledgeBase, exportedAt: options.exportedAt });
  return { json: JSON.stringify(bundle), count: items.length };
}
