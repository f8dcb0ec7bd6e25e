import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { launchBrowser, openApp, type App } from './harness.ts';
import { seedHistory } from './review-helpers.ts';

/**
 * Issue 11, items 8 and 11, from the data screen: an export written to a file with its progress
 * shown, encrypted with a passphrase; imported on another installation, refused with a wrong
 * passphrase (nothing imported, said in words), then imported with the right one.
 */

const SEEDED = 3_000;
const PASSPHRASE = 'a long passphrase for the stick';
let browser: Browser;
let source: App;
let target: App;
const work = mkdtempSync(join(tmpdir(), 'legpain-export-e2e-'));

beforeAll(async () => {
  browser = await launchBrowser();
  source = await openApp(browser, { profile: true });
  target = await openApp(browser, { profile: true });
  await seedHistory(source.client, { count: SEEDED, seed: 5, batch: 1500 });
}, 300_000);

afterAll(async () => {
  await source?.close();
  await target?.close();
  await browser?.close();
  rmSync(work, { recursive: true, force: true });
});

describe('encrypted export and import from the data screen', () => {
  test('the export shows its progress, writes an encrypted file, and another installation imports it only with the passphrase', async () => {
    const file = join(work, 'for-the-clinic.json');
    const { page } = source;
    await page.goto(`${source.url}#/data`);
    await page.getByRole('heading', { level: 1, name: 'Backup, export and import' }).waitFor();
    await page.getByLabel('Save the export to').fill(file);
    await page.getByLabel('Passphrase (optional: encrypts the export, at least 10 characters)').fill(PASSPHRASE);
    await page.getByLabel('Passphrase again').last().fill(PASSPHRASE);
    await page.evaluate(() => {
      const w = window as unknown as { __lines: string[] };
      w.__lines = [];
      new MutationObserver(() => {
        const line = document.querySelector('.job .stage')?.textContent;
        if (line && w.__lines.at(-1) !== line) w.__lines.push(line);
      }).observe(document.querySelector('.data-panel')!, { subtree: true, childList: true, characterData: true });
    });
    await page.getByRole('button', { name: 'Export JSON (complete, with every revision)' }).click();
    await page.getByText(new RegExp(`^${SEEDED} encounters exported to .* encrypted with your passphrase\\.$`)).waitFor({ timeout: 120_000 });
    const lines = await page.evaluate(() => (window as unknown as { __lines: string[] }).__lines);
    // The main process's progress was shown, in encounters.
    expect(lines.some((l) => /^Exporting \d+% \([\d,]+ of 3,000 encounters\)$/.test(l)), JSON.stringify(lines)).toBe(true);
    const bytes = readFileSync(file);
    expect(bytes.subarray(0, 8).toString('ascii')).toBe('LPDXSEAL');
    expect(bytes.includes(Buffer.from('leg-pain-ddx/encounters'))).toBe(false);

    const other = target.page;
    await other.goto(`${target.url}#/data`);
    await other.getByRole('heading', { level: 1, name: 'Backup, export and import' }).waitFor();
    await other.getByLabel('Passphrase (if the file is encrypted)').fill('not the passphrase');
    await other.getByLabel('JSON export').setInputFiles(file);
    await other.getByRole('alert').getByText('The passphrase is not the one this file was protected with. Nothing was imported.').waitFor({ timeout: 60_000 });
    expect((await target.client.encounter.list({ limit: 10 })).items).toHaveLength(0);

    await other.getByLabel('Passphrase (if the file is encrypted)').fill(PASSPHRASE);
    await other.getByLabel('JSON export').setInputFiles(file);
    await other.getByText(`${SEEDED} encounters imported; 0 left out. Nothing already stored was changed.`).waitFor({ timeout: 240_000 });
  }, 420_000);
});
