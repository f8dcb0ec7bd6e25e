import { describe, expect, it } from 'vitest';
import type { Assessment } from '../../../shared/clinical/assessment.ts';
import { evaluate } from '../../../shared/clinical/engine/conditions.ts';
import { findingLabels } from '../../../shared/clinical/engine/text.ts';
import { assess } from '../../../shared/clinical/index.ts';

/**
 * What the engine's first mutation run (issue 16) showed no test would notice: the clinician's Wells
 * judgement in the cases nothing is proposed or another cause is named, the order of red flags of the
 * same urgency, a must-not-miss cause that needed no moving, and the condition evaluator's contract
 * with knowledge-base authors. Expected values follow from the rules' stated meaning, worked by hand.
 */

// Wells 2003 items met: calf swelling > 3 cm (1), pitting oedema (1), deep vein tenderness (1) = 3.
// Nothing else is supported by a leg finding, so no alternative is proposed.
const dvtSigns = ['loc-calf', 'unilateral', 'calf-swelling', 'ex-pitting-edema', 'ex-calf-swelling-3cm', 'ex-deep-vein-tenderness'];
// The same leg with cellulitis's signs: cellulitis is proposed as at least as likely (engine.test.ts).
const cellulitisLeg = ['loc-calf', 'unilateral', 'calf-swelling', 'ex-pitting-edema', 'redness', 'warmth', 'ex-spreading-erythema', 'fever', 'rf-skin-break'];

const alternativeItem = (a: Assessment) => a.scores.wellsDvt.criteria.find((c) => c.points < 0)!;

describe('the clinician’s Wells judgement where the engine proposes nothing', () => {
  it('"no alternative" when none was proposed overrides nothing: the state stays "none" and Wells keeps its 3 points', () => {
    const w = assess({ findings: dvtSigns, wellsAlternative: { met: false } }).scores.wellsDvt;
    expect(w.alternativeJudgement).toEqual({ state: 'none', suggestedBecause: [] });
    expect(w.points).toBe(3);
    expect(w.category).toBe('likely');
  });

  it('"an alternative is as likely", naming none, when none was proposed, is the clinician’s own call: overridden, -2 points to 1, unlikely', () => {
    const w = assess({ findings: dvtSigns, wellsAlternative: { met: true } }).scores.wellsDvt;
    expect(w.alternativeJudgement).toEqual({ state: 'overridden', suggestedBecause: [] });
    expect(w.alternative).toBeUndefined();
    expect(w.points).toBe(1);
    expect(w.category).toBe('unlikely');
  });
});

describe('the Wells alternative item shows the findings behind the engine’s proposal only when that proposal stands', () => {
  it('proposed and left as it is: the item lists the findings that support cellulitis', () => {
    const a = assess({ findings: cellulitisLeg });
    expect(alternativeItem(a).met).toBe(true);
    expect(alternativeItem(a).findings).toContain('ex-spreading-erythema');
  });

  it('the clinician names another cause: the item is met but lists none of cellulitis’s findings', () => {
    const a = assess({ findings: cellulitisLeg, wellsAlternative: { met: true, cause: 'superficial-vein-thrombosis' } });
    expect(alternativeItem(a).met).toBe(true);
    expect(alternativeItem(a).findings).toEqual([]);
  });

  it('the clinician says no alternative is as likely: the item is not met and lists nothing', () => {
    const a = assess({ findings: cellulitisLeg, wellsAlternative: { met: false } });
    expect(alternativeItem(a)).toMatchObject({ met: false, findings: [] });
  });
});

describe('red flags of the same urgency keep the vocabulary’s order', () => {
  it('a possible PE (read after the DVT flag it depends on) is still listed before cauda equina, as in the vocabulary', () => {
    const a = assess({ findings: [...dvtSigns, 'dyspnea-or-chest-pain', 'loc-lower-back', 'radiates-from-back', 'saddle-anesthesia'] });
    expect(a.redFlags.map((f) => `${f.id}:${f.urgency}`)).toEqual(['possible-pe:emergency', 'cauda-equina:emergency', 'suspected-dvt:urgent']);
  });

  it('two urgent flags: suspected DVT before the neurological deficit, as in the vocabulary', () => {
    const a = assess({ findings: [...dvtSigns, 'foot-drop'] });
    expect(a.redFlags.map((f) => `${f.id}:${f.urgency}`)).toEqual(['suspected-dvt:urgent', 'progressive-neuro-deficit:urgent']);
  });
});

