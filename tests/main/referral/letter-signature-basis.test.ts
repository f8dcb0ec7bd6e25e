import type { Content } from 'pdfmake/interfaces.js';
import { describe, expect, it } from 'vitest';
import { EncounterWithAddenda } from '../../../shared/api/encounter.ts';
import { buildReferralDocument } from '../../../electron/main/referral/document.ts';
import { DVT_CASE, PROFILE, contentText, definitionText, encounterFrom, referralInput } from './fixtures.ts';

/**
 * The letter's signature block, and the reasons for and against each cause of the differential,
 * as a reader sees them. Expectations are written by hand, or taken from the stored assessment the
 * letter is printed from (its input), never from the letter code.
 */

/** The signature block: the stack that starts "Yours sincerely,". */
function signature(e: EncounterWithAddenda, profile = PROFILE): { stack: Content[]; unbreakable?: boolean } {
  const content = buildReferralDocument({ ...referralInput(e), profile }).content as { stack?: Content[]; unbreakable?: boolean }[];
  const found = content.find((c) => (c.stack?.[0] as { text?: string } | undefined)?.text === 'Yours sincerely,');
  expect(found, 'no signature block').toBeDefined();
  return found as { stack: Content[]; unbreakable?: boolean };
}

describe('the signature block', () => {
  it('is kept whole on one page', () => {
    expect(signature(encounterFrom(DVT_CASE, { status: 'signed' })).unbreakable).toBe(true);
    expect(signature(encounterFrom(DVT_CASE)).unbreakable).toBe(true);
  });

  it('of a draft: a line to sign on, 200 points long, above "Not signed: draft"', () => {
    const { stack } = signature(encounterFrom(DVT_CASE));
    const at = stack.findIndex((c) => 'canvas' in (c as object));
    expect((stack[at] as { canvas: unknown[] }).canvas).toEqual([{ type: 'line', x1: 0, y1: 0, x2: 200, y2: 0, lineWidth: 0.5, lineColor: '#1a1a1a' }]);
    expect(contentText(stack[at + 1]!)).toEqual(['Not signed: draft']);
    expect(signature(encounterFrom(DVT_CASE, { status: 'signed' })).stack.some((c) => 'canvas' in (c as object))).toBe(false);
  });

  it('prints the signer’s role and practice on one line and the contact on the next, leaving out blank ones', () => {
    const e = encounterFrom(DVT_CASE, { status: 'signed' });
    expect(signature(e).stack.slice(2).flatMap((c) => contentText(c))).toEqual([PROFILE.name, `${PROFILE.role}, ${PROFILE.practice}`, PROFILE.contact]);
    const sparse = signature(e, { ...PROFILE, practice: ' ', contact: '   ' });
    expect(sparse.stack.slice(2).flatMap((c) => contentText(c))).toEqual([PROFILE.name, PROFILE.role]);
  });
});

describe('the reasons for and against a cause', () => {
  const letterOf = (e: EncounterWithAddenda): string => definitionText(buildReferralDocument(referralInput(e))).body;

  it('lists the stored reasons that count, for and against, each side on its own line', () => {
    const e = encounterFrom({ findings: ['loc-calf', 'unilateral', 'calf-swelling'], absent: ['bruising-calf-ankle'] }, { status: 'signed' });
    const body = letterOf(e);
    for (const d of e.assessment.differential.slice(0, 3)) {
      const counted = d.basis.filter((b) => b.countedIn === undefined);
      const forText = counted.filter((b) => b.weight > 0).map((b) => b.reason).join('; ');
      const againstText = counted.filter((b) => b.weight < 0).map((b) => b.reason).join('; ');
      // Each side is a whole line: nothing of the other side is added to it.
      if (forText !== '') expect(body, d.cause).toContain(`For: \n${forText}\n`);
      if (againstText !== '') expect(body, d.cause).toContain(`Against: \n${againstText}\n`);
    }
    // The Baker's cyst: no bruising argues against it.
    expect(e.assessment.differential.some((d) => d.basis.some((b) => b.weight < 0))).toBe(true);
  });

  it('leaves out a reason counted under another of the same observation', () => {
    // Cellulitis: redness counts; "no spreading erythema" is the same observation, counted under it.
    const e = encounterFrom({ findings: ['redness', 'loc-calf'], absent: ['ex-spreading-erythema'] }, { status: 'signed' });
    const cellulitis = e.assessment.differential.find((d) => d.cause === 'cellulitis')!;
    const underReason = cellulitis.basis.find((b) => b.countedIn !== undefined)!.reason;
    const body = letterOf(EncounterWithAddenda.parse({ ...e, assessment: { ...e.assessment, differential: [cellulitis, ...e.assessment.differential.filter((d) => d !== cellulitis)] } }));
    expect(body).not.toContain(underReason);
    expect(body).not.toContain('Against: ');
  });

  it('leaves out a supporting reason counted under another', () => {
    // A Baker's cyst: the popliteal mass is counted under the swelling behind the knee (one lump).
    const e = encounterFrom({ findings: ['loc-popliteal', 'swelling-behind-knee', 'ex-popliteal-mass', 'bruising-calf-ankle'] }, { status: 'signed' });
    const cyst = e.assessment.differential.find((d) => d.cause === 'bakers-cyst-rupture')!;
    expect(cyst.rank).toBeLessThanOrEqual(3);
    const under = cyst.basis.find((b) => b.countedIn !== undefined)!;
    expect(under.weight).toBeGreaterThan(0);
    const line = letterOf(e).split('\n').find((l) => cyst.basis.filter((b) => b.countedIn === undefined && b.weight > 0).every((b) => l.includes(b.reason)))!;
    expect(line).toBeDefined();
    expect(line).not.toContain(under.reason);
  });

  it('for a cause stored without its basis (v1), names the findings for and against it', () => {
    const e = encounterFrom(DVT_CASE, { status: 'signed' });
    const top = { ...e.assessment.differential[0]!, basis: [], supporting: ['calf-swelling', 'warmth'], against: ['bruising-calf-ankle'] };
    const body = letterOf(EncounterWithAddenda.parse({ ...e, assessment: { ...e.assessment, differential: [top, ...e.assessment.differential.slice(1)] } }));
    expect(body).toContain('For: \nSwelling of the calf or leg; Warmth over the painful area');
    expect(body).toContain('Against: \nBruising spreading down the calf toward the ankle');
  });
});
