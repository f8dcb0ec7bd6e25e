/**
 * The clinical core without its input schemas: the knowledge base, and the engine for a case
 * already in the Case schema's shape. The renderer's start-up script imports this and nothing that
 * builds a zod schema, so the workspace paints without loading the schema library (issue 15);
 * index.ts adds the checked entry points.
 */
import { causeById as causes, findingIndex } from './engine/model.ts';
import type { CauseDef, FindingDef } from './types.ts';

export { assessCase } from './engine/assess-case.ts';
export { searchFindings } from './engine/search.ts';
export { KB_VERSION, knowledgeBase, type KnowledgeBase } from './kb/index.ts';

export const findingById = (id: string): FindingDef | undefined => findingIndex.get(id);
export const causeById = (id: string): CauseDef | undefined => causes.get(id);
