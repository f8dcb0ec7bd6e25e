import { describe, expect, it } from 'vitest';
import { Assessment, StoredAssessment } from '../../../shared/clinical/assessment.ts';
import { CaseError, KB_VERSION, assess, assessForStorage, knowledgeBase, type CaseInput } from '../../../shared/clinical/index.ts';

/** The engine on cases written for this suite: one per cause, one per red flag, look-alikes, pertinent negatives. */

const rank = (a: Assessment, cause: string): number => a.differential.find((d) => d.cause === cause)!.rank;
const entry = (a: Assessment, cause: string) => a.differential.find((d) => d.cause === cause)!;
const flags = (a: Assessment): string[] => a.redFlags.map((f) => f.id);
const modalities = (a: Assessment): string[] => a.imaging.map((i) => `${i.modality}:${i.urgency}`);

const typical: Record<string, CaseInput> = {
  sciatica: { findings: ['loc-lower-back', 'radiates-from-back', 'radiates-below-knee', 'char-burning', 'worse-sitting', 'ex-slr-positive'] },
  'muscle-strain': { findings: ['loc-posterior-thigh', 'after-intense-activity', 'onset-sudden', 'localized-tenderness', 'rf-athlete'] },
  dvt: { findings: ['loc-calf', 'unilateral', 'calf-swelling', 'warmth', 'rf-recent-surgery', 'ex-pitting-edema'] },
  pad: { findings: ['loc-calf', 'char-cramping', 'exertional-relieved-by-rest', 'rf-smoking', 'ex-diminished-pulses'] },
  'tarsal-tunnel': { findings: ['loc-medial-ankle-sole', 'char-burning', 'tingling', 'numbness', 'ex-tinel-tarsal'] },
  'popliteal-entrapment': { findings: ['loc-popliteal', 'char-burning', 'char-shooting', 'follows-nerve-path'], absent: ['swelling-behind-knee'] },
  'bakers-cyst-rupture': { findings: ['loc-popliteal', 'swelling-behind-knee', 'rf-knee-arthritis-or-meniscal-injury', 'onset-sudden', 'bruising-calf-ankle'] },
  'lumbar-stenosis': { findings: ['loc-buttock', 'bilateral', 'standing-walking-slow-relief', 'relieved-sitting-or-flexion'] },
  tendonitis: { findings: ['loc-achilles', 'onset-gradual', 'worse-running-jumping', 'ex-achilles-tenderness'] },
  // Vocabulary v2: each as its named reference describes it (kb/references.ts).
  'acute-limb-ischemia': { findings: ['loc-calf', 'onset-sudden', 'cold-pale-foot', 'ex-diminished-pulses', 'rf-atrial-fibrillation'] },
  'acute-compartment-syndrome': { findings: ['loc-calf', 'after-trauma', 'rf-leg-fracture-or-crush', 'pain-out-of-proportion', 'ex-pain-on-passive-stretch'] },
  'achilles-rupture': { findings: ['loc-achilles', 'onset-sudden', 'felt-pop-or-kicked', 'ex-thompson-positive'] },
  'popliteal-artery-aneurysm': { findings: ['loc-popliteal', 'swelling-behind-knee', 'ex-pulsatile-popliteal-mass', 'rf-arterial-aneurysm'] },
  cellulitis: { findings: ['loc-calf', 'redness', 'warmth', 'ex-spreading-erythema', 'rf-skin-break'] },
  'superficial-vein-thrombosis': { findings: ['loc-calf', 'redness', 'ex-tender-superficial-cord', 'rf-varicose-veins'] },
  'spinal-malignancy-or-infection': { findings: ['loc-lower-back', 'back-pain-night-constant', 'rf-history-of-cancer', 'unexplained-weight-loss'] },
  fracture: { findings: ['loc-calf', 'rf-training-increase', 'worse-running-jumping', 'ex-focal-bone-tenderness'] },
  'popliteal-artery-entrapment': { findings: ['loc-calf', 'rf-athlete', 'exertional-relieved-by-rest', 'ex-pulses-lost-on-plantarflexion'] },
  'chronic-exertional-compartment-syndrome': { findings: ['loc-calf', 'rf-athlete', 'exercise-calf-tightness', 'worse-running-jumping'] },
};

