import { describe, expect, it } from 'vitest';
import type { Content } from 'pdfmake/interfaces.js';
import { knowledgeBase } from '../../../shared/clinical/index.ts';
import { Citations, sourcesBlock } from '../../../electron/main/referral/citations.ts';
import { buildReferralDocument } from '../../../electron/main/referral/document.ts';
import { referralKnowledgeBase, type ReferralKnowledgeBase } from '../../../electron/main/referral/kb.ts';
import { DVT_CASE, contentText, definitionText, encounterFrom, referralInput } from './fixtures.ts';

/** How a letter cites its sources: numbered in order of first use, each number naming the same source in the closing list. */

/** A knowledge base whose citations name the titles given, by a citation's `source` field. */
function fakeKb(titles: Record<string, string[]>): ReferralKnowledgeBase {
  return { ...referralKnowledgeBase(knowledgeBase), citationTitles: (c) => titles[c.source ?? ''] ?? [] };
}

describe('citation marks', () => {
  it('numbers sources in order of first use and gives a source cited again its first number (worked by hand)', () => {
    const citations = new Citations(fakeKb({ a: ['Alpha', 'Beta'], b: ['Beta', 'Gamma'], c: ['Alpha'], none: [] }));
    expect(citations.mark({ source: 'a' })).toEqual({ text: 'Sources: [1, 2]', style: 'small' });
    expect(citations.mark({ source: 'b' })).toEqual({ text: 'Sources: [2, 3]', style: 'small' });
    expect(citations.mark({ source: 'c' })).toEqual({ text: 'Sources: [1]', style: 'small' });
    expect(citations.mark({ source: 'none' })).toEqual({ text: '' });
    expect(citations.titles).toEqual(['Alpha', 'Beta', 'Gamma']);
  });

  it('puts the mark at the end of a line after two spaces, and nothing for an item without a source', () => {
    const citations = new Citations(fakeKb({ a: ['Alpha'], none: [] }));
    expect(citations.markAtEnd({ source: 'a' })).toEqual({ text: '  Sources: [1]', style: 'small' });
    expect(citations.markAtEnd({ source: 'a' })).toEqual({ text: '  Sources: [1]', style: 'small' });
    expect(citations.markAtEnd({ source: 'none' })).toEqual({ text: '' });
    expect(citations.titles).toEqual(['Alpha']);
  });

  it('closes the letter with each source under its number', () => {
    const text = contentText(sourcesBlock(['Alpha', 'Beta']) as Content);
    expect(text).toEqual(['Sources cited', '[1]', 'Alpha', '[2]', 'Beta']);
  });
});

describe('the sources of a DVT letter', () => {
  const encounter = encounterFrom(DVT_CASE, { status: 'signed' });
  const { body } = definitionText(buildReferralDocument(referralInput(encounter)));
  const closing = body.slice(body.lastIndexOf('Sources cited'));
  const listed = [...closing.matchAll(/^\[(\d+)\]\n(.+)$/gm)].map((m) => ({ n: Number(m[1]), title: m[2]! }));
  const marks = [...body.slice(0, body.lastIndexOf('Sources cited')).matchAll(/Sources: \[([\d, ]+)\]/g)].map((m) => m[1]!.split(', ').map(Number));

  it('lists every source cited once, numbered 1, 2, 3 … in order of first use', () => {
    expect(listed.length).toBeGreaterThan(1);
    expect(listed.map((l) => l.n)).toEqual(listed.map((_, i) => i + 1));
    expect(new Set(listed.map((l) => l.title)).size).toBe(listed.length);
    const firstUse = [...new Set(marks.flat())];
    expect(firstUse).toEqual(listed.map((l) => l.n));
  });

  it("cites beside each red flag the knowledge base's own sources for it", () => {
    const kb = referralKnowledgeBase(knowledgeBase);
    expect(encounter.assessment.redFlags.length).toBeGreaterThan(0);
    for (const flag of encounter.assessment.redFlags) {
      const def = knowledgeBase.redFlags.find((f) => f.id === flag.id)!;
      const expected = kb.citationTitles(def.citation);
      expect(expected.length, flag.id).toBeGreaterThan(0);
      // The mark printed after the flag's action names exactly these titles in the closing list.
      const after = body.slice(body.indexOf(flag.action));
      const mark = /Sources: \[([\d, ]+)\]/.exec(after)![1]!.split(', ').map(Number);
      expect(mark.map((n) => listed.find((l) => l.n === n)!.title), flag.id).toEqual(expected);
    }
  });
});
