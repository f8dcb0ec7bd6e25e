import type { Content, ContentTable, TableCell, TDocumentDefinitions } from 'pdfmake/interfaces.js';
import type { Addendum, Encounter } from '../../../shared/api/encounter.ts';
import type { ClinicianProfile } from '../../../shared/api/profile.ts';
import type { ReferralOptions } from '../../../shared/api/referral.ts';
import type { Citation, DifferentialEntry, StoredAssessment } from '../../../shared/clinical/assessment.ts';
import { ageAt, formatCalendarDate, formatDate, formatDateTime } from './format.ts';
import { referralKnowledgeBase, type KnowledgeBaseLike, type ReferralKnowledgeBase } from './kb.ts';
import { resolveReferral, type ResolvedReferral } from './wording.ts';

/**
 * The referral letter as a pdfmake document definition: a pure function of the encounter
 * revision, the clinician profile, the chosen options, the app version and the knowledge base
 * (for labels and groups). No clock, no file system: the same inputs give the same definition,
 * and, because the PDF's dates come from the input, the same bytes.
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

/** What the header and footer print on every page, kept for tests and for the HTML rendering. */
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

const PAGE_MARGINS: [number, number, number, number] = [50, 72, 50, 64];
const A4 = { width: 595.28, height: 841.89 } as const;
/** Style name of the header and footer nodes, so the page-break rule can tell them from content. */
const FURNITURE = 'pageFurniture';

export function referralFacts(input: ReferralInput): ReferralFacts {
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
  const timeZone = options.timeZone ?? 'UTC';
  const resolved = resolveReferral(encounter, options, kb);
  const facts = referralFacts(input);
  const signed = encounter.status === 'signed';
  const letterDate = options.printedAt ?? encounter.seenAt;
  const referrer = referrerLines(input);
  const { sections } = options;
  const assessment = encounter.assessment;
  const shownDifferential = assessment.differential.slice(0, options.differentialTop);

  const content: Content[] = [
    titleBlock(resolved, signed),
    addressBlock(referrer, resolved, letterDate, encounter.seenAt, timeZone),
    patientPanel(encounter, timeZone),
    section('Reason for referral', paragraph(resolved.wording.reason)),
    section('Clinical question', paragraph(resolved.wording.question)),
  ];
  if (sections.history) content.push(section('Presenting complaint and history', historyBlock(encounter, kb)));
  if (sections.findings) content.push(section('Findings present', findingGroups(kb, encounter.findings, 'No findings recorded.')));
  if (sections.negatives) {
    content.push(section('Pertinent negatives (checked and absent)', findingGroups(kb, encounter.absent, 'None recorded.')));
  }
  if (sections.redFlags) content.push(section('Red flags', redFlagsBlock(assessment, kb)));
  if (sections.differential) {
    content.push(section(`Differential diagnosis (top ${shownDifferential.length || options.differentialTop})`, differentialBlock(shownDifferential, kb)));
  }
  if (sections.wells && wellsRelevant(assessment, shownDifferential)) content.push(section('Wells score for DVT', wellsBlock(assessment)));
  if (sections.imaging) content.push(section('Imaging and investigations suggested', imagingBlock(assessment, kb)));
  if (sections.treatment) content.push(section('Treatment tried', paragraph(resolved.wording.treatmentTried || 'None recorded.')));
  if (sections.notes) {
    const notes = notesBlock(encounter, resolved.additions, timeZone);
    if (notes.length > 0) content.push(section('Notes', notes));
  }
  if (sections.signature) content.push(signatureBlock(referrer, encounter, timeZone));

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
      h2: { fontSize: 11, bold: true, margin: [0, 12, 0, 4] },
      label: { color: COLORS.muted, fontSize: 8.5 },
      small: { fontSize: 8, color: COLORS.muted },
      th: { bold: true, fontSize: 8.5, color: COLORS.muted },
      [FURNITURE]: {},
    },
    header: (currentPage, pageCount) => ({
      margin: [PAGE_MARGINS[0], 30, PAGE_MARGINS[2], 0],
      style: FURNITURE,
      stack: [
        {
          style: FURNITURE,
          columns: [
            { text: facts.patientLine, bold: true, fontSize: 9, style: FURNITURE },
            { text: `Page ${currentPage} of ${pageCount}`, alignment: 'right', fontSize: 9, width: 90, style: FURNITURE },
          ],
        },
        {
          style: FURNITURE,
          canvas: [{ type: 'line', x1: 0, y1: 4, x2: A4.width - PAGE_MARGINS[0] - PAGE_MARGINS[2], y2: 4, lineWidth: 0.5, lineColor: COLORS.rule }],
        },
      ],
    }),
    footer: () => ({
      margin: [PAGE_MARGINS[0], 18, PAGE_MARGINS[2], 0],
      style: FURNITURE,
      stack: [
        { text: facts.statusLine, bold: true, fontSize: 8.5, color: signed ? COLORS.signed : COLORS.draft, style: FURNITURE },
        { text: facts.provenanceLine, fontSize: 7.5, color: COLORS.muted, style: FURNITURE },
      ],
    }),
    ...(signed ? {} : { watermark: { text: 'DRAFT', color: COLORS.draft, opacity: 0.08, bold: true } }),
    // Keep a heading with what follows it: never the last line of a page. The header and footer
    // are nodes of the page too (marked with the FURNITURE style), so they do not count.
    pageBreakBefore: (node, queries) =>
      node.headlineLevel === 1 && !queries.getFollowingNodesOnPage().some((n) => n.style !== FURNITURE),
    content,
  };
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