describe('assess: a typical case of each cause ranks it first', () => {
  it('covers every cause of the knowledge base', () => {
    expect(Object.keys(typical).sort()).toEqual(knowledgeBase.causes.map((c) => c.id).sort());
  });

  it.each(Object.entries(typical))('%s', (cause, c) => {
    const a = assess(c);
    expect(a.differential[0]!.cause).toBe(cause);
    expect(a.differential[0]!.strength).not.toBe('unlikely');
    expect(entry(a, cause).supporting.length).toBeGreaterThan(0);
    expect(() => Assessment.parse(a)).not.toThrow();
  });
});

describe('assess: red flags', () => {
  it('suspected DVT: urgent, with an urgent Doppler ultrasound and the Wells next step', () => {
    const a = assess(typical.dvt!);
    expect(a.redFlags).toEqual([expect.objectContaining({ id: 'suspected-dvt', urgency: 'urgent' })]);
    expect(a.redFlags[0]!.because).toEqual(expect.arrayContaining(['calf-swelling', 'ex-pitting-edema']));
    expect(modalities(a)).toContain('doppler-ultrasound:urgent');
    expect(a.scores.wellsDvt).toMatchObject({ points: 2, category: 'likely', items: ['rf-recent-surgery', 'ex-pitting-edema'] });
    expect(a.scores.wellsDvt.nextStep).toMatch(/^DVT likely: proximal leg vein ultrasound .*4 hours/);
  });

  it('possible PE: DVT features with breathlessness is an emergency, listed before the urgent DVT flag', () => {
    const a = assess({ findings: [...typical.dvt!.findings, 'dyspnea-or-chest-pain'] });
    expect(a.redFlags.map((f) => `${f.id}:${f.urgency}`)).toEqual(['possible-pe:emergency', 'suspected-dvt:urgent']);
    expect(a.redFlags[0]!.because).toContain('dyspnea-or-chest-pain');
  });

  it('breathlessness alone, with nothing pointing to DVT, is not called a possible PE', () => {
    expect(flags(assess({ findings: ['dyspnea-or-chest-pain', 'loc-posterior-thigh', 'after-intense-activity'] }))).not.toContain('possible-pe');
  });

  it('cauda equina: saddle numbness or bladder/bowel dysfunction is an emergency with an emergency MRI', () => {
    for (const finding of ['saddle-anesthesia', 'bladder-bowel-dysfunction']) {
      const a = assess({ findings: ['loc-lower-back', 'radiates-from-back', finding] });
      expect(a.redFlags[0]).toMatchObject({ id: 'cauda-equina', urgency: 'emergency', because: [finding] });
      expect(a.imaging[0]).toMatchObject({ modality: 'mri', urgency: 'emergency' });
      expect(a.imaging[0]!.rationale).toMatch(/emergency MRI/);
      // Nothing raises the question of DVT: the Wells score says it does not apply, and nothing follows from it.
      expect(a.scores.wellsDvt.applies).toBe(false);
      expect(a.scores.wellsDvt.nextStep).toMatch(/does not apply/);
      expect(a.investigations.map((i) => i.test)).not.toContain('d-dimer');
    }
  });

  it('neurological deficit: weakness or foot drop is urgent, with an urgent MRI', () => {
    for (const finding of ['weakness', 'foot-drop']) {
      const a = assess({ findings: [...typical.sciatica!.findings, finding] });
      expect(a.redFlags).toEqual([expect.objectContaining({ id: 'progressive-neuro-deficit', urgency: 'urgent', because: [finding] })]);
      expect(modalities(a)).toContain('mri:urgent');
    }
  });

  it('critical limb ischaemia: rest pain with arterial features is urgent, with an urgent Doppler and an ABPI', () => {
    const a = assess({ findings: [...typical.pad!.findings, 'pain-at-rest'] });
    expect(a.redFlags).toEqual([expect.objectContaining({ id: 'critical-limb-ischemia', urgency: 'urgent' })]);
    expect(a.redFlags[0]!.because).toEqual(expect.arrayContaining(['pain-at-rest', 'ex-diminished-pulses']));
    expect(modalities(a)).toContain('doppler-ultrasound:urgent');
    expect(a.investigations.map((i) => i.test)).toContain('ankle-brachial-index');
  });

  it('rest pain without any arterial feature does not raise critical limb ischaemia', () => {
    expect(flags(assess({ findings: ['pain-at-rest', 'loc-lower-back', 'radiates-from-back'] }))).toEqual([]);
  });

  it('no red flag for a case without any', () => {
    for (const cause of ['muscle-strain', 'tendonitis', 'tarsal-tunnel', 'lumbar-stenosis']) expect(flags(assess(typical[cause]!))).toEqual([]);
  });
});

