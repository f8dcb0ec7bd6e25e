import { causes } from '../clinical/kb/causes.ts';
import type { Icd10Code } from '../clinical/types.ts';

/**
 * ICD-10 (WHO 2019) codes of the causes, one concept at a time. The knowledge base lists a cause's
 * codes with its default first: the code that names the cause as the knowledge base labels it
 * (Sciatica M54.3, Ruptured Baker's cyst M66.0, ...). The others are more specific alternatives the
 * clinician may choose for the working diagnosis. FHIR codings in one CodeableConcept must mean the
 * same thing, so an export carries exactly one of them.
 */

const byCause = new Map(causes.map((c) => [c.id, c.icd10]));
const causeByCode = new Map<string, string>();
for (const c of causes) for (const code of c.icd10) if (!causeByCode.has(code.code)) causeByCode.set(code.code, c.id);

/** The codes the clinician can choose from for a cause, default first; empty for an unknown cause or one without a code. */
export function icd10Choices(causeId: string): readonly Icd10Code[] {
  return byCause.get(causeId) ?? [];
}

/** The cause's default code, or undefined when the knowledge base gives it none. */
export function defaultIcd10(causeId: string): Icd10Code | undefined {
  return icd10Choices(causeId)[0];
}

/** The code to export for a cause: the clinician's choice when it is one of the cause's codes, else the default. */
export function icd10For(causeId: string, chosen?: string | null): Icd10Code | undefined {
  const choices = icd10Choices(causeId);
  return choices.find((c) => c.code === chosen) ?? choices[0];
}

/**
 * The cause an ICD-10 code belongs to, for import: one of a cause's codes exactly (case and a
 * missing dot aside, "m543" is M54.3). A finer code of another edition (ICD-10-CM M54.30) is not
 * taken for its parent: the importer lists it as not imported rather than guess.
 */
export function causeOfIcd10(code: string): { cause: string; code: string } | undefined {
  const normal = code.trim().toUpperCase().replace(/^([A-Z]\d\d)(\d)$/, '$1.$2');
  const cause = causeByCode.get(normal);
  return cause === undefined ? undefined : { cause, code: normal };
}
