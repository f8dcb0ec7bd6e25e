import type { Content, TDocumentDefinitions } from 'pdfmake/interfaces.js';
import { describe, expect, it } from 'vitest';
import type { CaseInput } from '../../../shared/clinical/index.ts';
import { EncounterWithAddenda } from '../../../shared/api/encounter.ts';
import { buildReferralDocument } from '../../../electron/main/referral/document.ts';
import { DVT_CASE, encounterFrom, referralInput } from './fixtures.ts';

/**
 * What stands out on the printed letter, as a reader sees it: the priority in white on its colour,
 * the draft and what is missing in red, the signature in green, headings and names in bold, what
 * was not recorded in grey. The colours are the letter's design, written here by hand.
 */

const RED = '#b3261e';
const GREEN = '#1b5e20';
const GREY = '#5f6368';
const PRIORITY_FILL = { emergency: '#b71c1c', urgent: '#bf4800', routine: '#455a64' };

interface Run {
  readonly text: string;
  readonly bold: boolean;
  readonly color: string | undefined;
  readonly fontSize: number | undefined;
  readonly fill: string | undefined;
}
type Inherited = Omit<Run, 'text'>;

/** Every piece of text in the body, in order, with the emphasis it is printed in (its own, its style's and its parents'). */
function runs(def: TDocumentDefinitions): Run[] {
  const styles = (def.styles ?? {}) as Record<string, { bold?: boolean; color?: string; fontSize?: number }>;
  const out: Run[] = [];
  const walk = (node: Content | undefined, inherited: Inherited): void => {
    if (node === undefined || node === null) return;
    if (typeof node === 'string' || typeof node === 'number') {
      out.push({ text: String(node), ...inherited });
      return;
    }
    if (Array.isArray(node)) {
      for (const child of node) walk(child as Content, inherited);
      return;
    }
    const n = node as unknown as Record<string, unknown>;
    const style = typeof n.style === 'string' ? (styles[n.style] ?? {}) : {};
    const here: Inherited = {
      bold: (n.bold as boolean | undefined) ?? style.bold ?? inherited.bold,
      color: (n.color as string | undefined) ?? style.color ?? inherited.color,
      fontSize: (n.fontSize as number | undefined) ?? style.fontSize ?? inherited.fontSize,
      fill: (n.fillColor as string | undefined) ?? inherited.fill,
    };
    if ('text' in n) return walk(n.text as Content, here);
    for (const key of ['stack', 'columns', 'ul', 'ol']) if (key in n) return walk(n[key] as Content, here);
    if ('table' in n) for (const row of (n.table as { body: Content[][] }).body) for (const cell of row) walk(cell, here);
  };
  walk(def.content, { bold: false, color: undefined, fontSize: undefined, fill: undefined });
  return out;
}

/** The patient panel: the table whose first cell is labelled "Patient". */
interface PanelTable {
  readonly table: { readonly body: { readonly stack: { readonly text: string; readonly noWrap?: boolean }[] }[][] };
  readonly layout?: Record<string, () => unknown>;
}
const patientPanel = (def: TDocumentDefinitions): PanelTable => {
  const found = (def.content as Partial<PanelTable>[]).find((c) => c.table?.body[0]?.[0]?.stack?.[0]?.text === 'Patient');
  expect(found, 'no patient panel').toBeDefined();
  return found as PanelTable;
};

/** The first run whose text is `text` (or starts with it, for a prefix ending in an ellipsis). */
function run(all: readonly Run[], text: string): Run {
  const prefix = text.endsWith('…') ? text.slice(0, -1) : null;
  const found = all.find((r) => (prefix === null ? r.text === text : r.text.startsWith(prefix)));
  expect(found, `"${text}" is not printed`).toBeDefined();
  return found!;
}

const letter = (c: CaseInput, status: 'draft' | 'signed', referral?: Record<string, unknown> | null) =>
  runs(buildReferralDocument(referralInput(encounterFrom(c, { status, ...(referral === undefined ? {} : { referral }) }))));

