/** FHIR R4 export and import of encounters; mapping.md documents the choices. */
export { toFhirBundle, fhirBundleEnvelope, fhirEntryBuilder, fhirDateTime, type FhirKnowledgeBase, type FhirSourceEncounter, type ToFhirOptions } from './to-bundle.ts';
export { toFhirTransaction, fhirTransactionEnvelope, toTransactionEntries, RESOURCE_IDENTIFIER_SYSTEM, PATIENT_KEY_SYSTEM } from './transaction.ts';
export { fromFhirBundle, readFhirJson, type FhirEncounterRecord, type FhirReadResult } from './from-bundle.ts';
export { SYSTEM as FHIR_SYSTEM, EXTENSION as FHIR_EXTENSION } from './codes.ts';
export type * as R4 from './types.ts';
