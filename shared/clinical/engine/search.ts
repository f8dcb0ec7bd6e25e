import { findings } from '../kb/findings.ts';
import type { FindingDef } from '../types.ts';

/**
 * Type-ahead over finding labels, synonyms and ids, case- and accent-insensitive ("lasegue" finds
 * "Lasègue"). Ranking: a whole label or synonym equal to the query, then one starting with it,
 * then one with a word starting with it (every word of a several-word query must start a word),
 * then any substring; ties in checklist order.
 */
const normalise = (s: string): string =>
  s
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();

interface Entry {
  readonly finding: FindingDef;
  readonly texts: readonly { readonly text: string; readonly words: readonly string[] }[];
}

// Built at the first search, not when the module loads: the renderer loads it at start-up, and its
// first Unicode normalisation is part of the cost the workspace's first paint need not pay.
let entries: readonly Entry[] | undefined;
const searchEntries = (): readonly Entry[] =>
  (entries ??= findings.map((finding) => ({
    finding,
    texts: [finding.label, ...finding.synonyms, finding.id].map((t) => {
      const text = normalise(t);
      return { text, words: text.split(' ') };
    }),
  })));

function rankOf(entry: Entry, query: string, terms: readonly string[]): number {
  let best = Infinity;
  for (const { text, words } of entry.texts) {
    if (text === query) return 0;
    if (text.startsWith(query)) best = Math.min(best, 1);
    else if (terms.every((t) => words.some((w) => w.startsWith(t)))) best = Math.min(best, 2);
    else if (text.includes(query)) best = Math.min(best, 3);
  }
  return best;
}

export function searchFindings(query: string, limit = 10): FindingDef[] {
  const q = normalise(query);
  if (q === '' || limit <= 0) return [];
  const terms = q.split(' ');
  return searchEntries()
    .map((entry, order) => ({ entry, order, rank: rankOf(entry, q, terms) }))
    .filter((r) => r.rank !== Infinity)
    .sort((a, b) => a.rank - b.rank || a.order - b.order)
    .slice(0, limit)
    .map((r) => r.entry.finding);
}