describe('assess: red flags of vocabulary v2', () => {
  it('a suddenly cold, pale foot is acute limb ischaemia, an emergency, with no imaging to delay the referral', () => {
    const a = assess({ findings: ['loc-popliteal', 'ex-pulsatile-popliteal-mass', 'onset-sudden', 'cold-pale-foot', 'pain-at-rest', 'ex-diminished-pulses'] });
    expect(a.redFlags[0]).toMatchObject({ id: 'suspected-acute-limb-ischemia', urgency: 'emergency' });
    expect(flags(a)).not.toContain('critical-limb-ischemia');
    expect(flags(a)).toContain('suspected-popliteal-aneurysm');
    expect(a.imaging).toEqual([]);
    // The same foot cold for weeks, with claudication, is chronic limb-threatening ischaemia: urgent, with a Doppler.
    const chronic = assess({ findings: ['loc-calf', 'onset-gradual', 'cold-pale-foot', 'pain-at-rest', 'exertional-relieved-by-rest', 'ex-diminished-pulses'] });
    expect(chronic.redFlags.map((f) => `${f.id}:${f.urgency}`)).toEqual(['critical-limb-ischemia:urgent']);
    expect(modalities(chronic)).toContain('doppler-ultrasound:urgent');
  });

  it('breathlessness after recent surgery is a possible PE, an emergency, without a swollen calf', () => {
    for (const risk of ['rf-recent-surgery', 'rf-long-travel-or-immobility', 'rf-leg-fracture-or-crush', 'rf-active-cancer']) {
      const a = assess({ findings: ['loc-calf', 'dyspnea-or-chest-pain', risk], absent: ['calf-swelling'] });
      expect(a.redFlags[0], risk).toMatchObject({ id: 'possible-pe', urgency: 'emergency' });
    }
  });

  it('sciatica in both legs, or a deficit in both legs, is cauda equina: an emergency; stenosis’s walking pain in both legs is not', () => {
    expect(assess({ findings: ['loc-lower-back', 'bilateral', 'radiates-from-back', 'radiates-below-knee'] }).redFlags[0]).toMatchObject({ id: 'cauda-equina', urgency: 'emergency' });
    expect(assess({ findings: ['loc-lower-back', 'bilateral-neuro-deficit'] }).redFlags[0]).toMatchObject({ id: 'cauda-equina', urgency: 'emergency' });
    expect(flags(assess({ findings: ['loc-buttock', 'bilateral', 'standing-walking-slow-relief', 'relieved-sitting-or-flexion', 'numbness'] }))).toEqual([]);
  });

  it('pain out of proportion after a fracture is compartment syndrome, an emergency; the same pain without an injury is not', () => {
    const a = assess({ findings: ['loc-calf', 'rf-leg-fracture-or-crush', 'pain-out-of-proportion'] });
    expect(a.redFlags[0]).toMatchObject({ id: 'suspected-compartment-syndrome', urgency: 'emergency' });
    expect(flags(assess({ findings: ['loc-calf', 'pain-out-of-proportion'] }))).not.toContain('suspected-compartment-syndrome');
  });

  it('back pain with a cancer history is urgent; with a new deficit it is an emergency, and so is its MRI', () => {
    const urgent = assess({ findings: ['loc-lower-back', 'rf-history-of-cancer'] });
    expect(urgent.redFlags).toEqual([expect.objectContaining({ id: 'suspected-spinal-malignancy', urgency: 'urgent' })]);
    expect(modalities(urgent)).toEqual(['mri:urgent']);
    const emergency = assess({ findings: ['loc-lower-back', 'rf-history-of-cancer', 'weakness'] });
    expect(emergency.redFlags[0]).toMatchObject({ id: 'suspected-spinal-malignancy', urgency: 'emergency' });
    expect(emergency.redFlags[0]!.action).toMatch(/^Emergency: .*24 hours/);
    expect(modalities(emergency)).toEqual(['mri:emergency']);
  });

  it('back pain with fever, or night pain in someone who injects drugs, is a possible spinal infection: an emergency', () => {
    expect(assess({ findings: ['loc-lower-back', 'fever'] }).redFlags[0]).toMatchObject({ id: 'suspected-spinal-infection', urgency: 'emergency' });
    expect(assess({ findings: ['back-pain-night-constant', 'rf-iv-drug-use'] }).redFlags[0]).toMatchObject({ id: 'suspected-spinal-infection', urgency: 'emergency' });
    // Fever with a red calf and no back pain is not a spinal infection.
    expect(flags(assess({ findings: ['loc-calf', 'fever', 'ex-spreading-erythema'] }))).not.toContain('suspected-spinal-infection');
  });

  it('a pulsatile lump behind the knee raises a popliteal aneurysm, urgent, with a duplex before anyone aspirates it', () => {
    const a = assess({ findings: ['loc-popliteal', 'swelling-behind-knee', 'ex-pulsatile-popliteal-mass'] });
    expect(a.redFlags).toEqual([expect.objectContaining({ id: 'suspected-popliteal-aneurysm', urgency: 'urgent' })]);
    expect(a.imaging[0]).toMatchObject({ modality: 'doppler-ultrasound', urgency: 'urgent' });
    expect(a.imaging[0]!.rationale).toMatch(/Do not aspirate/);
    expect(rank(a, 'popliteal-artery-aneurysm')).toBeLessThan(rank(a, 'bakers-cyst-rupture'));
  });

  it('"felt a pop" at the heel with a positive calf squeeze is an Achilles rupture, not a strain', () => {
    const a = assess({ findings: ['loc-achilles', 'onset-sudden', 'felt-pop-or-kicked', 'ex-thompson-positive'] });
    expect(a.differential[0]!.cause).toBe('achilles-rupture');
    expect(entry(a, 'muscle-strain').supporting).not.toContain('felt-pop-or-kicked');
  });

  it('keeps a must-not-miss cause with a key sign in the top three, saying why, until a finding excludes it', () => {
    // A strain picture with a lump behind the knee: the aneurysm is kept visible.
    const findings = ['loc-calf', 'after-intense-activity', 'localized-tenderness', 'rf-athlete', 'onset-sudden', 'worse-running-jumping', 'exercise-calf-tightness', 'ex-popliteal-mass'];
    const kept = entry(assess({ findings }), 'popliteal-artery-aneurysm');
    expect(kept.rank).toBeLessThanOrEqual(3);
    expect(kept.keptVisible).toMatchObject({ because: ['ex-popliteal-mass'] });
    expect(kept.keptVisible!.reason).toMatch(/pulsation/);
    // Examined and not pulsatile: it ranks on its points again.
    const excluded = entry(assess({ findings, absent: ['ex-pulsatile-popliteal-mass'] }), 'popliteal-artery-aneurysm');
    expect(excluded.keptVisible).toBeUndefined();
    expect(excluded.rank).toBeGreaterThan(3);
  });
});

