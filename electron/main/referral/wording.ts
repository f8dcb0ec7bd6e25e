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

/** A reason built only from what the clinician and the stored assessment already say. */
function derivedReason(encounter: Encounter, kb: ReferralKnowledgeBase): string {
  const { assessment } = encounter;
  const parts: string[] = [];
  if (encounter.workingDiagnosis !== null) {
    parts.push(`Working diagnosis: ${kb.causeLabel(encounter.workingDiagnosis)}.`);
  } else if (assessment.differential[0] !== undefined) {
    parts.push(`Most likely cause on assessment: ${assessment.differential[0].label}.`);
  }
  if (assessment.redFlags.length > 0) {
    parts.push(`Red flags: ${assessment.redFlags.map((f) => f.label).join('; ')}.`);
  }
  return parts.length > 0 ? parts.join(' ') : 'Pain at the back of the leg.';
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
}

export function resolveReferral(encounter: Encounter, options: ReferralOptions, kb: ReferralKnowledgeBase): ResolvedReferral {
  const defaults = defaultWording(encounter, kb);
  const suggestion = suggestPriority(encounter.assessment);
  const stored = encounter.referral;
  const priority = effectivePriority(suggestion.priority, stored?.priority, options.priority ?? chosenPriority(stored));
  return {
    wording: {
      recipient: options.recipient ?? defaults.recipient,
      reason: options.reason ?? defaults.reason,
      question: options.question ?? defaults.question,
      treatmentTried: options.treatmentTried ?? defaults.treatmentTried,
    },
    additions: options.additions ?? stored?.additions ?? '',
    sections: resolveSections(options.sections, stored?.sections),
    differentialTop: options.differentialTop ?? stored?.differentialTop ?? DEFAULT_DIFFERENTIAL_TOP,
    suggestion,
    priority,
    belowSuggestion: PriorityRank[priority] < PriorityRank[suggestion.priority],
  };
}
