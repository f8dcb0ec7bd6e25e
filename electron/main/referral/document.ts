import type { Content, TDocumentDefinitions } from 'pdfmake/interfaces.js';
import type { Addendum, Encounter } from '../../../shared/api/encounter.ts';
import type { ClinicianProfile } from '../../../shared/api/profile.ts';
import type { ReferralOptions } from '../../../shared/api/referral.ts';
import { Citations, sourcesBlock } from './citations.ts';
import {
  differentialTable,
  findingsTable,
  historyBlocks,
  imagingBlocks,
  notesBlocks,
  redFlagBlocks,
  wellsBlocks,
  wellsRelevant,
} from './clinical-sections.ts';
import { addressBlock, missingBanner, patientPanel, referrerLines, signatureBlock, titleBlock } from './correspondence.ts';
import { draftMark } from './draft-mark.ts';
import { formatDateTime } from './format.ts';
import { referralKnowledgeBase, type KnowledgeBaseLike } from './kb.ts';
import { A4, COLORS, missingLine, PAGE_MARGINS, paragraphs, section } from './layout.ts';
import { softWrap, softWrapContent } from './soft-wrap.ts';
import { resolveReferral } from './wording.ts';

/**
 * The referral letter as a pdfmake document definition: a pure function of the encounter
 * revision, the clinician profile, the chosen options, the app version and the knowledge base
 * (for labels, groups and the titles of the sources cited). No clock, no file system: the same
 * inputs give the same definition and, because the PDF's dates come from the input, the same bytes.
 *
 * pdfmake mutates the definition it renders, so callers build a fresh one for every render.
 */

export const APP_NAME = 'Leg Pain DDx';

export interface ReferralInput {
  readonly encounter: Encounter & { readonly addenda?: readonly Addendum[] };
  /** The clinician profile; null before first run, when the encounter's clinician is printed instead. */
  readonly profile: ClinicianProfile | null;
  readonly options: ReferralOptions;
  readonly appVersion: string;
  readonly kb: KnowledgeBaseLike;
}

/*
 * Typography: Roboto regular and medium (bold) only. Every font style a letter uses is one more
 * font subset to build and embed, so "nothing recorded" lines are muted rather than italic.
 */

/** What the header and footer print on every page. */
export interface ReferralFacts {
  readonly patientLine: string;
  readonly statusLine: string;
  readonly provenanceLine: string;
}

export function referralFacts(input: Pick<ReferralInput, 'encounter' | 'options' | 'appVersion'>): ReferralFacts {
  const { encounter, appVersion } = input;
  const timeZone = input.options.timeZone ?? 'UTC';
  const identifier = encounter.patient.identifier.trim() || 'no identifier recorded';
  const signed = encounter.status === 'signed';
  return {
    patientLine: `${encounter.patient.name} · ${identifier}`,
    statusLine: signed
      ? `Signed by ${encounter.signedBy ?? 'the clinician'}${encounter.signedAt ? ` on ${formatDateTime(encounter.signedAt, timeZone)}` : ''}`
      : 'DRAFT — not signed',
    provenanceLine:
      `${APP_NAME} ${appVersion} · knowledge base ${encounter.assessment.knowledgeBase}${encounter.assessment.origin === 'imported' ? ' (assessment imported, not computed here)' : ''} · ` +
      `encounter ${encounter.id} revision ${encounter.revision}`,
  };
}

export const importedAssessmentNote = (knowledgeBase: string): string =>
  `Imported, not computed here: the differential, red flags and imaging below came with an imported file, made elsewhere with knowledge base ${knowledgeBase}; this app did not compute them.`;

