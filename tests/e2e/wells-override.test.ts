import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { EncounterDraftInput } from '../../shared/api/encounter.ts';
import { causeById } from '../../shared/clinical/index.ts';
import { launchBrowser, openApp, PROFILE, seriousViolations } from './harness.ts';
import { labelOf, waitSaved } from './pages.ts';

/**
 * The Wells item "alternative diagnosis at least as likely as DVT" as the clinician's judgement:
 * suggested by the engine with the findings it rests on, confirmed or overridden in the workspace
 * by keyboard, stored with the encounter, still so after a reload, and printed in the letter.
 */

/** A red, hot calf with fever and broken skin: DVT is in question, cellulitis is suggested as the alternative. Test data. */
const CELLULITIS: EncounterDraftInput = {
  seenAt: '2026-11-25T10:30:00.000Z',
  patient: { name: 'Cal Wells', birthDate: '1968-02-01', sex: 'male', identifier: 'MRN 7001' },
  clinician: { name: PROFILE.name, role: PROFILE.role },
  complaint: 'Red, hot, tender area on the left calf for three days',
  findings: ['loc-calf', 'unilateral', 'redness', 'warmth', 'fever', 'rf-skin-break', 'ex-spreading-erythema', 'onset-gradual'],
  absent: ['after-intense-activity'],
  referral: { to: 'Acute medical unit, City Hospital' },
};

const cellulitis = causeById('cellulitis')!.label;
const strain = causeById('muscle-strain')!.label;

const wellsRegion = (page: Page) => page.getByRole('region', { name: 'Wells score for DVT' });
const stateLine = (page: Page) => wellsRegion(page).locator('.wells-alt-state');

/** Presses a button of the Wells panel from the keyboard: focused, then Enter. */
async function press(page: Page, name: string | RegExp): Promise<void> {
  await wellsRegion(page).getByRole('button', { name }).focus();
  await page.keyboard.press('Enter');
}

