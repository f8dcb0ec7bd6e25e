import type { Content, CustomTableLayout, TableCell, TDocumentDefinitions } from 'pdfmake/interfaces.js';
import type { Addendum, Encounter } from '../../../shared/api/encounter.ts';
import type { ClinicianProfile } from '../../../shared/api/profile.ts';
import type { ReferralOptions } from '../../../shared/api/referral.ts';
import type { Citation, DifferentialEntry, StoredAssessment } from '../../../shared/clinical/assessment.ts';
import { isAlternativeCriterion, wellsAlternativeSentence } from '../../../shared/review/wells-alternative.ts';
import { ageAt, formatCalendarDate, formatDate, formatDateTime, formatGivenDate } from './format.ts';
import { referralKnowledgeBase, type KnowledgeBaseLike, type ReferralKnowledgeBase } from './kb.ts';
import { softWrap, softWrapContent } from './soft-wrap.ts';
import { resolveReferral, type ResolvedReferral } from './wording.ts';

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

const COLORS = {
  text: '#1a1a1a',
  muted: '#5f6368',
  rule: '#c7c7c7',
  panel: '#f2f4f5',
  draft: '#b3261e',
  signed: '#1b5e20',
  priority: { emergency: '#b71c1c', urgent: '#bf4800', routine: '#455a64' },
} as const;

const PRIORITY_LABEL = { emergency: 'EMERGENCY', urgent: 'URGENT', routine: 'ROUTINE' } as const;
const URGENCY_LABEL = { emergency: 'Emergency', urgent: 'Urgent', routine: 'Routine' } as const;
const STRENGTH_LABEL: Record<DifferentialEntry['strength'], string> = {
  strong: 'Strong',
  moderate: 'Moderate',
  weak: 'Weak',
  unlikely: 'Unlikely',
};
const SEX_LABEL = { female: 'Female', male: 'Male', other: 'Other', unknown: 'Not recorded' } as const;
const SIDE_LABEL = { left: 'left leg', right: 'right leg', both: 'both legs' } as const;

const PAGE_MARGINS: [number, number, number, number] = [50, 56, 50, 48];
const A4 = { width: 595.28, height: 841.89 } as const;

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
  const referrer = referrerLines(input);
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

// ---------------------------------------------------------------- layout helpers

/**
 * A block of a section with a rough size in characters. pdfmake drops whatever does not fit on
 * one page of an unbreakable block, so only blocks known to be small are ever kept together.
 */
interface Block {
  readonly content: Content;
  readonly size: number;
}
const KEEP_TOGETHER_MAX = 2500;
const block = (content: Content, size: number): Block => ({ content, size });

/**
 * A section whose heading never ends a page: the heading and the section's first block are kept
 * together when that block is small; everything else flows (and breaks between lines).
 */
function section(title: string, blocks: readonly Block[]): Content {
  const heading: Content = { text: title, style: 'h2' };
  const [first, ...rest] = blocks;
  if (first === undefined) return heading;
  const head: Content = first.size <= KEEP_TOGETHER_MAX ? { stack: [heading, first.content], unbreakable: true } : { stack: [heading, first.content] };
  return [head, ...rest.map((b) => b.content)];
}

/**
 * Free text as the clinician wrote it: the first line as its own block (kept with the heading),
 * the rest as one text node. pdfmake breaks a text node between pages only between lines, so a
 * long note flows onto as many pages as it needs and no line is ever cut; one node rather than
 * one per line keeps long notes quick to lay out.
 */
function paragraphs(text: string): Block[] {
  const [first = '', ...rest] = text.replace(/\r\n?/g, '\n').split('\n');
  const line = (t: string): Content => ({ text: t === '' ? ' ' : t, preserveLeadingSpaces: true });
  const blocks = [block(line(first), first.length)];
  if (rest.length > 0) blocks.push(block(line(rest.join('\n')), rest.join('\n').length));
  return blocks;
}

const sizeOf = (...texts: readonly string[]): number => texts.reduce((n, t) => n + t.length + 40, 0);

