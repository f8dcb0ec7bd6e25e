import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EncounterWithAddenda } from '../../../shared/api/encounter.ts';
import { DEFAULT_DIFFERENTIAL_TOP, REFERRAL_SECTION_NAMES, ReferralSections } from '../../../shared/api/referral.ts';
import { buildReferralDocument } from '../../../electron/main/referral/document.ts';
import { openTestServices, sampleDraft, type TestServices } from '../helpers.ts';
import { DVT_CASE, PROFILE, definitionText, encounterFrom, fontDir, pdfPages, referralInput, squash } from './fixtures.ts';

/**
 * The letter's choices stored with the encounter (Referral.sections, priorityChosen,
 * differentialTop, additions) shape the letter when the request does not say otherwise, so a
 * clinician's deliberate lower priority and left-out sections survive closing the app.
 */

const NEGATIVES = 'Pertinent negatives (checked and absent)';
const IMAGING = 'Imaging and investigations suggested';
const ADDED = 'Patient prefers morning appointments.';
const choices = {
  to: 'Vascular clinic',
  priority: 'routine',
  question: 'Please assess.',
  sections: { negatives: false, imaging: false, history: true },
  priorityChosen: true,
  differentialTop: 2,
  additions: ADDED,
} as const;

describe('the referral definition from the choices stored with the encounter', () => {
  const dvt = encounterFrom(DVT_CASE, { referral: choices });
  const lines = (options = {}) => definitionText(buildReferralDocument(referralInput(dvt, options))).body.split('\n');

  it('leaves out the stored sections, lists the stored number of causes and prints the stored added text', () => {
    const body = lines();
    expect(body).not.toContain(NEGATIVES);
    expect(body).not.toContain(IMAGING);
    for (const heading of ['Findings present', 'Red flags', 'Differential diagnosis (top 2)', 'Presenting complaint and history', ADDED]) {
      expect(body).toContain(heading);
    }
    expect(body).not.toContain(dvt.assessment.differential[2]!.label);
  });

  it('keeps a priority the clinician chose below the suggestion, and says what was suggested', () => {
    const body = lines().join('\n');
    expect(body).toContain('ROUTINE PRIORITY');
    expect(body).toContain('Set by the clinician; the assessment suggests urgent');
  });

  it('gives way to the options of the request, section by section', () => {
    const body = lines({ sections: { negatives: true }, priority: 'urgent', differentialTop: 3, additions: '' });
    expect(body).toContain(NEGATIVES);
    // Not named in the request: the stored choice still holds.
    expect(body).not.toContain(IMAGING);
    expect(body).toContain('Differential diagnosis (top 3)');
    expect(body).not.toContain(ADDED);
    expect(body.join('\n')).toContain('URGENT PRIORITY');
  });

  it('reads an encounter stored before these choices existed as before: every section, and never below the suggestion', () => {
    const old = EncounterWithAddenda.parse({ ...dvt, referral: { to: 'Vascular clinic', priority: 'routine', question: 'Please assess.' } });
    expect(old.referral).toEqual({ to: 'Vascular clinic', priority: 'routine', question: 'Please assess.' });
    const body = definitionText(buildReferralDocument(referralInput(old))).body;
    expect(body).toContain('URGENT PRIORITY');
    expect(body).toContain(NEGATIVES);
    expect(body).toContain(`Differential diagnosis (top ${DEFAULT_DIFFERENTIAL_TOP})`);
    // The same recorded priority without priorityChosen is not an override either.
    const unchosen = encounterFrom(DVT_CASE, { referral: { ...choices, priorityChosen: false } });
    expect(definitionText(buildReferralDocument(referralInput(unchosen))).body).toContain('URGENT PRIORITY');
  });
});

describe('referral methods with the choices stored in the store', () => {
  let t: TestServices;
  beforeAll(async () => {
    t = openTestServices({ fontDir });
    await t.client.profile.save(PROFILE);
  });
  afterAll(() => t.dispose());

  it('stores the choices with the revision and prints them in the PDF when the request names none', async () => {
    const saved = await t.client.encounter.save(sampleDraft({ findings: DVT_CASE.findings, absent: DVT_CASE.absent, referral: choices }));
    const stored = await t.client.encounter.get({ id: saved.id });
    expect(stored.referral).toEqual(choices);

    const s = await t.client.referral.suggest({ id: saved.id });
    expect(s.suggestedPriority).toBe('urgent');
    expect(s.options).toMatchObject({ priority: 'routine', differentialTop: 2, additions: ADDED });
    expect(s.options.sections).toEqual(ReferralSections.parse({ negatives: false, imaging: false }));

    const preview = await t.client.referral.preview({ id: saved.id, options: { timeZone: 'UTC' } });
    // The same letter as the one asked for with every stored choice spelled out.
    const spelled = await t.client.referral.preview({
      id: saved.id,
      options: { timeZone: 'UTC', sections: s.options.sections, priority: 'routine', differentialTop: 2, additions: ADDED },
    });
    expect(preview.sha256).toBe(spelled.sha256);
    const everything = await t.client.referral.preview({
      id: saved.id,
      options: { timeZone: 'UTC', sections: Object.fromEntries(REFERRAL_SECTION_NAMES.map((n) => [n, true])) },
    });
    expect(everything.sha256).not.toBe(preview.sha256);

    const text = squash(pdfPages(Buffer.from(preview.pdfBase64, 'base64')).join('\n'));
    expect(text).not.toContain('Pertinent negatives');
    expect(text).not.toContain('Imaging and investigations suggested');
    expect(text).toContain('Findings present');
    expect(text).toContain('ROUTINE PRIORITY');
    // (The DRAFT watermark's letters can fall between words in pdftotext's reading.)
    expect(text).toMatch(/Set by the clinician; the assessment suggests (\w )?urgent/);
    expect(text).toContain(ADDED);
  });
});
