import { defineStore } from 'pinia';
import { reactive } from 'vue';
import type { ReferralCopy } from '../../common/lib/workingCopy.ts';

/** What this session keeps of a letter beyond the encounter record, per encounter. */
export interface LetterChoices {
  /** The date the letter carries when the clinician dates it today (fixed when chosen, so preview and file agree). */
  printedAt: string | null;
  /** The clinician has asked for the preview: it follows their changes from then on. */
  previewing: boolean;
  /** Print-only: the referral as changed for this print (the encounter keeps what was stored). */
  print: ReferralCopy | null;
}

/**
 * The letters composed in this session: coming back to an encounter's letter (or to its reprint)
 * finds the choices made for it, and a preview asked for follows the changes again.
 */
export const useLetterChoicesStore = defineStore('letterChoices', () => {
  /** By "draft:" or "print:" and the encounter's id. */
  const letters = new Map<string, LetterChoices>();

  /** The choices kept for this letter, or new ones made by start(). */
  function choicesFor(key: string, start: () => LetterChoices): LetterChoices {
    const known = letters.get(key);
    if (known) return known;
    const made = reactive(start());
    letters.set(key, made);
    return made;
  }

  return { choicesFor };
});
