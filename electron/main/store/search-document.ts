import type { EncounterFields } from '../../../shared/api/encounter.ts';
import type { StoredAssessment } from '../../../shared/clinical/assessment.ts';
import { causeById, findingById } from '../../../shared/clinical/index.ts';
import type { z } from 'zod';

/**
 * The text of one encounter as the search index holds it. Finding and diagnosis labels are
 * written out in words (a clinician searches "calf swelling", not "calf-swelling") at the time of
 * saving; the index keeps its own copy, so it always deletes exactly the words it once added.
 */
export interface SearchDocument {
  patient_name: string;
  patient_identifier: string;
  complaint: string;
  notes: string;
  findings: string;
  diagnoses: string;
}

/** The part of an encounter the index reads (validated when it was saved). */
type Fields = Pick<z.output<typeof EncounterFields>, 'patient' | 'complaint' | 'notes' | 'findings' | 'workingDiagnosis'>;
type AssessmentText = Pick<StoredAssessment, 'differential' | 'redFlags'>;

/** The cause the assessment ranks first, unless nothing points to any cause. */
export function topCauseOf(assessment: Pick<StoredAssessment, 'differential'>): string | null {
  const first = assessment.differential[0];
  return first !== undefined && first.strength !== 'unlikely' ? first.cause : null;
}

const causeWords = (id: string): string => {
  const cause = causeById(id);
  return cause === undefined ? id : `${cause.label} ${cause.shortLabel}`;
};

export function searchDocument(fields: Fields, assessment: AssessmentText, addenda: readonly string[]): SearchDocument {
  const top = topCauseOf(assessment);
  const diagnoses = new Set<string>();
  if (fields.workingDiagnosis !== null) diagnoses.add(causeWords(fields.workingDiagnosis));
  if (top !== null) diagnoses.add(causeWords(top));
  for (const flag of assessment.redFlags) diagnoses.add(flag.label);
  return {
    patient_name: fields.patient.name,
    patient_identifier: fields.patient.identifier,
    complaint: fields.complaint,
    notes: [fields.notes, ...addenda].filter((t) => t !== '').join('\n'),
    findings: fields.findings.map((id) => findingById(id)?.label ?? id).join('; '),
    diagnoses: [...diagnoses].join('; '),
  };
}
