import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { buildReferralDocument } from '../../../electron/main/referral/document.ts';
import { createPdfRenderer } from '../../../electron/main/referral/render.ts';
import { startRenderWorker } from '../../../electron/main/referral/render-worker.ts';
import { knowledgeBase } from '../../../shared/clinical/index.ts';
import { DEFAULT_DIFFERENTIAL_TOP, type ReferralOptionsInput } from '../../../shared/api/referral.ts';
import type { EncounterWithAddenda } from '../../../shared/api/encounter.ts';
import { DVT_CASE, artefactDir, encounterFrom, fontDir, pdfPages, referralInput, requireTool, squash, sha } from './fixtures.ts';

const renderer = createPdfRenderer({ fontDir });
const render = (e: EncounterWithAddenda, options: ReferralOptionsInput = {}) => renderer.render(buildReferralDocument(referralInput(e, options)));

describe('rendered referral read back with pdftotext', () => {
  it('shows the patient, the red flags, the differential in rank order and "Page X of Y" on every page', async () => {
    const e = encounterFrom(DVT_CASE, { name: 'Ada Example', status: 'signed' });
    const { bytes, pages } = await render(e);
    const text = pdfPages(bytes);
    expect(text).toHaveLength(pages);
    expect(pages).toBeGreaterThanOrEqual(2);
    text.forEach((page, i) => {
      expect(page).toContain('Ada Example · MRN 004211');
      expect(page).toContain(`Page ${i + 1} of ${pages}`);
      expect(page).toContain('Signed by Dr Sam Reyes on 25 November 2026 at 11:05');
      expect(page).toContain('encounter enc-3f6c2a revision 4');
    });
    const all = squash(text.join('\n'));
    expect(all).toContain('URGENT PRIORITY');
    for (const flag of e.assessment.redFlags) expect(all).toContain(squash(flag.label));
    const top = e.assessment.differential.slice(0, DEFAULT_DIFFERENTIAL_TOP).map((d) => d.label);
    const differential = all.slice(all.indexOf('Differential diagnosis'));
    // Labels may wrap inside their table cell: look for the first words of each.
    const at = top.map((label) => differential.indexOf(label.split(' ').slice(0, 2).join(' ')));
    expect(at.every((i) => i >= 0)).toBe(true);
    expect(at).toEqual([...at].sort((a, b) => a - b));
  });

  it('flows a 200-line note onto several pages, each with the header, without losing or cutting a line', async () => {
    const lines = Array.from({ length: 200 }, (_, i) => `Note line ${String(i + 1).padStart(3, '0')}: reviewed the leg and the plan with the patient today.`);
    const e = encounterFrom(DVT_CASE, { status: 'signed', notes: lines.join('\n') });
    const { bytes, pages } = await render(e);
    expect(pages).toBeGreaterThanOrEqual(5);
    const text = pdfPages(bytes);
    expect(text).toHaveLength(pages);
    text.forEach((page, i) => {
      expect(page).toContain('Ada Example · MRN 004211');
      expect(page).toContain(`Page ${i + 1} of ${pages}`);
    });
    const printed = text.join('\n').split('\n').map((l) => l.trim());
    for (const line of lines) expect(printed).toContain(line);
    const notePages = text.filter((p) => p.includes('Note line'));
    expect(notePages.length).toBeGreaterThanOrEqual(3);
  });

  it('lays out a 20,000-character word in the notes, broken over lines, every character printed (issue 11, item 12)', async () => {
    const token = Array.from({ length: 2000 }, (_, i) => `w${String(i).padStart(4, '0')}wxyzq`).join('');
    const e = encounterFrom(DVT_CASE, { status: 'signed', notes: `Pasted: ${token} end of paste.` });
    const { bytes, pages } = await render(e);
    expect(pages).toBeLessThanOrEqual(10);
    const printed = pdfPages(bytes).join('\n');
    // Read back with the line breaks, page headers and zero-width spaces taken out.
    const pageFurniture = /Ada Example · MRN 004211|Signed by Dr Sam Reyes|Leg Pain DDx 9\.8\.7-test/;
    const body = printed.split('\n').filter((l) => !pageFurniture.test(l)).join('').replace(/[\s\u200b]+/g, '');
    const at = body.indexOf('Pasted:');
    const got = body.slice(at, at + token.length + 20);
    const expected = `Pasted:${token}endofpaste.`;
    const differs = [...expected].findIndex((c, i) => got[i] !== c);
    expect(differs === -1 ? '' : `${got.slice(differs - 20, differs + 40)} / ${expected.slice(differs - 20, differs + 40)}`).toBe('');
  });

  it.each([['Zoë Ødegård'], ['Ιωάννης Παπαδόπουλος'], ['Дмитрий Иванов'], ['Nguyễn Thị Ánh']])('renders the name %s with real glyphs', async (name) => {
    const e = encounterFrom(DVT_CASE, { name, status: 'signed', notes: `Seen with ${name}.` });
    const text = pdfPages((await render(e)).bytes);
    // A glyph missing from the font would come back as nothing (pdfkit maps it to glyph 0).
    for (const page of text) expect(page.normalize('NFC')).toContain(`${name} · MRN 004211`);
    expect(text.join('\n').normalize('NFC')).toContain(`Seen with ${name}.`);
  });

  it('marks a draft on every page', async () => {
    const { bytes, pages } = await render(encounterFrom(DVT_CASE));
    const text = pdfPages(bytes);
    expect(text).toHaveLength(pages);
    for (const page of text) expect(page).toContain('DRAFT — not signed');
    expect(text[0]).toContain('DRAFT: this encounter has not been signed.');
  });
});

