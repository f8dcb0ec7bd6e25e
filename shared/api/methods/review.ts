import { z } from 'zod';
import { StoredAssessment } from '../../clinical/assessment.ts';
import { AssessmentComparison } from '../../review/compare.ts';
import { method } from '../define.ts';
import { EncounterId, Revision, RevisionAssessment } from '../encounter.ts';
import { ExportRequest, ExportResult, ImportRequest, ImportResult } from '../transfer.ts';

/** Reviewing past encounters (issue 7): comparison with today's engine, FHIR R4 export and import. */

export const ReviewComparison = z.object({
  id: EncounterId,
  revision: Revision,
  /** The assessment as stored with that revision, exactly as it was on the day. */
  stored: RevisionAssessment,
  /** Today's engine on the same findings, absent findings, age and sex. */
  current: StoredAssessment,
  comparison: AssessmentComparison,
});
export type ReviewComparison = z.infer<typeof ReviewComparison>;

export const reviewMethods = {
  'review.compare': method(
    z.object({ id: EncounterId, revision: Revision.optional() }),
    ReviewComparison,
    "Compare an encounter's stored assessment (latest revision, or the one given) with today's knowledge base",
  ),
  'data.exportFhir': method(
    ExportRequest.extend({
      /** collection (default): a record of the encounters; transaction: for a FHIR server, conditional on identifiers. */
      bundle: z.enum(['collection', 'transaction']).optional(),
    }),
    ExportResult,
    'Encounters (all, or the ids given) as a FHIR R4 Bundle (JSON): a collection, or a transaction to send to a FHIR server',
  ),
  'data.importFhir': method(
    ImportRequest,
    ImportResult,
    'Add the encounters of a FHIR R4 Bundle; checked first, never overwrites, reports what it skipped and why',
  ),
} as const;
