import { z } from 'zod';
import { StoredAssessment } from '../clinical/assessment.ts';
import { CauseId, FindingIdList, Sex, WellsAlternativeJudgement, refineDisjointFindings } from '../clinical/case.ts';
import { icd10Choices } from '../coding/icd10.ts';

/** The encounter as spec/encounter-api.md fixes it. */

export const EncounterId = z.string().min(1).max(100);
export const Revision = z.number().int().min(1);

const isoDate = /^(\d{4})-(\d{2})-(\d{2})$/;

/** A real calendar date (no 31 February), not in the future. */
export const BirthDate = z
  .string()
  .regex(isoDate, 'Enter the date of birth as YYYY-MM-DD')
  .refine((s) => {
    const match = isoDate.exec(s);
    // Not in the YYYY-MM-DD form: the regex above has already said so.
    if (match === null) return true;
    const [, y, m, d] = match.map(Number) as [number, number, number, number];
    const date = new Date(Date.UTC(y, m - 1, d));
    return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
  }, 'The date of birth is not a real calendar date')
  .refine((s) => !isoDate.test(s) || s <= new Date().toISOString().slice(0, 10), 'The date of birth is in the future')
  .refine((s) => !isoDate.test(s) || s >= '1880-01-01', 'The date of birth is too far in the past');

const text = (max: number) => z.string().max(max, `Keep this under ${max} characters`);

/**
 * A date with the precision FHIR allows below a day: a year (1960) or a year and month (1960-05),
 * as another system gave it. Kept beside the full date fields, which stay empty or derived.
 */
export const PartialDate = z.string().regex(/^\d{4}(-(0[1-9]|1[0-2]))?$/, 'Give the date as YYYY or YYYY-MM');

export const Patient = z.object({
  name: z.string().trim().min(1, "Enter the patient's name").max(200),
  birthDate: BirthDate.nullable().default(null),
  /** A date of birth given as a year or a year and month only (FHIR import): as given; birthDate is then null and no age is computed. */
  birthDateAsGiven: PartialDate.optional(),
  sex: Sex.default('unknown'),
  identifier: text(100).trim().default(''),
});
export type Patient = z.infer<typeof Patient>;

export const ClinicianRef = z.object({ name: text(200), role: text(200).default('') });

export const Pain = z.object({
  intensity: z.number().int().min(0).max(10).optional(),
  duration: text(200).optional(),
  side: z.enum(['left', 'right', 'both']).optional(),
});

export const ReferralPriority = z.enum(['routine', 'urgent', 'emergency']);
export type ReferralPriority = z.infer<typeof ReferralPriority>;

const sectionChoice = z.boolean().optional();

/**
 * The optional sections of the referral letter the clinician included (true) or left out (false);
 * a section not named is printed. Same keys as ReferralSections in referral.ts (checked there).
 */
export const ReferralSectionChoices = z.object({
  history: sectionChoice,
  findings: sectionChoice,
  negatives: sectionChoice,
  redFlags: sectionChoice,
  differential: sectionChoice,
  wells: sectionChoice,
  imaging: sectionChoice,
  treatment: sectionChoice,
  notes: sectionChoice,
  signature: sectionChoice,
});
export type ReferralSectionChoices = z.infer<typeof ReferralSectionChoices>;

export const Referral = z.object({
  to: text(300).default(''),
  priority: ReferralPriority.default('routine'),
  question: text(4000).default(''),
  /** Reason for referral, if different from the question. */
  reason: text(4000).optional(),
  /** Treatment already tried (the referral letter prints it). */
  treatmentTried: text(4000).optional(),
  // The letter's choices, kept with the encounter. Absent (as in encounters stored before they
  // existed): every section, five causes, no added text, and the priority as suggested.
  /** Sections of the letter included or left out. */
  sections: ReferralSectionChoices.optional(),
  /**
   * The clinician set `priority` deliberately: the letter carries it even below the suggested
   * priority (and says so). Otherwise the letter takes the higher of the two.
   */
  priorityChosen: z.boolean().optional(),
  /** How many causes of the differential the letter lists, best first. */
  differentialTop: z.number().int().min(1, 'List at least one cause').max(10, 'List at most ten causes').optional(),
  /** Free text the letter prints under Notes. */
  additions: text(20_000).optional(),
});
export type Referral = z.infer<typeof Referral>;

/** Fields the clinician writes. The store adds id, revision, status and assessment. */
export const EncounterFields = z.object({
  seenAt: z.iso.datetime({ offset: true }),
  /**
   * The date seen as another system gave it, when that was a date without a time (2026-10-01), a
   * month or a year (FHIR import); seenAt is then the start of that day, month or year in local
   * time, and the date is shown as given.
   */
  seenAtAsGiven: z.string().regex(/^\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?$/, 'Give the date as YYYY, YYYY-MM or YYYY-MM-DD').optional(),
  patient: Patient,
  clinician: ClinicianRef.nullable().default(null),
  complaint: text(4000).default(''),
  pain: Pain.nullable().default(null),
  findings: FindingIdList.default([]),
  absent: FindingIdList.default([]),
  notes: text(100_000).default(''),
  workingDiagnosis: CauseId.nullable().default(null),
  /**
   * The ICD-10 code the clinician chose for the working diagnosis, one of the cause's codes
   * (shared/coding/icd10.ts). Absent: the cause's default code.
   */
  workingDiagnosisCode: z.string().max(20).optional(),
  referral: Referral.nullable().default(null),
  /**
   * The clinician's judgement of the Wells item "alternative diagnosis at least as likely as DVT":
   * met, naming the alternative, or not met. Absent (as in encounters stored before it existed):
   * the engine's suggestion stands. Stored with the revision and passed to the engine as it is.
   */
  wellsAlternative: WellsAlternativeJudgement.optional(),
});