describe('rendered referral bytes', () => {
  it('are the same for the same revision and options, and differ when the options differ', async () => {
    const e = encounterFrom(DVT_CASE, { status: 'signed' });
    const a = await render(e);
    const b = await render(structuredClone(e));
    expect(sha(a.bytes)).toBe(sha(b.bytes));
    const c = await render(e, { differentialTop: 5 });
    expect(sha(c.bytes)).not.toBe(sha(a.bytes));
    expect(Buffer.from(a.bytes.subarray(0, 5)).toString()).toBe('%PDF-');
  });

  it('parsing the fonts once gives exactly the bytes stock pdfmake gives, whatever was rendered before', async () => {
    const stock = createPdfRenderer({ fontDir, reuseParsedFonts: false });
    // Letters in other scripts first: their composite glyphs (the dot of "ị") must not change later letters.
    await renderer.render(buildReferralDocument(referralInput(encounterFrom(DVT_CASE, { name: 'Nguyễn Thị Ánh', notes: 'Ιωάννης Дмитрий Zoë Ødegård …' }))));
    const e = encounterFrom(DVT_CASE, { name: 'Дмитрий Nguyễn', status: 'signed' });
    const fast = await renderer.render(buildReferralDocument(referralInput(e)));
    const slow = await stock.render(buildReferralDocument(referralInput(e)));
    expect(fast.pages).toBe(slow.pages);
    expect(sha(fast.bytes)).toBe(sha(slow.bytes));
  });

  it('refuses a font folder without the fonts, naming it', () => {
    expect(() => createPdfRenderer({ fontDir: join(fontDir, 'missing') })).toThrow(/missing/);
  });

  it('never reads a file outside the font folder, nor a URL, even if a definition names one', async () => {
    await expect(renderer.render({ content: [{ image: '/etc/passwd' }] })).rejects.toThrow(/denied/);
    await expect(renderer.render({ content: [{ image: 'https://example.org/x.png' }] })).rejects.toThrow(/denied/);
  });
});

describe('the render worker', () => {
  const worker = startRenderWorker({ fontDir, kb: knowledgeBase });
  afterAll(() => worker.close());

  it('renders the same bytes as in-process rendering', async () => {
    const e = encounterFrom(DVT_CASE, { status: 'signed' });
    const input = referralInput(e);
    const [fromWorker, inProcess] = await Promise.all([
      worker.render({ encounter: input.encounter, profile: input.profile, options: input.options, appVersion: input.appVersion }),
      renderer.render(buildReferralDocument(input)),
    ]);
    expect(fromWorker.pages).toBe(inProcess.pages);
    expect(sha(fromWorker.bytes)).toBe(sha(inProcess.bytes));
  });

  it('reports a letter it cannot build as an error, and keeps working', async () => {
    const input = referralInput(encounterFrom(DVT_CASE));
    const broken = { ...input.encounter, assessment: undefined } as unknown as EncounterWithAddenda;
    await expect(worker.render({ encounter: broken, profile: null, options: input.options, appVersion: 'x' })).rejects.toMatchObject({ code: 'internal' });
    const ok = await worker.render({ encounter: input.encounter, profile: null, options: input.options, appVersion: 'x' });
    expect(ok.pages).toBeGreaterThan(0);
  });

  it('replaces a worker that cannot start with a clear error', async () => {
    const bad = startRenderWorker({ fontDir: join(fontDir, 'missing'), kb: knowledgeBase });
    const input = referralInput(encounterFrom(DVT_CASE));
    await expect(bad.render({ encounter: input.encounter, profile: null, options: input.options, appVersion: 'x' })).rejects.toMatchObject({
      code: 'internal',
      message: expect.stringMatching(/Roboto-Regular\.ttf/),
    });
    await bad.close();
  });
});

describe('page 1 of a DVT referral as a PNG artefact', () => {
  it('renders test-results/referral-dvt-page1.png', async () => {
    const e = encounterFrom(DVT_CASE, { name: 'Zoë Ødegård', status: 'draft' });
    const { bytes } = await render(e);
    mkdirSync(artefactDir, { recursive: true });
    const pdf = join(artefactDir, 'referral-dvt.pdf');
    writeFileSync(pdf, bytes);
    const prefix = join(artefactDir, 'referral-dvt-page1');
    rmSync(`${prefix}.png`, { force: true });
    requireTool('pdftoppm');
    const r = spawnSync('pdftoppm', ['-png', '-r', '80', '-f', '1', '-l', '1', '-singlefile', pdf, prefix], { encoding: 'utf8' });
    expect(r.status, r.stderr).toBe(0);
    const png = readFileSync(`${prefix}.png`);
    expect(png.subarray(1, 4).toString()).toBe('PNG');
    // An A4 page at 80 dpi: about 661 × 935 pixels.
    expect(Math.abs(png.readUInt32BE(16) - 661)).toBeLessThanOrEqual(2);
    expect(Math.abs(png.readUInt32BE(20) - 935)).toBeLessThanOrEqual(2);
  });
});
