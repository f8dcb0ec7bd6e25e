import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Content, TDocumentDefinitions } from 'pdfmake/interfaces.js';
import { EncounterWithAddenda } from '../../../shared/api/encounter.ts';
import type { ClinicianProfile } from '../../../shared/api/profile.ts';
import { ReferralOptions, type ReferralOptionsInput } from '../../../shared/api/referral.ts';
import { assessForStorage, knowledgeBase, type CaseInput } from '../../../shared/clinical/index.ts';
import type { ReferralInput } from '../../../electron/main/referral/document.ts';
import type { OpenServicesOptions } from '../../../electron/main/services.ts';
import { openTestServices, sampleDraft, type TestServices } from '../helpers.ts';

export const repoRoot = resolve(import.meta.dirname, '../../..');
export const fontDir = join(repoRoot, 'resources', 'fonts');
export const artefactDir = join(repoRoot, 'test-results');
const vignetteDir = resolve(repoRoot, '../shared/vignettes');

export interface Vignette {
  readonly id: string;
  readonly title: string;
  readonly case: CaseInput & { age?: number };
  readonly expect: { topCause: string; redFlags?: string[]; imaging?: string[]; imagingUrgent?: string[]; wellsDvt?: { points: number; category: string } };
}

/** The public vignettes in ../shared/vignettes, or null where that folder is not present. */
export function loadVignettes(): Vignette[] | null {
  if (!existsSync(vignetteDir)) return null;
  return readdirSync(vignetteDir)
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((f) => JSON.parse(readFileSync(join(vignetteDir, f), 'utf8')) as Vignette);
}

/** A DVT presentation (the findings of the public DVT vignette), so tests run without ../shared. */
export const DVT_CASE: CaseInput = {
  age: 52,
  sex: 'female',
  findings: [
    'loc-calf',
    'unilateral',
    'char-aching',
    'calf-swelling',
    'warmth',
    'redness',
    'rf-long-travel-or-immobility',
    'rf-estrogen-medication',
    'ex-calf-swelling-3cm',
    'ex-pitting-edema',
    'ex-deep-vein-tenderness',
  ],
  absent: ['after-intense-activity', 'bruising-calf-ankle'],
};

/** SHA-256 of bytes, in hex, computed here rather than by the code under test. */
export const sha = (b: Uint8Array): string => createHash('sha256').update(b).digest('hex');

export const SEEN_AT = '2026-11-25T10:30:00.000Z';

export const PROFILE: ClinicianProfile = {
  name: 'Dr Sam Reyes',
  role: 'General practitioner',
  practice: 'Riverside Surgery, 1 High Street, Exampletown',
  contact: '01234 567890 · sam.reyes@example.org',
};

/** Real services with the bundled fonts and the test profile, and a DVT draft saved in them. */
export async function servicesWithDvtDraft(
  options: Partial<OpenServicesOptions> = {},
): Promise<{ readonly t: TestServices; readonly id: string; readonly revision: number }> {
  const t = openTestServices({ fontDir, ...options });
  await t.client.profile.save(PROFILE);
  const saved = await t.client.encounter.save(sampleDraft({ findings: DVT_CASE.findings, absent: DVT_CASE.absent }));
  return { t, id: saved.id, revision: saved.revision };
}

export interface EncounterOverrides {
  readonly name?: string;
  readonly identifier?: string;
  readonly status?: 'draft' | 'signed';
  readonly notes?: string;
  readonly complaint?: string;
  readonly workingDiagnosis?: string | null;
  readonly referral?: Record<string, unknown> | null;
  readonly addenda?: { id: string; text: string; createdAt: string; author: string }[];
}

