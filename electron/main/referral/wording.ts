import type { Encounter } from '../../../shared/api/encounter.ts';
import type { ReferralPriority } from '../../../shared/api/encounter.ts';
import {
  chosenPriority,
  DEFAULT_DIFFERENTIAL_TOP,
  effectivePriority,
  PriorityRank,
  resolveSections,
  suggestPriority,
  type PrioritySuggestion,
  type ReferralOptions,
  type ReferralSections,
} from '../../../shared/api/referral.ts';
import type { ReferralKnowledgeBase } from './kb.ts';

/**
 * The letter's wording before the clinician edits it, taken from what the encounter records.
 * Pure: the builder and `referral.suggest` use the same function, so the form the clinician
 * edits shows exactly what the letter would print.
 */

export interface ReferralWording {
  readonly recipient: string;
  readonly reason: string;
  readonly question: string;
  readonly treatmentTried: string;
}

export const DEFAULT_QUESTION = 'Please assess and advise on further investigation and management.';

export function defaultWording(encounter: Encounter, kb: ReferralKnowledgeBase): ReferralWording {
  const referral = encounter.referral;
  return {
    recipient: referral?.to.trim() ?? '',
    reason: referral?.reason?.trim() || derivedReason(encounter, kb),
    question: referral?.question.trim() || DEFAULT_QUESTION,
    treatmentTried: referral?.treatmentTried?.trim() ?? '',
  };
}

/**
 * The top cause of the differential when recorded findings support it: ranked first, more than
 * unlikely, and with at least one finding for it. A ranking among causes no finding bears on
 * (every cause scored alike) names nothing.
 */
export function supportedTopCause(encounter: Encounter): { cause: string; label: string } | null {
  const top = encounter.assessment.differential[0];
  if (top === undefined || top.strength === 'unlikely') return null;
  const forIt = top.basis.length > 0 ? top.basis.some((b) => b.weight > 0) : top.supporting.length > 0;
  return forIt ? { cause: top.cause, label: top.label } : null;
}

/**
 * A reason built only from what the clinician and the stored assessment already say; empty when
 * they say nothing that makes one (the letter then says the reason is missing).
 */
function derivedReason(encounter: Encounter, kb: ReferralKnowledgeBase): string {
  const { assessment } = encounter;
  const parts: string[] = [];
  const top = supportedTopCause(encounter);
  if (encounter.workingDiagnosis !== null) {
    parts.push(`Working diagnosis: ${kb.causeLabel(encounter.workingDiagnosis)}.`);
  } else if (top !== null) {
    parts.push(`Most likely cause on assessment: ${top.label}.`);
  }
  if (assessment.redFlags.length > 0) {
    parts.push(`Red flags: ${assessment.redFlags.map((f) => f.label).join('; ')}.`);
  }
  return parts.join(' ');
}

/** What a letter lacks before it can be signed and sent, in words for the clinician ("the recipient"). */
export function letterGaps(wording: Pick<ReferralWording, 'recipient' | 'reason'>): string[] {
  const gaps: string[] = [];
  if (wording.recipient.trim() === '') gaps.push('the recipient (who the letter is for)');
  if (wording.reason.trim() === '') gaps.push('the reason for referral');
  return gaps;
}

/**
 * The options with every choice filled: this letter's options, else what the encounter stores,
 * else the defaults.
 */
export interface ResolvedReferral {
  readonly wording: ReferralWording;
  readonly additions: string;
  readonly sections: ReferralSections;
  readonly differentialTop: number;
  readonly suggestion: PrioritySuggestion;
  readonly priority: ReferralPriority;
  /** True when the clinician chose a lower priority than the assessment suggests. */
  readonly belowSuggestion: boolean;
  /** What the letter lacks before it can be signed and sent (letterGaps); empty when complete. */
  readonly missing: readonly string[];
}

export function resolveReferral(encounter: Encounter, options: ReferralOptions, kb: ReferralKnowledgeBase): ResolvedReferral {
  const defaults = defaultWording(encounter, kb);
  const suggestion = suggestPriority(encounter.assessment);
  const stored = encounter.referral;
  const priority = effectivePriority(suggestion.priority, stored?.priority, options.priority ?? chosenPriority(stored));
  const wording = {
    recipient: options.recipient ?? defaults.recipient,
    reason: options.reason ?? defaults.reason,
    question: options.question ?? defaults.question,
    treatmentTried: options.treatmentTried ?? defaults.treatmentTried,
  };
  return {
    wording,
    missing: letterGaps(wording),
    additions: options.additions ?? stored?.additions ?? '',
    sections: resolveSections(options.sections, stored?.sections),
    differentialTop: options.differentialTop ?? stored?.differentialTop ?? DEFAULT_DIFFERENTIAL_TOP,
    suggestion,
    priority,
    belowSuggestion: PriorityRank[priority] < PriorityRank[suggestion.priority],
  };
}
