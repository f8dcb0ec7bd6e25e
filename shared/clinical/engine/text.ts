import type { Citation } from '../assessment.ts';
import { splitCitation } from '../kb/sections.ts';
import { findingIndex } from './model.ts';

const lowerFirst = (s: string): string => s.charAt(0).toLowerCase() + s.slice(1);

/** Labels of finding ids in plain words, for rationales: "calf swelling, pitting oedema". */
export function findingLabels(ids: readonly string[]): string {
  if (ids.length === 0) return 'the recorded findings';
  return ids.map((id) => lowerFirst(findingIndex.get(id)?.label ?? id)).join('; ');
}

/** One citation naming every section and reference of several, each once, in order. */
export function mergeCitations(citations: readonly Citation[]): Citation {
  const sources: string[] = [];
  const refs: string[] = [];
  const add = (list: string[], value: string | undefined): void => {
    if (value === undefined) return;
    for (const part of splitCitation(value)) if (!list.includes(part)) list.push(part);
  };
  for (const c of citations) {
    add(sources, c.source);
    add(refs, c.reference);
  }
  return {
    ...(sources.length > 0 ? { source: sources.join('; ') } : {}),
    ...(refs.length > 0 ? { reference: refs.join('; ') } : {}),
  };
}
