import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Browser } from 'playwright-core';
import { launchBrowser, openApp } from './harness.ts';

/**
 * Parts of the workspace below the fold are built just after its first frame, so that it opens
 * sooner on a slow PC. What must never wait is above the fold: the patient, the red flags with any
 * emergency, and the differential are in the very first frame that shows the encounter; the rest
 * follows at once.
 */

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

interface FirstFrame {
  heading: string;
  redFlags: string;
  differentialItems: number;
}

describe('the first frame of an encounter', () => {
  test('shows the patient, an emergency red flag and the differential; imaging, Wells, notes and referral follow', async () => {
    const app = await openApp(browser, { profile: true });
    try {
      const { page } = app;
      const saved = await app.client.encounter.save({
        seenAt: new Date().toISOString(),
        patient: { name: 'First Frame Patient' },
        complaint: 'Back pain down both legs, numb between the legs',
        findings: ['loc-calf', 'unilateral', 'calf-swelling', 'saddle-anesthesia'],
        notes: 'Noted before the reload.',
      });
      // Each animation frame's callbacks run just before that frame is styled, laid out and
      // painted, with no task in between: what is in the page then is what the frame shows.
      await page.addInitScript(() => {
        const w = window as unknown as { __firstFrame?: FirstFrame };
        const look = (): void => {
          const heading = document.querySelector('h1[elementtiming="workspace"]');
          if (heading === null) {
            requestAnimationFrame(look);
            return;
          }
          w.__firstFrame = {
            heading: heading.textContent ?? '',
            redFlags: document.getElementById('red-flags')?.textContent ?? '',
            differentialItems: document.querySelectorAll('ol[aria-label="Differential diagnosis"] > li').length,
          };
        };
        requestAnimationFrame(look);
      });
      await page.evaluate((id) => (location.hash = `#/encounter/${encodeURIComponent(id)}`), saved.id);
      await page.reload();
      const first = (await (await page.waitForFunction(() => (window as unknown as { __firstFrame?: FirstFrame }).__firstFrame)).jsonValue()) as FirstFrame;

      expect(first.heading).toContain('First Frame Patient');
      expect(first.redFlags).toMatch(/EMERGENCY/i);
      expect(first.redFlags).toMatch(/cauda equina/i);
      expect(first.differentialItems).toBeGreaterThan(0);

      // The rest of the screen, as after any opening.
      await page.getByRole('region', { name: 'Imaging' }).waitFor();
      await page.getByRole('region', { name: 'Wells score for DVT' }).waitFor();
      expect(await page.locator('#notes').inputValue()).toBe('Noted before the reload.');
      await page.getByRole('region', { name: /^Working diagnosis and referral/ }).waitFor();
      expect(app.consoleErrors).toEqual([]);
    } finally {
      await app.close();
    }
  });
});