describe('assess: look-alikes', () => {
  it('a ruptured Baker’s cyst outranks DVT when bruising and knee disease are there; DVT is still checked with a D-dimer', () => {
    const a = assess({
      findings: ['loc-popliteal', 'loc-calf', 'unilateral', 'onset-sudden', 'char-sharp', 'swelling-behind-knee', 'calf-swelling', 'bruising-calf-ankle', 'rf-knee-arthritis-or-meniscal-injury'],
    });
    expect(a.differential[0]!.cause).toBe('bakers-cyst-rupture');
    // The look-alike is weighed once, in the Wells alternative item, not also as a rule against DVT.
    expect(entry(a, 'dvt').against).not.toContain('bruising-calf-ankle');
    expect(a.scores.wellsDvt).toMatchObject({ category: 'unlikely', alternative: 'bakers-cyst-rupture' });
    expect(a.scores.wellsDvt.alternativeJudgement).toMatchObject({ state: 'suggested', suggested: 'bakers-cyst-rupture' });
    expect(a.scores.wellsDvt.alternativeJudgement!.suggestedBecause).toContain('bruising-calf-ankle');
    expect(rank(a, 'dvt')).toBeLessThanOrEqual(3);
    expect(a.investigations.map((i) => i.test)).toContain('d-dimer');
    expect(a.imaging.find((i) => i.modality === 'doppler-ultrasound')?.for).toEqual(['dvt', 'bakers-cyst-rupture']);
  });

  it('suggests a knee X-ray for a Baker’s cyst only when knee joint disease is recorded', () => {
    const cyst = ['loc-popliteal', 'swelling-behind-knee', 'ex-popliteal-mass', 'onset-sudden', 'bruising-calf-ankle'];
    expect(modalities(assess({ findings: cyst }))).not.toContain('x-ray:routine');
    const withKnee = assess({ findings: [...cyst, 'rf-knee-arthritis-or-meniscal-injury'] });
    expect(withKnee.imaging.find((i) => i.modality === 'x-ray')).toMatchObject({ urgency: 'routine', for: ['bakers-cyst-rupture'] });
  });

  it('the same swollen calf without bruising or knee disease, after a long flight, is DVT', () => {
    const a = assess({ findings: ['loc-calf', 'unilateral', 'calf-swelling', 'warmth', 'rf-long-travel-or-immobility'] });
    expect(rank(a, 'dvt')).toBe(1);
    expect(flags(a)).toContain('suspected-dvt');
  });

  it('a crescent of bruising below the ankle bone moves a swollen calf from DVT to Baker’s cyst rupture', () => {
    const base = { findings: ['loc-calf', 'unilateral', 'calf-swelling', 'rf-knee-arthritis-or-meniscal-injury'] };
    const withSign = { findings: [...base.findings, 'ex-crescent-sign'] };
    expect(rank(assess(base), 'dvt')).toBeLessThan(rank(assess(base), 'bakers-cyst-rupture'));
    expect(rank(assess(withSign), 'bakers-cyst-rupture')).toBe(1);
  });

  it('claudication that eases within minutes of rest is PAD; pain that lingers and eases on sitting is stenosis', () => {
    const common = ['loc-calf', 'loc-posterior-thigh', 'char-aching'];
    const vascular = assess({ findings: [...common, 'exertional-relieved-by-rest'] });
    const neurogenic = assess({ findings: [...common, 'standing-walking-slow-relief', 'relieved-sitting-or-flexion'] });
    expect(rank(vascular, 'pad')).toBeLessThan(rank(vascular, 'lumbar-stenosis'));
    expect(entry(vascular, 'lumbar-stenosis').against).toContain('exertional-relieved-by-rest');
    expect(rank(neurogenic, 'lumbar-stenosis')).toBeLessThan(rank(neurogenic, 'pad'));
    expect(entry(neurogenic, 'pad').against).toEqual(expect.arrayContaining(['standing-walking-slow-relief', 'relieved-sitting-or-flexion']));
  });

  it('a calf strain after sprinting outranks DVT even with some swelling, and no DVT red flag is raised', () => {
    const a = assess({ findings: ['loc-calf', 'unilateral', 'calf-swelling', 'after-intense-activity', 'localized-tenderness', 'rf-athlete', 'onset-sudden'] });
    expect(a.differential[0]!.cause).toBe('muscle-strain');
    expect(entry(a, 'dvt').against).not.toContain('after-intense-activity');
    expect(flags(a)).not.toContain('suspected-dvt');
    expect(rank(a, 'dvt')).toBeLessThanOrEqual(3);
    expect(a.scores.wellsDvt).toMatchObject({ category: 'unlikely', alternative: 'muscle-strain' });
    expect(a.investigations.find((i) => i.test === 'd-dimer')?.rationale).toMatch(/Wells score is -2 points, unlikely/);
  });
});

