import { knowledgeBase } from '../../../shared/clinical/index.ts';
import { toFhirBundle, toFhirTransaction, type FhirSourceEncounter } from '../../../shared/review/fhir/index.ts';
import type { Db } from '../store/database.ts';
import { readEncounter } from '../store/encounters.ts';
import { headsToExport } from '../store/transfer.ts';

export interface FhirExportOptions {
  readonly ids?: readonly string[] | undefined;
  readonly exportedAt: string;
  /** collection (default) or transaction (for a FHIR server). */
  readonly bundle?: 'collection' | 'transaction' | undefined;
}

/** Encounters (all, or the ids given) as a FHIR R4 Bundle: the latest revision of each, with its addenda. */
export function exportFhir(db: Db, options: FhirExportOptions): { json: string; count: number } {
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
  const build = options.bundle === 'transaction' ? toFhirTransaction : toFhirBundle;
  const bundle = build(items, { kb: knowledgeBase, exportedAt: options.exportedAt });
  return { json: JSON.stringify(bundle), count: items.length };
}
