import type { Encounter, EncounterDraftInput, Referral, ReferralPriority, ReferralSectionChoices } from '../../../../shared/api/encounter.ts';
import type { Sex, WellsAlternativeJudgement } from '../../../../shared/clinical/case.ts';
import { causeLabel } from './kb.ts';

/** A finding is either not recorded (no entry), present, or checked and absent (a pertinent negative). */
export type FindingState = 'present' | 'absent';
export type Side = 'left' | 'right' | 'both';

/**
 * The encounter as the form edits it: every field always there (empty strings rather than missing
 * keys) so inputs can bind to it, and findings as one record keyed by id so that changing one
 * finding re-renders only its own control.
 */
export interface WorkingCopy {
  seenAt: string;
  /**
   * The date seen as an imported file gave it (a date, month or year without a time) and the seenAt
   * it was filed under; it goes with the encounter while seenAt is left as it was.
   */
  seenAtAsGiven: { given: string; seenAt: string } | null;
  /** birthDateAsGiven: a year or year and month from an imported file; kept while no full date of birth is entered. */
  patient: { name: string; birthDate: string | null; birthDateAsGiven?: string; sex: Sex; identifier: string };
  clinician: { name: string; role: string } | null;
  complaint: string;
  pain: { intensity: number | null; duration: string; side: Side | null };
  findings: Record<string, FindingState>;
  notes: string;
  workingDiagnosis: string | null;
  /** The ICD-10 code chosen for the working diagnosis; null: the cause's default code. */
  workingDiagnosisCode: string | null;
  referral: ReferralCopy;
  /** The clinician's judgement of the Wells alternative item; null: the engine's suggestion stands. */
  wellsAlternative: WellsAlternativeJudgement | null;
}

/** The referral as the form edits it, with the letter's choices (see Referral in shared/api/encounter.ts). */
export interface ReferralCopy {
  to: string;
  priority: ReferralPriority;
  question: string;
  treatmentTried: string;
  reason: string;
  /** Only sections left out are named (false); a section not named is printed. */
  sections: ReferralSectionChoices;
  /** The clinician set the priority: the letter keeps it even below the suggestion. */
  priorityChosen: boolean;
  /** Causes the letter lists; null: the default. */
  differentialTop: number | null;
  /** Printed under Notes in the letter. */
  additions: string;
}

/** The form's referral from a stored one (or none). */
export function referralCopy(r: Referral | null): ReferralCopy {
  const leftOut: ReferralSectionChoices = {};
  for (const [name, printed] of Object.entries(r?.sections ?? {})) if (printed === false) leftOut[name as keyof ReferralSectionChoices] = false;
  return {
    to: r?.to ?? '',
    priority: r?.priority ?? 'routine',
    question: r?.question ?? '',
    treatmentTried: r?.treatmentTried ?? '',
    reason: r?.reason ?? '',
    sections: leftOut,
    priorityChosen: r?.priorityChosen ?? false,
    differentialTop: r?.differentialTop ?? null,
    additions: r?.additions ?? '',
  };
}

/** The referral of encounter.save, or null when the clinician has written or chosen nothing. */
function referralDraft(r: ReferralCopy): Referral | null {
  const leftOut = Object.keys(r.sections).filter((name) => r.sections[name as keyof ReferralSectionChoices] === false);
  const untouched =
    !r.to.trim() && !r.question.trim() && !r.treatmentTried.trim() && !r.reason.trim() && !r.additions.trim() &&
    r.priority === 'routine' && !r.priorityChosen && leftOut.length === 0 && r.differentialTop === null;
  if (untouched) return null;
  return {
    to: r.to,
    priority: r.priority,
    question: r.question,
    ...(r.treatmentTried.trim() ? { treatmentTried: r.treatmentTried } : {}),
    ...(r.reason.trim() ? { reason: r.reason } : {}),
    ...(leftOut.length > 0 ? { sections: Object.fromEntries(leftOut.map((name) => [name, false])) } : {}),
    ...(r.priorityChosen ? { priorityChosen: true } : {}),
    ...(r.differentialTop !== null ? { differentialTop: r.differentialTop } : {}),
    ...(r.additions.trim() ? { additions: r.additions } : {}),
  };
}

export function blankCopy(now: string = new Date().toISOString()): WorkingCopy {
  return {
    seenAt: now,
    seenAtAsGiven: null,
    patient: { name: '', birthDate: null, sex: 'unknown', identifier: '' },
    clinician: null,
    complaint: '',
    pain: { intensity: null, duration: '', side: null },
    findings: {},
    notes: '',
    workingDiagnosis: null,
    workingDiagnosisCode: null,
    referral: referralCopy(null),
    wellsAlternative: null,
  };
}

/**
 * A working copy read back from local storage, completed with the fields of this version (a copy
 * written by an older version of the app may lack some); anything unreadable falls back to blank.
 */
