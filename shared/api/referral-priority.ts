import type { Assessment } from '../clinical/assessment.ts';
import type { Referral, ReferralPriority } from './encounter.ts';

/**
 * The referral's priority: the one the assessment suggests and the one the letter carries. Plain
 * functions with no schema, so the workspace can show the suggestion without loading the
 * contract's schemas at start-up (referral.ts re-exports them with the rest of the referral).
 */

export const PriorityRank: Readonly<Record<ReferralPriority, number>> = { routine: 0, urgent: 1, emergency: 2 };

export interface PrioritySuggestion {
  readonly priority: ReferralPriority;
  /** Why, in the words the letter prints: red-flag labels and urgent imaging. */
  readonly because: readonly string[];
}

/**
 * The priority the assessment calls for: emergency if any red flag or suggested imaging study is
 * an emergency; urgent if one is urgent; otherwise routine. Pure, so the renderer shows
 * the same suggestion the letter prints.
 */
export function suggestPriority(assessment: Pick<Assessment, 'redFlags' | 'imaging'>): PrioritySuggestion {
  const emergency = [
    ...assessment.redFlags.filter((f) => f.urgency === 'emergency').map((f) => f.label),
    // Imaging carries the urgency of the red flag that calls for it (v2): an emergency study is an emergency referral.
    ...assessment.imaging.filter((i) => i.urgency === 'emergency').map((i) => `Emergency ${i.label}`),
  ];
  if (emergency.length > 0) return { priority: 'emergency', because: emergency };
  const urgent = [
    ...assessment.redFlags.filter((f) => f.urgency === 'urgent').map((f) => f.label),
    ...assessment.imaging.filter((i) => i.urgency === 'urgent').map((i) => `Urgent ${i.label}`),
  ];
  if (urgent.length > 0) return { priority: 'urgent', because: urgent };
  return { priority: 'routine', because: [] };
}

/**
 * The priority the letter carries: the clinician's explicit choice if they made one; otherwise
 * the higher of the suggestion and the priority recorded on the encounter, so a stored default
 * of "routine" never downgrades an emergency.
 */
export function effectivePriority(
  suggested: ReferralPriority,
  recorded: ReferralPriority | undefined,
  chosen: ReferralPriority | undefined,
): ReferralPriority {
  if (chosen !== undefined) return chosen;
  if (recorded === undefined) return suggested;
  return PriorityRank[recorded] > PriorityRank[suggested] ? recorded : suggested;
}

/** The priority the clinician set deliberately on the encounter, if they did. */
export function chosenPriority(referral: Referral | null | undefined): ReferralPriority | undefined {
  return referral?.priorityChosen === true ? referral.priority : undefined;
}