/** An encounter as the store returns it, assessed by the real engine; validated by the contract's schema. */
export function encounterFrom(c: CaseInput & { age?: number }, o: EncounterOverrides = {}): EncounterWithAddenda {
  const age = c.age ?? 52;
  const signed = o.status === 'signed';
  return EncounterWithAddenda.parse({
    id: 'enc-3f6c2a',
    revision: 4,
    status: o.status ?? 'draft',
    seenAt: SEEN_AT,
    createdAt: '2026-11-25T10:31:00.000Z',
    savedAt: '2026-11-25T10:52:00.000Z',
    signedAt: signed ? '2026-11-25T11:05:00.000Z' : null,
    signedBy: signed ? PROFILE.name : null,
    patient: { name: o.name ?? 'Ada Example', birthDate: `${2026 - age}-03-14`, sex: c.sex ?? 'unknown', identifier: o.identifier ?? 'MRN 004211' },
    clinician: { name: PROFILE.name, role: PROFILE.role },
    complaint: o.complaint ?? 'Pain at the back of the left calf for 3 days',
    pain: { intensity: 6, duration: '3 days', side: 'left' },
    findings: c.findings,
    absent: c.absent ?? [],
    notes: o.notes ?? 'Examined in clinic.',
    workingDiagnosis: o.workingDiagnosis ?? null,
    referral:
      o.referral === undefined
        ? { to: 'Vascular clinic, City Hospital', priority: 'routine', question: 'Please assess.', treatmentTried: 'Paracetamol 1 g four times daily for 2 days.' }
        : o.referral,
    assessment: assessForStorage(c),
    addenda: o.addenda ?? [],
  });
}

export function referralInput(encounter: EncounterWithAddenda, options: ReferralOptionsInput = {}): ReferralInput {
  return {
    encounter,
    profile: PROFILE,
    options: ReferralOptions.parse({ timeZone: 'Europe/London', ...options }),
    appVersion: '9.8.7-test',
    kb: knowledgeBase,
  };
}

// ---------------------------------------------------------------- reading a definition

/** Every string a content tree prints, in document order. */
export function contentText(node: Content | undefined | null): string[] {
  if (node === undefined || node === null) return [];
  if (typeof node === 'string' || typeof node === 'number') return [String(node)];
  if (Array.isArray(node)) return node.flatMap((n) => contentText(n as Content));
  const n = node as unknown as Record<string, unknown>;
  if ('text' in n) return contentText(n.text as Content);
  for (const key of ['stack', 'columns', 'ul', 'ol']) if (key in n) return contentText(n[key] as Content);
  if ('table' in n) return ((n.table as { body: Content[][] }).body ?? []).flatMap((row) => row.flatMap((cell) => contentText(cell)));
  return [];
}

/** The text of the body, and of the header and footer as pdfmake draws them on page `page` of `pages`. */
export function definitionText(def: TDocumentDefinitions, page = 1, pages = 3): { body: string; header: string; footer: string } {
  const size = { width: 595.28, height: 841.89, orientation: 'portrait' as const };
  const part = (p: TDocumentDefinitions['header']): string =>
    typeof p === 'function' ? contentText(p(page, pages, size) as Content).join(' ') : contentText(p as Content).join(' ');
  return { body: contentText(def.content).join('\n'), header: part(def.header), footer: part(def.footer) };
}

/** A definition with its functions and dates made comparable, for determinism checks. */
export const comparable = (def: TDocumentDefinitions): string => {
  const { header, footer } = definitionText(def, 2, 5);
  return JSON.stringify({ ...def, header, footer });
};

// ---------------------------------------------------------------- poppler

/**
 * poppler-utils is required (`.ci/run` installs it): a missing tool fails the test that needs it,
 * with this message, instead of the test passing or vanishing without a word.
 */
export function requireTool(tool: 'pdftotext' | 'pdftoppm'): void {
  if (spawnSync(tool, ['-v'], { stdio: 'ignore' }).error !== undefined) {
    throw new Error(`${tool} is not installed: it comes with poppler-utils (on Debian: apt-get install poppler-utils).`);
  }
}

/** The PDF's text as pdftotext -layout reads it, one string per page. */
export function pdfPages(bytes: Uint8Array): string[] {
  requireTool('pdftotext');
  const dir = mkdtempSync(join(tmpdir(), 'referral-text-'));
  try {
    const file = join(dir, 'letter.pdf');
    writeFileSync(file, bytes);
    const r = spawnSync('pdftotext', ['-layout', '-enc', 'UTF-8', file, '-'], { encoding: 'utf8' });
    if (r.status !== 0) throw new Error(`pdftotext failed: ${r.stderr}`);
    return r.stdout.split('\f').slice(0, -1);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** pdftotext breaks lines and may wrap words; compare texts with runs of white space made one space. */
export const squash = (s: string): string => s.replace(/\s+/g, ' ').trim();