describe('assess: pertinent negatives', () => {
  it('normal foot pulses move PAD below DVT for cramping calf pain in a smoker', () => {
    const findings = ['loc-calf', 'unilateral', 'char-cramping', 'rf-smoking'];
    const before = assess({ findings });
    const after = assess({ findings, absent: ['ex-diminished-pulses'] });
    expect(before.differential[0]!.cause).toBe('pad');
    expect(after.differential[0]!.cause).toBe('dvt');
    expect(entry(after, 'pad').score).toBeLessThan(entry(before, 'pad').score);
    expect(entry(after, 'pad').basis.find((b) => b.finding === 'ex-diminished-pulses')).toMatchObject({ present: false, weight: -2.5 });
    expect(entry(after, 'pad').against).toEqual(['ex-diminished-pulses']);
  });

  it('no calf swelling lowers DVT; absent risk factors do not (not having one is no evidence against DVT)', () => {
    const findings = ['loc-calf', 'unilateral', 'char-aching'];
    const before = entry(assess({ findings }), 'dvt');
    const noRisk = entry(assess({ findings, absent: ['rf-long-travel-or-immobility', 'rf-recent-surgery', 'rf-estrogen-medication'] }), 'dvt');
    const noSwelling = entry(assess({ findings, absent: ['calf-swelling', 'rf-long-travel-or-immobility', 'rf-recent-surgery', 'rf-estrogen-medication'] }), 'dvt');
    expect(noRisk.score).toBe(before.score);
    expect(noSwelling.score).toBeLessThan(before.score);
    expect(noSwelling.against).toEqual(['calf-swelling']);
  });

  it('a swollen, warm calf keeps its DVT red flag and urgent Doppler whatever absent risk factors are recorded', () => {
    const findings = ['loc-calf', 'unilateral', 'calf-swelling', 'ex-calf-swelling-3cm', 'warmth'];
    const allRiskAbsent = ['rf-long-travel-or-immobility', 'rf-recent-surgery', 'rf-obesity', 'rf-smoking', 'rf-estrogen-medication', 'rf-active-cancer', 'rf-previous-dvt', 'rf-leg-paralysis-or-cast'];
    for (const absent of [[], allRiskAbsent]) {
      const a = assess({ findings, absent });
      expect(flags(a), absent.join()).toContain('suspected-dvt');
      expect(modalities(a), absent.join()).toContain('doppler-ultrasound:urgent');
    }
  });

  it('counts one observation once: no calf swelling, no 3 cm swelling and no swollen leg subtract as one', () => {
    const a = assess({ findings: ['loc-calf'], absent: ['calf-swelling', 'ex-calf-swelling-3cm', 'ex-entire-leg-swollen'] });
    const dvt = entry(a, 'dvt');
    expect(dvt.points).toBe(1 - 2);
    const counted = dvt.basis.filter((b) => b.countedIn === undefined).map((b) => b.finding);
    expect(counted).toEqual(['loc-calf', 'calf-swelling']);
    expect(dvt.basis.filter((b) => b.countedIn !== undefined).map((b) => b.countedIn)).toEqual(['dvt:no-calf-swelling', 'dvt:no-calf-swelling']);
  });

  it('a negative straight-leg raise lowers sciatica', () => {
    const findings = ['loc-lower-back', 'radiates-from-back'];
    expect(entry(assess({ findings, absent: ['ex-slr-positive'] }), 'sciatica').score).toBeLessThan(entry(assess({ findings }), 'sciatica').score);
  });
});

