import { causeById, findingById, knowledgeBase, searchFindings } from '../../../shared/clinical/index.ts';
import type { BodyRegion, CauseDef, FindingDef, FindingGroupDef } from '../../../shared/clinical/types.ts';

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
