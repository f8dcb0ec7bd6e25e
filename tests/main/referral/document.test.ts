import { describe, expect, it } from 'vitest';
import type { ReferralPriority } from '../../../shared/api/encounter.ts';
import { DEFAULT_DIFFERENTIAL_TOP, REFERRAL_SECTION_NAMES } from '../../../shared/api/referral.ts';
import { findingById, knowledgeBase, KB_VERSION } from '../../../shared/clinical/index.ts';
import { buildReferralDocument, referralFacts } from '../../../electron/main/referral/document.ts';
import { DVT_CASE, PROFILE, comparable, definitionText, encounterFrom, loadVignettes, referralInput } from './fixtures.ts';

const vignettes = loadVignettes();

/**
 * The priority each public vignette's letter should carry, worked out by hand from what it
 * presents: a suspected DVT is assessed the same day (urgent red flag, urgent Doppler); none of the
 * others has a red flag or urgent imaging, so they are routine.
 */
const PRIORITY: Record<string, ReferralPriority> = {
  'dvt-classic': 'urgent',
  'achilles-tendonitis': 'routine',
  'hamstring-strain': 'routine',
  'lumbar-stenosis-classic': 'routine',
  'pad-classic': 'routine',
  'sciatica-classic': 'routine',
};
const groupLabel = (id: string): string => knowledgeBase.findingGroups.find((g) => g.id === findingById(id)?.group)!.label;

/** Positions of each needle in the haystack; fails if one is missing. */
function positions(haystack: string, needles: readonly string[]): number[] {
  return needles.map((n) => {
    const at = haystack.indexOf(n);
    expect(at, `"${n}" is missing`).toBeGreaterThanOrEqual(0);
    return at;
  });
}

describe.skipIf(vignettes === null)('the referral definition of each public vignette (../shared/vignettes)', () => {
  for (const v of vignettes ?? []) {
    it(`${v.id}: holds every part of the content list`, () => {
      const encounter = encounterFrom(v.case, { name: 'Zoë Ødegård', status: 'signed', notes: `Notes for ${v.id}.` });
      const def = buildReferralDocument(referralInput(encounter));
      const { body, header, footer } = definitionText(def, 2, 3);
      const a = encounter.assessment;

      // Referrer, recipient, date, priority (suggested from red flags and imaging).
      positions(body, [PROFILE.name, PROFILE.role, PROFILE.practice, PROFILE.contact, 'Vascular clinic, City Hospital', '25 November 2026']);
      const printed = /\b(ROUTINE|URGENT|EMERGENCY) PRIORITY\b/.exec(body)?.[1]?.toLowerCase();
      if (v.id in PRIORITY) expect(printed).toBe(PRIORITY[v.id]);
      // A vignette not worked out above: at least what its expected red flags and urgent imaging call for.
      else if ((v.expect.redFlags ?? []).length > 0 || (v.expect.imagingUrgent ?? []).length > 0) expect(printed).toMatch(/^(urgent|emergency)$/);
      else expect(printed).toBeDefined();

      // Patient: name, date of birth and age, sex, identifier.
      expect(body).toContain('Zoë Ødegård');
      expect(body).toContain(`14 March ${2026 - (v.case.age ?? 52)} (age ${v.case.age ?? 52} years)`);
      expect(body).toContain(v.case.sex === 'male' ? 'Male' : v.case.sex === 'female' ? 'Female' : 'Not recorded');
      expect(body).toContain('MRN 004211');

      // Reason and question, complaint and history, treatment tried, notes, signature.
      positions(body, ['Reason for referral', 'Clinical question', 'Please assess.', 'Pain at the back of the left calf for 3 days', 'intensity 6/10']);
      positions(body, ['Treatment tried', 'Paracetamol 1 g four times daily for 2 days.', `Notes for ${v.id}.`, 'Electronically signed by Dr Sam Reyes']);

      // Findings present and pertinent negatives, each under its knowledge-base group.
      for (const id of v.case.findings) positions(body, [groupLabel(id), findingById(id)!.label]);
      const negatives = body.slice(body.indexOf('Pertinent negatives'));
      for (const id of v.case.absent ?? []) positions(negatives, [groupLabel(id), findingById(id)!.label]);

      // Red flags with what raised them.
      for (const flag of a.redFlags) {
        positions(body, [flag.label, flag.action, ...flag.because.map((id) => findingById(id)!.label)]);
      }
      if (a.redFlags.length === 0) expect(body).toContain('No red flags among the recorded findings.');
      for (const id of v.expect.redFlags ?? []) expect(a.redFlags.map((f) => f.id)).toContain(id);

      // The differential, the default top three in rank order, each with its basis; the vignette's expected cause first.
      const differential = body.slice(body.indexOf('Differential diagnosis'));
      const top = a.differential.slice(0, DEFAULT_DIFFERENTIAL_TOP);
      const at = positions(differential, top.map((d) => d.label));
      expect(at).toEqual([...at].sort((x, y) => x - y));
      expect(top[0]!.cause).toBe(v.expect.topCause);
      // Each reason that counts; an observation counted under another rule (v2) is not listed twice.
      for (const d of top) for (const b of d.basis.filter((x) => x.countedIn === undefined)) expect(differential).toContain(b.reason);

      // Wells where relevant: printed for the DVT vignette, not for a cause where DVT is not in question.
      const wellsPrinted = body.includes('Wells score for DVT');
      // An assessment that says whether the score applies (v2) decides; before that, the rule of thumb above.
      const applies = a.scores.wellsDvt.applies;
      expect(wellsPrinted).toBe(applies ?? (a.scores.wellsDvt.category === 'likely' || top.some((d) => d.cause === 'dvt' && d.strength !== 'unlikely')));
      if (v.expect.wellsDvt?.category === 'likely') expect(body).toContain(`${v.expect.wellsDvt.points} points: DVT likely`);

      // Imaging suggested, with its rationale and urgency.
      for (const img of a.imaging) positions(body, [img.label, img.rationale]);
      for (const m of v.expect.imaging ?? []) expect(a.imaging.map((i) => i.modality)).toContain(m);

      // Every page: patient, identifier, page X of Y; footer: app and knowledge-base versions, encounter and revision.
      expect(header).toContain('Zoë Ødegård · MRN 004211');
      expect(header).toContain('Page 2 of 3');
      expect(footer).toContain('Signed by Dr Sam Reyes on 25 November 2026 at 11:05');
      expect(footer).toContain(`Leg Pain DDx 9.8.7-test · knowledge base ${KB_VERSION} · encounter enc-3f6c2a revision 4`);
      expect(def.watermark).toBeUndefined();
    });
  }
});

