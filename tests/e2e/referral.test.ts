import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { ReferralSaveDialog, ReferralShell } from '../../electron/main/app/referral-files.ts';
import { startBridge } from '../../electron/main/bridge/server.ts';
import { openServices } from '../../electron/main/services.ts';
import { createClient, type Client } from '../../shared/api/client.ts';
import type { EncounterDraftInput } from '../../shared/api/encounter.ts';
import type { Services } from '../../shared/api/methods.ts';
import { httpInvoke } from '../../shared/api/transport.ts';
import { knowledgeBase } from '../../shared/clinical/index.ts';
import { artifactPath, birthDateForAge, launchBrowser, loadVignettes, openApp, PROFILE, RENDERER_DIR, seriousViolations } from './harness.ts';

/**
 * The referral composer: sections, wording and priority change the letter; the preview is the
 * PDF that is saved (same SHA-256); the review screen reprints with the same composer. Letters are
 * read back with pdftotext from the bytes the page hands out, never from the viewer's pixels.
 */

const sha = (b: Uint8Array): string => createHash('sha256').update(b).digest('hex');
const dvt = loadVignettes().find((v) => v.id === 'dvt-classic');

function pdfText(bytes: Uint8Array): string {
  const dir = mkdtempSync(join(tmpdir(), 'legpain-e2e-pdf-'));
  try {
    writeFileSync(join(dir, 'letter.pdf'), bytes);
    return execFileSync('pdftotext', ['-layout', '-enc', 'UTF-8', join(dir, 'letter.pdf'), '-'], { encoding: 'utf8' });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const DVT_DRAFT = (): EncounterDraftInput => ({
  seenAt: '2026-11-25T10:30:00.000Z',
  patient: { name: 'Vera Vignette', birthDate: birthDateForAge(dvt?.case.age ?? 52), sex: dvt?.case.sex ?? 'female', identifier: 'MRN 5150' },
  clinician: { name: PROFILE.name, role: PROFILE.role },
  complaint: 'Swollen painful left calf since a long-haul flight',
  findings: [...(dvt?.case.findings ?? [])],
  absent: [...(dvt?.case.absent ?? [])],
  notes: 'Calf tender along the deep veins.',
  // A letter names its recipient before it can be saved for sending.
  referral: { to: 'Vascular clinic, City Hospital' },
});

/** The composer's status line: "<ready>: n pages, k KB ... SHA-256 <hex>". */
const readyStatus = (page: Page) => page.locator('.letter-ready[role="status"]');
const shownSha = async (page: Page): Promise<string> => (await readyStatus(page).locator('.sha code').innerText()).trim();

/** Waits until the preview shows a letter other than `before`, up to date with the screen. */
async function nextLetter(page: Page, before: string): Promise<string> {
  await expect.poll(() => shownSha(page), { timeout: 15_000 }).not.toBe(before);
  await readyStatus(page).getByRole('link', { name: 'Save the PDF' }).waitFor();
  return shownSha(page);
}

async function downloadLetter(page: Page): Promise<Buffer> {
  const [download] = await Promise.all([page.waitForEvent('download'), readyStatus(page).getByRole('link', { name: 'Save the PDF' }).click()]);
  return readFileSync((await download.path())!);
}

/** The preview frame points at the very bytes the download gives (a blob: URL is immutable). */
async function expectPreviewIs(page: Page, bytes: Buffer): Promise<void> {
  const viewer = await page.evaluate(() => navigator.pdfViewerEnabled);
  const href = await readyStatus(page).getByRole('link', { name: 'Save the PDF' }).getAttribute('href');
  expect(href).toMatch(/^blob:/);
  if (viewer) {
    const src = await page.locator('iframe.letter-frame').getAttribute('src');
    expect(src!.split('#')[0]).toBe(href);
  } else {
    await page.getByText('This window cannot show PDF files').waitFor();
  }
  expect(bytes.subarray(0, 5).toString()).toBe('%PDF-');
  expect(sha(bytes)).toBe(await shownSha(page));
}

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

describe.skipIf(dvt === undefined)('referral composer in the workspace (DVT vignette)', () => {
  test('a letter without a recipient says what is missing and offers no save until it is added', async () => {
    const app = await openApp(browser, { profile: true });
    try {
      const { page, client } = app;
      const { id } = await client.encounter.save({ ...DVT_DRAFT(), referral: null });
      await page.goto(`${app.url}#/encounter/${encodeURIComponent(id)}`);
      await page.getByRole('heading', { level: 1, name: /^Vera Vignette/ }).waitFor();
      await page.getByRole('button', { name: 'Prepare the referral letter (PDF)' }).click();
      await readyStatus(page).getByText('Before this letter can be signed and sent, add the recipient (who the letter is for).').waitFor();
      expect(await readyStatus(page).getByRole('link', { name: 'Save the PDF' }).count()).toBe(0);
      await page.getByLabel('Refer to').fill('Vascular clinic, City Hospital');
      await readyStatus(page).getByRole('link', { name: 'Save the PDF' }).waitFor({ timeout: 15_000 });
    } finally {
      await app.close();
    }
  });

  test('priority suggested with its reason; sections, wording and priority change the previewed letter; download = preview', async () => {
    const app = await openApp(browser, { profile: true });
    try {
      const { page, client } = app;
      const { id } = await client.encounter.save(DVT_DRAFT());
      await page.goto(`${app.url}#/encounter/${encodeURIComponent(id)}`);
      await page.getByRole('heading', { level: 1, name: /^Vera Vignette/ }).waitFor();
      await page.getByRole('heading', { name: /Working diagnosis and referral/ }).scrollIntoViewIfNeeded();

      // Urgent, because of the DVT red flag and the urgent Doppler the assessment raised.
      const redFlag = knowledgeBase.redFlags.find((f) => f.id === 'suspected-dvt')!.label;
      expect(await page.getByLabel('Priority', { exact: true }).inputValue()).toBe('urgent');
      const why = page.locator('.priority-why');
      await expect.poll(() => why.innerText()).toContain(`Suggested: Urgent, because of ${redFlag}`);
      expect(await why.innerText()).toMatch(/Urgent Doppler/i);
      // The default wording is prefilled from referral.suggest.
      await expect.poll(() => page.getByLabel('Reason for referral').inputValue()).toContain(redFlag);

      await page.getByRole('button', { name: 'Prepare the referral letter (PDF)' }).click();
      await readyStatus(page).filter({ hasText: /Letter ready: \d+ pages?, \d+ KB/ }).waitFor();
      let letter = await downloadLetter(page);
      await expectPreviewIs(page, letter);
      // Same revision and options, same bytes: the API's own render of the defaults matches.
      const stored = await client.encounter.get({ id });
      expect((await client.referral.preview({ id, revision: stored.revision, options: {} })).sha256).toBe(sha(letter));
      let text = pdfText(letter);
      expect(text).toContain('Pertinent negatives');
      expect(text).toMatch(/URGENT/);

      // Leave out a section: the letter no longer has it.
      await page.getByRole('checkbox', { name: 'Pertinent negatives' }).uncheck();
      let current = await nextLetter(page, sha(letter));
      letter = await downloadLetter(page);
      expect(sha(letter)).toBe(current);
      text = pdfText(letter);
      expect(text).not.toContain('Pertinent negatives');
      expect(text).toContain('Findings present');

      // Edit the clinical question: saved with the encounter, printed in the letter.
      const question = 'Is there a proximal DVT on duplex ultrasound today?';
      await page.getByLabel('Clinical question for the recipient').fill(question);
      current = await nextLetter(page, current);
      letter = await downloadLetter(page);
      await expectPreviewIs(page, letter);
      expect(pdfText(letter)).toContain(question);
      expect((await client.encounter.get({ id })).referral?.question).toBe(question);

      // Override the suggestion: the letter carries the clinician's choice and says what was suggested.
      await page.getByLabel('Priority', { exact: true }).selectOption('routine');
      await page.locator('.priority-why.below').waitFor();
      current = await nextLetter(page, current);
      letter = await downloadLetter(page);
      text = pdfText(letter);
      expect(text).toMatch(/ROUTINE/);
      expect(text).not.toMatch(/URGENT PRIORITY/);
      // (The DRAFT watermark's letters fall between words in pdftotext's reading.)
      expect(text.replace(/\s+/g, ' ')).toMatch(/Set by the clinician; the assessment suggests (\w )?urgent/);

      expect(await seriousViolations(page)).toEqual([]);
      expect(app.consoleErrors).toEqual([]);

      // The composer with its preview, for a look.
      await page.setViewportSize({ width: 1280, height: 1700 });
      await page.locator('#referral-title').evaluate((el) => el.scrollIntoView({ block: 'start' }));
      await page.waitForTimeout(800); // the PDF viewer paints after the frame loads
      await page.screenshot({ path: artifactPath('referral-composer.png') });
    } finally {
      await app.close();
    }
  });
});

describe.skipIf(dvt === undefined)('the letter\'s choices are saved with the encounter (DVT vignette)', () => {
  test('a section left out, a lower priority and added text survive a reload, and are in the downloaded letter', async () => {
    const app = await openApp(browser, { profile: true });
    try {
      const { page, client } = app;
      const { id } = await client.encounter.save({ ...DVT_DRAFT(), patient: { name: 'Carla Choices', birthDate: null, sex: 'female', identifier: 'MRN 7070' } });
      const open = async () => {
        await page.getByRole('heading', { level: 1, name: /^Carla Choices/ }).waitFor();
        await page.getByRole('heading', { name: /Working diagnosis and referral/ }).scrollIntoViewIfNeeded();
        await page.locator('.priority-why').waitFor();
      };
      await page.goto(`${app.url}#/encounter/${encodeURIComponent(id)}`);
      await open();
      expect(await page.getByLabel('Priority', { exact: true }).inputValue()).toBe('urgent');

      const added = 'Patient prefers morning appointments.';
      await page.getByRole('checkbox', { name: 'Pertinent negatives' }).uncheck();
      await page.getByLabel('Priority', { exact: true }).selectOption('routine');
      await page.getByLabel('Added to the letter').fill(added);
      // Saved as a revision like every other field.
      await expect
        .poll(async () => (await client.encounter.get({ id })).referral, { timeout: 10_000 })
        .toMatchObject({ priority: 'routine', priorityChosen: true, sections: { negatives: false }, additions: added });

      await page.reload();
      await open();
      expect(await page.getByRole('checkbox', { name: 'Pertinent negatives' }).isChecked()).toBe(false);
      expect(await page.getByRole('checkbox', { name: 'Findings present' }).isChecked()).toBe(true);
      expect(await page.getByLabel('Priority', { exact: true }).inputValue()).toBe('routine');
      await page.locator('.priority-why.below').waitFor();
      expect(await page.getByLabel('Added to the letter').inputValue()).toBe(added);

      await page.getByRole('button', { name: 'Prepare the referral letter (PDF)' }).click();
      await readyStatus(page).filter({ hasText: /Letter ready: \d+ pages?/ }).waitFor();
      const letter = await downloadLetter(page);
      await expectPreviewIs(page, letter);
      const text = pdfText(letter);
      expect(text).not.toContain('Pertinent negatives');
      expect(text).toContain('Findings present');
      expect(text).toMatch(/ROUTINE/);
      expect(text).not.toMatch(/URGENT PRIORITY/);
      // (The DRAFT watermark's letters fall between words in pdftotext's reading.)
      expect(text.replace(/\s+/g, ' ')).toMatch(/Set by the clinician; the assessment suggests (\w )?urgent/);
      expect(text.replace(/\s+/g, ' ')).toContain(added);
      // The stored choices alone give this letter: the API's render without options is the same file.
      const stored = await client.encounter.get({ id });
      expect((await client.referral.preview({ id, revision: stored.revision, options: {} })).sha256).toBe(sha(letter));

      // Back to the suggestion: no longer an override, saved too.
      await page.getByRole('button', { name: 'Follow the suggestion' }).click();
      expect(await page.getByLabel('Priority', { exact: true }).inputValue()).toBe('urgent');
      await expect.poll(async () => (await client.encounter.get({ id })).referral?.priorityChosen, { timeout: 10_000 }).toBeUndefined();
      expect(await seriousViolations(page)).toEqual([]);
      expect(app.consoleErrors).toEqual([]);
    } finally {
      await app.close();
    }
  });
});

/** A save dialog and shell standing in for Electron's, and a page given the preload's `window.bridge`. */
interface DesktopApp {
  readonly page: Page;
  readonly client: Client;
  readonly dir: string;
  readonly answers: (string | null)[];
  readonly opened: string[];
  close(): Promise<void>;
}

async function openDesktop(): Promise<DesktopApp> {
  const dataDir = mkdtempSync(join(tmpdir(), 'legpain-e2e-desktop-'));
  const dir = mkdtempSync(join(tmpdir(), 'legpain-e2e-letters-'));
  const answers: (string | null)[] = [];
  const opened: string[] = [];
  const dialog: ReferralSaveDialog = { chooseSavePath: async () => answers.shift() ?? null };
  const shell: ReferralShell = {
    openPath: async (path) => {
      opened.push(path);
      return '';
    },
  };
  const services = openServices({ dataDir, dialog, shell });
  const bridge = await startBridge({ services: services.services, rendererDir: RENDERER_DIR });
  const client = createClient(httpInvoke(`http://127.0.0.1:${bridge.port}`, bridge.token));
  await client.profile.save(PROFILE);
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  // What the preload exposes in the app: one invoke function returning envelopes.
  await context.addInitScript(() => {
    const token = new URLSearchParams(location.search).get('token') ?? '';
    Object.defineProperty(window, 'bridge', {
      value: Object.freeze({
        invoke: (method: string, input: unknown) =>
          fetch(`/api/${method}`, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` }, body: JSON.stringify(input ?? {}) }).then((r) => r.json()),
      }),
    });
  });
  const page = await context.newPage();
  await page.goto(bridge.url);
  return {
    page,
    client,
    dir,
    answers,
    opened,
    async close() {
      await context.close();
      await bridge.close();
      services.close();
      rmSync(dataDir, { recursive: true, force: true });
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

describe('referral composer in the desktop app (save dialog and shell replaced by fakes)', () => {
  test('Save as… cancelled saves nothing; saved where chosen with the previewed bytes; opened; saving again asks before replacing', async () => {
    const app = await openDesktop();
    try {
      const { page, client } = app;
      const { id } = await client.encounter.save({ ...DVT_DRAFT(), patient: { name: 'Dora Desktop', birthDate: null, sex: 'female', identifier: '' } });
      await page.goto(`${page.url().split('#')[0]}#/encounter/${encodeURIComponent(id)}`);
      await page.getByRole('heading', { level: 1, name: /^Dora Desktop/ }).waitFor();
      await page.getByRole('button', { name: 'Prepare the referral letter (PDF)' }).click();
      await readyStatus(page).waitFor();
      // The desktop app saves through the dialog, not as a download.
      expect(await page.getByRole('link', { name: 'Save the PDF' }).count()).toBe(0);

      app.answers.push(null);
      await page.getByRole('button', { name: 'Save as…' }).click();
      await page.getByText('Not saved: the save dialog was cancelled.').waitFor();
      expect(readdirSync(app.dir)).toEqual([]);

      const path = join(app.dir, 'dora.pdf');
      app.answers.push(path);
      await page.getByRole('button', { name: 'Save as…' }).click();
      await page.getByText(`Saved to ${path}`).waitFor();
      const first = await shownSha(page);
      expect(sha(readFileSync(path))).toBe(first);
      const exports = async () => (await client.audit.list({ encounterId: id })).filter((e) => e.action === 'export');
      // saveAs answers after the audit entry is written.
      expect((await exports()).map((e) => e.detail['sha256'])).toEqual([first]);

      await page.getByRole('button', { name: 'Open the file' }).click();
      await expect.poll(() => app.opened).toEqual([path]);

      // A changed letter saved to the same file: the app asks first, and keeps the file if told to.
      await page.getByRole('checkbox', { name: 'Signature' }).uncheck();
      await expect.poll(() => shownSha(page), { timeout: 15_000 }).not.toBe(first);
      await page.getByRole('button', { name: 'Save this version to dora.pdf' }).click();
      const confirm = page.getByRole('alertdialog');
      await confirm.getByText('dora.pdf already exists. Replace it with this version of the letter?').waitFor();
      await confirm.getByRole('button', { name: 'Keep the existing file' }).click();
      expect(sha(readFileSync(path))).toBe(first);
      await page.getByRole('button', { name: 'Save this version to dora.pdf' }).click();
      await page.getByRole('alertdialog').getByRole('button', { name: 'Replace the file' }).click();
      const second = await shownSha(page);
      await expect.poll(() => sha(readFileSync(path))).toBe(second);
      // The file is in place a moment before its audit entry.
      await expect.poll(async () => (await exports()).map((e) => e.detail['sha256'])).toEqual([second, first]);
      expect(readdirSync(app.dir)).toEqual(['dora.pdf']);
    } finally {
      await app.close();
    }
  });
});

describe('reprint from the review screen', () => {
  test('a signed encounter reprints with the same composer; changes are for the print only', async () => {
    const app = await openApp(browser, { profile: true });
    try {
      const { page, client } = app;
      const draft = await client.encounter.save({
        ...DVT_DRAFT(),
        patient: { name: 'Rita Reprint', birthDate: '1961-05-06', sex: 'female', identifier: 'MRN 8080' },
        findings: ['loc-calf', 'unilateral', 'calf-swelling'],
        absent: ['after-intense-activity'],
        referral: { to: 'Vascular clinic', priority: 'urgent', question: 'Please exclude proximal DVT', sections: { imaging: false } },
      });
      await client.encounter.sign({ id: draft.id, baseRevision: draft.revision });
      const before = await client.encounter.get({ id: draft.id });
      await page.goto(`${app.url}#/review/${encodeURIComponent(draft.id)}`);
      await page.getByRole('heading', { level: 1, name: /Rita Reprint, seen/ }).waitFor();
      await page.getByRole('button', { name: 'Reprint the referral letter' }).click();
      await readyStatus(page).filter({ hasText: /Ready: \d+ pages?/ }).waitFor();
      let letter = await downloadLetter(page);
      await expectPreviewIs(page, letter);
      expect(pdfText(letter)).toContain('Please exclude proximal DVT');
      // The reprint starts from the choices stored with the encounter.
      expect(await page.getByRole('checkbox', { name: 'Imaging and investigations' }).isChecked()).toBe(false);
      expect(pdfText(letter)).not.toContain('Imaging and investigations suggested');

      await page.getByRole('checkbox', { name: 'Findings present' }).uncheck();
      await page.getByLabel('Clinical question for the recipient').fill('Duplex scan of the left leg, please.');
      await nextLetter(page, sha(letter));
      // Both changes may arrive in one refresh or two: wait for the question to be in the letter.
      await expect.poll(async () => pdfText(await downloadLetter(page)), { timeout: 15_000 }).toContain('Duplex scan of the left leg, please.');
      letter = await downloadLetter(page);
      await expectPreviewIs(page, letter);
      const text = pdfText(letter);
      expect(text).not.toContain('Findings present');
      expect(text).toContain('Signed by');
      // The record is untouched: same revision, same wording.
      const after = await client.encounter.get({ id: draft.id });
      expect(after.revision).toBe(before.revision);
      expect(after.referral).toEqual(before.referral);
      expect(await seriousViolations(page)).toEqual([]);
      expect(app.consoleErrors).toEqual([]);
      await page.setViewportSize({ width: 1280, height: 1500 });
      await page.locator('#reprint-title').evaluate((el) => el.scrollIntoView({ block: 'start' }));
      await page.waitForTimeout(800); // the PDF viewer paints after the frame loads
      await page.screenshot({ path: artifactPath('referral-reprint.png') });
    } finally {
      await app.close();
    }
  });
});

/**
 * Services holding the first letter back once armed: the first `referral.suggest` answers only once
 * the first `referral.preview` has started, and that preview renders only when the test lets it go,
 * so the suggestion (and whatever the clinician does next) arrives while the letter is rendering.
 * Counts the previews in flight at once.
 */
function holdFirstLetter() {
  let started = (): void => undefined;
  const previewStarted = new Promise<void>((resolve) => (started = resolve));
  let letGo = (): void => undefined;
  const released = new Promise<void>((resolve) => (letGo = resolve));
  // A call that never comes fails the test's own waits, not the bridge.
  const atMost = (p: Promise<void>) => Promise.race([p, new Promise<void>((resolve) => setTimeout(resolve, 20_000))]);
  const state = { armed: false, previews: 0, inFlight: 0, mostInFlight: 0, suggested: false };
  const wrap = (services: Services): Services => ({
    ...services,
    async 'referral.suggest'(input) {
      if (!state.armed) return services['referral.suggest'](input);
      await atMost(previewStarted);
      const answer = await services['referral.suggest'](input);
      state.suggested = true;
      return answer;
    },
    async 'referral.preview'(input) {
      if (!state.armed) return services['referral.preview'](input);
      state.previews++;
      state.mostInFlight = Math.max(state.mostInFlight, ++state.inFlight);
      try {
        if (state.previews === 1) {
          started();
          await atMost(released);
        }
        return await services['referral.preview'](input);
      } finally {
        state.inFlight--;
      }
    },
  });
  return { wrap, state, previewStarted, arm: () => (state.armed = true), release: () => letGo() };
}

/** Waits for the preview to be up to date (its save link offered, nothing said to have changed); resolves to its bytes. */
async function expectFreshPreview(page: Page): Promise<Buffer> {
  await readyStatus(page).getByRole('link', { name: 'Save the PDF' }).waitFor({ timeout: 15_000 });
  expect(await readyStatus(page).innerText()).not.toMatch(/changed since|Updating/);
  expect(await page.locator('iframe.letter-frame.outdated').count()).toBe(0);
  const letter = await downloadLetter(page);
  await expectPreviewIs(page, letter);
  return letter;
}

describe('the suggestion arriving while the first letter renders', () => {
  const draft = (name: string): EncounterDraftInput => ({
    ...DVT_DRAFT(),
    patient: { name, birthDate: '1966-02-03', sex: 'female', identifier: 'MRN 6060' },
    findings: ['loc-calf', 'unilateral', 'calf-swelling'],
    absent: ['after-intense-activity'],
  });

  test('workspace: a section left out meanwhile (saved as a new revision) is in the preview that follows, which ends up fresh', async () => {
    const held = holdFirstLetter();
    const app = await openApp(browser, { profile: true, wrapServices: held.wrap });
    try {
      const { page, client } = app;
      const { id } = await client.encounter.save(draft('Sue Suggest'));
      const unedited = pdfText(Buffer.from((await client.referral.preview({ id, options: {} })).pdfBase64, 'base64'));
      expect(unedited).toContain('Pertinent negatives');
      held.arm();
      await page.goto(`${app.url}#/encounter/${encodeURIComponent(id)}`);
      await page.getByRole('heading', { level: 1, name: /^Sue Suggest/ }).waitFor();
      await page.getByRole('heading', { name: /Working diagnosis and referral/ }).scrollIntoViewIfNeeded();

      await page.getByRole('button', { name: 'Prepare the referral letter (PDF)' }).click();
      await held.previewStarted;
      // The suggested wording arrives while the letter renders; the clinician leaves a section out.
      await expect.poll(() => held.state.suggested).toBe(true);
      await expect.poll(() => page.getByLabel('Reason for referral').inputValue()).not.toBe('');
      await page.getByRole('checkbox', { name: 'Pertinent negatives' }).uncheck();
      await expect.poll(async () => (await client.encounter.get({ id })).referral?.sections, { timeout: 10_000 }).toEqual({ negatives: false });
      held.release();

      const letter = await expectFreshPreview(page);
      const text = pdfText(letter);
      expect(text).not.toContain('Pertinent negatives');
      expect(text).toContain('Findings present');
      // The letter of the latest revision with the choices on screen (all saved with it).
      const stored = await client.encounter.get({ id });
      expect((await client.referral.preview({ id, revision: stored.revision, options: {} })).sha256).toBe(sha(letter));
      expect(held.state.mostInFlight).toBe(1);
      expect(app.consoleErrors).toEqual([]);
    } finally {
      await app.close();
    }
  });

  test('review reprint: a section left out meanwhile (this print only) is in the preview that follows, which ends up fresh', async () => {
    const held = holdFirstLetter();
    const app = await openApp(browser, { profile: true, wrapServices: held.wrap });
    try {
      const { page, client } = app;
      const saved = await client.encounter.save(draft('Ray Reprint'));
      await client.encounter.sign({ id: saved.id, baseRevision: saved.revision });
      const { id, revision } = await client.encounter.get({ id: saved.id });
      held.arm();
      await page.goto(`${app.url}#/review/${encodeURIComponent(id)}`);
      await page.getByRole('heading', { level: 1, name: /Ray Reprint, seen/ }).waitFor();

      await page.getByRole('button', { name: 'Reprint the referral letter' }).click();
      await held.previewStarted;
      // On the review screen the suggested priority comes from referral.suggest.
      await expect.poll(() => held.state.suggested).toBe(true);
      await page.locator('.priority-why').waitFor();
      await page.getByRole('checkbox', { name: 'Pertinent negatives' }).uncheck();
      held.release();

      const letter = await expectFreshPreview(page);
      const text = pdfText(letter);
      expect(text).not.toContain('Pertinent negatives');
      expect(text).toContain('Findings present');
      expect((await client.referral.preview({ id, revision, options: { sections: { negatives: false } } })).sha256).toBe(sha(letter));
      expect((await client.encounter.get({ id })).revision).toBe(revision);
      expect(held.state.mostInFlight).toBe(1);
      expect(app.consoleErrors).toEqual([]);
    } finally {
      await app.close();
    }
  });
});
