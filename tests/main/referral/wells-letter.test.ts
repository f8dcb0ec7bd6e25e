import { describe, expect, it } from 'vitest';
import { EncounterWithAddenda } from '../../../shared/api/encounter.ts';
import type { StoredAssessment, WellsDvt } from '../../../shared/clinical/assessment.ts';
import { WELLS_NOT_APPLICABLE } from '../../../electron/main/referral/clinical-sections.ts';
import { buildReferralDocument } from '../../../electron/main/referral/document.ts';
import { DVT_CASE, definitionText, encounterFrom, referralInput } from './fixtures.ts';

/**
 * The Wells section, red-flag criteria and urgencies of the letter for assessments carrying the v2
 * fields. The v2 parts are set here by hand on a real assessment, so the letter's wording is tested
 * apart from what the engine decides in any one case.
 */

const ALTERNATIVE_LABEL = 'An alternative diagnosis at least as likely as DVT';

type Judgement = NonNullable<WellsDvt['alternativeJudgement']>;

/** The DVT encounter with its Wells score rewritten: the alternative item met or not, and its judgement. */
function withWells(patch: { applies?: boolean; met: boolean; judgement?: Judgement }, workingDiagnosis: string | null = null): EncounterWithAddenda {
  const e = encounterFrom(DVT_CASE, { workingDiagnosis });
  const w = e.assessment.scores.wellsDvt;
  const criteria = w.criteria.map((c) => (c.points < 0 ? { ...c, met: patch.met } : c));
  const points = criteria.reduce((sum, c) => sum + (c.met ? c.points : 0), 0);
  // An assessment stored before v2 has neither field: take them away when the patch gives no judgement.
  const { alternativeJudgement: _judgement, applies: _applies, ...v1 } = w;
  const wellsDvt: WellsDvt = {
    ...v1,
    criteria,
    points,
    category: points >= 2 ? 'likely' : 'unlikely',
    ...(patch.applies !== undefined ? { applies: patch.applies } : {}),
    ...(patch.judgement !== undefined ? { alternativeJudgement: patch.judgement } : {}),
  };
  return EncounterWithAddenda.parse({ ...e, assessment: { ...e.assessment, scores: { wellsDvt } } });
}

/** The body's text with each run of white space made one space (the parts of a line are separate strings). */
const letterText = (...args: Parameters<typeof referralInput>): string => definitionText(buildReferralDocument(referralInput(...args))).body.replace(/\s+/g, ' ');

const wellsSection = (e: EncounterWithAddenda): string => {
  const body = letterText(e);
  const start = body.indexOf('Wells score for DVT');
  if (start < 0) return '';
  return body.slice(start, body.indexOf('Imaging and investigations suggested', start));
};

describe('the letter prints the Wells alternative item as the clinician judged it', () => {
  it('suggested by the assessment and not yet confirmed', () => {
    const text = wellsSection(withWells({ met: true, judgement: { state: 'suggested', suggested: 'bakers-cyst-rupture', suggestedBecause: ['loc-popliteal'] } }));
    expect(text).toContain(`Alternative diagnosis: ${ALTERNATIVE_LABEL}: met (-2).`);
    expect(text).toContain("Suggested by the assessment: Ruptured Baker's (popliteal) cyst, because of: Behind the knee. Not yet confirmed by the clinician.");
    // Listed once, on its own line, not again among the criteria met.
    expect(text.split(ALTERNATIVE_LABEL)).toHaveLength(2);
  });

  it('confirmed by the clinician', () => {
    const text = wellsSection(withWells({ met: true, judgement: { state: 'confirmed', suggested: 'bakers-cyst-rupture', suggestedBecause: ['loc-popliteal'] } }));
    expect(text).toContain(`${ALTERNATIVE_LABEL}: met (-2).`);
    expect(text).toContain("Confirmed by the clinician: Ruptured Baker's (popliteal) cyst is at least as likely as DVT (the assessment suggested Ruptured Baker's (popliteal) cyst, because of: Behind the knee).");
  });

  it('overridden by the clinician: not met, with the suggestion the clinician set aside', () => {
    const e = withWells({ met: false, judgement: { state: 'overridden', suggested: 'bakers-cyst-rupture', suggestedBecause: ['loc-popliteal'] } });
    const text = wellsSection(e);
    expect(text).toContain(`${e.assessment.scores.wellsDvt.points} points: DVT likely`);
    expect(text).toContain(`${ALTERNATIVE_LABEL}: not met.`);
    expect(text).toContain("Set by the clinician: no alternative diagnosis is at least as likely as DVT (the assessment suggested Ruptured Baker's (popliteal) cyst, because of: Behind the knee).");
  });

  it('overridden by the clinician: another cause named', () => {
    const text = wellsSection(withWells({ met: true, judgement: { state: 'overridden', suggestedBecause: [], chosen: 'muscle-strain' } }));
    expect(text).toContain(`${ALTERNATIVE_LABEL}: met (-2).`);
    expect(text).toContain('Set by the clinician: Hamstring or calf muscle strain / overuse is at least as likely as DVT (the assessment suggested no alternative).');
  });

  it('an assessment stored before the judgement existed lists the item among the criteria, as it did', () => {
    const text = wellsSection(withWells({ met: true }));
    expect(text).toMatch(new RegExp(`Met: .*${ALTERNATIVE_LABEL} \\(-2\\)`));
    expect(text).not.toContain('Alternative diagnosis:');
  });

  it('leaves the score out when it does not apply, and says so in one line where DVT is the working diagnosis', () => {
    expect(wellsSection(withWells({ applies: false, met: false, judgement: { state: 'none', suggestedBecause: [] } }))).toBe('');
    const text = wellsSection(withWells({ applies: false, met: false, judgement: { state: 'none', suggestedBecause: [] } }, 'dvt'));
    expect(text).toContain(WELLS_NOT_APPLICABLE);
    expect(text).not.toMatch(/points: DVT/);
    expect(text).not.toContain('Next step');
  });
});

