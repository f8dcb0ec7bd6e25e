/**
 * The words a history search looks for, as the search index splits text (letters, digits and
 * marks; unicode61 folds case): the main process builds its full-text query from them, and the
 * history view uses them to tell that a keystroke (a space, a comma, a capital) has not changed
 * what is searched, so it does not ask again.
 */

/** Words beyond this many are ignored: more narrow nothing a clinician would look for. */
export const MAX_SEARCH_WORDS = 16;

export function searchWords(text: string): string[] {
  return (text.normalize('NFKC').match(/[\p{L}\p{N}\p{M}]+/gu) ?? []).slice(0, MAX_SEARCH_WORDS);
}

/** Equal for two texts that search for the same thing. */
export const searchKey = (text: string): string => searchWords(text).join(' ').toLowerCase();