/** Thin rules between rows, none around: a table that reads as a list. */
const rowsLayout = (headerRows: number): CustomTableLayout => ({
  hLineWidth: (i, node) => (i <= headerRows - 1 || i === node.table.body.length ? 0 : i === headerRows ? 0.8 : 0.4),
  hLineColor: () => COLORS.rule,
  vLineWidth: () => 0,
  paddingLeft: (i) => (i === 0 ? 0 : 6),
  paddingRight: () => 4,
  paddingTop: () => 2.5,
  paddingBottom: () => 2.5,
});

/** Characters of a table's first row above which it may break across pages rather than move whole to the next. */
const KEEP_FIRST_ROW_MAX = 400;

/**
 * A table under a section heading. The heading (and the column headings) are the table's header
 * rows: pdfmake repeats them on a page the table runs onto, and keeps them with the first row when
 * that row is short. A long first row may break across the page instead: kept whole, it would
 * move the table to the next page and leave the rest of this one blank.
 */
function sectionTable(title: string, widths: (number | string)[], columnHeads: TableCell[] | null, rows: TableCell[][], firstRowSize = 0): Content {
  const span = widths.length;
  const headingRow: TableCell[] = [
    { text: title, style: 'h2', colSpan: span, margin: [0, 6, 0, 1] },
    ...Array.from({ length: span - 1 }, (): TableCell => ({ text: '' })),
  ];
  const headerRows = columnHeads === null ? 1 : 2;
  return {
    table: {
      widths,
      headerRows,
      keepWithHeaderRows: firstRowSize <= KEEP_FIRST_ROW_MAX ? 1 : 0,
      body: [headingRow, ...(columnHeads === null ? [] : [columnHeads]), ...rows],
    },
    layout: rowsLayout(headerRows),
  };
}

/** Numbers the sources the letter cites in order of first use; the list closes the letter. */
class Citations {
  readonly titles: string[] = [];
  readonly kb: ReferralKnowledgeBase;
  constructor(kb: ReferralKnowledgeBase) {
    this.kb = kb;
  }
  mark(citation: Citation): Content {
    const numbers = this.kb.citationTitles(citation).map((title) => {
      const at = this.titles.indexOf(title);
      if (at >= 0) return at + 1;
      this.titles.push(title);
      return this.titles.length;
    });
    return numbers.length === 0 ? { text: '' } : { text: `Sources: [${numbers.join(', ')}]`, style: 'small' };
  }
  /**
   * The same mark as the end of a line of text, after two spaces: a line less per cited block,
   * which keeps a letter with red flags, Wells and imaging within two pages.
   */
  markAtEnd(citation: Citation): Content {
    const mark = this.mark(citation) as { text: string; style?: string };
    return mark.text === '' ? { text: '' } : { ...mark, text: `  ${mark.text}` };
  }
}

// ---------------------------------------------------------------- blocks

interface Referrer {
  readonly name: string;
  readonly role: string;
  readonly practice: string;
  readonly contact: string;
}

function referrerLines({ profile, encounter }: ReferralInput): Referrer {
  if (profile !== null) return profile;
  return {
    name: encounter.clinician?.name.trim() || 'Clinician not recorded',
    role: encounter.clinician?.role ?? '',
    practice: '',
    contact: '',
  };
}

/** A line saying what the letter lacks, in the draft colour so it cannot be missed. */
function missingLine(text: string): Block {
  return block({ text, bold: true, color: COLORS.draft }, text.length);
}

function missingBanner(missing: readonly string[]): Content {
  const list = missing.length === 1 ? missing[0]! : `${missing.slice(0, -1).join(', ')} and ${missing.at(-1)!}`;
  return {
    table: {
      widths: ['*'],
      body: [[{ text: `Incomplete: add ${list} before this letter is signed and sent.`, bold: true, color: COLORS.draft, margin: [6, 4, 6, 4] }]],
    },
    layout: { hLineColor: () => COLORS.draft, vLineColor: () => COLORS.draft, hLineWidth: () => 1, vLineWidth: () => 1 },
    margin: [0, 0, 0, 8],
  };
}

