import { ApiError } from '../../../shared/api/errors.ts';
import type { ReviewComparison } from '../../../shared/api/methods/review.ts';
import { compareAssessments } from '../../../shared/review/compare.ts';
import { assessEncounter } from '../services/assessment.ts';
import type { Db } from '../store/database.ts';
import { pickFields, readRevision } from '../store/encounters.ts';
import { requireHead } from '../services/context.ts';

/**
 * The stored assessment of one revision side by side with today's engine on the same findings.
 * Nothing is written: the comparison is recomputed on each call from the stored revision.
 */
export function compareWithToday(db: Db, id: string, revision: number | undefined): ReviewComparison {
  const head = requireHead(db, id);
  const wanted = revision ?? head.revision;
  const entry = readRevision(db, head, wanted);
  if (entry === undefined) throw new ApiError('not-found', `This encounter has no revision ${wanted}.`, 'revision');
  const stored = entry.encounter.assessment;
  let current;
  try {
    current = assessEncounter(pickFields(entry.encounter));
  } catch (error) {
    if (error instanceof ApiError && error.code === 'invalid') {
      throw new ApiError('invalid', `Today's knowledge base cannot assess this encounter as recorded: ${error.message}`, error.path);
    }
    throw error;
  }
  return { id, revision: wanted, stored, current, comparison: compareAssessments(stored, current) };
}
