import { z } from 'zod';
import { absoluteFilePath } from './paths.ts';
import { EncounterId, ReferralPriority, ReferralSectionChoices, Revision } from './encounter.ts';

export { chosenPriority, effectivePriority, PriorityRank, suggestPriority, type PrioritySuggestion } from './referral-priority.ts';

/**
 * The referral letter's options: which optional sections it prints, the clinician's wording and
 * the priority they chose. Everything defaults, so `{}` is a complete set of options; the main
 * process fills the wording from the encounter when the clinician has not edited it.
 */

const text = (max: number) => z.string().max(max, `Keep this under ${max} characters`);

const isTimeZone = (tz: string): boolean => {
  try {
    new Intl.DateTimeFormat('en-GB', { timeZone: tz });
    return true;
  } catch {
    return false;
  }
};

/** The optional sections of the letter; all are printed unless the clinician leaves them out. */
export const ReferralSections = z.object({
  /** Presenting complaint, pain and working diagnosis. */
  history: z.boolean().default(true),
  findings: z.boolean().default(true),
  /** Pertinent negatives: findings checked and found absent. */
  negatives: z.boolean().default(true),
  redFlags: z.boolean().default(true),
  differential: z.boolean().default(true),
  /** The Wells score, printed only where it is relevant (DVT in the printed differential, or DVT likely). */
  wells: z.boolean().default(true),
  imaging: z.boolean().default(true),
  treatment: z.boolean().default(true),
  notes: z.boolean().default(true),
  signature: z.boolean().default(true),
  // The same sections as an encounter's stored choices, no more, no fewer.
} satisfies Record<keyof ReferralSectionChoices, unknown>);
export type ReferralSections = z.infer<typeof ReferralSections>;
export const REFERRAL_SECTION_NAMES = Object.keys(ReferralSections.shape) as (keyof ReferralSections)[];

/** How many causes of the differential a letter lists when nobody chose: three keeps a typical letter to two pages. */
export const DEFAULT_DIFFERENTIAL_TOP = 3;

/**
 * Options of one rendering. A choice left out here follows what the encounter stores
 * (`Referral.sections`, `priorityChosen`, `differentialTop`, `additions`), else the default.
 */
export const ReferralOptions = z.object({
  /** Sections printed (true) or left out (false) in this letter; a section not named follows the encounter. */
  sections: ReferralSectionChoices.optional(),
  /** How many causes of the differential the letter lists, best first. */
  differentialTop: z.number().int().min(1, 'List at least one cause').max(10, 'List at most ten causes').optional(),
  /** The clinician's choice; without it the encounter's chosen priority, else the suggested one (see effectivePriority). */
  priority: ReferralPriority.optional(),
  recipient: text(300).optional(),
  reason: text(4000).optional(),
  question: text(4000).optional(),
  treatmentTried: text(4000).optional(),
  /** Free text printed under Notes (an empty string prints none). */
  additions: text(20_000).optional(),
  /** The date the letter carries; without it, the date the patient was seen. Fixed input keeps the document reproducible. */
  printedAt: z.iso.datetime({ offset: true }).optional(),
  /** IANA time zone for the dates printed; the main process fills in the computer's own. */
  timeZone: z.string().max(100).refine(isTimeZone, 'Unknown time zone').optional(),
});
export type ReferralOptions = z.infer<typeof ReferralOptions>;
export type ReferralOptionsInput = z.input<typeof ReferralOptions>;

/** The sections a letter prints: the first choice made among `choices` (this letter's, then the encounter's), else printed. */
export function resolveSections(...choices: (ReferralSectionChoices | undefined)[]): ReferralSections {
  const out = {} as ReferralSections;
  for (const name of REFERRAL_SECTION_NAMES) out[name] = choices.find((c) => c?.[name] !== undefined)?.[name] ?? true;
  return out;
}