describe('the referral definition', () => {
  const dvt = encounterFrom(DVT_CASE);

  it('marks a draft as a draft: banner, footer on every page, signature line and a DRAFT mark drawn, not written', () => {
    const def = buildReferralDocument(referralInput(dvt));
    const { body, footer } = definitionText(def, 3, 3);
    expect(body).toContain('DRAFT: this encounter has not been signed.');
    expect(body).toContain('Not signed: draft');
    expect(body).not.toContain('Electronically signed');
    expect(footer).toContain('DRAFT — not signed');
    // pdfmake's watermark is text (extracted and read aloud); the mark is strokes on the page background.
    expect(def.watermark).toBeUndefined();
    const size = { width: 595.28, height: 841.89, orientation: 'portrait' as const };
    const background = (def.background as (page: number, s: typeof size) => { canvas: { type: string }[] })(1, size);
    expect(background.canvas.length).toBeGreaterThan(5);
    expect(background.canvas.every((v) => v.type === 'polyline')).toBe(true);
    expect(JSON.stringify(background)).not.toMatch(/"text"/);
    // Drawn where a reader sees it: five letters (D, R, A, F, T: nine strokes), each stroke a line of two points
    // or more, wide, faint and rounded, all on the page, the word centred on it and running across it.
    const strokes = background.canvas as unknown as { points: { x: number; y: number }[]; lineWidth: number; strokeOpacity: number; lineCap: string; lineJoin: string }[];
    expect(strokes).toHaveLength(9);
    for (const stroke of strokes) {
      expect(stroke.points.length).toBeGreaterThanOrEqual(2);
      expect(stroke).toMatchObject({ lineWidth: 16, strokeOpacity: 0.07, lineCap: 'round', lineJoin: 'round' });
      for (const { x, y } of stroke.points) {
        expect(x).toBeGreaterThan(0);
        expect(x).toBeLessThan(size.width);
        expect(y).toBeGreaterThan(0);
        expect(y).toBeLessThan(size.height);
      }
    }
    const all = strokes.flatMap((st) => st.points);
    const [xs, ys] = [all.map((p) => p.x), all.map((p) => p.y)];
    // Centred to within 5 % of the page (the letters' own shapes are not symmetric).
    expect(Math.abs((Math.min(...xs) + Math.max(...xs)) / 2 - size.width / 2)).toBeLessThan(size.width * 0.05);
    expect(Math.abs((Math.min(...ys) + Math.max(...ys)) / 2 - size.height / 2)).toBeLessThan(size.height * 0.05);
    expect(Math.max(...xs) - Math.min(...xs)).toBeGreaterThan(size.width / 2);
    // Rising from left to right (the word is turned 40° anticlockwise): its first stroke is lower on the page than its last.
    const [first, last] = [strokes[0]!.points[0]!, strokes.at(-1)!.points[0]!];
    expect(first.x).toBeLessThan(last.x);
    expect(first.y).toBeGreaterThan(last.y);
    // Turned 40°: the word (about 474 by 115 points) spans about 437 across and 393 down, nearly as tall as wide;
    // flat, it would be a quarter as tall.
    const aspect = (Math.max(...ys) - Math.min(...ys)) / (Math.max(...xs) - Math.min(...xs));
    expect(aspect).toBeGreaterThan(0.75);
    expect(aspect).toBeLessThan(1.15);
    // Turned back 40° about the page's centre, the word stands upright: five letters of 60 × 100 on a grid
    // 28 apart (a pitch of 88), scaled by 1.15, make a word 412 × 1.15 = 473.8 wide and 115 tall, centred,
    // each letter starting 88 × 1.15 = 101.2 after the one before.
    const turn = (40 * Math.PI) / 180;
    const upright = strokes.map((st) =>
      st.points.map(({ x, y }) => {
        const [dx, dy] = [x - size.width / 2, y - size.height / 2];
        return { x: dx * Math.cos(turn) - dy * Math.sin(turn), y: dx * Math.sin(turn) + dy * Math.cos(turn) };
      }),
    );
    const flat = upright.flat();
    expect(Math.min(...flat.map((p) => p.x))).toBeCloseTo(-236.9, 1);
    expect(Math.max(...flat.map((p) => p.x))).toBeCloseTo(236.9, 1);
    expect(Math.min(...flat.map((p) => p.y))).toBeCloseTo(-57.5, 1);
    expect(Math.max(...flat.map((p) => p.y))).toBeCloseTo(57.5, 1);
    // The first stroke of each letter (D, R, A, F, T are strokes 0, 1, 3, 5, 7) starts at its letter's left edge.
    const lefts = [0, 1, 3, 5, 7].map((i) => Math.min(...upright[i]!.map((p) => p.x)));
    for (let i = 1; i < lefts.length; i++) expect(lefts[i]! - lefts[i - 1]!).toBeCloseTo(101.2, 1);
    expect(buildReferralDocument(referralInput(encounterFrom(DVT_CASE, { status: 'signed' }))).background).toBeUndefined();
  });

  it('suggests the priority from red flags and imaging, and prints the clinician’s override with the suggestion beside it', () => {
    const suggested = buildReferralDocument(referralInput(dvt));
    expect(definitionText(suggested).body).toContain('URGENT PRIORITY');
    expect(definitionText(suggested).body).toContain('Suggested by the assessment because of: Suspected deep vein thrombosis');

    const lowered = definitionText(buildReferralDocument(referralInput(dvt, { priority: 'routine' }))).body;
    expect(lowered).toContain('ROUTINE PRIORITY');
    expect(lowered).toContain('Set by the clinician; the assessment suggests urgent');

    const raised = definitionText(buildReferralDocument(referralInput(dvt, { priority: 'emergency' }))).body;
    expect(raised).toContain('EMERGENCY PRIORITY');
  });

  it('prints an emergency as an emergency everywhere: the priority, the red flag and its imaging, never "urgent"', () => {
    // Saddle anaesthesia with sciatica in both legs is suspected cauda equina syndrome: an emergency
    // referral with emergency MRI (NICE NG59; NICE CKS sciatica).
    const caudaEquina = encounterFrom({
      findings: ['loc-lower-back', 'radiates-from-back', 'radiates-below-knee', 'bilateral', 'ex-slr-positive', 'saddle-anesthesia'],
    });
    const body = definitionText(buildReferralDocument(referralInput(caudaEquina))).body;
    expect(body).toContain('EMERGENCY PRIORITY');
    const lines = body.split('\n');
    const after = (line: string): string | undefined => lines[lines.indexOf(line) + 1];
    expect(after('Possible cauda equina syndrome')).toBe('  Emergency');
    expect(after('MRI')).toBe('  Emergency');
    expect(lines.filter((l) => l.trim() === 'Urgent')).toEqual([]);
  });

  it('never prints a stored "routine" below what the red flags call for', () => {
    const recordedRoutine = encounterFrom(DVT_CASE, { referral: { to: 'Vascular clinic', priority: 'routine', question: '' } });
    expect(definitionText(buildReferralDocument(referralInput(recordedRoutine))).body).toContain('URGENT PRIORITY');
  });

  it('leaves out each optional section the clinician leaves out', () => {
    const headings: Record<(typeof REFERRAL_SECTION_NAMES)[number], string> = {
      history: 'Presenting complaint and history',
      findings: 'Findings present',
      negatives: 'Pertinent negatives (checked and absent)',
      redFlags: 'Red flags',
      differential: `Differential diagnosis (top ${DEFAULT_DIFFERENTIAL_TOP})`,
      wells: 'Wells score for DVT',
      imaging: 'Imaging and investigations suggested',
      treatment: 'Treatment tried',
      notes: 'Notes',
      signature: 'Yours sincerely,',
    };
    const all = definitionText(buildReferralDocument(referralInput(dvt))).body;
    for (const name of REFERRAL_SECTION_NAMES) {
      expect(all).toContain(headings[name]);
      const body = definitionText(buildReferralDocument(referralInput(dvt, { sections: { [name]: false } }))).body;
      expect(body.split('\n'), name).not.toContain(headings[name]);
      // The rest stays.
      for (const other of REFERRAL_SECTION_NAMES.filter((n) => n !== name)) expect(body.split('\n'), `${other} without ${name}`).toContain(headings[other]);
    }
  });

  it('prints the clinician’s wording instead of the defaults, and lists as many causes as asked', () => {
    const def = buildReferralDocument(
      referralInput(dvt, {
        recipient: 'Dr Ravi Patel, Vascular surgery',
        reason: 'Swollen left calf after a flight.',
        question: 'Is this a proximal DVT?',
        treatmentTried: 'Compression stocking for one day.',
        additions: 'Patient prefers morning appointments.',
        differentialTop: 2,
      }),
    );
    const { body } = definitionText(def);
    positions(body, ['Dr Ravi Patel, Vascular surgery', 'Swollen left calf after a flight.', 'Is this a proximal DVT?', 'Compression stocking for one day.']);
    positions(body, ['Added for this referral', 'Patient prefers morning appointments.', 'Differential diagnosis (top 2)']);
    expect(body).not.toContain('Please assess.');
    expect(body).toContain(dvt.assessment.differential[1]!.label);
    expect(body).not.toContain(dvt.assessment.differential[2]!.label);
  });

  it('derives a reason from the working diagnosis or the top cause when the encounter records none', () => {
    const withWorking = encounterFrom(DVT_CASE, { workingDiagnosis: 'dvt', referral: null });
    const body = definitionText(buildReferralDocument(referralInput(withWorking))).body;
    expect(body).toContain('Working diagnosis: Deep vein thrombosis. Red flags: Suspected deep vein thrombosis.');
    expect(body).toContain('Please assess and advise on further investigation and management.');
    // No recipient is invented: the letter says one is missing.
    expect(body).not.toContain('Recipient not specified');
    expect(body).toContain('Missing: add the recipient');
    expect(body).toContain('Incomplete: add the recipient (who the letter is for) before this letter is signed and sent.');
  });

  it('names no most likely cause when no finding supports one, and says the reason is missing', () => {
    // Findings that bear on no cause: every cause scores alike, and the first in order is no finding's doing.
    const bare = encounterFrom({ age: 60, sex: 'male', findings: [], absent: [] }, { referral: null });
    expect(bare.assessment.differential.every((d) => d.supporting.length === 0)).toBe(true);
    const body = definitionText(buildReferralDocument(referralInput(bare))).body;
    expect(body).not.toContain('Most likely cause on assessment');
    expect(body).not.toContain(bare.assessment.differential[0]!.label.concat('.'));
    expect(body).toContain('No reason for referral: add one before the letter is signed and sent.');
    expect(body).toContain('Incomplete: add the recipient (who the letter is for) and the reason for referral before this letter is signed and sent.');
    // With findings behind the top cause it is named.
    const dvtBody = definitionText(buildReferralDocument(referralInput(encounterFrom(DVT_CASE, { referral: null })))).body;
    expect(dvtBody).toContain('Most likely cause on assessment: Deep vein thrombosis.');
  });

  it('keeps the text written for this referral and the addenda when the Notes section is left out', () => {
    const e = encounterFrom(DVT_CASE, {
      status: 'signed',
      notes: 'General note about the visit.',
      addenda: [{ id: 'a1', text: 'D-dimer came back raised.', createdAt: '2026-11-25T12:00:00.000Z', author: 'Dr Sam Reyes' }],
    });
    const body = definitionText(buildReferralDocument(referralInput(e, { sections: { notes: false }, additions: 'Written for this referral.' }))).body;
    expect(body).not.toContain('General note about the visit.');
    positions(body, ['Notes for this referral', 'Addendum, 25 November 2026 at 12:00, Dr Sam Reyes', 'D-dimer came back raised.', 'Added for this referral', 'Written for this referral.']);
  });

  it('prints addenda under the notes', () => {
    const e = encounterFrom(DVT_CASE, {
      status: 'signed',
      addenda: [{ id: 'a1', text: 'D-dimer requested.', createdAt: '2026-11-25T12:00:00.000Z', author: 'Dr Sam Reyes' }],
    });
    const body = definitionText(buildReferralDocument(referralInput(e))).body;
    positions(body, ['Examined in clinic.', 'Addendum, 25 November 2026 at 12:00, Dr Sam Reyes', 'D-dimer requested.']);
  });

  it('numbers the sources it cites and lists their full titles', () => {
    const body = definitionText(buildReferralDocument(referralInput(dvt))).body;
    const nice = knowledgeBase.references.find((r) => r.id === 'nice-ng158')!;
    expect(body).toContain('Sources cited');
    expect(body).toContain(nice.title);
    expect(body).toMatch(/Sources: \[1(, \d+)*\]/);
  });

  it('is deterministic: the same revision and options give the same definition, with no clock inside', () => {
    const a = buildReferralDocument(referralInput(dvt));
    const b = buildReferralDocument(referralInput(structuredClone(dvt)));
    expect(comparable(a)).toBe(comparable(b));
    expect(a.info?.creationDate?.toISOString()).toBe('2026-11-25T10:30:00.000Z');
    const printed = buildReferralDocument(referralInput(dvt, { printedAt: '2026-12-01T09:00:00.000Z' }));
    expect(definitionText(printed).body).toContain('1 December 2026');
    expect(printed.info?.creationDate?.toISOString()).toBe('2026-12-01T09:00:00.000Z');
  });

  it('prints dates in the time zone asked for', () => {
    const late = { ...dvt, seenAt: '2026-11-25T23:30:00.000Z' };
    expect(definitionText(buildReferralDocument(referralInput(late, { timeZone: 'UTC' }))).body).toContain('25 November 2026 at 23:30');
    expect(definitionText(buildReferralDocument(referralInput(late, { timeZone: 'Australia/Sydney' }))).body).toContain('26 November 2026 at 10:30');
  });
});

