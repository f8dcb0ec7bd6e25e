import { ApiError } from '../../../shared/api/errors.ts';
import type { StoredAssessment } from '../../../shared/clinical/assessment.ts';
import { assessForStorage, CaseError } from '../../../shared/clinical/index.ts';
import type { Fields } from '../store/encounters.ts';

/** The assessment stored with each revision, computed here from the saved findings (never taken from the client). */

const YMD = /^(\d{4})-(\d{2})-(\d{2})/;

/** Age in whole years on the day of the visit, counting the visit's own calendar date as written. */
export function ageAtVisit(birthDate: string, seenAt: string): number {
  const [, by, bm, bd] = YMD.exec(birthDate)!.map(Number) as [number, number, number, number];
  const [, sy, sm, sd] = YMD.exec(seenAt)!.map(Number) as [number, number, number, number];
  return sy - by - (sm < bm || (sm === bm && sd < bd) ? 1 : 0);
}

export function assessEncounter(fields: Fields): StoredAssessment {
  let age: number | undefined;
  if (fields.patient.birthDate !== null) {
    age = ageAtVisit(fields.patient.birthDate, fields.seenAt);
    if (age < 0) throw new ApiError('invalid', 'The visit is dated before the date of birth.', 'seenAt');
    if (age > 130) throw new ApiError('invalid', 'The date of birth makes the patient older than 130 at the visit.', 'patient.birthDate');
  }
  try {
    return assessForStorage({
      findings: fields.findings,
      absent: fields.absent,
      age,
      sex: fields.patient.sex,
      // The clinician's judgement of the Wells alternative item, as stored with this revision.
      ...(fields.wellsAlternative !== undefined ? { wellsAlternative: fields.wellsAlternative } : {}),
    });
  } catch (error) {
    if (error instanceof CaseError) throw new ApiError('invalid', error.message, error.path);
    throw error;
  }
}