function titleBlock(resolved: ResolvedReferral, signed: boolean): Content {
  const stack: Content[] = [
    {
      columns: [
        { text: 'Referral letter', style: 'title' },
        {
          width: 'auto',
          table: {
            body: [[{ text: `${PRIORITY_LABEL[resolved.priority]} PRIORITY`, bold: true, color: '#ffffff', fillColor: COLORS.priority[resolved.priority], margin: [6, 3, 6, 2] }]],
          },
          layout: 'noBorders',
        },
      ],
    },
  ];
  if (!signed) stack.push({ text: 'DRAFT: this encounter has not been signed.', bold: true, color: COLORS.draft, margin: [0, 4, 0, 0] });
  return { stack, margin: [0, 0, 0, 10] };
}

function addressBlock(referrer: Referrer, resolved: ResolvedReferral, letterDate: string, encounter: Encounter, timeZone: string): Content {
  const from = [referrer.name, referrer.role, referrer.practice, referrer.contact].filter((l) => l.trim() !== '').join('\n');
  const priorityText: Content[] = [{ text: URGENCY_LABEL[resolved.priority], bold: true, color: COLORS.priority[resolved.priority] }];
  if (resolved.suggestion.because.length > 0 || resolved.belowSuggestion) {
    const why = resolved.suggestion.because.length > 0 ? ` because of: ${resolved.suggestion.because.join('; ')}` : '';
    priorityText.push({
      text: resolved.belowSuggestion
        ? `\nSet by the clinician; the assessment suggests ${URGENCY_LABEL[resolved.suggestion.priority].toLowerCase()}${why}.`
        : `\nSuggested by the assessment${why}.`,
      style: 'small',
    });
  }
  const row = (label: string, value: Content): TableCell[] => [{ text: label, style: 'label' }, value];
  const rows = (body: TableCell[][]): Content => ({ table: { widths: [48, '*'], body }, layout: 'noBorders' });
  // Sender on the left, the letter's particulars on the right: a letter's usual shape, and compact.
  return {
    columns: [
      rows([row('From', { text: from })]),
      rows([
        row('To', resolved.wording.recipient.trim() === '' ? missingLine('Missing: add the recipient').content : { text: resolved.wording.recipient }),
        row('Date', { text: formatDate(letterDate, timeZone) }),
        // A date seen given without a time (an imported encounter) is printed as given, not with the time it is filed under.
        row('Seen on', { text: encounter.seenAtAsGiven !== undefined ? formatGivenDate(encounter.seenAtAsGiven) : formatDateTime(encounter.seenAt, timeZone) }),
        row('Priority', { text: priorityText }),
      ]),
    ],
    columnGap: 16,
    margin: [0, 0, 0, 8],
  };
}

function patientPanel(encounter: Encounter, timeZone: string): Content {
  const { patient } = encounter;
  const age = patient.birthDate === null ? null : ageAt(patient.birthDate, encounter.seenAt, timeZone);
  const birth =
    patient.birthDate !== null
      ? `${formatCalendarDate(patient.birthDate)}${age ? ` (age ${age})` : ''}`
      : patient.birthDateAsGiven !== undefined
        ? formatGivenDate(patient.birthDateAsGiven)
        : 'Not recorded';
  const cell = (label: string, value: string, bold = false, noWrap = false): TableCell => ({
    stack: [
      { text: label, style: 'label' },
      { text: value, bold, noWrap },
    ],
  });
  return {
    table: {
      // The date of birth and the sex take the width they need and never wrap ("age 56 / years").
      widths: ['*', 'auto', 'auto', '*'],
      body: [
        [
          cell('Patient', patient.name, true),
          cell('Date of birth', birth, false, true),
          cell('Sex', SEX_LABEL[patient.sex], false, true),
          cell('Identifier', patient.identifier.trim() || 'Not recorded'),
        ],
      ],
    },
    layout: {
      fillColor: () => COLORS.panel,
      hLineWidth: () => 0,
      vLineWidth: () => 0,
      paddingLeft: () => 6,
      paddingRight: () => 6,
      paddingTop: () => 5,
      paddingBottom: () => 5,
    },
    margin: [0, 0, 0, 4],
  };
}

