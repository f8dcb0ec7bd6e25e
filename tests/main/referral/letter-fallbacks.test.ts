import { describe, expect, it } from 'vitest';
import type { EncounterWithAddenda } from '../../../shared/api/encounter.ts';
import { ReferralOptions } from '../../../shared/api/referral.ts';
import type { DifferentialEntry } from '../../../shared/clinical/assessment.ts';
import { joinWords } from '../../../electron/main/referral/correspondence.ts';
import { buildReferralDocument, referralFacts, type ReferralInput } from '../../../electron/main/referral/document.ts';
import { DVT_CASE, PROFILE, definitionText, encounterFrom, referralInput } from './fixtures.ts';

/**
 * What the letter prints when a part of the record is blank, partial or absent: every line a
 * reader depends on says what it holds or that nothing was recorded, never an empty label. The
 * expected lines are written out by hand.
 */

const bodyOf = (input: ReferralInput): string => definitionText(buildReferralDocument(input)).body;
const dvt = (): EncounterWithAddenda => encounterFrom(DVT_CASE, { status: 'signed' });
const withEncounter = (changes: Partial<EncounterWithAddenda>, options: Parameters<typeof referralInput>[1] = {}): string =>
  bodyOf(referralInput({ ...dvt(), ...changes } as EncounterWithAddenda, options));