describe('the letter prints urgency as the assessment carries it', () => {
  /** The DVT encounter with its red flags and suggestions rewritten. */
  function withAssessment(patch: (a: StoredAssessment) => Partial<StoredAssessment>): EncounterWithAddenda {
    const e = encounterFrom(DVT_CASE);
    return EncounterWithAddenda.parse({ ...e, assessment: { ...e.assessment, ...patch(e.assessment) } });
  }

  it('names the guideline criteria met with their urgency under each red flag', () => {
    const e = withAssessment((a) => ({
      redFlags: a.redFlags.map((f) => ({ ...f, criteria: [{ id: 'wells-likely', label: 'Two-level Wells score: DVT likely', urgency: 'urgent' as const }] })),
    }));
    const body = letterText(e);
    expect(body).toContain('Criteria met: Two-level Wells score: DVT likely (urgent)');
  });

  it('marks emergency imaging and each investigation with its urgency, and makes an emergency study an emergency referral', () => {
    const e = withAssessment((a) => ({
      redFlags: [],
      imaging: a.imaging.map((i) => ({ ...i, urgency: 'emergency' as const })),
      investigations: a.investigations.map((t) => ({ ...t, urgency: 'urgent' as const })),
    }));
    expect(e.assessment.imaging.length).toBeGreaterThan(0);
    expect(e.assessment.investigations.length).toBeGreaterThan(0);
    const body = letterText(e, { sections: { redFlags: false } });
    for (const i of e.assessment.imaging) expect(body).toContain(`${i.label} Emergency`);
    for (const t of e.assessment.investigations) expect(body).toContain(`${t.label} Urgent`);
    expect(body).toContain('EMERGENCY PRIORITY');
  });
});

describe('the letter says what the findings say of each cause, as the screen does', () => {
  it('"No findings recorded" and "Conflicting evidence" instead of a strength, a cause kept in view with its reason, and an observation counted once', () => {
    const e = encounterFrom(DVT_CASE);
    const [first, second, third] = e.assessment.differential;
    const countedTwice = { ...first!.basis[0]!, rule: `${first!.cause}:twice`, reason: 'The same swelling seen again', countedIn: first!.basis[0]!.rule };
    const patched = EncounterWithAddenda.parse({
      ...e,
      assessment: {
        ...e.assessment,
        differential: [
          { ...first!, basis: [...first!.basis, countedTwice] },
          { ...second!, evidence: 'conflicting', keptVisible: { because: ['warmth'], reason: 'A key sign of this cause is recorded' } },
          { ...third!, evidence: 'none', supporting: [], against: [], basis: [] },
          ...e.assessment.differential.slice(3),
        ],
      },
    });
    const body = letterText(patched);
    const table = body.slice(body.indexOf('Differential diagnosis'));
    expect(table).toMatch(new RegExp(`${escape(second!.label)} Conflicting evidence Kept in view: A key sign of this cause is recorded`));
    expect(table).toMatch(new RegExp(`${escape(third!.label)}( Must not miss)? No findings recorded No recorded finding bears on this cause`));
    expect(table).not.toContain('The same swelling seen again');
  });
});

const escape = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