function historyBlocks(encounter: Encounter, kb: ReferralKnowledgeBase): Block[] {
  const blocks = paragraphs(encounter.complaint.trim() || 'No presenting complaint recorded.');
  const pain = encounter.pain;
  if (pain !== null) {
    const parts = [
      pain.intensity !== undefined ? `intensity ${pain.intensity}/10` : null,
      pain.duration?.trim() ? `duration ${pain.duration.trim()}` : null,
      pain.side !== undefined ? SIDE_LABEL[pain.side] : null,
    ].filter((p) => p !== null);
    if (parts.length > 0) blocks.push(block({ text: [{ text: 'Pain: ', bold: true }, parts.join('; ')], margin: [0, 3, 0, 0] }, 100));
  }
  if (encounter.workingDiagnosis !== null) {
    blocks.push(block({ text: [{ text: 'Working diagnosis: ', bold: true }, kb.causeLabel(encounter.workingDiagnosis)], margin: [0, 3, 0, 0] }, 100));
  }
  return blocks;
}

function findingsTable(title: string, kb: ReferralKnowledgeBase, ids: readonly string[], none: string): Content {
  const groups = kb.group(ids);
  if (groups.length === 0) return section(title, [block({ text: none, color: COLORS.muted }, none.length)]);
  return sectionTable(
    title,
    [120, '*'],
    null,
    groups.map((g): TableCell[] => [{ text: g.label, style: 'label' }, { text: g.labels.join('; ') }]),
    sizeOf(...(groups[0]?.labels ?? [])),
  );
}

function redFlagBlocks(assessment: StoredAssessment, kb: ReferralKnowledgeBase, citations: Citations): Block[] {
  if (assessment.redFlags.length === 0) return [block({ text: 'No red flags among the recorded findings.', color: COLORS.muted }, 50)];
  return assessment.redFlags.map((flag) => {
    const raisedBy = flag.because.map((id) => kb.findingLabel(id)).join('; ') || 'Not recorded';
    // The guideline criteria met (v2), each with the urgency it calls for.
    const criteria = (flag.criteria ?? []).map((c) => `${c.label} (${URGENCY_LABEL[c.urgency].toLowerCase()})`).join('; ');
    const size = sizeOf(flag.label, raisedBy, flag.action, criteria);
    return block(
      {
        unbreakable: size <= KEEP_TOGETHER_MAX,
        margin: [0, 0, 0, 5],
        stack: [
          { text: [{ text: flag.label, bold: true }, { text: `  ${URGENCY_LABEL[flag.urgency]}`, bold: true, color: COLORS.priority[flag.urgency] }] },
          ...(criteria !== '' ? [{ text: [{ text: 'Criteria met: ', style: 'label' }, criteria] } as Content] : []),
          { text: [{ text: 'Raised by: ', style: 'label' }, raisedBy] },
          { text: [{ text: 'Action: ', style: 'label' }, flag.action, citations.markAtEnd(flag.citation)] },
        ],
      },
      size,
    );
  });
}

function differentialTable(title: string, entries: readonly DifferentialEntry[], kb: ReferralKnowledgeBase): Content {
  if (entries.length === 0) return section(title, [block({ text: 'No cause is ranked: too few findings recorded.', color: COLORS.muted }, 50)]);
  const heads: TableCell[] = [
    { text: '#', style: 'th' },
    { text: 'Cause', style: 'th' },
    { text: 'Likelihood', style: 'th' },
    { text: 'Basis', style: 'th' },
  ];
  const rows = entries.map((e): TableCell[] => [
    { text: String(e.rank), bold: true },
    { stack: [{ text: e.label, bold: true }, ...(e.mustNotMiss ? [{ text: 'Must not miss', color: COLORS.draft, fontSize: 8 } as Content] : [])] },
    { text: likelihood(e), ...(e.evidence === 'none' || e.evidence === 'conflicting' ? { color: COLORS.muted } : {}) },
    { stack: basisLines(e, kb) },
  ]);
  const first = entries[0]!;
  return sectionTable(title, [14, 120, 52, '*'], heads, rows, sizeOf(...first.basis.map((b) => b.reason), ...first.supporting, ...first.against));
}

