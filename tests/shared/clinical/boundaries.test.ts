import { describe, expect, it } from 'vitest';
import type { Assessment } from '../../../shared/clinical/assessment.ts';
import { assess } from '../../../shared/clinical/index.ts';

/**
 * The edges of the engine's thresholds, where a comparison written one character wrong changes what
 * the clinician is shown (issue 16). Each expectation follows from the rule's stated meaning.
 */

const rank = (a: Assessment, cause: string): number => a.differential.find((d) => d.cause === cause)!.rank;
const xRayFor = (a: Assessment): readonly string[] | undefined => a.imaging.find((i) => i.modality === 'x-ray')?.for;

const stressFracture = ['loc-calf', 'rf-training-increase', 'worse-running-jumping', 'ex-focal-bone-tenderness'];
const bakersCyst = ['loc-popliteal', 'swelling-behind-knee', 'rf-knee-arthritis-or-meniscal-injury', 'onset-sudden', 'bruising-calf-ankle'];
const sciatica = ['loc-lower-back', 'radiates-from-back', 'radiates-below-knee', 'char-burning', 'worse-sitting', 'ex-slr-positive'];
const claudication = ['char-cramping', 'exertional-relieved-by-rest', 'rf-smoking', 'ex-diminished-pulses'];

describe('"a leading cause" means in the top three, third included (kb/suggestions.ts maxRank: 3)', () => {
  it('a stress fracture ranked third still gets its X-ray', () => {
    const a = assess({ findings: [...stressFracture, ...bakersCyst, ...sciatica] });
    expect(rank(a, 'fracture')).toBe(3);
    expect(a.differential.find((d) => d.cause === 'fracture')!.strength).toBe('moderate');
    expect(xRayFor(a)).toContain('fracture');
  });

  it('the same fracture pushed to fourth by PAD and a must-not-miss limb ischaemia is no longer X-rayed for a fracture', () => {
    const a = assess({ findings: [...stressFracture, ...bakersCyst, ...claudication] });
    expect(rank(a, 'fracture')).toBe(4);
    expect(a.differential.find((d) => d.cause === 'fracture')!.strength).toBe('moderate');
    expect(xRayFor(a) ?? []).not.toContain('fracture');
  });
});

describe('Wells "an alternative diagnosis at least as likely as DVT": a tie counts (Wells 2003)', () => {
  // Hand-worked from kb/rules.ts, Wells items left out. DVT: calf swelling 2.5 + calf 1 = 3.5.
  // Muscle strain: localised tenderness 2 + calf 1 + calf swelling 0.5 = 3.5. As likely: the item is met.
  it('a calf strain with exactly DVT’s points is proposed as the alternative, and Wells drops by 2 to -2', () => {
    const a = assess({ findings: ['loc-calf', 'calf-swelling', 'localized-tenderness'] });
    expect(a.scores.wellsDvt.alternativeJudgement).toMatchObject({ state: 'suggested', suggested: 'muscle-strain', suggestedBecause: ['localized-tenderness'] });
    expect(a.scores.wellsDvt.alternative).toBe('muscle-strain');
    expect(a.scores.wellsDvt.points).toBe(-2);
  });

  it('one leg only adds a point to DVT (unilateral 1) and 0 to the strain: the strain is less likely, nothing is proposed, Wells 0', () => {
    const a = assess({ findings: ['loc-calf', 'calf-swelling', 'localized-tenderness', 'unilateral'] });
    expect(a.scores.wellsDvt.alternativeJudgement).toMatchObject({ state: 'none' });
    expect(a.scores.wellsDvt.alternative).toBeUndefined();
    expect(a.scores.wellsDvt.points).toBe(0);
  });
});
