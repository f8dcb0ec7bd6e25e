import type { Content, TableCell } from 'pdfmake/interfaces.js';
import type { Encounter } from '../../../shared/api/encounter.ts';
import type { ClinicianProfile } from '../../../shared/api/profile.ts';
import { ageAt, formatCalendarDate, formatDate, formatDateTime, formatGivenDate } from './format.ts';
import { COLORS, missingLine, URGENCY_LABEL } from './layout.ts';
import type { ResolvedReferral } from './wording.ts';

/**
 * What makes the referral a letter: its title and priority, the warning when it is incomplete,
 * who writes to whom and when, about which patient, and the signature.
 */

const PRIORITY_LABEL = { emergency: 'EMERGENCY', urgent: 'URGENT', routine: 'ROUTINE' } as const;
const SEX_LABEL = { female: 'Female', male: 'Male', other: 'Other', unknown: 'Not recorded' } as const;

export interface Referrer {
  readonly name: string;
  readonly role: string;
  readonly practice: string;
  readonly contact: string;
}

export function referrerLines(profile: ClinicianProfile | null, encounter: Encounter): Referrer {
  if (profile !== null) return profile;
  return {
    name: encounter.clinician?.name.trim() || 'Clinician not recorded',
    role: encounter.clinician?.role ?? '',
    practice: '',
    contact: '',
  };
}

/** Words as a sentence lists them: "a", "a and b", "a, b and c". */
export const joinWords = (words: readonly string[]): string => (words.length <= 1 ? (words[0] ?? '') : `${words.slice(0, -1).join(', ')} and ${words.at(-1)!}`);

export function missingBanner(missing: readonly string[]): Content {
  const list = joinWords(missing);
  return {
    table: {
      widths: ['*'],
      body: [[{ text: `Incomplete: add ${list} before this letter is signed and sent.`, bold: true, color: COLORS.draft, margin: [6, 4, 6, 4] }]],
    },
    layout: { hLineColor: () => COLORS.draft, vLineColor: () => COLORS.draft, hLineWidth: () => 1, vLineWidth: () => 1 },
    margin: [0, 0, 0, 8],
  };
}

export function titleBlock(resolved: ResolvedReferral, signed: boolean): Content {
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

export function addressBlock(referrer: Referrer, resolved: ResolvedReferral, letterDate: string, encounter: Encounter, timeZone: string): Content {
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

export function patientPanel(encounter: Encounter, timeZone: string): Content {
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

export function signatureBlock(referrer: Referrer, encounter: Encounter, timeZone: string): Content {
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