/**
 * A cause's likelihood in words: what the findings say comes first (v2: nothing recorded bears on
 * it, or evidence on both sides cancels out), as on screen; otherwise its strength.
 */
function likelihood(e: DifferentialEntry): string {
  if (e.evidence === 'none') return 'No findings recorded';
  if (e.evidence === 'conflicting') return 'Conflicting evidence';
  return STRENGTH_LABEL[e.strength];
}

/**
 * The reasons for and against a cause, each side as one paragraph: dense, and in the engine's order.
 * An observation counted under another rule (v2) is not listed again; a must-not-miss cause kept in
 * view says why.
 */
function basisLines(entry: DifferentialEntry, kb: ReferralKnowledgeBase): Content[] {
  const counted = entry.basis.filter((b) => b.countedIn === undefined);
  const forReasons = entry.basis.length > 0 ? counted.filter((b) => b.weight >= 0).map((b) => b.reason) : entry.supporting.map((id) => kb.findingLabel(id));
  const againstReasons = entry.basis.length > 0 ? counted.filter((b) => b.weight < 0).map((b) => b.reason) : entry.against.map((id) => kb.findingLabel(id));
  const lines: Content[] = [];
  if (entry.keptVisible !== undefined) lines.push({ text: [{ text: 'Kept in view: ', bold: true }, entry.keptVisible.reason] });
  if (forReasons.length > 0) lines.push({ text: [{ text: 'For: ', color: COLORS.signed, bold: true }, forReasons.join('; ')] });
  if (againstReasons.length > 0) lines.push({ text: [{ text: 'Against: ', color: COLORS.draft, bold: true }, againstReasons.join('; ')] });
  return lines.length > 0 ? lines : [{ text: 'No recorded finding bears on this cause.', color: COLORS.muted }];
}

/**
 * The Wells score is printed when DVT is in question. An assessment that says whether the score
 * applies (v2) decides; if it does not apply, the letter says so in one line only when the clinician
 * made DVT the working diagnosis. For an assessment stored before that (v1): when the score says DVT
 * is likely, DVT is the working diagnosis, or DVT is in the printed differential as more than unlikely.
 */
function wellsRelevant(encounter: Encounter, shown: readonly DifferentialEntry[]): boolean {
  const applies = encounter.assessment.scores.wellsDvt.applies;
  if (applies !== undefined) return applies || encounter.workingDiagnosis === 'dvt';
  return (
    encounter.assessment.scores.wellsDvt.category === 'likely' ||
    encounter.workingDiagnosis === 'dvt' ||
    shown.some((e) => e.cause === 'dvt' && e.strength !== 'unlikely')
  );
}

export const WELLS_NOT_APPLICABLE = 'The Wells score does not apply: nothing recorded raises the question of DVT.';

