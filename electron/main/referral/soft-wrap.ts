import type { Content } from 'pdfmake/interfaces.js';

/**
 * pdfmake lays out a word longer than its line by trying ever shorter pieces of it, which grows
 * with the square of the word's length: a 20,000-character token in the notes (a pasted log line,
 * a held-down key) took minutes. A zero-width space every few characters of such a token gives the
 * line breaker places to break, invisibly: Roboto has the glyph with no width, and text copied
 * from the letter keeps every character.
 */

export const ZERO_WIDTH_SPACE = '\u200b';
/** Tokens up to this long are left alone: ordinary words, codes, most links. */
export const LONG_TOKEN = 30;
/** Where a longer token may break: narrower than the letter's narrowest text column. */
export const SOFT_WRAP_EVERY = 20;

const longToken = new RegExp(`[^\\s\\u200b]{${LONG_TOKEN + 1},}`, 'g');
const piece = new RegExp(`[^]{1,${SOFT_WRAP_EVERY}}`, 'gu');

/** The text with a break opportunity every SOFT_WRAP_EVERY characters of each token over LONG_TOKEN characters. */
export function softWrap(text: string): string {
  if (text.length <= LONG_TOKEN) return text;
  return text.replace(longToken, (token) => token.match(piece)!.join(ZERO_WIDTH_SPACE));
}

/** The keys of a pdfmake node that hold text or further nodes (nothing else is touched). */
const NESTED = ['text', 'stack', 'columns', 'ul', 'ol', 'table', 'body'] as const;

/** A copy of the content with every text soft-wrapped (see softWrap). */
export function softWrapContent<T extends Content | Content[] | unknown>(node: T): T {
  if (typeof node === 'string') return softWrap(node) as T;
  if (Array.isArray(node)) return node.map((n: unknown) => softWrapContent(n)) as T;
  if (node === null || typeof node !== 'object') return node;
  const copy: Record<string, unknown> = { ...(node as Record<string, unknown>) };
  for (const key of NESTED) if (key in copy) copy[key] = softWrapContent(copy[key]);
  return copy as T;
}