export function completeCopy(stored: Partial<WorkingCopy>): WorkingCopy {
  const blank = blankCopy(typeof stored.seenAt === 'string' ? stored.seenAt : undefined);
  const obj = <T extends object>(base: T, v: unknown): T => (v !== null && typeof v === 'object' ? { ...base, ...(v as Partial<T>) } : base);
  return {
    ...blank,
    ...stored,
    patient: obj(blank.patient, stored.patient),
    pain: obj(blank.pain, stored.pain),
    referral: obj(blank.referral, stored.referral),
    findings: obj(blank.findings, stored.findings),
  };
}

export function copyFromEncounter(e: Encounter): WorkingCopy {
  const findings: Record<string, FindingState> = {};
  for (const id of e.findings) findings[id] = 'present';
  for (const id of e.absent) findings[id] = 'absent';
  return {
    seenAt: e.seenAt,
    seenAtAsGiven: e.seenAtAsGiven !== undefined ? { given: e.seenAtAsGiven, seenAt: e.seenAt } : null,
    patient: {
      name: e.patient.name,
      birthDate: e.patient.birthDate,
      ...(e.patient.birthDateAsGiven !== undefined ? { birthDateAsGiven: e.patient.birthDateAsGiven } : {}),
      sex: e.patient.sex,
      identifier: e.patient.identifier,
    },
    clinician: e.clinician ? { name: e.clinician.name, role: e.clinician.role } : null,
    complaint: e.complaint,
    pain: { intensity: e.pain?.intensity ?? null, duration: e.pain?.duration ?? '', side: e.pain?.side ?? null },
    findings,
    notes: e.notes,
    workingDiagnosis: e.workingDiagnosis,
    workingDiagnosisCode: e.workingDiagnosisCode ?? null,
    referral: referralCopy(e.referral),
    wellsAlternative: e.wellsAlternative ?? null,
  };
}

export function presentIds(copy: WorkingCopy): string[] {
  return Object.keys(copy.findings).filter((id) => copy.findings[id] === 'present');
}

export function absentIds(copy: WorkingCopy): string[] {
  return Object.keys(copy.findings).filter((id) => copy.findings[id] === 'absent');
}

/** The fields of encounter.save, leaving out what the clinician has not filled in. */
export function toDraft(copy: WorkingCopy): EncounterDraftInput {
  const { intensity, duration, side } = copy.pain;
  const pain =
    intensity === null && !duration.trim() && side === null
      ? null
      : {
          ...(intensity === null ? {} : { intensity }),
          ...(duration.trim() ? { duration: duration.trim() } : {}),
          ...(side === null ? {} : { side }),
        };
  const { birthDateAsGiven, ...patient } = copy.patient;
  const given = copy.seenAtAsGiven;
  return {
    seenAt: copy.seenAt,
    // What an imported file gave stays only while the clinician has not entered the full value.
    ...(given !== null && given.seenAt === copy.seenAt ? { seenAtAsGiven: given.given } : {}),
    patient: { ...patient, ...(patient.birthDate === null && birthDateAsGiven !== undefined ? { birthDateAsGiven } : {}) },
    clinician: copy.clinician ? { ...copy.clinician } : null,
    complaint: copy.complaint,
    pain,
    findings: presentIds(copy),
    absent: absentIds(copy),
    notes: copy.notes,
    workingDiagnosis: copy.workingDiagnosis,
    // A code only goes with the diagnosis it was chosen for.
    ...(copy.workingDiagnosis !== null && copy.workingDiagnosisCode !== null ? { workingDiagnosisCode: copy.workingDiagnosisCode } : {}),
    referral: referralDraft(copy.referral),
    ...(copy.wellsAlternative !== null ? { wellsAlternative: { ...copy.wellsAlternative } } : {}),
  };
}

/** Same content as far as the clinician is concerned (finding order does not matter). */
export function sameContent(a: WorkingCopy, b: WorkingCopy): boolean {
  const norm = (c: WorkingCopy) => {
    const d = toDraft(c);
    return JSON.stringify({ ...d, findings: [...(d.findings ?? [])].sort(), absent: [...(d.absent ?? [])].sort() });
  };
  return norm(a) === norm(b);
}

/** A plain-text rendering of a working copy, so text that could not be saved can be copied elsewhere. */
export function copyAsText(copy: WorkingCopy, labelOf: (findingId: string) => string): string {
  const lines = [
    `Patient: ${copy.patient.name}${copy.patient.identifier ? ` (${copy.patient.identifier})` : ''}`,
    `Complaint: ${copy.complaint}`,
    `Present: ${presentIds(copy).map(labelOf).join('; ')}`,
    `Absent: ${absentIds(copy).map(labelOf).join('; ')}`,
    `Notes: ${copy.notes}`,
  ];
  if (copy.referral.to || copy.referral.question) lines.push(`Referral to ${copy.referral.to}: ${copy.referral.question}`);
  const wells = copy.wellsAlternative;
  if (wells !== null) lines.push(`Wells alternative diagnosis (clinician): ${wells.met ? `met${wells.cause ? `, ${causeLabel(wells.cause)}` : ''}` : 'not met'}`);
  return lines.join('\n');
}