describe('a must-not-miss cause says why it was kept visible only when it was moved up', () => {
  it('DVT ranked first on its own points carries no "kept visible" note', () => {
    const a = assess({ findings: dvtSigns });
    const dvt = a.differential.find((d) => d.cause === 'dvt')!;
    expect(dvt.rank).toBe(1);
    expect(dvt.keptVisible).toBeUndefined();
    expect(a.differential.every((d) => d.keptVisible === undefined)).toBe(true);
  });

  it('with DVT first and a known aneurysm low on its points, the aneurysm takes third place and the best other cause keeps second', () => {
    // Two must-not-miss causes with a key sign: DVT (first on its points anyway) and a popliteal aneurysm
    // (a known arterial aneurysm: 2 points, below cellulitis, Baker's cyst rupture and superficial vein
    // thrombosis). Kept within the top three together with the best of the others, each in its own order.
    const a = assess({ findings: [...dvtSigns, 'rf-arterial-aneurysm', 'redness', 'warmth'] });
    expect(a.differential.slice(0, 3).map((d) => d.cause)).toEqual(['dvt', 'cellulitis', 'popliteal-artery-aneurysm']);
    expect(a.differential[2]!.keptVisible).toBeDefined();
    expect(a.differential[1]!.keptVisible).toBeUndefined();
  });
});

describe('the condition evaluator (the contract knowledge-base conditions are written against)', () => {
  const ctx = () => {
    const a = assess({ findings: ['loc-calf', 'calf-swelling'], absent: ['fever'] });
    return { present: new Set(['loc-calf', 'calf-swelling']), absent: new Set(['fever']), causes: new Map(a.differential.map((d) => [d.cause, d])) };
  };

  it('an absent finding meets its condition but is not named as a reason: only present findings explain why', () => {
    expect(evaluate({ allOf: [{ finding: 'calf-swelling' }, { absent: 'fever' }] }, ctx())).toEqual(['calf-swelling']);
    expect(evaluate({ absent: 'fever' }, ctx())).toEqual([]);
    expect(evaluate({ absent: 'calf-swelling' }, ctx())).toBeNull();
  });

  it('names an unknown cause instead of treating it as not met', () => {
    expect(() => evaluate({ cause: 'no-such-cause', minStrength: 'weak' }, ctx())).toThrow('Unknown cause "no-such-cause" in a condition');
  });

  it('refuses a Wells or red-flag condition evaluated before the score or the flags exist', () => {
    expect(() => evaluate({ wells: 'likely' }, ctx())).toThrow('A Wells condition was evaluated before the Wells score');
    expect(() => evaluate({ redFlag: 'suspected-dvt' }, ctx())).toThrow('A red-flag condition was evaluated before the red flags');
  });
});

describe('nothing is suggested that nothing recorded calls for', () => {
  it('with nothing recorded: no red flag, no imaging, no test, and the Wells score does not apply', () => {
    const a = assess({ findings: [] });
    expect(a.redFlags).toEqual([]);
    expect(a.imaging).toEqual([]);
    expect(a.investigations).toEqual([]);
    expect(a.scores.wellsDvt.applies).toBe(false);
  });

  it('sciatica without a vascular or venous sign: no ankle brachial index, D-dimer or Doppler', () => {
    // Pain radiating from the back with a positive straight-leg raise: nerve-root pain, nothing arterial or venous.
    const a = assess({ findings: ['loc-posterior-thigh', 'radiates-from-back', 'ex-slr-positive'] });
    expect(a.differential[0]!.cause).toBe('sciatica');
    expect(a.investigations.map((t) => t.test)).toEqual([]);
    expect(a.imaging.map((i) => i.modality)).not.toContain('doppler-ultrasound');
  });
});