function wellsBlocks(assessment: StoredAssessment, kb: ReferralKnowledgeBase, citations: Citations): Block[] {
  const w = assessment.scores.wellsDvt;
  if (w.applies === false) return [block({ text: WELLS_NOT_APPLICABLE, color: COLORS.muted }, 60)];
  const points = (n: number): string => `${n > 0 ? '+' : ''}${n}`;
  // Where there was a suggestion or a judgement (v2), the alternative item gets its own line saying
  // whose judgement it is; with neither, it is one more criterion not met.
  const judged = w.alternativeJudgement !== undefined && w.alternativeJudgement.state !== 'none';
  const listed = w.criteria.filter((c) => !(judged && isAlternativeCriterion(c)));
  const met = listed.filter((c) => c.met);
  const notMet = listed.filter((c) => !c.met).map((c) => `${c.label} (${points(c.points)})`);
  const blocks: Block[] = [block({ text: `${w.points} ${Math.abs(w.points) === 1 ? 'point' : 'points'}: DVT ${w.category}`, bold: true }, 30)];
  // Met and not met as two lines of text rather than a table: the same items, a third of the height.
  if (met.length > 0) {
    const metText = met.map((c) => `${c.label} (${points(c.points)})`);
    blocks.push(block({ text: [{ text: 'Met: ', style: 'label' }, metText.join('; ')], margin: [0, 2, 0, 0] }, sizeOf(...metText)));
  }
  if (notMet.length > 0) blocks.push(block({ text: [{ text: 'Not met: ', style: 'label' }, { text: notMet.join('; '), color: COLORS.muted }] }, sizeOf(...notMet)));
  const alternative = w.criteria.find(isAlternativeCriterion);
  const sentence = judged ? wellsAlternativeSentence(w, kb) : null;
  if (alternative !== undefined && sentence !== null) {
    const head = `${alternative.label}: ${alternative.met ? `met (${points(alternative.points)})` : 'not met'}. `;
    blocks.push(block({ text: [{ text: 'Alternative diagnosis: ', style: 'label' }, head, sentence], margin: [0, 2, 0, 0] }, sizeOf(head, sentence)));
  }
  blocks.push(block({ text: [{ text: 'Next step: ', style: 'label' }, w.nextStep, citations.markAtEnd(w.citation)], margin: [0, 3, 0, 0] }, w.nextStep.length));
  return blocks;
}

function imagingBlocks(assessment: StoredAssessment, kb: ReferralKnowledgeBase, citations: Citations): Block[] {
  const item = (title: Content, forLabel: string, causes: readonly string[], rationale: string, citation: Citation): Block => {
    const forText = causes.map((id) => kb.causeLabel(id)).join('; ');
    const size = sizeOf(forText, rationale);
    return block(
      {
        unbreakable: size <= KEEP_TOGETHER_MAX,
        margin: [0, 0, 0, 5],
        stack: [
          title,
          ...(causes.length > 0 ? [{ text: [{ text: `${forLabel}: `, style: 'label' }, forText] } as Content] : []),
          { text: [{ text: 'Rationale: ', style: 'label' }, rationale, citations.markAtEnd(citation)] },
        ],
      },
      size,
    );
  };
  const blocks = [
    ...assessment.imaging.map((img) =>
      item(
        { text: [{ text: img.label, bold: true }, { text: `  ${URGENCY_LABEL[img.urgency]}`, bold: true, color: COLORS.priority[img.urgency] }] },
        'To confirm or exclude',
        img.for,
        img.rationale,
        img.citation,
      ),
    ),
    ...assessment.investigations.map((test) =>
      item(
        test.urgency === undefined
          ? { text: test.label, bold: true }
          : { text: [{ text: test.label, bold: true }, { text: `  ${URGENCY_LABEL[test.urgency]}`, bold: true, color: COLORS.priority[test.urgency] }] },
        'For',
        test.for,
        test.rationale,
        test.citation,
      ),
    ),
  ];
  return blocks.length > 0 ? blocks : [block({ text: 'No imaging or other investigation suggested by the assessment.', color: COLORS.muted }, 60)];
}

function notesBlocks(encounter: Encounter & { readonly addenda?: readonly Addendum[] }, additions: string, timeZone: string, generalNotes: boolean): Block[] {
  const blocks: Block[] = [];
  if (generalNotes && encounter.notes.trim() !== '') blocks.push(...paragraphs(encounter.notes));
  for (const addendum of encounter.addenda ?? []) {
    blocks.push(block({ text: `Addendum, ${formatDateTime(addendum.createdAt, timeZone)}, ${addendum.author}`, style: 'label', margin: [0, 6, 0, 0] }, 60));
    blocks.push(...paragraphs(addendum.text));
  }
  if (additions.trim() !== '') {
    blocks.push(block({ text: 'Added for this referral', style: 'label', margin: [0, 6, 0, 0] }, 30));
    blocks.push(...paragraphs(additions));
  }
  return blocks;
}