describe('assess: the Wells score', () => {
  it('counts each Wells criterion met by a finding, in the published order', () => {
    const a = assess({ findings: ['rf-active-cancer', 'rf-previous-dvt', 'ex-entire-leg-swollen', 'ex-collateral-veins', 'rf-leg-paralysis-or-cast'] });
    const w = a.scores.wellsDvt;
    expect(w.points).toBe(5);
    expect(w.items).toEqual(['rf-active-cancer', 'rf-leg-paralysis-or-cast', 'ex-entire-leg-swollen', 'ex-collateral-veins', 'rf-previous-dvt']);
    expect(w.criteria.map((c) => c.met)).toEqual([true, true, false, false, true, false, false, true, true, false]);
  });

  it('is always present, and says it does not apply when nothing raises the question of DVT', () => {
    const w = assess({ findings: [] }).scores.wellsDvt;
    expect(w).toMatchObject({ points: 0, category: 'unlikely', items: [], applies: false });
    expect(w.alternative).toBeUndefined();
    expect(w.nextStep).toBe('The Wells score does not apply: nothing recorded raises the question of DVT.');
    // A strain with nothing of DVT: no alternative proposed, so no "-2 points" against a DVT nobody suspects.
    const strain = assess(typical['muscle-strain']!).scores.wellsDvt;
    expect(strain).toMatchObject({ applies: false, points: 0, alternativeJudgement: { state: 'none' } });
  });

  it('applies to signs or symptoms of DVT other than a swollen or tender leg (NICE NG158)', () => {
    const cases = [
      ['loc-calf', 'warmth'],
      ['loc-popliteal', 'redness'],
      ['loc-calf', 'unilateral', 'rf-recent-surgery'],
      ['ex-collateral-veins'],
    ];
    for (const findings of cases) expect(assess({ findings }).scores.wellsDvt.applies, findings.join()).toBe(true);
    for (const findings of [['loc-calf'], ['loc-calf', 'rf-recent-surgery'], ['loc-posterior-thigh', 'unilateral', 'rf-smoking']]) {
      expect(assess({ findings }).scores.wellsDvt.applies, findings.join()).toBe(false);
    }
  });

  it('Wells likely always brings the suspected-DVT flag and an urgent Doppler, with or without a swollen leg', () => {
    const a = assess({ findings: ['loc-calf', 'unilateral', 'rf-active-cancer', 'rf-previous-dvt'] });
    expect(a.scores.wellsDvt).toMatchObject({ applies: true, category: 'likely', points: 2 });
    expect(a.redFlags.find((f) => f.id === 'suspected-dvt')).toMatchObject({ urgency: 'urgent', criteria: [expect.objectContaining({ id: 'dvt-wells-likely' })] });
    expect(modalities(a)).toContain('doppler-ultrasound:urgent');
  });

  it('proposes an alternative only when a present leg finding supports it, and the clinician can confirm or override it', () => {
    const findings = ['loc-calf', 'unilateral', 'calf-swelling', 'ex-pitting-edema', 'redness', 'warmth', 'ex-spreading-erythema', 'fever', 'rf-skin-break'];
    const suggested = assess({ findings }).scores.wellsDvt;
    expect(suggested).toMatchObject({ alternative: 'cellulitis', points: -1, alternativeJudgement: { state: 'suggested', suggested: 'cellulitis' } });
    expect(suggested.alternativeJudgement!.suggestedBecause).toEqual(expect.arrayContaining(['ex-spreading-erythema']));
    const confirmed = assess({ findings, wellsAlternative: { met: true } }).scores.wellsDvt;
    expect(confirmed).toMatchObject({ points: -1, alternativeJudgement: { state: 'confirmed' } });
    const overridden = assess({ findings, wellsAlternative: { met: false } });
    expect(overridden.scores.wellsDvt).toMatchObject({ points: 1, category: 'unlikely', alternativeJudgement: { state: 'overridden', suggested: 'cellulitis' } });
    expect(overridden.scores.wellsDvt.alternative).toBeUndefined();
    // With no alternative, the swollen leg raises the DVT flag.
    expect(flags(overridden)).toContain('suspected-dvt');
    const other = assess({ findings, wellsAlternative: { met: true, cause: 'superficial-vein-thrombosis' } }).scores.wellsDvt;
    expect(other).toMatchObject({ alternative: 'superficial-vein-thrombosis', alternativeJudgement: { state: 'overridden', chosen: 'superficial-vein-thrombosis' } });
    // A cause with only a location or a risk factor for it is never proposed.
    const bare = assess({ findings: ['loc-calf', 'unilateral', 'calf-swelling', 'rf-athlete', 'rf-knee-arthritis-or-meniscal-injury'] }).scores.wellsDvt;
    expect(bare.alternativeJudgement).toMatchObject({ state: 'none' });
  });

  it('is likely at 2 points, unlikely at 1', () => {
    expect(assess({ findings: ['ex-pitting-edema', 'ex-calf-swelling-3cm'] }).scores.wellsDvt.category).toBe('likely');
    expect(assess({ findings: ['ex-pitting-edema'] }).scores.wellsDvt.category).toBe('unlikely');
  });
});

