import { describe, expect, it } from 'vitest';
import { knowledgeBase, searchFindings } from '../../../shared/clinical/index.ts';

/** The type-ahead picker over finding labels and synonyms. */

const ids = (query: string, limit?: number): string[] => searchFindings(query, limit).map((f) => f.id);

describe('searchFindings', () => {
  it('finds findings by the words clinicians type', () => {
    expect(ids('claudication')[0]).toBe('exertional-relieved-by-rest');
    expect(ids('intermittent claudication')[0]).toBe('exertional-relieved-by-rest');
    expect(ids('foot drop')[0]).toBe('foot-drop');
    expect(ids('SLR')[0]).toBe('ex-slr-positive');
    expect(ids('straight leg raise')[0]).toBe('ex-slr-positive');
    expect(ids('DVT risk')).toEqual(expect.arrayContaining(['rf-long-travel-or-immobility', 'rf-recent-surgery', 'rf-estrogen-medication']));
  });

  it('ignores case and accents', () => {
    expect(ids('lasegue')[0]).toBe('ex-slr-positive');
    expect(ids('LASÈGUE')[0]).toBe('ex-slr-positive');
    expect(ids('OEDEMA')).toEqual(expect.arrayContaining(['calf-swelling', 'ex-pitting-edema']));
  });

  it('ranks an exact or prefix match before a match inside a word', () => {
    expect(ids('calf')[0]).toBe('loc-calf');
    // "Swelling of the calf or leg" starts with it; "Calf circumference ... swelling 3 cm" has it at a word start.
    expect(ids('swelling', 20).slice(0, 2)).toEqual(['calf-swelling', 'swelling-behind-knee']);
    // A match inside a word comes last: "swollen" matches only the leg-swelling findings' synonyms.
    expect(ids('ollen')).toEqual(['calf-swelling', 'ex-entire-leg-swollen']);
    expect(ids('numb')[0]).toBe('numbness');
    // An exact synonym before a label it begins: "pop" (felt a pop) before "popliteal", "hot" (warmth) before "hot, burning".
    expect(ids('pop')[0]).toBe('felt-pop-or-kicked');
    expect(ids('hot')[0]).toBe('warmth');
    // A text beginning with the query before an earlier finding with the word further in: "Pain out of proportion" before "Lower back pain".
    expect(ids('pain')[0]).toBe('pain-out-of-proportion');
    expect(ids('sore')[0]).toBe('char-aching');
  });

  it('matches every word of a several-word query at word starts', () => {
    expect(ids('pins need')).toEqual(['tingling']);
    expect(ids('long flight')[0]).toBe('rf-long-travel-or-immobility');
    // Both words, not either: calf swelling has no word starting "knee".
    expect(ids('swelling knee', 20)).toEqual(['swelling-behind-knee']);
  });

  it('reads a run of spaces or punctuation as one space, so a hyphen or a double space changes nothing', () => {
    // "Tender vein" is a synonym of the superficial cord: typed exactly, it comes before the deep-vein finding.
    for (const q of ['tender vein', 'tender  vein', 'tender - vein', 'Tender, vein']) expect(ids(q)[0], q).toBe('ex-tender-superficial-cord');
    expect(ids('straight-leg raise')[0]).toBe('ex-slr-positive');
    expect(ids('calf swelling (3 cm)')[0]).toBe('ex-calf-swelling-3cm');
  });

  it('respects the limit and returns nothing for an empty query or a cause name', () => {
    expect(ids('a', 3)).toHaveLength(3);
    expect(searchFindings('e')).toHaveLength(10);
    expect(ids('   ')).toEqual([]);
    expect(ids('sciatica')).toEqual([]);
  });

  it('returns knowledge-base finding definitions', () => {
    const [first] = searchFindings('achilles');
    expect(knowledgeBase.findings).toContain(first);
  });
});