/** "Not met" names no alternative: a cause goes only with a judgement that the item is met. */
function refineWellsAlternative(v: { wellsAlternative?: WellsAlternativeJudgement | undefined }, ctx: z.RefinementCtx): void {
  const w = v.wellsAlternative;
  if (w !== undefined && !w.met && w.cause !== undefined) {
    ctx.addIssue({ code: 'custom', message: 'An alternative diagnosis is named only when the Wells item is judged met', path: ['wellsAlternative', 'cause'] });
  }
}

/** A chosen ICD-10 code needs a working diagnosis it belongs to. */
function refineWorkingDiagnosisCode(v: { workingDiagnosis: string | null; workingDiagnosisCode?: string | undefined }, ctx: z.RefinementCtx): void {
  const code = v.workingDiagnosisCode;
  if (code === undefined) return;
  const path = ['workingDiagnosisCode'];
  if (v.workingDiagnosis === null) {
    ctx.addIssue({ code: 'custom', message: 'An ICD-10 code was chosen without a working diagnosis', path });
  } else if (!icd10Choices(v.workingDiagnosis).some((c) => c.code === code)) {
    const known = icd10Choices(v.workingDiagnosis).map((c) => c.code);
    ctx.addIssue({ code: 'custom', message: `ICD-10 ${code} is not a code of this working diagnosis${known.length > 0 ? ` (its codes: ${known.join(', ')})` : ''}`, path });
  }
}

/**
 * Input of encounter.save: a new encounter (no id), or a new revision of a draft (id and
 * baseRevision). Unknown keys, including a client-sent assessment, are stripped, not an error.
 */
export const EncounterDraft = EncounterFields.extend({
  id: EncounterId.optional(),
  baseRevision: Revision.optional(),
})
  .superRefine(refineDisjointFindings)
  .superRefine(refineWorkingDiagnosisCode)
  .superRefine(refineWellsAlternative)
  .superRefine((v, ctx) => {
    if (v.id !== undefined && v.baseRevision === undefined) {
      ctx.addIssue({ code: 'custom', message: 'Saving an existing encounter needs the revision it was based on', path: ['baseRevision'] });
    }
    if (v.id === undefined && v.baseRevision !== undefined) {
      ctx.addIssue({ code: 'custom', message: 'A new encounter has no base revision', path: ['baseRevision'] });
    }
  });
export type EncounterDraft = z.infer<typeof EncounterDraft>;
export type EncounterDraftInput = z.input<typeof EncounterDraft>;

export const EncounterStatus = z.enum(['draft', 'signed']);
export type EncounterStatus = z.infer<typeof EncounterStatus>;

export const Addendum = z.object({
  id: z.string(),
  text: z.string(),
  createdAt: z.string(),
  author: z.string(),
});
export type Addendum = z.infer<typeof Addendum>;

/** One revision of an encounter as stored. */
export const Encounter = EncounterFields.extend({
  id: EncounterId,
  revision: Revision,
  status: EncounterStatus,
  assessment: StoredAssessment,
  createdAt: z.string(),
  savedAt: z.string(),
  signedAt: z.string().nullable(),
  signedBy: z.string().nullable(),
});
export type Encounter = z.infer<typeof Encounter>;

/** encounter.get: the latest revision with its addenda. */
export const EncounterWithAddenda = Encounter.extend({ addenda: z.array(Addendum) });
export type EncounterWithAddenda = z.infer<typeof EncounterWithAddenda>;

export const SavedEncounter = z.object({ id: EncounterId, revision: Revision, assessment: StoredAssessment });
export type SavedEncounter = z.infer<typeof SavedEncounter>;

export const RevisionEntry = z.object({
  revision: Revision,
  savedAt: z.string(),
  /** Who saved this revision (the clinician profile's name at the time). */
  savedBy: z.string().optional(),
  encounter: Encounter,
});
export type RevisionEntry = z.infer<typeof RevisionEntry>;

export const SearchHit = z.object({
  id: EncounterId,
  seenAt: z.string(),
  patientName: z.string(),
  patientIdentifier: z.string(),
  status: EncounterStatus,
  topCause: z.string().nullable(),
  workingDiagnosis: z.string().nullable(),
  redFlags: z.array(z.string()),
  /** Matched words wrapped in [[ and ]] so any client can highlight them without parsing HTML. */
  snippet: z.string(),
});
export type SearchHit = z.infer<typeof SearchHit>;

/** A row of the history list (no snippet). */
export const EncounterSummary = SearchHit.omit({ snippet: true });
export type EncounterSummary = z.infer<typeof EncounterSummary>;