describe('assess: output', () => {
  it('with nothing recorded, lists every cause once in the source’s order, each with no findings recorded', () => {
    const a = assess({ findings: [] });
    expect(a.differential.map((d) => d.rank)).toEqual(knowledgeBase.causes.map((_, i) => i + 1));
    expect(a.differential.map((d) => d.cause)).toEqual(knowledgeBase.causes.map((c) => c.id));
    expect(new Set(a.differential.map((d) => d.evidence))).toEqual(new Set(['none']));
    expect(a.redFlags).toEqual([]);
    expect(a.imaging).toEqual([]);
  });

  it('tells no evidence from conflicting evidence that nets to zero', () => {
    // PAD: cramping (+1) against normal pulses (-2.5) and a calf (+1): -0.5, for and against.
    const a = assess({ findings: ['loc-calf', 'char-cramping'], absent: ['ex-diminished-pulses'] });
    expect(entry(a, 'pad').evidence).toBe('conflicting');
    expect(entry(a, 'sciatica').evidence).toBe('none');
    expect(entry(a, 'dvt').evidence).toBe('for');
    expect(entry(assess({ findings: [], absent: ['ex-diminished-pulses'] }), 'pad').evidence).toBe('against');
  });

  it('gives the same assessment whatever order the findings are listed in', () => {
    const findings = [...typical.dvt!.findings, 'rf-smoking', 'char-cramping'];
    expect(assess({ findings: [...findings].reverse(), absent: ['bruising-calf-ankle', 'after-intense-activity'] })).toEqual(
      assess({ findings, absent: ['after-intense-activity', 'bruising-calf-ankle'] }),
    );
  });

  it('assessForStorage names the knowledge base', () => {
    const s = assessForStorage(typical.pad!);
    expect(StoredAssessment.parse(s).knowledgeBase).toBe(KB_VERSION);
    expect(s).toEqual({ ...assess(typical.pad!), knowledgeBase: KB_VERSION });
  });

  it('accepts an exported encounter as it is, ignoring the fields it does not use', () => {
    const encounter = { id: 'e1', patient: { name: 'A' }, notes: 'n', age: 60, sex: 'female', findings: ['loc-calf'], absent: [] };
    expect(assess(encounter)).toEqual(assess({ findings: ['loc-calf'] }));
  });

  it('every suggestion has a rationale that names this case’s findings', () => {
    const a = assess({ findings: [...typical.pad!.findings, 'warmth'] });
    for (const s of [...a.imaging, ...a.investigations]) expect(s.rationale).not.toMatch(/\{findings\}|\{wells\}/);
    expect(a.investigations.find((i) => i.test === 'blood-tests')?.rationale).toMatch(/warmth over the painful area/);
  });
});

