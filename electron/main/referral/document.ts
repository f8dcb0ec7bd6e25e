import type { Content, CustomTableLayout, TableCell, TDocumentDefinitions } from 'pdfmake/interfaces.js';
import type { Addendum, Encounter } from '../../../shared/api/encounter.ts';
import type { ClinicianProfile } from '../../../shared/api/profile.ts';
import type { ReferralOptions } from '../../../shared/api/referral.ts';
import type { Citation, DifferentialEntry, StoredAssessment } from '../../../shared/clinical/assessment.ts';
import { ageAt, formatCalendarDate, formatDate, formatDateTime, formatGivenDate } from './format.ts';
import { referralKnowledgeBase, type KnowledgeBaseLike, type ReferralKnowledgeBase } from './kb.ts';
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

const PAGE_MARGINS: [number, number, number, number] = [50, 66, 50, 60];
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
      `${APP_NAME} ${appVersion} · knowledge base ${encounter.assessment.knowledgeBase} · ` +
      `encounter ${encounter.id} revision ${encounter.revision}`,
  };
}

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
    addressBlock(referrer, resolved, letterDate, encounter, timeZone),
    patientPanel(encounter, timeZone),
    section('Reason for referral', paragraphs(resolved.wording.reason)),
    section('Clinical question', paragraphs(resolved.wording.question)),
  ];
  if (sections.history) content.push(section('Presenting complaint and history', historyBlocks(encounter, kb)));
  if (sections.findings) content.push(findingsTable('Findings present', kb, encounter.findings, 'No findings recorded.'));
  if (sections.negatives) {
    content.push(findingsTable('Pertinent negatives (checked and absent)', kb, encounter.absent, 'None recorded.'));
  }
  if (sections.redFlags) content.push(section('Red flags', redFlagBlocks(assessment, kb, citations)));
  if (sections.differential) content.push(differentialTable(`Differential diagnosis (top ${differentialTop})`, shown, kb));
  if (sections.wells && wellsRelevant(encounter, shown)) content.push(section('Wells score for DVT', wellsBlocks(assessment, citations)));
  if (sections.imaging) content.push(section('Imaging and investigations suggested', imagingBlocks(assessment, kb, citations)));
  if (sections.treatment) content.push(section('Treatment tried', paragraphs(resolved.wording.treatmentTried || 'None recorded.')));
  if (sections.notes) {
    const notes = notesBlocks(encounter, resolved.additions, timeZone);
    if (notes.length > 0) content.push(section('Notes', notes));
  }
  if (sections.signature) content.push(signatureBlock(referrer, encounter, timeZone));
  if (citations.titles.length > 0) content.push(sourcesBlock(citations.titles));

  return {
    pageSize: 'A4',
    pageMargins: PAGE_MARGINS,
    language: 'en-GB',
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
    defaultStyle: { font: 'Roboto', fontSize: 9.5, lineHeight: 1.15, color: COLORS.text },
    styles: {
      title: { fontSize: 18, bold: true },
      h2: { fontSize: 11, bold: true, margin: [0, 10, 0, 3] },
      label: { color: COLORS.muted, fontSize: 8.5 },
      small: { fontSize: 8, color: COLORS.muted },
      th: { bold: true, fontSize: 8.5, color: COLORS.muted },
    },
    header: (currentPage, pageCount) => ({
      margin: [PAGE_MARGINS[0], 28, PAGE_MARGINS[2], 0],
      stack: [
        {
          columns: [
            { text: facts.patientLine, bold: true, fontSize: 9 },
            { text: `Page ${currentPage} of ${pageCount}`, alignment: 'right', fontSize: 9, width: 90 },
          ],
        },
        { canvas: [{ type: 'line', x1: 0, y1: 4, x2: A4.width - PAGE_MARGINS[0] - PAGE_MARGINS[2], y2: 4, lineWidth: 0.5, lineColor: COLORS.rule }] },
      ],
    }),
    footer: () => ({
      margin: [PAGE_MARGINS[0], 16, PAGE_MARGINS[2], 0],
      stack: [
        { text: facts.statusLine, bold: true, fontSize: 8.5, color: signed ? COLORS.signed : COLORS.draft },
        { text: facts.provenanceLine, fontSize: 7.5, color: COLORS.muted },
      ],
    }),
    ...(signed ? {} : { watermark: { text: 'DRAFT', color: COLORS.draft, opacity: 0.07, bold: true } }),
    content,
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

/**
 * A table under a section heading. The heading (and the column headings) are the table's header
 * rows: pdfmake keeps them with the first row and repeats them on a page the table runs onto.
 */
function sectionTable(title: string, widths: (number | string)[], columnHeads: TableCell[] | null, rows: TableCell[][]): Content {
  const span = widths.length;
  const headingRow: TableCell[] = [
    { text: title, style: 'h2', colSpan: span, margin: [0, 8, 0, 1] },
    ...Array.from({ length: span - 1 }, (): TableCell => ({ text: '' })),
  ];
  const headerRows = columnHeads === null ? 1 : 2;
  return {
    table: {
      widths,
      headerRows,
      keepWithHeaderRows: 1,
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
        row('To', { text: resolved.wording.recipient || 'Recipient not specified', color: resolved.wording.recipient === '' ? COLORS.muted : COLORS.text }),
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
  const cell = (label: string, value: string, bold = false): TableCell => ({
    stack: [
      { text: label, style: 'label' },
      { text: value, bold },
    ],
  });
  return {
    table: {
      widths: ['*', '*', 'auto', '*'],
      body: [
        [
          cell('Patient', patient.name, true),
          cell('Date of birth', birth),
          cell('Sex', SEX_LABEL[patient.sex]),
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
  );
}

function redFlagBlocks(assessment: StoredAssessment, kb: ReferralKnowledgeBase, citations: Citations): Block[] {
  if (assessment.redFlags.length === 0) return [block({ text: 'No red flags among the recorded findings.', color: COLORS.muted }, 50)];
  return assessment.redFlags.map((flag) => {
    const raisedBy = flag.because.map((id) => kb.findingLabel(id)).join('; ') || 'Not recorded';
    const size = sizeOf(flag.label, raisedBy, flag.action);
    return block(
      {
        unbreakable: size <= KEEP_TOGETHER_MAX,
        margin: [0, 0, 0, 5],
        stack: [
          { text: [{ text: flag.label, bold: true }, { text: `  ${URGENCY_LABEL[flag.urgency]}`, bold: true, color: COLORS.priority[flag.urgency] }] },
          { text: [{ text: 'Raised by: ', style: 'label' }, raisedBy] },
          { text: [{ text: 'Action: ', style: 'label' }, flag.action] },
          citations.mark(flag.citation),
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
    { text: STRENGTH_LABEL[e.strength] },
    { stack: basisLines(e, kb) },
  ]);
  return sectionTable(title, [14, 120, 52, '*'], heads, rows);
}

/** The reasons for and against a cause, each side as one paragraph: dense, and in the engine's order. */
function basisLines(entry: DifferentialEntry, kb: ReferralKnowledgeBase): Content[] {
  const forReasons = entry.basis.length > 0 ? entry.basis.filter((b) => b.weight >= 0).map((b) => b.reason) : entry.supporting.map((id) => kb.findingLabel(id));
  const againstReasons = entry.basis.length > 0 ? entry.basis.filter((b) => b.weight < 0).map((b) => b.reason) : entry.against.map((id) => kb.findingLabel(id));
  const lines: Content[] = [];
  if (forReasons.length > 0) lines.push({ text: [{ text: 'For: ', color: COLORS.signed, bold: true }, forReasons.join('; ')] });
  if (againstReasons.length > 0) lines.push({ text: [{ text: 'Against: ', color: COLORS.draft, bold: true }, againstReasons.join('; ')] });
  return lines.length > 0 ? lines : [{ text: 'No recorded finding bears on this cause.', color: COLORS.muted }];
}

/**
 * The Wells score applies only when DVT is suspected: the score says DVT is likely, DVT is the
 * working diagnosis, or DVT is in the printed differential as more than unlikely.
 */
function wellsRelevant(encounter: Encounter, shown: readonly DifferentialEntry[]): boolean {
  return (
    encounter.assessment.scores.wellsDvt.category === 'likely' ||
    encounter.workingDiagnosis === 'dvt' ||
    shown.some((e) => e.cause === 'dvt' && e.strength !== 'unlikely')
  );
}

function wellsBlocks(assessment: StoredAssessment, citations: Citations): Block[] {
  const w = assessment.scores.wellsDvt;
  const points = (n: number): string => `${n > 0 ? '+' : ''}${n}`;
  const met = w.criteria.filter((c) => c.met);
  const notMet = w.criteria.filter((c) => !c.met).map((c) => `${c.label} (${points(c.points)})`);
  const blocks: Block[] = [block({ text: `${w.points} ${Math.abs(w.points) === 1 ? 'point' : 'points'}: DVT ${w.category}`, bold: true }, 30)];
  if (met.length > 0) {
    blocks.push(
      block(
        {
          margin: [0, 3, 0, 3],
          table: {
            headerRows: 1,
            widths: ['*', 40],
            body: [
              [
                { text: 'Criteria met', style: 'th' },
                { text: 'Points', style: 'th', alignment: 'right' },
              ],
              ...met.map((c): TableCell[] => [{ text: c.label }, { text: points(c.points), alignment: 'right' }]),
            ],
          },
          layout: rowsLayout(1),
        },
        met.length * 80,
      ),
    );
  }
  if (notMet.length > 0) blocks.push(block({ text: [{ text: 'Not met: ', style: 'label' }, { text: notMet.join('; '), color: COLORS.muted }] }, sizeOf(...notMet)));
  blocks.push(block({ stack: [{ text: [{ text: 'Next step: ', style: 'label' }, w.nextStep] }, citations.mark(w.citation)], margin: [0, 3, 0, 0] }, w.nextStep.length));
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
          { text: [{ text: 'Rationale: ', style: 'label' }, rationale] },
          citations.mark(citation),
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
    ...assessment.investigations.map((test) => item({ text: test.label, bold: true }, 'For', test.for, test.rationale, test.citation)),
  ];
  return blocks.length > 0 ? blocks : [block({ text: 'No imaging or other investigation suggested by the assessment.', color: COLORS.muted }, 60)];
}

function notesBlocks(encounter: Encounter & { readonly addenda?: readonly Addendum[] }, additions: string, timeZone: string): Block[] {
  const blocks: Block[] = [];
  if (encounter.notes.trim() !== '') blocks.push(...paragraphs(encounter.notes));
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
  const stack: Content[] = [{ text: 'Yours sincerely,', margin: [0, 0, 0, signed ? 4 : 24] }];
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

function sourcesBlock(titles: readonly string[]): Content {
  return section(
    'Sources cited',
    titles.map((t, i) =>
      block({ columns: [{ text: `[${i + 1}]`, width: 18, style: 'small' }, { text: t, style: 'small' }], margin: [0, 1, 0, 0] }, t.length),
    ),
  );
}
