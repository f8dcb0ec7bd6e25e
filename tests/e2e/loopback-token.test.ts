import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { launchBrowser, openApp } from './harness.ts';

/**
 * Issue 11, item 16: the loopback page's access token is in the address it is opened with; the
 * page reads it and takes it out of the address bar and the history, and goes on working, also
 * after a reload of the same tab.
 */

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

describe('the loopback page and its token', () => {
  test('removes the token from the address and the history, and still answers after a reload', async () => {
    const app = await openApp(browser, { profile: true });
    try {
      const { page } = app;
      const token = new URL(app.url).searchParams.get('token')!;
      expect(token.length).toBeGreaterThan(10);
      await page.getByRole('heading', { level: 1, name: 'Encounters' }).waitFor();
      expect(page.url()).not.toContain(token);
      expect(await page.evaluate(() => location.href)).not.toContain('token');
      // The history holds the page without its token: back is the blank page the browser began with, forward the app again.
      await page.goBack();
      expect(page.url()).toBe('about:blank');
      await page.goForward();
      expect(page.url()).not.toContain(token);
      await page.getByRole('heading', { level: 1, name: 'Encounters' }).waitFor();

      await app.client.encounter.save({ seenAt: '2026-11-25T10:30:00.000Z', patient: { name: 'After Reload Patient' } });
      await page.reload();
      await page.getByRole('region', { name: 'Drafts in progress' }).getByRole('link', { name: /After Reload Patient/ }).waitFor();
      expect(page.url()).not.toContain(token);
    } finally {
      await app.close();
    }
  });
});