function signatureBlock(referrer: Referrer, encounter: Encounter, timeZone: string): Content {
  const signed = encounter.status === 'signed';
  const stack: Content[] = [{ text: 'Yours sincerely,', margin: [0, 0, 0, signed ? 4 : 18] }];
  if (signed) {
    stack.push({
      text: `Electronically signed by ${encounter.signedBy ?? referrer.name}${encounter.signedAt ? ` on ${formatDateTime(encounter.signedAt, timeZone)}` : ''}`,
      bold: true,
      color: COLORS.signed,
      margin: [0, 0, 0, 4],
    });
  } else {
    stack.push({ canvas: [{ type: 'line', x1: 0, y1: 0, x2: 200, y2: 0, lineWidth: 0.5, lineColor: COLORS.text }] });
    stack.push({ text: 'Not signed: draft', bold: true, color: COLORS.draft, margin: [0, 2, 0, 4] });
  }
  stack.push({ text: referrer.name, bold: true });
  const roleAndPractice = [referrer.role, referrer.practice].filter((l) => l.trim() !== '').join(', ');
  for (const line of [roleAndPractice, referrer.contact]) if (line.trim() !== '') stack.push({ text: line });
  // Bounded by the profile's field lengths, so it always fits on one page.
  return { stack, unbreakable: true, margin: [0, 12, 0, 0] };
}

/** The sources in a smaller type, one line each where they fit: reference material, not the letter's message. */
function sourcesBlock(titles: readonly string[]): Content {
  return section(
    'Sources cited',
    titles.map((t, i) =>
      block({ columns: [{ text: `[${i + 1}]`, width: 16, style: 'source' }, { text: t, style: 'source' }], margin: [0, 0.5, 0, 0] }, t.length),
    ),
  );
}

// ---------------------------------------------------------------- draft mark

/**
 * "DRAFT" across each page of an unsigned letter, drawn as strokes rather than text: pdfmake's
 * watermark is a line of text, whose letters text extraction and screen readers read into the
 * letter's own words (pdftotext put them between the red flags). Strokes are not text.
 * Letters on a 60 × 100 grid, y down, 28 apart; each polyline is one stroke.
 */
const DRAFT_STROKES: readonly (readonly [number, number][])[] = [
  // D
  [[0, 0], [38, 0], [60, 22], [60, 78], [38, 100], [0, 100], [0, 0]],
  // R
  [[0, 100], [0, 0], [42, 0], [60, 15], [60, 37], [42, 52], [0, 52]],
  [[30, 52], [60, 100]],
  // A
  [[0, 100], [30, 0], [60, 100]],
  [[12, 62], [48, 62]],
  // F
  [[60, 0], [0, 0], [0, 100]],
  [[0, 48], [45, 48]],
  // T
  [[0, 0], [60, 0]],
  [[30, 0], [30, 100]],
];
/** Which letter (0 to 4) each stroke belongs to, for its offset along the word. */
const DRAFT_STROKE_LETTER = [0, 1, 1, 2, 2, 3, 3, 4, 4] as const;

function draftMark(): Content {
  const pitch = 88;
  const wordWidth = 4 * pitch + 60;
  const scale = 1.15;
  const angle = (-40 * Math.PI) / 180;
  const [cos, sin] = [Math.cos(angle), Math.sin(angle)];
  const centre = { x: A4.width / 2, y: A4.height / 2 };
  const place = ([x, y]: readonly [number, number], letter: number) => {
    const lx = (x + letter * pitch - wordWidth / 2) * scale;
    const ly = (y - 50) * scale;
    return { x: centre.x + lx * cos - ly * sin, y: centre.y + lx * sin + ly * cos };
  };
  return {
    absolutePosition: { x: 0, y: 0 },
    canvas: DRAFT_STROKES.map((points, i) => ({
      type: 'polyline' as const,
      points: points.map((p) => place(p, DRAFT_STROKE_LETTER[i]!)),
      lineWidth: 16,
      lineColor: COLORS.draft,
      strokeOpacity: 0.07,
      lineCap: 'round' as const,
      lineJoin: 'round' as const,
    })),
  };
}
