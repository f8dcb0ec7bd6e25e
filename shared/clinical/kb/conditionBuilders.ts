import type { Condition } from '../types.ts';

/** Shorthands for writing conditions as data in the knowledge base (red flags, DVT, must-not-miss). */
export const anyFinding = (...ids: readonly string[]): Condition => ({ anyOf: ids.map((finding) => ({ finding })) });
export const all = (...parts: Condition[]): Condition => ({ allOf: parts });
