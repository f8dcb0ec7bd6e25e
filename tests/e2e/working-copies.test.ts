import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { launchBrowser, openApp, savesThatCanFail } from './harness.ts';
import { startEncounter, waitSaved } from './pages.ts';

/**
 * Issue 11, item 9: the copies of typed text kept in the browser's local storage (unsaved edits,
 * a copy set aside after a conflict) hold patient data; they go once signing has made them moot,
 * and on a restore, which replaces the database they were copies of.
 */

let browser: Browser;
const work = mkdtempSync(join(tmpdir(), 'legpain-working-copies-e2e-'));
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  rmSync(work, { recursive: true, force: true });
});

const keptCopies = (page: Page): Promise<string[]> =>
  page.evaluate(() => Object.keys(localStorage).filter((key) => key.startsWith('legpain.unsaved.') || key.startsWith('legpain.recovered.')));

describe('working copies in local storage', () => {
  test('signing clears the copies of the encounter, after saying a copy set aside goes', async () => {
    const app = await openApp(browser, { profile: true });
    try {
      const { page } = app;
      const id = await startEncounter(page, { name: 'Signing Patient' });
      await page.getByRole('textbox', { name: 'Notes' }).fill('First note');
      await waitSaved(page);
      const other = await app.client.encounter.get({ id });
      await app.client.encounter.save({ ...other, id, baseRevision: other.revision, notes: 'Changed elsewhere' });
      await page.getByRole('textbox', { name: 'Notes' }).fill('Typed here meanwhile');
      const alert = page.getByRole('alert').filter({ hasText: 'changed somewhere else' });
      await alert.getByRole('button', { name: /Load the latest version/ }).click();
      await waitSaved(page);
      expect(await keptCopies(page)).toEqual([`legpain.recovered.${id}`]);

      await page.keyboard.press('Alt+S');
      const dialog = page.getByRole('dialog', { name: 'Sign this encounter?' });
      await dialog.getByText(/earlier text set aside on this screen is discarded when you sign/).waitFor();
      await dialog.getByRole('button', { name: 'Sign and lock' }).click();
      await page.getByText('Signed and stored').waitFor();
      expect(await keptCopies(page)).toEqual([]);
      // Nothing comes back on a reload either.
      await page.reload();
      await page.getByRole('heading', { level: 1, name: /^Signing Patient/ }).waitFor();
      expect(await page.getByRole('region', { name: 'Your earlier text, not in the stored record' }).count()).toBe(0);
    } finally {
      await app.close();
    }
  });

  test('a restore clears every copy kept in the browser, after saying so', async () => {
    const saves = savesThatCanFail();
    const app = await openApp(browser, { profile: true, wrapServices: saves.wrap });
    try {
      const { page } = app;
      await app.client.encounter.save({ seenAt: '2026-11-25T10:30:00.000Z', patient: { name: 'Backed Up Patient' } });
      const backup = join(work, 'before.sqlite');
      await app.client.backup.create({ path: backup });

      const id = await startEncounter(page, { name: 'Unstored Patient' });
      await waitSaved(page);
      saves.failing = true;
      await page.getByRole('textbox', { name: 'Notes' }).fill('Never stored');
      await page.getByRole('alert').filter({ hasText: /Not saved yet/ }).waitFor();
      await page.keyboard.press('Alt+Y');
      await page.getByRole('button', { name: /Leave anyway/ }).click();
      await page.getByRole('heading', { level: 1, name: 'History' }).waitFor();
      expect(await keptCopies(page)).toEqual([`legpain.unsaved.${id}`]);

      await page.goto(`${app.url}#/data`);
      await page.getByLabel('Backup file').fill(backup);
      await page.getByRole('button', { name: 'Restore…' }).click();
      await page.getByRole('alert').filter({ hasText: 'Text kept on this computer but not stored, for 1 encounter, is discarded with it.' }).waitFor();
      await page.getByRole('button', { name: 'Yes, restore' }).click();
      await page.getByText(/Restored 1 encounters from /).waitFor();
      expect(await keptCopies(page)).toEqual([]);
    } finally {
      await app.close();
    }
  });
});
