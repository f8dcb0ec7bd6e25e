import { causes } from './causes.ts';
import { findingGroups } from './findingGroups.ts';
import { findings } from './findings.ts';
import { imaging, investigations } from './imaging.ts';
import { DVT_IN_QUESTION, DVT_SIGNS, VTE_RISK_FACTORS } from './dvt.ts';
import { mustNotMiss } from './mustNotMiss.ts';
import { redFlags } from './redFlags.ts';
import { references } from './references.ts';
import { rules } from './rules.ts';
import { scoreScale } from './scale.ts';
import { sections } from './sections.ts';
import { imagingRules, investigationRules } from './suggestions.ts';
import { WELLS_ALTERNATIVE_METHOD, WELLS_ALTERNATIVE_SUPPORT_GROUPS, WELLS_LIKELY_AT, wellsCitation, wellsCriteria, wellsNextStep } from './wells.ts';

/**
 * The knowledge base: data a clinician can review, every item cited. Its version is recorded with
 * every stored assessment; change it whenever a rule, weight, threshold or text changes, so a past
 * assessment can be told apart from today's.
 */
export const KB_VERSION = '2026.12.1+vocabulary-v2';

export const knowledgeBase = {
  version: KB_VERSION,
  /** The vocabulary the ids come from (../shared/spec/vocabulary-v2.json, which keeps every v1 id). */
  vocabulary: 'v2',
  /** Every item below was last reviewed against the source and references on this date. */
  reviewedOn: '2026-12-05',
  sections,
  references,
  findingGroups,
  findings,
  causes,
  imaging,
  investigations,
  redFlags,
  mustNotMiss,
  dvtInQuestion: { condition: DVT_IN_QUESTION, signs: DVT_SIGNS, vteRiskFactors: VTE_RISK_FACTORS },
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
    alternativeSupportGroups: WELLS_ALTERNATIVE_SUPPORT_GROUPS,
  },
} as const;

export type KnowledgeBase = typeof knowledgeBase;
