import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { ApiError } from '../../shared/api/errors.ts';
import type { Services } from '../../shared/api/methods.ts';
import { RESTORE_RUNNING } from '../../electron/main/store/store.ts';
import { launchBrowser, openApp } from './harness.ts';
import { startEncounter, waitSaved } from './pages.ts';

/**
 * Issue 11 as the clinician sees it: an encrypted backup from the data screen, a file already
 * there replaced only after confirming, a restore that asks for the passphrase, and a save
 * refused while a restore runs, kept on screen with the reason and saved afterwards.
 */

let browser: Browser;
const work = mkdtempSync(join(tmpdir(), 'legpain-data-safety-e2e-'));
const PASSPHRASE = 'a long passphrase for the USB stick';

beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  rmSync(work, { recursive: true, force: true });
});

describe('data safety on the data screen', () => {
  test('encrypted backup, replace only after confirming, restore asks for the passphrase', async () => {
    const app = await openApp(browser, { profile: true });
    try {
      const { page } = app;
      const { id } = await app.client.encounter.save({ seenAt: '2026-11-25T10:30:00.000Z', patient: { name: 'Usb Patient' }, notes: 'kept in the backup' });
      await page.goto(`${app.url}#/data`);
      await page.getByText(/relies on this computer’s disk encryption \(BitLocker on Windows, FileVault on macOS, LUKS on Linux\)/).waitFor();
      const target = join(work, 'usb.backup');
      await page.getByLabel('Save the backup to').fill(target);
      await page.getByLabel(/^Passphrase \(optional: encrypts the backup/).fill(PASSPHRASE);
      await page.getByLabel('Passphrase again').fill('something else');
      await page.getByText('The two passphrases differ.').waitFor();
      expect(await page.getByRole('button', { name: 'Back up now' }).isDisabled()).toBe(true);
      await page.getByLabel('Passphrase again').fill(PASSPHRASE);
      await page.getByRole('button', { name: 'Back up now' }).click();
      await page.getByText(/Backup written to .*, encrypted with your passphrase\./).waitFor();
      expect(readFileSync(target).subarray(0, 8).toString()).toBe('LPDXSEAL');

      // The passphrase is not kept once used. The same file again: asked first, replaced only on "Yes".
      expect(await page.getByLabel(/^Passphrase \(optional: encrypts the backup/).inputValue()).toBe('');
      await page.getByLabel(/^Passphrase \(optional: encrypts the backup/).fill(PASSPHRASE);
      await page.getByLabel('Passphrase again').fill(PASSPHRASE);
      await page.getByRole('button', { name: 'Back up now' }).click();
      const ask = page.getByRole('alert').filter({ hasText: 'A file already exists there. Replace it with this backup?' });
      await ask.waitFor();
      await ask.getByRole('button', { name: 'Yes, replace it' }).click();
      await page.getByText(/Backup written to .*, encrypted with your passphrase\./).waitFor();
      expect(readFileSync(target).subarray(0, 8).toString()).toBe('LPDXSEAL');

      await app.client.encounter.save({ seenAt: '2026-11-26T10:30:00.000Z', patient: { name: 'Later Patient' } });
      await page.getByLabel('Backup file').fill(target);
      await page.getByLabel('Passphrase (if the backup is encrypted)').fill('not the passphrase at all');
      await page.getByRole('button', { name: 'Restore…' }).click();
      await page.getByRole('button', { name: 'Yes, restore' }).click();
      await page.getByRole('alert').filter({ hasText: /passphrase is not the one this backup was protected with\. Your current encounters were not changed/ }).waitFor();
      expect((await app.client.encounter.list({})).total).toBe(2);

      await page.getByLabel('Passphrase (if the backup is encrypted)').fill(PASSPHRASE);
      await page.getByRole('button', { name: 'Restore…' }).click();
      await page.getByRole('button', { name: 'Yes, restore' }).click();
      await page.getByText(/Restored 1 encounters from /).waitFor();
      expect((await app.client.encounter.get({ id })).notes).toBe('kept in the backup');
    } finally {
      await app.close();
    }
  });

  test('a save refused while a restore runs stays on screen with the reason, and is saved afterwards', async () => {
    let restoring = false;
    const wrap = (services: Services): Services => ({
      ...services,
      // What the main process answers to a save while a restore runs (store.ts).
      'encounter.save': (input) => {
        if (restoring) throw new ApiError('busy', RESTORE_RUNNING);
        return services['encounter.save'](input);
      },
    });
    const app = await openApp(browser, { profile: true, wrapServices: wrap });
    try {
      const { page } = app;
      const id = await startEncounter(page, { name: 'Busy Patient' });
      await waitSaved(page);
      restoring = true;
      await page.getByRole('textbox', { name: 'Notes' }).fill('Typed while the backup was restored');
      await page.getByRole('alert').filter({ hasText: /Not saved yet\. A backup is being restored/ }).waitFor();
      expect(await page.getByRole('textbox', { name: 'Notes' }).inputValue()).toBe('Typed while the backup was restored');
      restoring = false;
      await waitSaved(page);
      expect((await app.client.encounter.get({ id })).notes).toBe('Typed while the backup was restored');
    } finally {
      await app.close();
    }
  });
});