describe('what stands out on the letter', () => {
  it('the title large and bold, the priority in bold white on the colour of its urgency', () => {
    const signed = letter(DVT_CASE, 'signed');
    expect(run(signed, 'Referral letter')).toMatchObject({ bold: true, fontSize: 18 });
    expect(run(signed, 'URGENT PRIORITY')).toMatchObject({ bold: true, color: '#ffffff', fill: PRIORITY_FILL.urgent });
    const routine = letter({ findings: ['loc-posterior-thigh'] }, 'signed');
    expect(run(routine, 'ROUTINE PRIORITY')).toMatchObject({ bold: true, color: '#ffffff', fill: PRIORITY_FILL.routine });
    expect(run(routine, 'Routine')).toMatchObject({ bold: true, color: PRIORITY_FILL.routine });
  });

  it('a draft and what the letter lacks in bold red; a signature in bold green', () => {
    const draft = letter(DVT_CASE, 'draft', { to: '', priority: 'routine', question: 'Please assess.' });
    expect(run(draft, 'DRAFT: this encounter has not been signed.')).toMatchObject({ bold: true, color: RED });
    expect(run(draft, 'Incomplete: add …')).toMatchObject({ bold: true, color: RED });
    expect(run(draft, 'Missing: add the recipient')).toMatchObject({ bold: true, color: RED });
    expect(run(draft, 'Not signed: draft')).toMatchObject({ bold: true, color: RED });
    const signed = letter(DVT_CASE, 'signed');
    expect(run(signed, 'Electronically signed by …')).toMatchObject({ bold: true, color: GREEN });
    expect(signed.some((r) => r.text.startsWith('DRAFT'))).toBe(false);
  });

  it('each red flag by name in bold with its urgency in that urgency’s colour, its labels in grey', () => {
    const signed = letter(DVT_CASE, 'signed');
    expect(run(signed, 'Suspected deep vein thrombosis')).toMatchObject({ bold: true });
    expect(run(signed, '  Urgent')).toMatchObject({ bold: true, color: PRIORITY_FILL.urgent });
    for (const label of ['Raised by: ', 'Action: ']) expect(run(signed, label)).toMatchObject({ bold: false, color: GREY });
  });

  it('the differential: rank and cause in bold, must-not-miss and the case against in red, the case for in green', () => {
    const signed = letter(DVT_CASE, 'signed');
    expect(run(signed, '1')).toMatchObject({ bold: true });
    expect(run(signed, 'Deep vein thrombosis')).toMatchObject({ bold: true });
    expect(run(signed, 'Must not miss')).toMatchObject({ color: RED });
    expect(run(signed, 'For: ')).toMatchObject({ bold: true, color: GREEN });
    const withAgainst = letter({ findings: ['loc-calf', 'unilateral', 'calf-swelling'], absent: ['bruising-calf-ankle'] }, 'signed');
    expect(run(withAgainst, 'Against: ')).toMatchObject({ bold: true, color: RED });
  });

  it('what was not recorded in grey', () => {
    const sparse = letter({ findings: [] }, 'signed');
    expect(run(sparse, 'No red flags among the recorded findings.')).toMatchObject({ color: GREY });
    expect(run(sparse, 'No findings recorded.')).toMatchObject({ color: GREY });
    expect(run(sparse, 'No imaging or other investigation suggested by the assessment.')).toMatchObject({ color: GREY });
  });

  it('the patient’s name and the signer’s in bold; column headings in bold grey; a likelihood with no evidence in grey', () => {
    const signed = letter(DVT_CASE, 'signed');
    expect(run(signed, 'Ada Example')).toMatchObject({ bold: true });
    const afterSignature = signed.slice(signed.findIndex((r) => r.text.startsWith('Electronically signed by')));
    expect(afterSignature.find((r) => r.text === 'Dr Sam Reyes')).toMatchObject({ bold: true });
    for (const head of ['#', 'Cause', 'Likelihood', 'Basis']) expect(run(signed, head)).toMatchObject({ bold: true, color: GREY });
    for (const label of ['Patient', 'Date of birth', 'Sex', 'Identifier', 'From', 'To', 'Date', 'Seen on', 'Priority']) {
      expect(run(signed, label), label).toMatchObject({ bold: false, color: GREY });
    }
    expect(run(signed, '14 March 1974 (age 52 years)')).toMatchObject({ bold: false });
    const likelihoods = signed.filter((r) => ['Strong', 'Moderate', 'Weak', 'Unlikely', 'No findings recorded', 'Conflicting evidence'].includes(r.text));
    expect(likelihoods.length).toBeGreaterThan(0);
    for (const r of likelihoods) expect(r.color, r.text).toBe(r.text === 'No findings recorded' || r.text === 'Conflicting evidence' ? GREY : undefined);
  });
  it('an imported assessment’s warning in bold; the addendum and the referral’s own additions headed in small grey labels', () => {
    const e = encounterFrom(DVT_CASE, { status: 'signed', addenda: [{ id: 'add-1', text: 'Reviewed the scan request.', createdAt: '2026-11-25T12:00:00.000Z', author: 'Dr Sam Reyes' }] });
    const imported = EncounterWithAddenda.parse({ ...e, assessment: { ...e.assessment, origin: 'imported' } });
    const all = runs(buildReferralDocument(referralInput(imported, { additions: 'Patient prefers morning appointments.' })));
    expect(run(all, 'Imported, not computed here: …')).toMatchObject({ bold: true });
    expect(run(all, 'Addendum, …')).toMatchObject({ bold: false, color: GREY, fontSize: 8.5 });
    expect(run(all, 'Added for this referral')).toMatchObject({ bold: false, color: GREY, fontSize: 8.5 });
    // Each heading comes before its own text.
    const at = (text: string): number => all.findIndex((r) => r.text.startsWith(text));
    expect(at('Addendum, ')).toBeLessThan(at('Reviewed the scan request.'));
    expect(at('Added for this referral')).toBeLessThan(at('Patient prefers morning appointments.'));
    expect(run(all, 'Reviewed the scan request.')).toMatchObject({ bold: false, color: undefined });
  });
  it('what the letter lacks in a red box across the page; the sources in small grey type', () => {
    const def = buildReferralDocument(referralInput(encounterFrom(DVT_CASE, { status: 'draft', referral: { to: '', priority: 'routine', question: 'Please assess.' } })));
    const content = def.content as { table?: { widths: unknown[]; body: { text: string }[][] }; layout?: Record<string, () => unknown> }[];
    const banner = content.find((c) => c.table?.body[0]?.[0]?.text?.startsWith('Incomplete: add'));
    expect(banner, 'the banner is a table').toBeDefined();
    expect(banner!.table!.widths).toEqual(['*']);
    for (const side of ['hLineColor', 'vLineColor']) expect(banner!.layout![side]!()).toBe(RED);
    for (const side of ['hLineWidth', 'vLineWidth']) expect(banner!.layout![side]!()).toBe(1);
    const all = runs(def);
    const sources = all.slice(all.findIndex((r) => r.text === 'Sources cited') + 1);
    expect(run(sources, '[1]')).toMatchObject({ fontSize: 7, color: GREY });
    const title = sources[sources.findIndex((r) => r.text === '[1]') + 1]!;
    expect(title.text.length).toBeGreaterThan(20);
    expect(title).toMatchObject({ fontSize: 7, color: GREY });
  });
  it('the history’s labels in bold, the priority badge borderless and only as wide as its words', () => {
    const all = letter(DVT_CASE, 'signed', { to: 'Vascular clinic', priority: 'routine', question: 'Please assess.' });
    const withWorking = runs(buildReferralDocument(referralInput(encounterFrom(DVT_CASE, { status: 'signed', workingDiagnosis: 'dvt' }))));
    expect(run(all, 'Pain: ')).toMatchObject({ bold: true });
    expect(run(withWorking, 'Working diagnosis: ')).toMatchObject({ bold: true });
    const def = buildReferralDocument(referralInput(encounterFrom(DVT_CASE, { status: 'signed' })));
    const title = (def.content as { stack?: { columns?: Record<string, unknown>[] }[] }[])[0]!.stack![0]!.columns!;
    expect(title[1]).toMatchObject({ width: 'auto', layout: 'noBorders' });
    // Why the priority was suggested: a note under it, in small grey type.
    const lowered = runs(buildReferralDocument(referralInput(encounterFrom(DVT_CASE, { status: 'signed' }), { priority: 'routine' })));
    expect(run(lowered, '\nSet by the clinician; …')).toMatchObject({ fontSize: 8, color: GREY });
    expect(run(runs(def), '\nSuggested by the assessment …')).toMatchObject({ fontSize: 8, color: GREY });
  });

  it('a red flag stored before the criteria were kept (v1) prints no criteria line', () => {
    const e = encounterFrom(DVT_CASE, { status: 'signed' });
    const v1 = EncounterWithAddenda.parse({ ...e, assessment: { ...e.assessment, redFlags: e.assessment.redFlags.map(({ criteria: _c, ...f }) => f) } });
    const all = runs(buildReferralDocument(referralInput(v1)));
    expect(all.some((r) => r.text === 'Criteria met: ')).toBe(false);
    expect(run(all, 'Raised by: ')).toMatchObject({ color: GREY });
    // With the criteria kept (v2), they have their own grey label.
    expect(run(letter(DVT_CASE, 'signed'), 'Criteria met: ')).toMatchObject({ bold: false, color: GREY });
  });

  it('the patient’s particulars: only the name in bold; the date of birth and the sex never wrap, the identifier may', () => {
    const def = buildReferralDocument(referralInput(encounterFrom(DVT_CASE, { status: 'signed' })));
    const all = runs(def);
    expect(run(all, 'MRN 004211')).toMatchObject({ bold: false });
    expect(run(all, 'Female')).toMatchObject({ bold: false });
    const panel = patientPanel(def);
    const noWrap = Object.fromEntries(panel.table!.body[0]!.map((cell) => [cell.stack[0]!.text, cell.stack[1]!.noWrap === true]));
    expect(noWrap).toEqual({ Patient: false, 'Date of birth': true, Sex: true, Identifier: false });
  });
  it('a likelihood the findings cannot tell ("no findings recorded", "conflicting evidence") in grey, a strength in the text colour', () => {
    // Redness in both legs: DVT and cellulitis have findings on both sides that cancel out.
    const mixed = letter({ findings: ['redness', 'bilateral'] }, 'signed');
    expect(run(mixed, 'Conflicting evidence')).toMatchObject({ color: GREY });
    expect(run(letter({ findings: [] }, 'signed'), 'No findings recorded')).toMatchObject({ color: GREY });
    expect(run(letter(DVT_CASE, 'signed'), 'Strong')).toMatchObject({ color: undefined });
    // The Wells result in bold, "For:" and "Against:" labels as before.
    expect(run(letter(DVT_CASE, 'signed'), '3 points: DVT likely')).toMatchObject({ bold: true });
  });

  it('the patient’s particulars on a light grey panel with no lines, padded', () => {
    const def = buildReferralDocument(referralInput(encounterFrom(DVT_CASE, { status: 'signed' })));
    const panel = patientPanel(def);
    const layout = panel.layout!;
    expect([layout.fillColor!(), layout.hLineWidth!(), layout.vLineWidth!()]).toEqual(['#f2f4f5', 0, 0]);
    expect([layout.paddingLeft!(), layout.paddingRight!(), layout.paddingTop!(), layout.paddingBottom!()]).toEqual([6, 6, 5, 5]);
  });
  it('a test stored before tests had an urgency (v1): its name in bold, with no urgency beside it', () => {
    const e = encounterFrom({ findings: ['calf-swelling', 'rf-previous-dvt'] }, { status: 'signed' });
    const v1 = EncounterWithAddenda.parse({ ...e, assessment: { ...e.assessment, investigations: e.assessment.investigations.map(({ urgency: _u, ...t }) => t) } });
    const all = runs(buildReferralDocument(referralInput(v1)));
    const at = all.findIndex((r) => r.text === 'D-dimer');
    expect(at).toBeGreaterThan(-1);
    expect(all[at]).toMatchObject({ bold: true, color: undefined });
    expect(all[at + 1]!.text).not.toMatch(/Urgent|Routine|Emergency/);
  });
});