export function buildReferralDocument(input: ReferralInput): TDocumentDefinitions {
  const { encounter, options } = input;
  const kb = referralKnowledgeBase(input.kb);
  const citations = new Citations(kb);
  const timeZone = options.timeZone ?? 'UTC';
  const resolved = resolveReferral(encounter, options, kb);
  const facts = referralFacts(input);
  const signed = encounter.status === 'signed';
  const letterDate = options.printedAt ?? encounter.seenAt;
  const referrer = referrerLines(input.profile, encounter);
  const { sections, differentialTop } = resolved;
  const assessment = encounter.assessment;
  const shown = assessment.differential.slice(0, differentialTop);

  const content: Content[] = [
    titleBlock(resolved, signed),
    ...(resolved.missing.length > 0 ? [missingBanner(resolved.missing)] : []),
    addressBlock(referrer, resolved, letterDate, encounter, timeZone),
    patientPanel(encounter, timeZone),
    section('Reason for referral', resolved.wording.reason.trim() === '' ? [missingLine('No reason for referral: add one before the letter is signed and sent.')] : paragraphs(resolved.wording.reason)),
    section('Clinical question', paragraphs(resolved.wording.question)),
  ];
  // Red flags right after the question: what the recipient must act on comes first, on page 1.
  if (sections.redFlags) content.push(section('Red flags', redFlagBlocks(assessment, kb, citations)));
  if (sections.history) content.push(section('Presenting complaint and history', historyBlocks(encounter, kb)));
  if (sections.findings) content.push(findingsTable('Findings present', kb, encounter.findings, 'No findings recorded.'));
  if (sections.negatives) {
    content.push(findingsTable('Pertinent negatives (checked and absent)', kb, encounter.absent, 'None recorded.'));
  }
  // An assessment that came with an imported file, made with another knowledge base, is not this
  // app's: the letter says so before anything it holds (issue 11, item 4).
  if (encounter.assessment.origin === 'imported') {
    content.push({ text: importedAssessmentNote(encounter.assessment.knowledgeBase), bold: true, margin: [0, 6, 0, 2] });
  }
  if (sections.differential) content.push(differentialTable(`Differential diagnosis (top ${differentialTop})`, shown, kb));
  if (sections.wells && wellsRelevant(encounter, shown)) content.push(section('Wells score for DVT', wellsBlocks(assessment, kb, citations)));
  if (sections.imaging) content.push(section('Imaging and investigations suggested', imagingBlocks(assessment, kb, citations)));
  if (sections.treatment) content.push(section('Treatment tried', paragraphs(resolved.wording.treatmentTried || 'None recorded.')));
  // The Notes switch governs the encounter's general notes only: the text written for this referral
  // and the addenda after signing are always printed.
  const notes = notesBlocks(encounter, resolved.additions, timeZone, sections.notes);
  if (notes.length > 0) content.push(section(sections.notes ? 'Notes' : 'Notes for this referral', notes));
  if (sections.signature) content.push(signatureBlock(referrer, encounter, timeZone));
  if (citations.titles.length > 0) content.push(sourcesBlock(citations.titles));

  return {
    pageSize: 'A4',
    pageMargins: PAGE_MARGINS,
    language: 'en-GB',
    // Archivable: PDF/A-2b (pdfkit adds the XMP metadata and an sRGB output intent; the fonts are
    // embedded), with the language and the title shown in the viewer's title bar. Not marked as
    // tagged: pdfmake 0.3 writes no structure for its content, and an empty structure tree marked
    // as tagged would tell screen readers there is nothing to read (pdf-standards.md).
    version: '1.7',
    subset: 'PDF/A-2b',
    displayTitle: true,
    info: {
      title: `Referral: ${encounter.patient.name}`,
      author: referrer.name,
      subject: `Referral letter, encounter ${encounter.id} revision ${encounter.revision}`,
      keywords: `${signed ? 'signed' : 'draft'} referral`,
      creator: `${APP_NAME} ${input.appVersion}`,
      producer: `${APP_NAME} ${input.appVersion} (pdfmake)`,
      creationDate: new Date(letterDate),
      modDate: new Date(letterDate),
    },
    defaultStyle: { font: 'Roboto', fontSize: 9, lineHeight: 1.1, color: COLORS.text },
    styles: {
      title: { fontSize: 18, bold: true },
      h2: { fontSize: 10.5, bold: true, margin: [0, 6, 0, 2] },
      label: { color: COLORS.muted, fontSize: 8.5 },
      small: { fontSize: 8, color: COLORS.muted },
      source: { fontSize: 7, lineHeight: 1.05, color: COLORS.muted },
      th: { bold: true, fontSize: 8.5, color: COLORS.muted },
    },
    header: (currentPage, pageCount) => ({
      margin: [PAGE_MARGINS[0], 24, PAGE_MARGINS[2], 0],
      stack: [
        {
          columns: [
            { text: softWrap(facts.patientLine), bold: true, fontSize: 9 },
            { text: `Page ${currentPage} of ${pageCount}`, alignment: 'right', fontSize: 9, width: 90 },
          ],
        },
        { canvas: [{ type: 'line', x1: 0, y1: 4, x2: A4.width - PAGE_MARGINS[0] - PAGE_MARGINS[2], y2: 4, lineWidth: 0.5, lineColor: COLORS.rule }] },
      ],
    }),
    footer: () => ({
      margin: [PAGE_MARGINS[0], 12, PAGE_MARGINS[2], 0],
      stack: [
        { text: facts.statusLine, bold: true, fontSize: 8.5, color: signed ? COLORS.signed : COLORS.draft },
        { text: facts.provenanceLine, fontSize: 7.5, color: COLORS.muted },
      ],
    }),
    ...(signed ? {} : { background: () => draftMark() }),
    // Every text the clinician typed (notes, addenda, wording, names) can hold a very long token.
    content: softWrapContent(content),
  };
}