/** An absolute path to a PDF file on Windows, macOS or Linux (chosen in the save dialog). */
export const PdfPath = absoluteFilePath('Choose where to save the referral', 'Choose a full path for the referral file on this computer').refine(
  (p) => /\.pdf$/i.test(p),
  'The referral file name must end in .pdf',
);

export const ReferralRequest = z.object({
  id: EncounterId,
  /** The revision the clinician is looking at; if the encounter has moved on, the call fails with a conflict. */
  revision: Revision.optional(),
  options: ReferralOptions.prefault({}),
});
export type ReferralRequest = z.infer<typeof ReferralRequest>;

export const ReferralExportRequest = ReferralRequest.extend({
  path: PdfPath,
  /** Replace an existing file; the app asks the clinician first. */
  overwrite: z.boolean().default(false),
});
export type ReferralExportRequest = z.infer<typeof ReferralExportRequest>;

export const Sha256 = z.string().regex(/^[0-9a-f]{64}$/);

/** The letter's wording fields the clinician can edit (each also an option of ReferralOptions). */
export const ReferralWording = z.object({
  recipient: z.string(),
  reason: z.string(),
  question: z.string(),
  treatmentTried: z.string(),
});
export type ReferralWording = z.infer<typeof ReferralWording>;

export const ReferralSuggestion = z.object({
  suggestedPriority: ReferralPriority,
  because: z.array(z.string()),
  /** Options filled with the default wording and priority, ready for the referral form. */
  options: ReferralOptions,
  /**
   * What the letter prints for a field the clinician leaves empty, from the assessment alone
   * (ignoring wording stored with the encounter), so a form can offer "use the suggested wording".
   */
  defaults: ReferralWording.optional(),
});
export type ReferralSuggestion = z.infer<typeof ReferralSuggestion>;

export const ReferralPreview = z.object({
  /** The PDF itself; JSON carries bytes as base64 (IPC and the loopback bridge alike). */
  pdfBase64: z.string(),
  pages: z.number().int().min(1),
  bytes: z.number().int().min(1),
  sha256: Sha256,
  /**
   * What the letter lacks before it can be signed and sent ("the recipient (who the letter is
   * for)", "the reason for referral"); the letter says so too, and referral.export refuses it.
   */
  missing: z.array(z.string()).optional(),
});
export type ReferralPreview = z.infer<typeof ReferralPreview>;

export const ReferralExported = z.object({
  path: z.string(),
  pages: z.number().int().min(1),
  bytes: z.number().int().min(1),
  sha256: Sha256,
});
export type ReferralExported = z.infer<typeof ReferralExported>;

/**
 * Desktop app only (referral.saveAs): the system's save dialog chooses the path. Null when the
 * clinician cancelled the dialog.
 */
export const ReferralSavedAs = ReferralExported.nullable();
export type ReferralSavedAs = z.infer<typeof ReferralSavedAs>;

/** Desktop app only (referral.open): a referral file saved in this session, to open in the system's PDF viewer. */
export const ReferralOpenRequest = z.object({ path: PdfPath });
export type ReferralOpenRequest = z.infer<typeof ReferralOpenRequest>;
export const ReferralOpened = z.object({ opened: z.literal(true) });

/** What the loopback bridge answers to the desktop-only methods (no save dialog, no file opening there). */
export const DESKTOP_ONLY_MESSAGE = 'Saving to a chosen folder works in the desktop app; use Download here.';

/**
 * The suggested file name of a letter: the patient's name and the day they were seen, in the
 * given time zone, e.g. "referral-Ada-Example-2026-11-25.pdf". Letters and digits of any script
 * are kept; everything else becomes a hyphen, so the name is valid on every file system.
 */
export function referralFileName(patientName: string, seenAt: string, timeZone?: string): string {
  const who = patientName.normalize('NFC').replace(/[^\p{L}\p{N}]+/gu, '-').replace(/^-|-$/g, '').slice(0, 80);
  // en-CA formats a calendar date as YYYY-MM-DD.
  const day = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date(seenAt));
  return `referral-${who || 'patient'}-${day}.pdf`;
}
