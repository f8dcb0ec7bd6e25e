import type { DifferentialEntry, Urgency } from '../../../../shared/clinical/assessment.ts';
import { causeById, findingById, knowledgeBase, searchFindings } from '../../../../shared/clinical/core.ts';
import type { BodyRegion, CauseDef, FindingDef, FindingGroupDef } from '../../../../shared/clinical/types.ts';

/** What the screen needs from the knowledge base, computed once at start-up. */

export interface FindingGroupView {
  readonly group: FindingGroupDef;
  readonly findings: readonly FindingDef[];
}

export const findingGroups: readonly FindingGroupView[] = knowledgeBase.findingGroups.map((group) => ({
  group,
  findings: knowledgeBase.findings.filter((f) => f.group === group.id),
}));

export const causes: readonly CauseDef[] = knowledgeBase.causes;

/** The location finding each region of the body map records. */
export const regionFinding: ReadonlyMap<BodyRegion, FindingDef> = new Map(
  knowledgeBase.findings.filter((f) => f.bodyRegion !== undefined).map((f) => [f.bodyRegion!, f]),
);

export const findingLabel = (id: string): string => findingById(id)?.label ?? id;
export const causeLabel = (id: string): string => causeById(id)?.label ?? id;
export const causeOf = (id: string): CauseDef | undefined => causeById(id);
export const groupLabel = (id: string): string => knowledgeBase.findingGroups.find((g) => g.id === id)?.label ?? id;

/** Type-ahead over labels and synonyms, best first. */
export const searchFinding = (query: string, limit = 8): readonly FindingDef[] => searchFindings(query, limit);

/** The heading of a cited section of the source text (the id itself when unknown). */
export const sectionHeading = (id: string): string => knowledgeBase.sections.find((s) => s.id === id)?.heading ?? id;
/** The full title of an external reference by its id (the id itself when unknown). */
export const referenceTitle = (id: string): string => knowledgeBase.references.find((r) => r.id === id)?.title ?? id;

/** Urgency in words, the same on every screen (and as the letter prints it). */
export const URGENCY_WORD: Readonly<Record<Urgency, string>> = { emergency: 'Emergency', urgent: 'Urgent', routine: 'Routine' };

/** What the strength words mean, from the knowledge base's score scale: shown once beside the differential. */
export const strengthExplanation: string = knowledgeBase.scoreScale.explanation;

/**
 * A cause's strength in words. What the findings say comes first: nothing recorded bears on the
 * cause, or evidence on both sides about cancels out (v2 assessments say so; earlier ones do not).
 */
export function strengthWord(entry: Pick<DifferentialEntry, 'strength' | 'evidence'>): string {
  if (entry.evidence === 'none') return 'No findings recorded';
  if (entry.evidence === 'conflicting') return 'Conflicting evidence';
  return { strong: 'Strong match', moderate: 'Moderate match', weak: 'Weak match', unlikely: 'Unlikely' }[entry.strength];
}

/**
 * The finding of the rule a basis item is counted under (rule ids are "<cause>:<finding>" or
 * "<cause>:no-<finding>"), for "counted under …".
 */
export function countedUnderLabel(entry: Pick<DifferentialEntry, 'basis'>, rule: string): string {
  const item = entry.basis.find((b) => b.rule === rule);
  if (item !== undefined) return findingLabel(item.finding);
  const finding = rule.slice(rule.indexOf(':') + 1);
  return findingLabel(findingById(finding) !== undefined ? finding : finding.replace(/^no-/, ''));
}
