import { knowledgeBase } from '../../../shared/clinical/core.ts';

/** Labels of knowledge-base items the review screens name by id (today's wording; stored assessments carry their own). */
const redFlags = new Map(knowledgeBase.redFlags.map((f) => [f.id, f.label]));
export const redFlagLabel = (id: string): string => redFlags.get(id) ?? id;