describe('assess: invalid cases', () => {
  const error = (input: unknown): CaseError => {
    try {
      assess(input);
    } catch (e) {
      if (e instanceof CaseError) return e;
      throw e;
    }
    throw new Error('no error thrown');
  };

  it('names an unknown id, where it is, and the closest known ids', () => {
    const e = error({ findings: ['loc-calf', 'calf-swelings'] });
    expect(e.path).toBe('findings[1]');
    expect(e.message).toBe('findings[1]: Unknown finding id "calf-swelings"; closest known: calf-swelling, ex-calf-swelling-3cm, loc-calf');
  });

  it('refuses an id both present and absent, or listed twice', () => {
    expect(error({ findings: ['loc-calf'], absent: ['loc-calf'] }).message).toBe('absent[0]: Finding "loc-calf" is recorded both present and absent');
    expect(error({ findings: ['loc-calf', 'loc-calf'] }).message).toBe('findings[1]: Finding "loc-calf" is listed twice');
  });

  it('refuses findings or absent that are not lists of strings', () => {
    expect(error({ findings: 'loc-calf' }).message).toBe('findings: must be a list of finding ids (strings), not string');
    expect(error({ findings: ['loc-calf', 3] }).message).toBe('findings[1]: must be a finding id (a string), not number');
    expect(error({ findings: [], absent: null }).message).toBe('absent: must be a list of finding ids (strings), not null');
    expect(error({}).message).toBe('findings: missing: give a list of finding ids (strings)');
  });

  it('refuses a case that is not an object, and a bad age or sex', () => {
    expect(error([]).message).toBe('The case must be a JSON object with a "findings" list, not a list');
    expect(error(null).path).toBe('');
    expect(error({ findings: [], age: 'old' }).message).toBe('age: must be a whole number of years from 0 to 130, not "old"');
    expect(error({ findings: [], age: 3.5 }).path).toBe('age');
    expect(error({ findings: [], sex: 'x' }).message).toBe('sex: must be one of female, male, other, unknown, not "x"');
  });

  it('names a field inside the clinician’s Wells judgement by its dotted path, and says it is a case error when printed', () => {
    const e = error({ findings: [], wellsAlternative: { met: true, cause: 'nope' } });
    expect(e.path).toBe('wellsAlternative.cause');
    expect(e.message).toBe('wellsAlternative.cause: Unknown cause id "nope"; closest known: dvt, pad, fracture');
    expect(String(e)).toBe(`CaseError: ${e.message}`);
    expect(error({ findings: [], wellsAlternative: { met: 'yes' } }).path).toBe('wellsAlternative.met');
  });

  it('keeps every message on one line', () => {
    for (const bad of [{ findings: 'x' }, { findings: ['nope'] }, 7, { findings: [], age: -1 }]) expect(error(bad).message).not.toMatch(/\n/);
  });
});