describe('the letter when parts of the record are blank', () => {
  it('the sender: the profile’s lines without blank ones, or the encounter’s clinician when there is no profile', () => {
    const profileOnly = bodyOf({ ...referralInput(dvt()), profile: { ...PROFILE, practice: '  ', contact: '' } });
    expect(profileOnly).toContain(`From\n${PROFILE.name}\n${PROFILE.role}\nTo`);
    const noProfile = bodyOf({ ...referralInput({ ...dvt(), clinician: { name: 'Dr Kim Lowe', role: 'Locum GP' } } as EncounterWithAddenda), profile: null });
    expect(noProfile).toContain('From\nDr Kim Lowe\nLocum GP\nTo');
    const nobody = bodyOf({ ...referralInput({ ...dvt(), clinician: { name: '  ', role: '' } } as EncounterWithAddenda), profile: null });
    expect(nobody).toContain('From\nClinician not recorded\nTo');
    // An encounter stored with no clinician at all (before the field existed): no role line either.
    const none = bodyOf({ ...referralInput({ ...dvt(), clinician: undefined } as unknown as EncounterWithAddenda), profile: null });
    expect(none).toContain('From\nClinician not recorded\nTo');
  });

  it('a recipient of spaces only is missing, like an empty one', () => {
    const body = bodyOf(referralInput(dvt(), { recipient: '   ' }));
    expect(body).toContain('To\nMissing: add the recipient\nDate');
  });

  it('the guideline criteria a red flag met, each with its urgency, joined as a list', () => {
    const e = encounterFrom({ findings: ['loc-calf', 'unilateral', 'calf-swelling', 'rf-active-cancer', 'ex-pitting-edema'] }, { status: 'signed' });
    expect(bodyOf(referralInput(e))).toContain(
      'Criteria met: \nDVT is in question and the two-level Wells score says DVT likely (urgent); A swollen or tender leg with no other diagnosis judged at least as likely as DVT (urgent)\nRaised by: ',
    );
  });

  it('joins what is missing as a sentence lists it', () => {
    expect(joinWords([])).toBe('');
    expect(joinWords(['the recipient'])).toBe('the recipient');
    expect(joinWords(['the recipient', 'the reason'])).toBe('the recipient and the reason');
    expect(joinWords(['the recipient', 'the reason', 'the question'])).toBe('the recipient, the reason and the question');
  });

  it('names every part that is missing, joined as a sentence', () => {
    const both = withEncounter({ referral: { to: '', priority: 'routine', question: '' } } as Partial<EncounterWithAddenda>, { reason: ' ' });
    expect(both).toContain('Incomplete: add the recipient (who the letter is for) and the reason for referral before this letter is signed and sent.');
    const one = withEncounter({}, { recipient: '' });
    expect(one).toContain('Incomplete: add the recipient (who the letter is for) before this letter is signed and sent.');
    expect(withEncounter({})).not.toContain('Incomplete');
  });

  it('the presenting complaint, the pain as far as it was recorded, and the working diagnosis', () => {
    expect(withEncounter({ complaint: '   ' })).toContain('Presenting complaint and history\nNo presenting complaint recorded.');
    expect(withEncounter({ complaint: '  Calf pain  ' })).toContain('Presenting complaint and history\nCalf pain\n');
    expect(withEncounter({ pain: { intensity: 7, duration: ' 2 weeks ', side: 'both' } })).toContain('Pain: \nintensity 7/10; duration 2 weeks; both legs');
    expect(withEncounter({ pain: { intensity: 0, side: 'right' } })).toContain('Pain: \nintensity 0/10; right leg\n');
    expect(withEncounter({ pain: { duration: '   ' } })).not.toContain('Pain:');
    expect(withEncounter({ pain: {} })).not.toContain('Pain:');
    expect(withEncounter({ pain: null })).not.toContain('Pain:');
    expect(withEncounter({ workingDiagnosis: 'dvt' })).toContain('Working diagnosis: \nDeep vein thrombosis');
    expect(withEncounter({ workingDiagnosis: null })).not.toContain('Working diagnosis: \n');
  });

  it('the patient: a blank identifier and an unknown date of birth say so', () => {
    const body = withEncounter({ patient: { ...dvt().patient, identifier: ' ', birthDate: null } });
    expect(body).toContain('Date of birth\nNot recorded');
    // A date of birth after the visit (a slip when it was typed) is printed as given, with no age.
    const later = withEncounter({ patient: { ...dvt().patient, birthDate: '2027-01-02' } });
    expect(later).toContain('Date of birth\n2 January 2027\n');
    expect(later).not.toMatch(/2 January 2027 \(age/);
    expect(body).toContain('Identifier\nNot recorded');
  });

  it('each cause’s likelihood in words, and a differential with nothing ranked says why', () => {
    const entry = dvt().assessment.differential[0]!;
    const differential = (strengths: DifferentialEntry['strength'][]) =>
      strengths.map((strength, i): DifferentialEntry => ({ ...entry, cause: `c${i}`, label: `Cause ${i}`, rank: i + 1, strength, evidence: 'for' }));
    const body = withEncounter({ assessment: { ...dvt().assessment, differential: differential(['strong', 'moderate', 'weak', 'unlikely']) } }, { differentialTop: 4 });
    expect(body).toMatch(/Cause 0\nMust not miss\nStrong\n/);
    expect(body).toMatch(/Cause 1\nMust not miss\nModerate\n/);
    expect(body).toMatch(/Cause 2\nMust not miss\nWeak\n/);
    expect(body).toMatch(/Cause 3\nMust not miss\nUnlikely\n/);
    expect(withEncounter({ assessment: { ...dvt().assessment, differential: [] } })).toContain('No cause is ranked: too few findings recorded.');
  });

  it('a red flag raised by nothing recorded says so, and the guideline criteria met are listed with their urgency', () => {
    const flag = dvt().assessment.redFlags[0]!;
    const body = withEncounter({
      assessment: { ...dvt().assessment, redFlags: [{ ...flag, because: [], criteria: [{ id: 'x', label: 'Calf swollen 3 cm more', urgency: 'urgent' }] }] },
    } as Partial<EncounterWithAddenda>);
    expect(body).toContain('Criteria met: \nCalf swollen 3 cm more (urgent)');
    expect(body).toContain('Raised by: \nNot recorded');
  });

  it('the priority: why it was suggested, or that the clinician set it lower, and nothing more for a plain routine letter', () => {
    expect(withEncounter({})).toContain('Urgent\n\nSuggested by the assessment because of: Suspected deep vein thrombosis; Urgent Doppler ultrasound.');
    expect(withEncounter({}, { priority: 'routine' })).toContain('Routine\n\nSet by the clinician; the assessment suggests urgent because of: Suspected deep vein thrombosis');
    const calm = bodyOf(referralInput(encounterFrom({ findings: ['loc-posterior-thigh'] }, { status: 'signed' })));
    expect(calm).toMatch(/Priority\nRoutine\n(?!\nSuggested|\nSet by)/);
  });

  it('labels each particular of the letter and each column of the differential', () => {
    const body = withEncounter({});
    expect(body).toMatch(/^Referral letter\nURGENT PRIORITY\nFrom\nDr Sam Reyes\n[^]*\nTo\nVascular clinic, City Hospital\nDate\n25 November 2026\nSeen on\n25 November 2026 at 10:30\nPriority\nUrgent\n/);
    expect(body).toMatch(/\nPatient\nAda Example\nDate of birth\n14 March 1974 \(age 52 years\)\nSex\nFemale\nIdentifier\nMRN 004211\n/);
    expect(body).toMatch(/\nRaised by: \nSwelling of the calf or leg; /);
    expect(body).toContain('\n#\nCause\nLikelihood\nBasis\n1\nDeep vein thrombosis\n');
  });

  it('signs with the name the encounter was signed by, else the referrer’s, and the referrer’s role and practice on one line', () => {
    expect(withEncounter({ signedBy: 'Dr Ana Cruz' })).toContain('Electronically signed by Dr Ana Cruz on 25 November 2026 at 11:05');
    expect(withEncounter({ signedBy: null, signedAt: null })).toMatch(/Electronically signed by Dr Sam Reyes\n/);
    const signature = (profile: typeof PROFILE) => {
      const body = bodyOf({ ...referralInput(dvt()), profile });
      return body.slice(body.indexOf('Yours sincerely,'));
    };
    expect(signature(PROFILE)).toContain(`\n${PROFILE.name}\n${PROFILE.role}, ${PROFILE.practice}\n${PROFILE.contact}`);
    expect(signature({ ...PROFILE, role: ' ', contact: '' })).toMatch(new RegExp(`\\n${PROFILE.name}\\n${PROFILE.practice}(\\n|$)`));
  });

  it('a cause the findings do not bear on, or bear on both ways, says so instead of a strength', () => {
    const entry = dvt().assessment.differential[0]!;
    const entries: DifferentialEntry[] = [
      { ...entry, cause: 'c0', label: 'Cause none', rank: 1, strength: 'moderate', evidence: 'none' },
      { ...entry, cause: 'c1', label: 'Cause both', rank: 2, strength: 'moderate', evidence: 'conflicting' },
    ];
    const body = withEncounter({ assessment: { ...dvt().assessment, differential: entries } });
    expect(body).toMatch(/Cause none\nMust not miss\nNo findings recorded\n/);
    expect(body).toMatch(/Cause both\nMust not miss\nConflicting evidence\n/);
  });

  it('the header and footer on every page: a blank identifier, an unnamed signer and no time of signing', () => {
    const facts = (changes: Partial<EncounterWithAddenda>, timeZone?: string) =>
      referralFacts({ encounter: { ...dvt(), ...changes } as EncounterWithAddenda, options: ReferralOptions.parse(timeZone === undefined ? {} : { timeZone }), appVersion: '1.0' });
    expect(facts({ patient: { ...dvt().patient, identifier: '  ' } }).patientLine).toBe('Ada Example · no identifier recorded');
    expect(facts({ signedBy: null }).statusLine).toBe('Signed by the clinician on 25 November 2026 at 11:05');
    expect(facts({ signedAt: null }).statusLine).toBe(`Signed by ${PROFILE.name}`);
    // Without a time zone the times are UTC: 10:05 UTC on 1 July is 11:05 in London.
    expect(facts({ signedAt: '2026-07-01T10:05:00.000Z' }).statusLine).toBe(`Signed by ${PROFILE.name} on 1 July 2026 at 10:05`);
    expect(facts({ signedAt: '2026-07-01T10:05:00.000Z' }, 'Europe/London').statusLine).toBe(`Signed by ${PROFILE.name} on 1 July 2026 at 11:05`);
    const body = bodyOf({ ...referralInput({ ...dvt(), seenAt: '2026-07-01T10:30:00.000Z' } as EncounterWithAddenda), options: ReferralOptions.parse({}) });
    expect(body).toContain('Seen on\n1 July 2026 at 10:30');
  });
});