describe('a rationale names the findings that called for it, mid-sentence', () => {
  it('in lower case, joined by semicolons, with the Wells score', () => {
    const doppler = assess({ findings: dvtSigns }).imaging.find((i) => i.modality === 'doppler-ultrasound')!;
    expect(doppler.rationale).toMatch(/^DVT is suspected \(swelling of the calf or leg; calf circumference 3 cm or more above the other side; pitting oedema confined to the symptomatic leg; tenderness along the deep veins; Wells 3 points, likely\): /);
  });

  it('as "the recorded findings" when a rule was met by none in particular', () => {
    expect(findingLabels([])).toBe('the recorded findings');
    expect(findingLabels(['loc-calf', 'calf-swelling'])).toBe('calf; swelling of the calf or leg');
  });
});

describe('the basis of a cause, as the clinician reads it', () => {
  it('lists what argues against it most against first', () => {
    // Muscle strain: no localised tenderness (-1) weighs more against it than no intense activity (-0.5).
    const strain = assess({ findings: ['loc-calf'], absent: ['after-intense-activity', 'localized-tenderness'] }).differential.find((d) => d.cause === 'muscle-strain')!;
    expect(strain.basis.filter((b) => b.weight < 0).map((b) => [b.finding, b.weight])).toEqual([
      ['localized-tenderness', -1],
      ['after-intense-activity', -0.5],
    ]);
  });

  it('cites a suggestion with its rule’s sections and references, each once', () => {
    const doppler = assess({ findings: dvtSigns }).imaging.find((i) => i.modality === 'doppler-ultrasound')!;
    expect(doppler.citation).toEqual({ source: 'Diagnostic approaches, imaging table', reference: 'nice-ng158; acr-dvt-2018' });
    // DVT in question (Wells 1 point: the Baker's cyst is proposed as the alternative) and a ruptured Baker's cyst:
    // one Doppler study for both, citing both rules, the shared section once;
    // the X-ray's rule names sections only, and its citation has no reference.
    const both = assess({
      findings: ['loc-calf', 'loc-popliteal', 'unilateral', 'calf-swelling', 'swelling-behind-knee', 'rf-knee-arthritis-or-meniscal-injury', 'ex-popliteal-mass', 'ex-pitting-edema', 'ex-calf-swelling-3cm', 'ex-deep-vein-tenderness'],
    });
    // One study, both reasons, in rule order.
    expect(both.imaging[0]!.rationale).toMatch(/^DVT is in question \(.*\) with the Wells score 1 point, unlikely: .* such as DVT\. A ruptured Baker’s cyst is a leading cause \(/);
    expect(both.imaging.map((i) => [i.modality, i.for, i.citation])).toEqual([
      ['doppler-ultrasound', ['dvt', 'bakers-cyst-rupture'], { source: 'Diagnostic approaches, imaging table; Less common causes 1', reference: 'nice-ng158; acr-dvt-2018; handy-2001' }],
      ['x-ray', ['bakers-cyst-rupture'], { source: 'Diagnostic approaches, imaging table; Less common causes 1' }],
    ]);
  });
});

describe('what each kind of condition contributes to a suggestion’s reasons (kb/suggestions.ts, worked by hand)', () => {
  it('Wells unlikely: the D-dimer names the sign that puts DVT in question and the Wells item that scored', () => {
    // Calf swelling is a sign of DVT (not a Wells item); a previous DVT scores 1: Wells 1 point, unlikely.
    const a = assess({ findings: ['calf-swelling', 'rf-previous-dvt'] });
    expect(a.investigations.map((t) => [t.test, t.rationale])).toEqual([
      [
        'd-dimer',
        'DVT is in question (swelling of the calf or leg; previously documented DVT) and the two-level Wells score is 1 point, unlikely: D-dimer test; if positive, proximal leg vein ultrasound within 4 hours. DVT unlikely with a negative D-dimer rules DVT out.',
      ],
    ]);
  });

  it('a sign of DVT with no alternative judged as likely raises suspected DVT whatever the score; cellulitis as likely does not', () => {
    const alone = assess({ findings: ['loc-calf', 'unilateral', 'calf-swelling'] });
    expect(alone.scores.wellsDvt.category).toBe('unlikely');
    expect(alone.redFlags.map((f) => [f.id, (f.criteria ?? []).map((c) => c.id), f.because])).toEqual([['suspected-dvt', ['dvt-signs-no-alternative'], ['calf-swelling']]]);
    expect(assess({ findings: cellulitisLeg }).redFlags.map((f) => f.id)).not.toContain('suspected-dvt');
  });

  it('a leading cause: the few strongest findings for it, never one against it', () => {
    // PAD: claudication (+3.5) and weak pulses (+3) for it; relief on sitting (-1.5) against it.
    const a = assess({ findings: ['exertional-relieved-by-rest', 'ex-diminished-pulses', 'relieved-sitting-or-flexion'] });
    expect(a.investigations.map((t) => t.rationale)).toEqual([
      'PAD is in question (comes on with walking or exertion, eases within minutes of rest; diminished or absent foot pulses): measure the ankle brachial pressure index.',
    ]);
    // With more for it than a rationale can hold, the three strongest: claudication, weak pulses, then smoking
    // (the first of the +1.5 findings in the knowledge base's order).
    const more = assess({ findings: ['loc-calf', 'exertional-relieved-by-rest', 'ex-diminished-pulses', 'rf-smoking', 'rf-diabetes'] });
    expect(more.investigations.find((t) => t.test === 'ankle-brachial-index')!.rationale).toBe(
      'PAD is in question (comes on with walking or exertion, eases within minutes of rest; diminished or absent foot pulses; smoking): measure the ankle brachial pressure index.',
    );
  });

  it('a red flag: the findings that raised it', () => {
    const a = assess({ findings: ['loc-lower-back', 'radiates-from-back', 'saddle-anesthesia'] });
    expect(a.imaging.map((i) => [i.modality, i.urgency, i.rationale])).toEqual([
      ['mri', 'emergency', 'Possible cauda equina syndrome (numbness in the saddle area): emergency MRI of the lumbar spine, the same day.'],
    ]);
  });
});

describe('one observation counts once (kb/rules.ts observation groups)', () => {
  it('a suggestion’s reasons skip a finding counted under another of the same observation', () => {
    // Swelling behind the knee and a popliteal mass are one observation for a Baker's cyst (the lump):
    // the mass is counted under the swelling, so the three reasons are bruising, the swelling and the knee disease.
    const a = assess({ findings: ['loc-popliteal', 'swelling-behind-knee', 'ex-popliteal-mass', 'rf-knee-arthritis-or-meniscal-injury', 'bruising-calf-ankle'] });
    expect(a.imaging.find((i) => i.modality === 'doppler-ultrasound')!.rationale).toMatch(
      /^A ruptured Baker’s cyst is a leading cause \(bruising spreading down the calf toward the ankle; swelling or lump behind the knee; knee arthritis or meniscal injury\) and mimics DVT/,
    );
  });

  it('what is counted under another finding does not make the evidence conflicting', () => {
    // A popliteal mass (+1 for an aneurysm) with no pulsation (-1.5, the same observation, counted under the mass).
    const aneurysm = assess({ findings: ['ex-popliteal-mass'], absent: ['ex-pulsatile-popliteal-mass'] }).differential.find((d) => d.cause === 'popliteal-artery-aneurysm')!;
    expect([aneurysm.points, aneurysm.evidence]).toEqual([1, 'for']);
  });
});

describe('the Wells alternative the engine proposes is the most likely other cause', () => {
  it('the best-scoring of several that qualify, not the last in the list', () => {
    // DVT 2.5 (calf swelling, not a Wells item). Sciatica 4: worse sitting +2, numbness +1, weakness +1.
    // Acute limb ischaemia 3.5: rest pain +1.5, numbness +1, weakness +1. Both reach DVT's points; sciatica more.
    const w = assess({ findings: ['calf-swelling', 'pain-at-rest', 'numbness', 'weakness', 'worse-sitting'] }).scores.wellsDvt;
    expect(w.alternative).toBe('sciatica');
    expect(w.alternativeJudgement).toEqual({ state: 'suggested', suggested: 'sciatica', suggestedBecause: ['worse-sitting', 'numbness', 'weakness'] });
    expect([w.points, w.category]).toEqual([-2, 'unlikely']);
  });
});

describe('the Wells alternative: ties and strength (kb/wells.ts, the stated method)', () => {
  it('at equal points, the cause listed first in the knowledge base', () => {
    // Baker's cyst 5.5 (bruising +3, swelling +1.5, calf +1) and cellulitis 5.5 (erythema +3.5, swelling +1,
    // one leg +0.5, calf +0.5) both reach DVT's 4.5; the Baker's cyst comes first in the source's order.
    const w = assess({ findings: ['loc-calf', 'unilateral', 'calf-swelling', 'ex-spreading-erythema', 'bruising-calf-ankle'] }).scores.wellsDvt;
    expect(w.alternativeJudgement).toEqual({ state: 'suggested', suggested: 'bakers-cyst-rupture', suggestedBecause: ['bruising-calf-ankle'] });
  });

  it('never a cause that is only "unlikely", even with more points than DVT', () => {
    // DVT -1 (warmth +1.5, calf +1, no swelling -2, both legs -1, no pitting -0.5); lumbar stenosis 2.5 from
    // relief on sitting, still "unlikely": nothing is proposed and Wells keeps 0 points.
    const w = assess({ findings: ['loc-calf', 'warmth', 'bilateral', 'relieved-sitting-or-flexion'], absent: ['calf-swelling', 'ex-pitting-edema'] }).scores.wellsDvt;
    expect(w.applies).toBe(true);
    expect(w.alternativeJudgement).toEqual({ state: 'none', suggestedBecause: [] });
    expect(w.points).toBe(0);
  });

  it('the Wells items named in a reason are those scored for DVT, never the alternative’s findings', () => {
    // Cellulitis proposed on erythema and fever (-2); pitting oedema scores +1: Wells -1.
    const a = assess({ findings: cellulitisLeg });
    expect(a.scores.wellsDvt.items).toEqual(['ex-pitting-edema']);
    expect(a.investigations.find((t) => t.test === 'd-dimer')!.rationale).toMatch(
      /^DVT is in question \(swelling of the calf or leg; pitting oedema confined to the symptomatic leg; calf; warmth over the painful area; redness\) and the two-level Wells score is -1 point, unlikely: /,
    );
  });
});

describe('which finding of an observation counts (kb/rules.ts observation groups)', () => {
  it('a present finding before an absent one, even one that weighs more', () => {
    // Cellulitis, inflamed skin: redness seen (+1.5) counts; no spreading erythema (-2) is the same observation.
    const cellulitis = assess({ findings: ['redness', 'loc-calf'], absent: ['ex-spreading-erythema'] }).differential.find((d) => d.cause === 'cellulitis')!;
    expect(cellulitis.points).toBe(2);
    expect(cellulitis.basis.map((b) => [b.finding, b.countedIn === undefined])).toEqual([
      ['redness', true],
      ['loc-calf', true],
      ['ex-spreading-erythema', false],
    ]);
  });
});

describe('the Wells alternative is compared with DVT on the points outside the Wells items', () => {
  it('a strain with fewer points than DVT has without its Wells items is not proposed', () => {
    // DVT 6.5, of which 4.5 outside the Wells items (calf +1, one leg +1, swelling +2.5; pitting oedema +2 is a
    // Wells item). Muscle strain 3.5 (intense activity +3, calf +1, swelling +0.5, no localised tenderness -1).
    const w = assess({ findings: ['loc-calf', 'unilateral', 'calf-swelling', 'ex-pitting-edema', 'after-intense-activity'], absent: ['localized-tenderness'] }).scores.wellsDvt;
    expect(w.alternativeJudgement).toEqual({ state: 'none', suggestedBecause: [] });
    expect([w.points, w.category]).toEqual([1, 'unlikely']);
  });
});
