/**
 * Referral PDF generation: the app's warm render worker (build the definition, lay it out, render
 * the PDF, hand the bytes back) for a one-page and a five-page referral, p50 and p95; stock
 * pdfmake in-process for reference; and, side by side in the same run, headless Chromium's
 * `page.pdf()` for the same content as HTML (a warm browser and page, as an Electron app would
 * keep them). Targets: one-page p95 < 100 ms, at least 3 times faster than Chromium.
 *
 * Prints `bench <name> <value> <unit>` lines on stdout; progress on stderr.
 */
import { join, resolve } from 'node:path';
import { EncounterWithAddenda } from '../../shared/api/encounter.ts';
import { ReferralOptions } from '../../shared/api/referral.ts';
import { assessForStorage, knowledgeBase, type CaseInput } from '../../shared/clinical/index.ts';
import { buildReferralDocument, type ReferralInput } from '../../electron/main/referral/document.ts';
import { createPdfRenderer } from '../../electron/main/referral/render.ts';
import { startRenderWorker } from '../../electron/main/referral/render-worker.ts';
import { launchChromium } from '../e2e/harness.ts';
import { referralHtml } from './referral-html.ts';

const fontDir = join(resolve(import.meta.dirname, '../..'), 'resources', 'fonts');
const log = (...a: unknown[]): void => console.error(...a);
const line = (name: string, value: number, unit: string): void => {
  process.stdout.write(`bench ${name} ${Number(value.toFixed(unit === 'x' ? 2 : 1))} ${unit}\n`);
};

const percentile = (xs: readonly number[], p: number): number => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)]!;
};

async function time(n: number, warmup: number, fn: () => Promise<unknown>): Promise<{ p50: number; p95: number }> {
  for (let i = 0; i < warmup; i++) await fn();
  const xs: number[] = [];
  for (let i = 0; i < n; i++) {
    const t = performance.now();
    await fn();
    xs.push(performance.now() - t);
  }
  return { p50: percentile(xs, 50), p95: percentile(xs, 95) };
}

// ---------------------------------------------------------------- the two referrals

const profile = { name: 'Dr Sam Reyes', role: 'General practitioner', practice: 'Riverside Surgery', contact: '01234 567890' };

function encounter(c: CaseInput & { age?: number }, notes: string, referral: object): EncounterWithAddenda {
  return EncounterWithAddenda.parse({
    id: 'enc-bench',
    revision: 2,
    status: 'signed',
    seenAt: '2026-11-25T10:30:00.000Z',
    createdAt: '2026-11-25T10:31:00.000Z',
    savedAt: '2026-11-25T10:50:00.000Z',
    signedAt: '2026-11-25T11:00:00.000Z',
    signedBy: profile.name,
    patient: { name: 'Zoë Ødegård', birthDate: `${2026 - (c.age ?? 52)}-03-14`, sex: c.sex ?? 'unknown', identifier: 'MRN 004211' },
    clinician: { name: profile.name, role: profile.role },
    complaint: 'Pain at the back of the thigh since a sprint two days ago',
    pain: { intensity: 5, duration: '2 days', side: 'right' },
    findings: c.findings,
    absent: c.absent ?? [],
    notes,
    workingDiagnosis: null,
    referral,
    assessment: assessForStorage(c),
    addenda: [],
  });
}

const onePage: ReferralInput = {
  encounter: encounter(
    {
      age: 24,
      sex: 'male',
      findings: ['loc-posterior-thigh', 'unilateral', 'onset-sudden', 'after-intense-activity', 'rf-athlete', 'localized-tenderness'],
      absent: ['calf-swelling'],
    },
    'Felt a pull while sprinting. Walking with a limp; no bruising yet.',
    { to: 'Sports medicine clinic', priority: 'routine', question: 'Please advise on rehabilitation.' },
  ),
  profile,
  // A short letter: the clinician left out the optional sections with nothing to say.
  options: ReferralOptions.parse({ timeZone: 'Europe/London', differentialTop: 2, sections: { negatives: false, imaging: false, treatment: false, notes: false } }),
  appVersion: 'bench',
  kb: knowledgeBase,
};

