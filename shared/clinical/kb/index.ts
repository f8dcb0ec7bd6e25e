import { causes } from './causes.ts';
import { findingGroups } from './findingGroups.ts';
import { findings } from './findings.ts';
import { imaging, investigations } from './imaging.ts';
import { redFlagTriggers, redFlags } from './redFlags.ts';
import { references } from './references.ts';
import { rules } from './rules.ts';
import { scoreScale } from './scale.ts';
import { sections } from './sections.ts';
import { imagingRules, investigationRules } from './suggestions.ts';
import { WELLS_ALTERNATIVE_METHOD, WELLS_LIKELY_AT, wellsCitation, wellsCriteria, wellsNextStep } from './wells.ts';

/**
 * The knowledge base: data a clinician can review, every item cited. Its version is recorded with
 * every stored assessment; change it whenever a rule, weight, threshold or text changes, so a past
 * assessment can be told apart from today's.
 */
export const KB_VERSION = '2026.11.1+vocabulary-v1';

export const knowledgeBase = {
  version: KB_VERSION,
  /** The vocabulary the ids come from (../shared/spec/vocabulary.json). */
  vocabulary: 'v1',
  /** Every item below was last reviewed against the source and references on this date. */
  reviewedOn: '2026-11-25',
  sections,
  references,
  findingGroups,
  findings,
  causes,
  imaging,
  investigations,
  redFlags,
  redFlagTriggers,
  rules,
  imagingRules,
  investigationRules,
  scoreScale,
  wells: {
    criteria: wellsCriteria,
    likelyAt: WELLS_LIKELY_AT,
    citation: wellsCitation,
    nextStep: wellsNextStep,
    alternativeMethod: WELLS_ALTERNATIVE_METHOD,
  },
} as const;

export type KnowledgeBase = typeof knowledgeBase;
