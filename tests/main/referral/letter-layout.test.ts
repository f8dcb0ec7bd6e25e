import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildReferralDocument } from '../../../electron/main/referral/document.ts';
import { createPdfRenderer } from '../../../electron/main/referral/render.ts';
import type { EncounterWithAddenda } from '../../../shared/api/encounter.ts';
import type { ReferralOptionsInput } from '../../../shared/api/referral.ts';
import { DVT_CASE, encounterFrom, fontDir, pdfPages, referralInput, squash } from './fixtures.ts';

/**
 * The rendered letter as a reader meets it: its length, what page 1 carries, the patient strip,
 * tables splitting across pages, the draft mark out of the text layer, and the PDF standards it
 * meets (pdfinfo; PDFBox preflight where Debian's libpdfbox2-java is installed).
 */

const renderer = createPdfRenderer({ fontDir });
const render = (e: EncounterWithAddenda, options: ReferralOptionsInput = {}) => renderer.render(buildReferralDocument(referralInput(e, options)));

function withFile<T>(bytes: Uint8Array, fn: (file: string) => T): T {
  const dir = mkdtempSync(join(tmpdir(), 'referral-layout-'));
  try {
    const file = join(dir, 'letter.pdf');
    writeFileSync(file, bytes);
    return fn(file);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const run = (cmd: string, args: string[]): string => {
  const r = spawnSync(cmd, args, { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`${cmd} failed: ${r.stderr}`);
  return r.stdout;
};

/** How far down page 1 its text reaches, as a fraction of the page height (pdftotext -bbox). */
function page1Reach(bytes: Uint8Array): number {
  const html = withFile(bytes, (file) => run('pdftotext', ['-bbox', '-f', '1', '-l', '1', file, '-']));
  const height = Number(/<page width="[\d.]+" height="([\d.]+)"/.exec(html)![1]);
  // The body's last word, not the footer's: words above the footer band (the bottom margin).
  const ys = [...html.matchAll(/yMax="([\d.]+)"/g)].map((m) => Number(m[1])).filter((y) => y < height - 48);
  return Math.max(...ys) / height;
}

describe('the rendered letter', () => {
  it('a DVT letter with the default choices is at most two pages, with reason, question and red flags on page 1', async () => {
    for (const status of ['draft', 'signed'] as const) {
      const e = encounterFrom(DVT_CASE, { status, workingDiagnosis: null });
      const { bytes, pages } = await render(e);
      expect(pages, status).toBeLessThanOrEqual(2);
      const page1 = squash(pdfPages(bytes)[0]!);
      for (const text of ['Reason for referral', 'Clinical question', 'Please assess.', 'Red flags', ...e.assessment.redFlags.map((f) => f.label)]) {
        expect(page1, `${status}: ${text}`).toContain(squash(text));
      }
    }
  });

  it('prints the date of birth with the age on one line in the patient strip', async () => {
    // The longest month name, a long name and identifier: the columns that share the strip are narrow.
    const base = encounterFrom(DVT_CASE, { name: 'Maximilian Alexander Featherstonehaugh-Wolfe', identifier: 'NHS 943 476 5919 · Hospital 000123456789' });
    const e = { ...base, patient: { ...base.patient, birthDate: '1969-09-28' } };
    const { bytes } = await render(e);
    const lines = pdfPages(bytes)[0]!.split('\n');
    expect(lines.some((l) => l.includes('28 September 1969 (age 57 years)'))).toBe(true);
  });

  it('splits a table across pages instead of leaving the rest of page 1 blank', async () => {
    // Every DVT finding: the differential's first row (DVT and its reasons) is too tall for what is left of page 1.
    const rich = {
      ...DVT_CASE,
      findings: [...DVT_CASE.findings, 'rf-active-cancer', 'rf-previous-dvt', 'rf-recent-surgery', 'rf-leg-paralysis-or-cast', 'ex-entire-leg-swollen', 'ex-collateral-veins', 'rf-obesity', 'rf-smoking'],
    };
    const { bytes } = await render(encounterFrom(rich), { sections: { history: false, negatives: false } });
    expect(squash(pdfPages(bytes)[0]!)).toContain('Differential diagnosis');
    expect(page1Reach(bytes)).toBeGreaterThan(0.85);
  });

  it('keeps the DRAFT mark out of the text layer', async () => {
    const { bytes, pages } = await render(encounterFrom(DVT_CASE));
    const words = pdfPages(bytes).join('\n').split(/\s+/);
    // "DRAFT" only where the letter says it: the banner and the footer of every page.
    expect(words.filter((w) => w.includes('DRAFT'))).toHaveLength(1 + pages);
    expect(words.filter((w) => /^(D|R|F|T|DR|AF|DRA|RAF|AFT|RAFT)$/.test(w))).toEqual([]);
  });

  it('is PDF/A-2b: PDF 1.7, XMP metadata naming part 2 conformance B, an sRGB output intent, the language and title', async () => {
    const { bytes } = await render(encounterFrom(DVT_CASE, { status: 'signed' }));
    const info = withFile(bytes, (file) => run('pdfinfo', [file]));
    expect(info).toMatch(/PDF version:\s+1\.7/);
    expect(info).toMatch(/Metadata Stream:\s+yes/);
    // Not claimed as tagged: pdfmake writes no structure for the content (pdf-standards.md).
    expect(info).toMatch(/Tagged:\s+no/);
    const xmp = withFile(bytes, (file) => run('pdfinfo', ['-meta', file]));
    expect(xmp).toContain('<pdfaid:part>2</pdfaid:part>');
    expect(xmp).toContain('<pdfaid:conformance>B</pdfaid:conformance>');
    const raw = Buffer.from(bytes).toString('latin1');
    expect(raw).toContain('/OutputIntents');
    expect(raw).toContain('/GTS_PDFA1');
    expect(raw).toMatch(/\/Lang \(en-GB\)/);
    expect(raw).toMatch(/\/DisplayDocTitle true/);
  });

  const JARS = ['preflight', 'pdfbox2', 'fontbox2', 'xmpbox', 'commons-logging', 'javax.activation', 'jaxb-api'].map((j) => `/usr/share/java/${j}.jar`);
  const HAS_PREFLIGHT = JARS.every((j) => existsSync(j)) && spawnSync('java', ['-version']).error === undefined;
  it.skipIf(!HAS_PREFLIGHT)('passes PDFBox preflight but for the PDF/A-1 rules that PDF/A-2 relaxed (PDFBox 2 checks PDF/A-1b only)', async () => {
    const { bytes } = await render(encounterFrom(DVT_CASE));
    const out = withFile(bytes, (file) => spawnSync('java', ['-cp', JARS.join(':'), 'org.apache.pdfbox.preflight.Validator_A1b', file], { encoding: 'utf8' }).stdout);
    const errors = out.split('\n').filter((l) => /^\d+\.\d+(\.\d+)? : /.test(l));
    expect(errors.length).toBeGreaterThan(0);
    const relaxedInPdfA2 = [/^4\.1\.2 : Transparency error/, /^7\.11\.2 : Error on MetaData, part must be 1/, /^3\.1\.11 : Invalid Font definition, .*CIDSet entry is missing/];
    expect(errors.filter((l) => !relaxedInPdfA2.some((r) => r.test(l)))).toEqual([]);
  });
});
