import { describe, expect, it } from 'vitest';
import { knowledgeBase, searchFindings } from '../../shared/clinical/index.ts';

/**
 * Every finding of the knowledge base (the v2 ones included) can be picked in the workspace's
 * type-ahead, which shows the 8 best matches: by typing the words of its label, and by each of its
 * synonyms. (The end-to-end tests type the vignettes' findings the same way.)
 */
const SHOWN = 8;
const offered = (query: string, id: string): boolean => searchFindings(query, SHOWN).some((f) => f.id === id);

describe('the finding picker offers every finding', () => {
  it('by the words of its label, typed one more at a time', () => {
    const missing = knowledgeBase.findings.filter((f) => {
      const words = f.label.split(/\s+/);
      return !words.some((_, n) => offered(words.slice(0, n + 1).join(' '), f.id));
    });
    expect(missing.map((f) => f.id)).toEqual([]);
  });

  it('by each of its synonyms', () => {
    const missing = knowledgeBase.findings.flatMap((f) => f.synonyms.filter((s) => !offered(s, f.id)).map((s) => `${f.id} by "${s}"`));
    expect(missing).toEqual([]);
  });
});
