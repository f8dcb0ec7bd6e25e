import { EXPORT_FORMAT, EXPORT_FORMAT_VERSION } from '../../../shared/api/transfer.ts';
import { KB_VERSION, knowledgeBase } from '../../../shared/clinical/index.ts';
import { fhirBundleEnvelope, fhirEntryBuilder, fhirTransactionEnvelope, toTransactionEntries } from '../../../shared/review/fhir/index.ts';
import { withoutEmpty } from '../../../shared/review/fhir/prune.ts';
import type { Db } from '../store/database.ts';
import { readEncounter, type Head } from '../store/encounters.ts';
import { exported } from '../store/transfer.ts';

/**
 * An export document as a sequence of text pieces, one encounter at a time, so it can be written
 * to a file as it is made: memory holds one encounter, never the whole document. Joined, the
 * pieces are exactly what JSON.stringify gives for the whole document (the app's JSON export with
 * one space of indentation, FHIR without), so a file and an in-memory export are the same bytes.
 */

export type ExportFormat = 'json' | 'fhir' | 'fhir-transaction';

export interface ExportDocumentOptions {
  readonly format: ExportFormat;
  readonly exportedAt: string;
  readonly appVersion: string;
}

/** The pieces of the document for `heads`, read from `db` (inside the caller's read transaction); `onEncounter` after each. */
export function* exportDocument(db: Db, heads: readonly Head[], options: ExportDocumentOptions, onEncounter: (done: number) => void = () => {}): Generator<string> {
  if (options.format === 'json') yield* jsonDocument(db, heads, options, onEncounter);
  else yield* fhirDocument(db, heads, options, onEncounter);
}

function* jsonDocument(db: Db, heads: readonly Head[], options: ExportDocumentOptions, onEncounter: (done: number) => void): Generator<string> {
  const envelope = { format: EXPORT_FORMAT, version: EXPORT_FORMAT_VERSION, exportedAt: options.exportedAt, appVersion: options.appVersion, knowledgeBase: KB_VERSION };
  // JSON.stringify(document, null, 1) up to the encounters' list: the envelope without its closing brace.
  yield `${JSON.stringify(envelope, null, 1).slice(0, -2)},\n "encounters": [`;
  for (const [i, head] of heads.entries()) {
    // An element of a list two levels deep: every line indented by two more spaces (a string's
    // own line breaks are escaped, so only the layout's line breaks are found).
    yield `${i === 0 ? '' : ','}\n  ${JSON.stringify(exported(db, head), null, 1).replaceAll('\n', '\n  ')}`;
    onEncounter(i + 1);
  }
  yield heads.length === 0 ? ']\n}' : '\n ]\n}';
}

function* fhirDocument(db: Db, heads: readonly Head[], options: ExportDocumentOptions, onEncounter: (done: number) => void): Generator<string> {
  const fhir = { kb: knowledgeBase, exportedAt: options.exportedAt };
  const transaction = options.format === 'fhir-transaction';
  const envelope = transaction ? fhirTransactionEnvelope(fhir) : fhirBundleEnvelope(fhir);
  const entriesOf = fhirEntryBuilder(fhir);
  // A Bundle without entries has no "entry" at all (FHIR JSON has no empty arrays).
  yield JSON.stringify(envelope).slice(0, -1);
  let written = 0;
  for (const [i, head] of heads.entries()) {
    const { addenda, ...encounter } = readEncounter(db, head);
    const collection = entriesOf({ encounter, addenda }).map((entry) => withoutEmpty(entry));
    const entries = transaction ? toTransactionEntries(collection).map((entry) => withoutEmpty(entry)) : collection;
    let piece = '';
    for (const entry of entries) piece += `${written++ === 0 ? ',"entry":[' : ','}${JSON.stringify(entry)}`;
    if (piece !== '') yield piece;
    onEncounter(i + 1);
  }
  yield written === 0 ? '}' : ']}';
}