describe('for an assessment stored before the score said whether it applies (v1), the letter prints the Wells score', () => {
  /** The DVT encounter as v1 stored it (no `applies`, no judgement), with its category and DVT's strength set by hand. */
  function v1(category: 'likely' | 'unlikely', dvtStrength: 'strong' | 'moderate' | 'weak' | 'unlikely', workingDiagnosis: string | null = null): EncounterWithAddenda {
    const e = encounterFrom(DVT_CASE, { workingDiagnosis });
    const { alternativeJudgement: _judgement, applies: _applies, ...wellsDvt } = e.assessment.scores.wellsDvt;
    const differential = e.assessment.differential.map((d) => (d.cause === 'dvt' ? { ...d, strength: dvtStrength } : d));
    return EncounterWithAddenda.parse({ ...e, assessment: { ...e.assessment, differential, scores: { wellsDvt: { ...wellsDvt, category } } } });
  }
  const printed = (e: EncounterWithAddenda, differentialTop?: number): boolean =>
    letterText(e, differentialTop === undefined ? {} : { differentialTop }).includes('Wells score for DVT');

  it('when the score says DVT is likely, whatever the differential', () => {
    expect(printed(v1('likely', 'unlikely'))).toBe(true);
  });

  it('when DVT is the working diagnosis, even with the score unlikely and DVT unlikely', () => {
    expect(printed(v1('unlikely', 'unlikely', 'dvt'))).toBe(true);
    expect(printed(v1('unlikely', 'unlikely', 'muscle-strain'))).toBe(false);
  });

  it('when DVT is printed in the differential as more than unlikely', () => {
    for (const strength of ['strong', 'moderate', 'weak'] as const) expect(printed(v1('unlikely', strength)), strength).toBe(true);
    expect(printed(v1('unlikely', 'unlikely'))).toBe(false);
  });

  it('not when DVT is more than unlikely but below the causes the letter prints', () => {
    const e = v1('unlikely', 'moderate');
    const dvtRank = e.assessment.differential.findIndex((d) => d.cause === 'dvt') + 1;
    expect(dvtRank).toBeGreaterThan(0);
    // Move DVT to the end of the list, past the one cause printed.
    const others = e.assessment.differential.filter((d) => d.cause !== 'dvt');
    const last = EncounterWithAddenda.parse({ ...e, assessment: { ...e.assessment, differential: [...others, e.assessment.differential[dvtRank - 1]!] } });
    expect(printed(last, 1)).toBe(false);
    expect(printed(last, 10)).toBe(last.assessment.differential.length <= 10);
  });
});

describe('the Wells section, worked by hand from the two-level score (Wells 2003; NICE NG158)', () => {
  it('the DVT case: three items met for 3 points, DVT likely; every other item listed as not met with its points', () => {
    // DVT_CASE: deep vein tenderness, calf 3 cm larger and pitting oedema (+1 each); nothing proposed as an alternative.
    // The source marks at the end depend on the rest of the letter, so they are left out here.
    expect(wellsSection(encounterFrom(DVT_CASE)).replace(/ Sources: \[[\d, ]+\] $/, '')).toBe(
      'Wells score for DVT 3 points: DVT likely ' +
        'Met: Localised tenderness along the distribution of the deep venous system (+1); Calf swelling at least 3 cm larger than the other side (+1); Pitting oedema confined to the symptomatic leg (+1) ' +
        'Not met: Active cancer (treatment ongoing, within 6 months, or palliative) (+1); Paralysis, paresis or recent plaster immobilisation of the leg (+1); Recently bedridden 3 days or more, or major surgery within 12 weeks (+1); Entire leg swollen (+1); Collateral superficial veins (non-varicose) (+1); Previously documented DVT (+1); An alternative diagnosis at least as likely as DVT (-2) ' +
        'Next step: DVT likely: proximal leg vein ultrasound with the result within 4 hours; if that is not possible, a D-dimer test and interim therapeutic anticoagulation, with the scan within 24 hours (NICE NG158).',
    );
  });

  it('one point is "1 point", and a score of 0 lists nothing as met', () => {
    expect(wellsSection(encounterFrom({ findings: ['calf-swelling', 'rf-previous-dvt'] }))).toMatch(/^Wells score for DVT 1 point: DVT unlikely Met: Previously documented DVT \(\+1\) Not met: /);
    const none = wellsSection(encounterFrom({ findings: ['loc-calf', 'unilateral', 'calf-swelling'] }));
    expect(none).toMatch(/^Wells score for DVT 0 points: DVT unlikely Not met: /);
    expect(none).not.toContain('Met: ');
  });
});
