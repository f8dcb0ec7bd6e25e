import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { MAX_SEARCH_WORDS, searchKey, searchWords } from '../../../shared/review/search-words.ts';

describe('the words a history search looks for', () => {
  it('are the letters and digits typed, split as the index splits them', () => {
    expect(searchWords('MRN 101234')).toEqual(['MRN', '101234']);
    expect(searchWords('Ada "Example", calf-pain')).toEqual(['Ada', 'Example', 'calf', 'pain']);
    expect(searchWords('  ?! ')).toEqual([]);
    expect(searchWords('Zoë Ｏｋａｆｏｒ')).toEqual(['Zoë', 'Okafor']);
  });

  it('stop after the first sixteen', () => {
    const many = Array.from({ length: 20 }, (_, i) => `w${i}`).join(' ');
    expect(searchWords(many)).toHaveLength(MAX_SEARCH_WORDS);
  });

  it('are the same, so nothing is searched again, after a space, punctuation or a change of case; a letter changes them', () => {
    expect(searchKey('calf ')).toBe(searchKey('calf'));
    expect(searchKey('Calf,')).toBe(searchKey('calf'));
    expect(searchKey('calf  pain')).toBe(searchKey('calf pain'));
    expect(searchKey('calf p')).not.toBe(searchKey('calf '));
    expect(searchKey('calfs')).not.toBe(searchKey('calf'));
  });

  it('change whenever a letter or digit is added to the text', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 40 }), fc.constantFrom('a', 'Z', '7', 'é'), (text, ch) => {
        fc.pre(searchWords(text).length < MAX_SEARCH_WORDS);
        expect(searchKey(text + ch)).not.toBe(searchKey(text));
      }),
    );
  });
});
