/**
 * Accessibility of every screen (axe-core: no serious or critical violation) and screenshots of
 * the key screens as test artefacts (test-results/*.png).
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { artifactPath, birthDateForAge, launchBrowser, loadVignettes, openApp, seriousViolations, type App } from './harness.ts';
import { enterCase } from './enter-case.ts';
import { clickRegion, differentialItems, redFlagsRegion, startEncounter, typeFinding, waitSaved } from './pages.ts';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

async function expectAccessible(page: Page, screen: string): Promise<void> {
  const violations = await seriousViolations(page);
  expect(violations.map((v) => `${screen}: ${v.id} (${v.impact}) ${v.help} at ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
}

/** The documentation column back at its top (patient, complaint, picker, body map) for the picture. */
async function scrollToTop(page: Page): Promise<void> {
  await page.evaluate(() => document.querySelector('.doc-column')?.scrollTo(0, 0));
  await page.mouse.move(0, 0);
}

async function withApp(options: { profile?: boolean }, run: (app: App) => Promise<void>): Promise<void> {
  const app = await openApp(browser, options);
  try {
    await run(app);
    expect(app.consoleErrors).toEqual([]);
  } finally {
    await app.close();
  }
}

describe('axe-core finds no serious or critical violation', () => {
  test('first-run profile form, start screen, new encounter form, profile editing', async () => {
    await withApp({}, async ({ page }) => {
      await page.getByRole('heading', { level: 1, name: 'Welcome to Leg Pain DDx' }).waitFor();
      await expectAccessible(page, 'first-run profile');
      await page.getByLabel('Your name').fill('Dr Axe');
      await page.getByRole('button', { name: 'Save and continue' }).click();
      await page.getByRole('heading', { level: 1, name: 'Encounters' }).waitFor();
      await expectAccessible(page, 'start screen (empty)');
      await page.keyboard.press('Alt+N');
      await page.getByRole('heading', { level: 1, name: 'New encounter' }).waitFor();
      await page.getByRole('button', { name: 'Start encounter' }).click();
      await page.getByText("Enter the patient's name").waitFor();
      await expectAccessible(page, 'new encounter (with an error)');
      await page.keyboard.press('Alt+U');
      await page.getByRole('heading', { level: 1, name: 'Your clinician profile' }).waitFor();
      await expectAccessible(page, 'profile');
    });
  });

  test('workspace with findings, open details, red flags; shortcut overlay; sign dialog; signed view', async () => {
    await withApp({ profile: true }, async ({ page }) => {
      await startEncounter(page, { name: 'Axe Patient', birthDate: '1970-05-01', sex: 'male' });
      await expectAccessible(page, 'empty workspace');
      await clickRegion(page, 'calf', 'left');
      await typeFinding(page, 'calf-swelling', 'present');
      await typeFinding(page, 'dyspnea-or-chest-pain', 'present');
      await typeFinding(page, 'numbness', 'absent');
      await differentialItems(page).locator('summary').first().click();
      await page.locator('.wells summary').click();
      await page.getByLabel('Find a finding').fill('calf');
      await expectAccessible(page, 'workspace');
      await page.getByLabel('Find a finding').fill('');
      await page.keyboard.press('F1');
      await page.getByRole('dialog', { name: 'Keyboard shortcuts' }).waitFor();
      await expectAccessible(page, 'shortcut overlay');
      await page.keyboard.press('Escape');
      await page.getByRole('button', { name: /^Sign…/ }).click();
      await page.getByRole('dialog', { name: 'Sign this encounter?' }).waitFor();
      await expectAccessible(page, 'sign dialog');
      await page.getByRole('button', { name: 'Sign and lock' }).click();
      await page.getByText('Signed by').waitFor();
      await expectAccessible(page, 'signed encounter');
    });
  });
});

describe('screenshots of the key screens', () => {
  test('start screen with drafts and signed encounters', async () => {
    await withApp({ profile: true }, async ({ page, client }) => {
      const now = Date.now();
      const people = [
        { name: 'Ada Example', identifier: 'MRN 004211', findings: ['loc-calf', 'unilateral', 'calf-swelling', 'warmth'] },
        { name: 'Ben Porter', identifier: 'MRN 004377', findings: ['loc-posterior-thigh', 'onset-sudden', 'after-intense-activity'] },
        { name: 'Carla Diaz', identifier: 'MRN 004502', findings: ['loc-lower-back', 'radiates-below-knee', 'worse-sitting'] },
      ];
      for (const [i, p] of people.entries()) {
        const saved = await client.encounter.save({ seenAt: new Date(now - i * 3_600_000).toISOString(), patient: { name: p.name, identifier: p.identifier, sex: 'unknown' }, findings: p.findings });
        if (i === 2) await client.encounter.sign({ id: saved.id, baseRevision: saved.revision });
      }
      await page.reload();
      await page.getByRole('link', { name: /Ada Example/ }).waitFor();
      await page.getByRole('link', { name: /Carla Diaz/ }).waitFor();
      await expectAccessible(page, 'start screen with encounters');
      await page.screenshot({ path: artifactPath('start-screen.png') });
    });
  });

  const dvt = loadVignettes().find((v) => v.id === 'dvt-classic');
  test.skipIf(dvt === undefined)('a DVT encounter with its red flag', async () => {
    await withApp({ profile: true }, async ({ page }) => {
      await startEncounter(page, { name: 'Ada Example', birthDate: birthDateForAge(dvt!.case.age ?? 52), sex: dvt!.case.sex ?? 'female', identifier: 'MRN 004211' });
      await page.getByLabel('Presenting complaint').fill('Pain and swelling at the back of the left calf for 3 days, after a long-haul flight');
      await enterCase(page, dvt!.case);
      await waitSaved(page);
      expect(await redFlagsRegion(page).innerText()).not.toContain('None raised');
      await scrollToTop(page);
      await page.screenshot({ path: artifactPath('dvt-encounter.png') });
    });
  });

  test('an emergency: cauda equina', async () => {
    await withApp({ profile: true }, async ({ page }) => {
      await startEncounter(page, { name: 'Dan Murray', birthDate: birthDateForAge(47), sex: 'male', identifier: 'MRN 004613' });
      await page.getByLabel('Presenting complaint').fill('Low back pain radiating down both legs; numb between the legs since this morning');
      await enterCase(page, { findings: ['loc-lower-back', 'loc-buttock', 'loc-posterior-thigh', 'bilateral', 'radiates-from-back', 'numbness', 'saddle-anesthesia', 'bladder-bowel-dysfunction'] });
      await waitSaved(page);
      expect(await redFlagsRegion(page).innerText()).toMatch(/emergency/i);
      await expectAccessible(page, 'emergency encounter');
      await scrollToTop(page);
      await page.screenshot({ path: artifactPath('cauda-equina-encounter.png') });
    });
  });
});
