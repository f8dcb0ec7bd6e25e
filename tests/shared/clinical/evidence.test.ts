import { describe, expect, it } from 'vitest';
import { publishedBasis } from '../../../shared/clinical/kb/evidence.ts';
import { referenceById } from '../../../shared/clinical/kb/references.ts';
import { rules } from '../../../shared/clinical/kb/rules.ts';

/**
 * The published figures behind rule weights are the part of the knowledge base a reviewer trusts
 * most, so they are held to their own words: each belongs to a rule that exists, cites a reference
 * with a full bibliographic entry, and states no number its verbatim quote does not contain.
 */

const ruleById = new Map(rules.map((r) => [r.id, r]));
/** Numbers as written (2.71, 0.96, 95), so "LR 2.71" is checked against the quote's "2.71". */
const numbersIn = (text: string): string[] => text.match(/\d+(?:\.\d+)?/g) ?? [];
/** The quote's numbers as whole tokens, so a figure's "0.9" is not found inside the quote's "0.91". */
const hasNumber = (quote: string, n: string): boolean => new RegExp(`(^|[^\\d.])${n.replace('.', '\\.')}(?![\\d]|\\.\\d)`).test(quote);

describe('published basis of rule weights (evidence.ts)', () => {
  it('lists at least the figures read so far, each under an existing rule id', () => {
    expect(publishedBasis.size).toBeGreaterThanOrEqual(13);
    for (const id of publishedBasis.keys()) expect(ruleById.has(id), `no rule ${id}`).toBe(true);
  });

  it('is the basis the rule carries', () => {
    for (const [id, figure] of publishedBasis) expect(ruleById.get(id)?.basis, id).toEqual({ kind: 'published', ...figure });
  });

  it('cites references that exist, with authors, title, journal, year, volume and pages', () => {
    for (const [id, { reference }] of publishedBasis) {
      const entry = referenceById.get(reference);
      expect(entry, `${id}: reference ${reference}`).toBeDefined();
      // "Author AB, Author CD. Title. Journal 2005;143(2):129-39"
      expect(entry!.title, reference).toMatch(/^[A-Z][\p{L}' -]+ [A-Z]{1,3}[,.]/u);
      expect(entry!.title, reference).toMatch(/(19|20)\d\d;\d+(\(\d+\))?:\d+-\d+/);
    }
  });

  it('states no number in a figure that its quote does not contain', () => {
    for (const [id, { figure, quote }] of publishedBasis) {
      const numbers = numbersIn(figure);
      expect(numbers.length, `${id}: a figure without a number`).toBeGreaterThan(0);
      for (const n of numbers) expect(hasNumber(quote, n), `${id}: ${n} of "${figure}" is not in the quote`).toBe(true);
    }
  });

  it('keeps quotes as sentences read, not paraphrase: whole, with the figure’s measure named', () => {
    for (const [id, { figure, quote }] of publishedBasis) {
      expect(quote, id).toMatch(/^[A-Z]/);
      expect(quote, id).toMatch(/[.)]$/);
      const measure = /likelihood ratio/i.test(figure) ? /LR|likelihood ratio/ : /sensitiv/i;
      expect(quote, id).toMatch(measure);
    }
  });

  it('the number check catches a figure that is not in the quote', () => {
    expect(hasNumber('malignancy (likelihood ratio [LR], 2.71)', '2.71')).toBe(true);
    expect(hasNumber('malignancy (likelihood ratio [LR], 2.71)', '2.7')).toBe(false);
    expect(hasNumber('pooled sensitivity 0.91 (95% CI 0.82–0.94)', '0.9')).toBe(false);
    expect(hasNumber('pooled sensitivity 0.91 (95% CI 0.82–0.94)', '95')).toBe(true);
  });
});