function pdfText(bytes: Uint8Array): string {
  const dir = mkdtempSync(join(tmpdir(), 'legpain-e2e-wells-'));
  try {
    writeFileSync(join(dir, 'letter.pdf'), bytes);
    return execFileSync('pdftotext', ['-layout', '-enc', 'UTF-8', join(dir, 'letter.pdf'), '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * The letter as saved from the composer, once it shows a letter other than the last one read here
 * (each judgement changes the letter, so its SHA-256 changes), read back with pdftotext.
 */
let lastSha = '';
async function letterText(page: Page): Promise<string> {
  const ready = page.locator('.letter-ready[role="status"]');
  const sha = async () => ((await ready.count()) > 0 ? (await ready.locator('.sha code').innerText()).trim() : '');
  const prepare = page.getByRole('button', { name: /^(Prepare the referral letter \(PDF\)|Update the preview)$/ });
  // The composer is built just after the workspace's first paint (after a reload, too): wait until
  // it shows its button or a letter before deciding whether to press it.
  await prepare.or(ready).first().waitFor({ timeout: 15_000 });
  if ((await prepare.count()) > 0 && (await prepare.isEnabled())) await prepare.click();
  await expect.poll(sha, { timeout: 15_000 }).not.toBe(lastSha);
  const link = ready.getByRole('link', { name: 'Save the PDF' });
  await link.waitFor({ timeout: 15_000 });
  lastSha = await sha();
  const [download] = await Promise.all([page.waitForEvent('download'), link.click()]);
  return pdfText(readFileSync((await download.path())!));
}

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

describe('the Wells alternative judgement in the workspace', () => {
  test('suggested, overridden by keyboard, stored, reloaded and printed; another cause named; back to the suggestion; confirmed', async () => {
    const app = await openApp(browser, { profile: true });
    try {
      const { page, client } = app;
      const { id } = await client.encounter.save(CELLULITIS);
      await page.goto(`${app.url}#/encounter/${encodeURIComponent(id)}`);
      await page.getByRole('heading', { level: 1, name: /^Cal Wells/ }).waitFor();

      // The suggestion, its reason findings, and the score it gives.
      const wells = wellsRegion(page);
      await expect.poll(() => stateLine(page).innerText()).toContain('Suggested by the assessment, not yet confirmed.');
      const suggested = await stateLine(page).innerText();
      expect(suggested).toContain(cellulitis);
      expect(suggested).toContain(labelOf('ex-spreading-erythema'));
      expect(suggested).toContain(labelOf('fever'));
      expect(await wells.innerText()).toContain('-2 points: DVT unlikely');
      expect(await wells.innerText()).toContain('An alternative diagnosis at least as likely as DVT: met (-2)');

      // Overridden: not met. The score and the words change, and the focus lands on the judgement.
      await press(page, 'Not met');
      await expect.poll(() => stateLine(page).innerText()).toContain('Overridden by the clinician.');
      expect(await page.evaluate(() => document.activeElement?.classList.contains('wells-alt-state'))).toBe(true);
      expect(await stateLine(page).innerText()).toContain(`Not met: no alternative diagnosis is at least as likely as DVT (the assessment suggested ${cellulitis}`);
      expect(await wells.innerText()).toContain('0 points: DVT unlikely');
      await waitSaved(page);
      let stored = await client.encounter.get({ id });
      expect(stored.wellsAlternative).toEqual({ met: false });
      expect(stored.assessment.scores.wellsDvt.alternativeJudgement?.state).toBe('overridden');
      expect(stored.assessment.scores.wellsDvt.points).toBe(0);

      // Reloaded: the same judgement, from the store.
      await page.reload();
      await page.getByRole('heading', { level: 1, name: /^Cal Wells/ }).waitFor();
      await expect.poll(() => stateLine(page).innerText()).toContain('Overridden by the clinician.');

      // Printed in the letter, with the suggestion it set aside.
      const letter = await letterText(page);
      expect(letter).toContain('0 points: DVT unlikely');
      expect(letter).toContain('An alternative diagnosis at least as likely as DVT: not met.');
      expect(letter).toContain(`Set by the clinician: no alternative diagnosis is at least as likely as DVT (the assessment suggested ${cellulitis}`);

      // Another cause named: a select and an explicit "Set".
      await press(page, 'Name another cause…');
      expect(await page.evaluate(() => document.activeElement?.id)).toBe('wells-alt-cause');
      await page.getByLabel('Alternative diagnosis at least as likely as DVT', { exact: true }).selectOption('muscle-strain');
      await press(page, 'Set');
      await expect.poll(() => stateLine(page).innerText()).toContain(`Overridden by the clinician. ${strain} is at least as likely as DVT (the assessment suggested ${cellulitis}`);
      await waitSaved(page);
      expect((await client.encounter.get({ id })).wellsAlternative).toEqual({ met: true, cause: 'muscle-strain' });
      expect(await letterText(page)).toContain(`Set by the clinician: ${strain} is at least as likely as DVT`);

      // Back to the suggestion: the judgement is no longer stored.
      await press(page, 'Back to the suggestion');
      await expect.poll(() => stateLine(page).innerText()).toContain('Suggested by the assessment, not yet confirmed.');
      await waitSaved(page);
      stored = await client.encounter.get({ id });
      expect(stored).not.toHaveProperty('wellsAlternative');
      expect(stored.assessment.scores.wellsDvt.alternativeJudgement?.state).toBe('suggested');

      // Confirmed: stored with the cause it confirms, printed as confirmed.
      await press(page, 'Confirm the suggestion');
      await expect.poll(() => stateLine(page).innerText()).toContain('Confirmed by the clinician.');
      await waitSaved(page);
      stored = await client.encounter.get({ id });
      expect(stored.wellsAlternative).toEqual({ met: true, cause: 'cellulitis' });
      expect(stored.assessment.scores.wellsDvt.alternativeJudgement?.state).toBe('confirmed');
      expect(await letterText(page)).toContain(`Confirmed by the clinician: ${cellulitis} is at least as likely as DVT`);

      await press(page, 'Name another cause…');
      expect((await seriousViolations(page)).map((v) => `${v.id}: ${v.help}`)).toEqual([]);
      expect(app.consoleErrors).toEqual([]);
    } finally {
      await app.close();
    }
  });

  test('where nothing raises the question of DVT the panel says only that the score does not apply', async () => {
    const app = await openApp(browser, { profile: true });
    try {
      const { page, client } = app;
      const { id } = await client.encounter.save({
        ...CELLULITIS,
        patient: { ...CELLULITIS.patient, name: 'Sam Sciatic' },
        findings: ['loc-lower-back', 'loc-posterior-thigh', 'unilateral', 'radiates-from-back', 'radiates-below-knee', 'char-shooting'],
        absent: [],
      });
      await page.goto(`${app.url}#/encounter/${encodeURIComponent(id)}`);
      await page.getByRole('heading', { level: 1, name: /^Sam Sciatic/ }).waitFor();
      const text = (await wellsRegion(page).innerText()).trim();
      expect(text.split('\n').map((l) => l.trim()).filter(Boolean)).toEqual([
        'Wells score for DVT',
        'The Wells score does not apply: nothing recorded raises the question of DVT',
      ]);
      expect(await wellsRegion(page).getByRole('button').count()).toBe(0);
    } finally {
      await app.close();
    }
  });
});