describe('a very long unbroken token (issue 11, item 12)', () => {
  // A pasted line without spaces, 20,000 characters, in the notes, an addendum and the text added for this referral.
  const token = Array.from({ length: 2000 }, (_, i) => `w${String(i).padStart(4, '0')}wxyzq`).join('');

  it('is given a break opportunity every few characters, invisibly, with every character kept', () => {
    expect(token.length).toBe(20_000);
    const e = encounterFrom(DVT_CASE, { status: 'signed', notes: `Before ${token} after.` });
    const def = buildReferralDocument(referralInput({ ...e, addenda: [{ id: 'a1', text: token, createdAt: '2026-11-26T09:00:00.000Z', author: PROFILE.name }] }, { additions: token, recipient: token.slice(0, 300) }));
    const { body } = definitionText(def);
    const longest = Math.max(...body.split(/[\s\u200b]+/).map((w) => w.length));
    expect(longest).toBeLessThanOrEqual(30);
    const kept = body.replace(/\u200b/g, '');
    expect(kept).toContain(`Before ${token} after.`);
    expect(kept.split(token).length - 1).toBe(3);
    expect(kept).toContain(token.slice(0, 300));
    // Ordinary words are left as they are.
    expect(body).toContain('Before w0000wxyzq');
    expect(body).not.toMatch(/Before\u200b|\u200bafter/);
  });
});

describe('an assessment imported from another knowledge base (issue 11, item 4)', () => {
  it('is labelled "imported, not computed here" in the letter and its footer; one computed here is not', () => {
    const computed = encounterFrom(DVT_CASE);
    const imported = { ...computed, assessment: { ...computed.assessment, knowledgeBase: '2025.1.0', origin: 'imported' as const } };
    const text = definitionText(buildReferralDocument(referralInput(imported)));
    expect(text.body).toContain('Imported, not computed here: the differential, red flags and imaging below came with an imported file, made elsewhere with knowledge base 2025.1.0');
    expect(referralFacts(referralInput(imported)).provenanceLine).toContain('knowledge base 2025.1.0 (assessment imported, not computed here)');
    expect(definitionText(buildReferralDocument(referralInput(computed))).body).not.toContain('not computed here');
    expect(referralFacts(referralInput(computed)).provenanceLine).not.toContain('imported');
  });
});
