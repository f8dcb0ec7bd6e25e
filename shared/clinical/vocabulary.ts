import { causes } from './kb/causes.ts';
import { findings } from './kb/findings.ts';

/** Lookups over the knowledge base's ids, shared by the engine, the IPC schemas and the UI. */

export const FINDING_IDS: readonly string[] = findings.map((f) => f.id);
export const CAUSE_IDS: readonly string[] = causes.map((c) => c.id);

const findingIdSet = new Set(FINDING_IDS);
const causeIdSet = new Set(CAUSE_IDS);

export const isFindingId = (id: string): boolean => findingIdSet.has(id);
export const isCauseId = (id: string): boolean => causeIdSet.has(id);

/** Levenshtein distance, small strings only (ids are a few dozen characters). */
function distance(a: string, b: string): number {
  const prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    let diag = prev[0]!;
    prev[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const up = prev[j]!;
      prev[j] = Math.min(up + 1, prev[j - 1]! + 1, diag + (a[i - 1] === b[j - 1] ? 0 : 1));
      diag = up;
    }
  }
  return prev[b.length]!;
}

/** Two id words match when equal, one starts the other (3+ letters), or they differ by one letter. */
function sameWord(a: string, b: string): boolean {
  if (a === b) return true;
  if (Math.min(a.length, b.length) >= 3 && (a.startsWith(b) || b.startsWith(a))) return true;
  return Math.min(a.length, b.length) >= 4 && distance(a, b) <= 1;
}

/**
 * The known ids closest to an unknown one, best first, so an error can say what was probably meant.
 * Ids containing it (or contained in it) come first, then ids sharing more of its words
 * ("calf-swelings" shares "calf" and "swelling" with "calf-swelling"), then by edit distance.
 */
export function closestIds(unknown: string, known: readonly string[], max = 3): string[] {
  const needle = unknown.toLowerCase();
  const words = needle.split(/[^a-z0-9]+/).filter(Boolean);
  return known
    .map((id) => {
      const idWords = id.split('-');
      return {
        id,
        contains: id.includes(needle) || needle.includes(id) ? 0 : 1,
        shared: words.filter((w) => idWords.some((x) => sameWord(w, x))).length,
        d: distance(needle, id),
      };
    })
    .sort((x, y) => x.contains - y.contains || y.shared - x.shared || x.d - y.d || x.id.localeCompare(y.id))
    .slice(0, max)
    .map((x) => x.id);
}