const paragraph = (text: string): Content => ({ text, preserveLeadingSpaces: true });

function section(title: string, body: Content): Content {
  return [{ text: title, style: 'h2', headlineLevel: 1 }, body];
}

function titleBlock(resolved: ResolvedReferral, signed: boolean): Content {
  const color = COLORS.priority[resolved.priority];
  const stack: Content[] = [
    {
      columns: [
        { text: 'Referral letter', style: 'title' },
        {
          width: 'auto',
          table: { body: [[{ text: `${PRIORITY_LABEL[resolved.priority]} PRIORITY`, bold: true, color: '#ffffff', fillColor: color, margin: [6, 3, 6, 2] }]] },
          layout: 'noBorders',
        },
      ],
    },
  ];
  if (!signed) {
    stack.push({ text: 'DRAFT: this encounter has not been signed.', bold: true, color: COLORS.draft, margin: [0, 4, 0, 0] });
  }
  return { stack, margin: [0, 0, 0, 10] };
}

function addressBlock(referrer: Referrer, resolved: ResolvedReferral, letterDate: string, seenAt: string, timeZone: string): Content {
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
  return {
    table: {
      widths: [70, '*'],
      body: [
        row('From', { text: from }),
        row('To', { text: resolved.wording.recipient || 'Recipient not specified', italics: resolved.wording.recipient === '' }),
        row('Date', { text: formatDate(letterDate, timeZone) }),
        row('Seen on', { text: formatDateTime(seenAt, timeZone) }),
        row('Priority', { text: priorityText }),
      ],
    },
    layout: 'noBorders',
    margin: [0, 0, 0, 8],
  };
}

