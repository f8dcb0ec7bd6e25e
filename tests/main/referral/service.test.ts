import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_DIFFERENTIAL_TOP, ReferralExportRequest, ReferralSections } from '../../../shared/api/referral.ts';
import { buildReferralDocument } from '../../../electron/main/referral/document.ts';
import { createPdfRenderer } from '../../../electron/main/referral/render.ts';
import { createReferralService, type ReferralAuditEntry } from '../../../electron/main/referral/service.ts';
import { knowledgeBase } from '../../../shared/clinical/index.ts';
import { failure, sampleDraft, tempDir, type TestServices } from '../helpers.ts';
import { DVT_CASE, PROFILE, encounterFrom, fontDir, pdfPages, servicesWithDvtDraft, sha } from './fixtures.ts';

describe('referral methods over the contract, with the real store and render worker', () => {
  let t: TestServices;
  let out: { path: string; remove(): void };
  let id: string;
  let revision: number;

  beforeAll(async () => {
    ({ t, id, revision } = await servicesWithDvtDraft());
    out = tempDir('legpain-referrals-');
  });
  afterAll(() => {
    t.dispose();
    out.remove();
  });
  /** A folder of the test's own, so no test sees another's files whatever the order. */
  const ownFolder = (): string => mkdtempSync(join(out.path, 'test-'));

  it('suggests the priority with its reasons, and the wording the encounter records', async () => {
    const s = await t.client.referral.suggest({ id });
    expect(s.suggestedPriority).toBe('urgent');
    expect(s.because).toContain('Suspected deep vein thrombosis');
    expect(s.options).toMatchObject({ priority: 'urgent', recipient: 'Vascular clinic', question: 'Please exclude proximal DVT', differentialTop: DEFAULT_DIFFERENTIAL_TOP });
    expect(s.options.reason).toContain('Deep vein thrombosis');
    expect(s.options.sections).toEqual(ReferralSections.parse({}));
    // What an emptied field goes back to: the assessment's wording, not the encounter's own.
    expect(s.defaults).toMatchObject({ recipient: '', treatmentTried: '', question: 'Please assess and advise on further investigation and management.' });
    expect(s.defaults!.reason).toContain('Working diagnosis: Deep vein thrombosis');
  });

  it('previews the letter as PDF bytes, the same for the same revision and options', async () => {
    const exports = async (): Promise<number> => (await t.client.audit.list({ encounterId: id })).filter((e) => e.action === 'export').length;
    const exportsBefore = await exports();
    const a = await t.client.referral.preview({ id, options: { timeZone: 'Europe/London' } });
    const b = await t.client.referral.preview({ id, revision, options: { timeZone: 'Europe/London' } });
    const bytes = Buffer.from(a.pdfBase64, 'base64');
    expect(bytes.subarray(0, 5).toString()).toBe('%PDF-');
    expect(a.bytes).toBe(bytes.byteLength);
    expect(a.sha256).toBe(sha(bytes));
    expect(b.sha256).toBe(a.sha256);
    expect(a.pages).toBeGreaterThanOrEqual(1);
    expect(pdfPages(bytes)[0]).toContain('Ada Example · MRN 004211');
    // Previews are not exports: nothing in the audit log.
    expect(await exports()).toBe(exportsBefore);
  });

  it('exports atomically, records the SHA-256 in the audit log, and never replaces a file unasked', async () => {
    const folder = ownFolder();
    const path = join(folder, 'referral.pdf');
    const options = { timeZone: 'Europe/London', priority: 'emergency' as const };
    const exportsBefore = (await t.client.audit.list({ encounterId: id })).filter((e) => e.action === 'export').length;
    const done = await t.client.referral.export({ id, options, path });
    const bytes = readFileSync(path);
    expect(done).toEqual({ path, sha256: sha(bytes), bytes: bytes.byteLength, pages: done.pages });
    expect(readdirSync(folder)).toEqual(['referral.pdf']);
    const preview = await t.client.referral.preview({ id, options });
    expect(preview.sha256).toBe(done.sha256);

    const entries = (await t.client.audit.list({ encounterId: id })).filter((e) => e.action === 'export').slice(exportsBefore);
    expect(entries).toHaveLength(1);
    expect(entries[0]!.detail).toMatchObject({ path, sha256: done.sha256, bytes: done.bytes, pages: done.pages, revision, priority: 'emergency', status: 'draft' });
    expect(entries[0]!.who).toBe(PROFILE.name);

    const again = await failure(t.client.referral.export({ id, options: { timeZone: 'Europe/London' }, path }));
    expect(again.code).toBe('exists');
    expect(sha(readFileSync(path))).toBe(done.sha256);

    const replaced = await t.client.referral.export({ id, options: { timeZone: 'Europe/London' }, path, overwrite: true });
    expect(sha(readFileSync(path))).toBe(replaced.sha256);
    expect(replaced.sha256).not.toBe(done.sha256);
    expect((await t.client.audit.list({ encounterId: id })).filter((e) => e.action === 'export')).toHaveLength(exportsBefore + 2);
    expect(await t.client.audit.verify({})).toMatchObject({ intact: true });
  });

  it('previews a letter without recipient or reason saying what is missing, and refuses to save it for sending', async () => {
    const bare = await t.client.encounter.save(sampleDraft({ findings: [], absent: [], workingDiagnosis: null, referral: null }));
    const preview = await t.client.referral.preview({ id: bare.id, options: {} });
    expect(preview.missing).toEqual(['the recipient (who the letter is for)', 'the reason for referral']);
    const path = join(out.path, 'incomplete.pdf');
    await expect(t.client.referral.export({ id: bare.id, path, options: {} })).rejects.toMatchObject({
      code: 'invalid',
      message: 'This letter cannot be saved for sending yet: add the recipient (who the letter is for) and the reason for referral first.',
    });
    expect(existsSync(path)).toBe(false);
    // Written in for this letter, it goes.
    const done = await t.client.referral.export({ id: bare.id, path, options: { recipient: 'Vascular clinic', reason: 'Calf pain for review.' } });
    expect(done.path).toBe(path);
    expect((await t.client.referral.preview({ id, options: {} })).missing).toEqual([]);
  });

  it('says so when the folder does not exist, and records nothing', async () => {
    const before = (await t.client.audit.list({})).length;
    const missing = join(ownFolder(), 'no-such-folder');
    const e = await failure(t.client.referral.export({ id, path: join(missing, 'letter.pdf') }));
    expect(e.code).toBe('io');
    expect(e.message).toBe(`The folder “${missing}” does not exist.`);
    expect((await t.client.audit.list({})).length).toBe(before);
  });

  it('says so when part of the path is a file', async () => {
    const folder = ownFolder();
    writeFileSync(join(folder, 'a-file'), 'x');
    const e = await failure(t.client.referral.export({ id, path: join(folder, 'a-file', 'letter.pdf') }));
    expect(e.code).toBe('io');
    expect(existsSync(join(folder, 'a-file', 'letter.pdf'))).toBe(false);
  });

  it('refuses a stale revision, an unknown encounter and bad input, each with a clear error', async () => {
    expect((await failure(t.client.referral.preview({ id, revision: revision + 5 }))).code).toBe('conflict');
    expect((await failure(t.client.referral.preview({ id: 'no-such-encounter' }))).code).toBe('not-found');
    const invalid = async (input: unknown, path: string): Promise<void> => {
      const e = await failure(t.client.referral.export(input as Parameters<typeof t.client.referral.export>[0]));
      expect(e.code).toBe('invalid');
      expect(e.path).toBe(path);
    };
    const folder = ownFolder();
    await invalid({ id, path: 'relative/letter.pdf' }, 'path');
    await invalid({ id, path: join(folder, 'letter.docx') }, 'path');
    // A NUL byte would reach the file system and fail there with an internal error code.
    await invalid({ id, path: join(folder, 'x\u0000y.pdf') }, 'path');
    await invalid({ id, path: join(folder, 'x.pdf'), options: { differentialTop: 50 } }, 'options.differentialTop');
    await invalid({ id, path: join(folder, 'x.pdf'), options: { timeZone: 'Mars/Olympus' } }, 'options.timeZone');
    await invalid({ id, path: join(folder, 'x.pdf'), options: { sections: { notes: 'no' } } }, 'options.sections.notes');
    await invalid({ id, path: join(folder, 'x.pdf'), options: { priority: 'whenever' } }, 'options.priority');
    expect(readdirSync(folder).filter((f) => f.startsWith('x'))).toEqual([]);
  });

  it('prints a signed encounter as signed', async () => {
    const draft = await t.client.encounter.save(sampleDraft({ patient: { name: 'Дмитрий Иванов', birthDate: '1980-01-02', sex: 'male', identifier: 'NHS 123' } }));
    await t.client.encounter.sign({ id: draft.id, baseRevision: draft.revision });
    const p = await t.client.referral.preview({ id: draft.id, options: { timeZone: 'UTC' } });
    const text = pdfPages(Buffer.from(p.pdfBase64, 'base64'));
    for (const page of text) {
      expect(page).toContain('Дмитрий Иванов · NHS 123');
      expect(page).toMatch(/Signed by Dr Sam Reyes on \d+ November 2026/);
      expect(page).not.toContain('DRAFT');
    }
  });
});

describe('referral export and the audit log', () => {
  it('removes the file again when the audit log cannot record the export', async () => {
    const dir = tempDir('legpain-referral-audit-');
    try {
      const renderer = createPdfRenderer({ fontDir });
      const encounter = encounterFrom(DVT_CASE);
      const service = createReferralService({
        getEncounter: () => encounter,
        getProfile: () => PROFILE,
        appendAudit: (_entry: ReferralAuditEntry) => {
          throw new Error('disk I/O error');
        },
        renderer: { render: async (input) => renderer.render(buildReferralDocument({ ...input, kb: knowledgeBase })) },
        kb: knowledgeBase,
        appVersion: 'test',
      });
      const path = join(dir.path, 'letter.pdf');
      const e = await failure(Promise.resolve(service['referral.export'](ReferralExportRequest.parse({ id: encounter.id, path }))));
      expect(e.code).toBe('internal');
      expect(e.message).toMatch(/audit log/);
      expect(readdirSync(dir.path)).toEqual([]);
    } finally {
      dir.remove();
    }
  });
});