const DVT: CaseInput = {
  age: 52,
  sex: 'female',
  findings: ['loc-calf', 'unilateral', 'char-aching', 'calf-swelling', 'warmth', 'redness', 'rf-long-travel-or-immobility', 'rf-estrogen-medication', 'ex-calf-swelling-3cm', 'ex-pitting-edema', 'ex-deep-vein-tenderness'],
  absent: ['after-intense-activity', 'bruising-calf-ankle'],
};
const dvtReferral = { to: 'Vascular clinic', priority: 'urgent', question: 'Please exclude proximal DVT.', treatmentTried: 'None.' };
const withNotes = (lines: number): ReferralInput => ({
  ...onePage,
  options: ReferralOptions.parse({ timeZone: 'Europe/London' }),
  encounter: encounter(
    DVT,
    Array.from({ length: lines }, (_, i) => `Follow-up note ${i + 1}: leg reviewed with the patient; swelling and tenderness recorded as before.`).join('\n'),
    dvtReferral,
  ),
});

async function main(): Promise<void> {
  const inProcess = createPdfRenderer({ fontDir });
  const pagesOf = async (input: ReferralInput): Promise<number> => (await inProcess.render(buildReferralDocument(input))).pages;

  if ((await pagesOf(onePage)) !== 1) throw new Error('The one-page referral no longer fits on one page: adjust the benchmark input.');
  // The DVT letter with enough notes for exactly five pages.
  let lines = 0;
  while ((await pagesOf(withNotes(lines))) < 5) lines += 10;
  while ((await pagesOf(withNotes(lines))) > 5) lines -= 1;
  const fivePage = withNotes(lines);
  log(`# one-page referral: 1 page; five-page referral: DVT letter with ${lines} note lines`);

  const cases = [
    ['1page', onePage, 60],
    ['5page', fivePage, 30],
  ] as const;

  // Reference: stock pdfmake in this thread, re-parsing the fonts and re-shaping every word for every document.
  const stock = createPdfRenderer({ fontDir, reuseParsedFonts: false });
  for (const [name, input] of cases) {
    const r = await time(name === '1page' ? 30 : 12, 5, () => stock.render(buildReferralDocument(input)));
    line(`referral.pdfmake-stock.${name}.p50`, r.p50, 'ms');
    line(`referral.pdfmake-stock.${name}.p95`, r.p95, 'ms');
  }

  // The app's renderer: a warm worker thread. Measured before the browser starts, and Chromium
  // after the worker has stopped, so neither competes with the other's processes for the CPU.
  const ours: Record<string, { p50: number; p95: number }> = {};
  const worker = startRenderWorker({ fontDir, kb: knowledgeBase, eager: true });
  try {
    for (const [name, input, rounds] of cases) {
      const { encounter: e, profile: p, options, appVersion } = input;
      const r = await time(rounds, 10, () => worker.render({ encounter: e, profile: p, options, appVersion }));
      ours[name] = r;
      line(`referral.pdfmake.${name}.p50`, r.p50, 'ms');
      line(`referral.pdfmake.${name}.p95`, r.p95, 'ms');
    }
  } finally {
    await worker.close();
  }

  // Headless Chromium, warm: one browser and one page, the same content as HTML.
  const browser = await launchChromium();
  try {
    const page = await browser.newPage();
    for (const [name, input, rounds] of cases) {
      const viaChromium = async (): Promise<Buffer> => {
        const { html, headerTemplate, footerTemplate } = referralHtml(buildReferralDocument(input));
        await page.setContent(html, { waitUntil: 'load' });
        return page.pdf({ format: 'A4', printBackground: true, displayHeaderFooter: true, headerTemplate, footerTemplate, preferCSSPageSize: true });
      };
      const sample = await viaChromium();
      log(`# chromium ${name}: ${sample.byteLength} bytes`);
      const c = await time(rounds, 10, viaChromium);
      line(`referral.chromium.${name}.p50`, c.p50, 'ms');
      line(`referral.chromium.${name}.p95`, c.p95, 'ms');
      line(`referral.speedup.${name}.p50`, c.p50 / ours[name]!.p50, 'x');
      line(`referral.speedup.${name}.p95`, c.p95 / ours[name]!.p95, 'x');
    }
  } finally {
    await browser.close();
  }
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