function patientPanel(encounter: Encounter, timeZone: string): Content {
  const { patient } = encounter;
  const age = patient.birthDate === null ? null : ageAt(patient.birthDate, encounter.seenAt, timeZone);
  const birth = patient.birthDate === null ? 'Not recorded' : `${formatCalendarDate(patient.birthDate)}${age ? ` (age ${age})` : ''}`;
  const cell = (label: string, value: string): TableCell => ({
    stack: [
      { text: label, style: 'label' },
      { text: value, bold: label === 'Patient' },
    ],
  });
  return {
    table: {
      widths: ['*', '*', 'auto', '*'],
      body: [
        [
          cell('Patient', patient.name),
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

function historyBlock(encounter: Encounter, kb: ReferralKnowledgeBase): Content {
  const lines: Content[] = [];
  lines.push(paragraph(encounter.complaint.trim() || 'No presenting complaint recorded.'));
  const pain = encounter.pain;
  if (pain !== null) {
    const parts = [
      pain.intensity !== undefined ? `intensity ${pain.intensity}/10` : null,
      pain.duration?.trim() ? `duration ${pain.duration.trim()}` : null,
      pain.side !== undefined ? SIDE_LABEL[pain.side] : null,
    ].filter((p) => p !== null);
    if (parts.length > 0) lines.push({ text: [{ text: 'Pain: ', bold: true }, parts.join('; ')], margin: [0, 3, 0, 0] });
  }
  if (encounter.workingDiagnosis !== null) {
    lines.push({ text: [{ text: 'Working diagnosis: ', bold: true }, kb.causeLabel(encounter.workingDiagnosis)], margin: [0, 3, 0, 0] });
  }
  return { stack: lines };
}

function findingGroups(kb: ReferralKnowledgeBase, ids: readonly string[], none: string): Content {
  const groups = kb.group(ids);
  if (groups.length === 0) return { text: none, italics: true };
  return {
    table: {
      widths: [110, '*'],
      dontBreakRows: true,
      body: groups.map((g): TableCell[] => [{ text: g.label, style: 'label' }, { text: g.labels.join('; ') }]),
    },
    layout: 'lightHorizontalLines',
  };
}

const citationText = (c: Citation): string =>
  [c.source ? `Source: ${c.source}` : null, c.reference ? `Reference: ${c.reference}` : null].filter((s) => s !== null).join('. ');

function redFlagsBlock(assessment: StoredAssessment, kb: ReferralKnowledgeBase): Content {
  if (assessment.redFlags.length === 0) return { text: 'No red flags among the recorded findings.', italics: true };
  return {
    stack: assessment.redFlags.map(
      (flag): Content => ({
        unbreakable: true,
        margin: [0, 0, 0, 5],
        stack: [
          { text: [{ text: flag.label, bold: true }, { text: `  ${URGENCY_LABEL[flag.urgency]}`, bold: true, color: COLORS.priority[flag.urgency] }] },
          { text: [{ text: 'Raised by: ', style: 'label' }, flag.because.map((id) => kb.findingLabel(id)).join('; ') || 'Not recorded'] },
          { text: [{ text: 'Action: ', style: 'label' }, flag.action] },
          { text: citationText(flag.citation), style: 'small' },
        ],
      }),
    ),
  };
}

function differentialBlock(entries: readonly DifferentialEntry[], kb: ReferralKnowledgeBase): Content {
  if (entries.length === 0) return { text: 'No cause is ranked: too few findings recorded.', italics: true };
  const header: TableCell[] = [
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
  const table: ContentTable = {
    table: { headerRows: 1, dontBreakRows: true, widths: [12, 110, 52, '*'], body: [header, ...rows] },
    layout: 'lightHorizontalLines',
  };
  return table;
}

function basisLines(entry: DifferentialEntry, kb: ReferralKnowledgeBase): Content[] {
  if (entry.basis.length > 0) {
    return entry.basis.map((b): Content => ({
      text: [{ text: b.weight >= 0 ? 'For: ' : 'Against: ', color: b.weight >= 0 ? COLORS.signed : COLORS.draft, bold: true }, b.reason],
    }));
  }
  const lines: Content[] = [];
  if (entry.supporting.length > 0) lines.push({ text: [{ text: 'For: ', bold: true }, entry.supporting.map((id) => kb.findingLabel(id)).join('; ')] });
  if (entry.against.length > 0) lines.push({ text: [{ text: 'Against: ', bold: true }, entry.against.map((id) => kb.findingLabel(id)).join('; ')] });
  return lines.length > 0 ? lines : [{ text: 'No recorded finding bears on this cause.', italics: true }];
}

/** Wells applies to DVT: print it when DVT is in the printed differential or the score says DVT is likely. */
function wellsRelevant(assessment: StoredAssessment, shown: readonly DifferentialEntry[]): boolean {
  return shown.some((e) => e.cause === 'dvt') || assessment.scores.wellsDvt.category === 'likely';
}

function wellsBlock(assessment: StoredAssessment): Content {
  const w = assessment.scores.wellsDvt;
  const points = (n: number): string => `${n > 0 ? '+' : ''}${n}`;
  return {
    stack: [
      { text: [{ text: `${w.points} ${Math.abs(w.points) === 1 ? 'point' : 'points'}: DVT ${w.category}`, bold: true }] },
      {
        margin: [0, 3, 0, 3],
        table: {
          headerRows: 1,
          dontBreakRows: true,
          widths: ['*', 40, 40],
          body: [
            [
              { text: 'Criterion', style: 'th' },
              { text: 'Points', style: 'th', alignment: 'right' },
              { text: 'Met', style: 'th', alignment: 'center' },
            ],
            ...w.criteria.map((c): TableCell[] => [
              { text: c.label, color: c.met ? COLORS.text : COLORS.muted },
              { text: points(c.points), alignment: 'right', color: c.met ? COLORS.text : COLORS.muted },
              { text: c.met ? 'Yes' : 'No', alignment: 'center', bold: c.met, color: c.met ? COLORS.text : COLORS.muted },
            ]),
          ],
        },
        layout: 'lightHorizontalLines',
      },
      { text: [{ text: 'Next step: ', style: 'label' }, w.nextStep] },
      { text: citationText(w.citation), style: 'small' },
    ],
  };
}

function imagingBlock(assessment: StoredAssessment, kb: ReferralKnowledgeBase): Content {
  const items: Content[] = assessment.imaging.map(
    (img): Content => ({
      unbreakable: true,
      margin: [0, 0, 0, 5],
      stack: [
        { text: [{ text: img.label, bold: true }, { text: `  ${URGENCY_LABEL[img.urgency]}`, bold: true, color: COLORS.priority[img.urgency] }] },
        ...(img.for.length > 0 ? [{ text: [{ text: 'To confirm or exclude: ', style: 'label' }, img.for.map((id) => kb.causeLabel(id)).join('; ')] } as Content] : []),
        { text: [{ text: 'Rationale: ', style: 'label' }, img.rationale] },
        { text: citationText(img.citation), style: 'small' },
      ],
    }),
  );
  for (const test of assessment.investigations) {
    items.push({
      unbreakable: true,
      margin: [0, 0, 0, 5],
      stack: [
        { text: test.label, bold: true },
        ...(test.for.length > 0 ? [{ text: [{ text: 'For: ', style: 'label' }, test.for.map((id) => kb.causeLabel(id)).join('; ')] } as Content] : []),
        { text: [{ text: 'Rationale: ', style: 'label' }, test.rationale] },
        { text: citationText(test.citation), style: 'small' },
      ],
    });
  }
  if (items.length === 0) return { text: 'No imaging or other investigation suggested by the assessment.', italics: true };
  return { stack: items };
}

function notesBlock(encounter: Encounter & { readonly addenda?: readonly Addendum[] }, additions: string, timeZone: string): Content[] {
  const blocks: Content[] = [];
  // One paragraph per line: pdfmake then breaks pages between lines, never through one.
  const lines = (text: string): Content[] => text.replace(/\r\n?/g, '\n').split('\n').map((l) => paragraph(l === '' ? ' ' : l));
  if (encounter.notes.trim() !== '') blocks.push({ stack: lines(encounter.notes) });
  for (const addendum of encounter.addenda ?? []) {
    blocks.push({
      margin: [0, 6, 0, 0],
      stack: [{ text: `Addendum, ${formatDateTime(addendum.createdAt, timeZone)}, ${addendum.author}`, style: 'label' }, ...lines(addendum.text)],
    });
  }
  if (additions.trim() !== '') {
    blocks.push({ margin: [0, 6, 0, 0], stack: [{ text: 'Added for this referral', style: 'label' }, ...lines(additions)] });
  }
  return blocks;
}

function signatureBlock(referrer: Referrer, encounter: Encounter, timeZone: string): Content {
  const signed = encounter.status === 'signed';
  const stack: Content[] = [{ text: 'Yours sincerely,', margin: [0, 0, 0, signed ? 6 : 26] }];
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
  for (const line of [referrer.role, referrer.practice, referrer.contact]) if (line.trim() !== '') stack.push({ text: line });
  return { stack, unbreakable: true, margin: [0, 18, 0, 0] };
}
