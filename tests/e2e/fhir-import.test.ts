import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { bundle, others, patient } from '../shared/review/foreign-bundles.ts';
import { launchBrowser, openApp } from './harness.ts';

/** Importing FHIR from another system on the Data screen: what was left out is on screen, dates as given. */

let browser: Browser;
const work = mkdtempSync(join(tmpdir(), 'legpain-fhir-import-e2e-'));

beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  rmSync(work, { recursive: true, force: true });
});

describe('FHIR import from another system', () => {
  test('lists what was not imported per encounter, and shows the dates at the precision given', async () => {
    const app = await openApp(browser, { profile: true });
    try {
      const file = join(work, 'other-ehr.json');
      writeFileSync(file, JSON.stringify(bundle('1960', '2026-10-01')));
      const { page } = app;
      await page.goto(`${app.url}#/data`);
      await page.getByLabel('FHIR R4 Bundle').setInputFiles(file);
      await page.getByText('1 encounter imported; 0 left out.').waitFor();
      const leftOut = page.getByRole('region', { name: 'Not imported from entry 2' });
      expect(await leftOut.getByRole('listitem').allInnerTexts()).toEqual([
        'Encounter.type',
        'Encounter.serviceProvider',
        'Patient.address',
        'Patient.telecom',
        'Observation (entry 8) http://loinc.org 8867-4 "Heart rate": no finding of Leg Pain DDx has this code',
        'Encounter.reasonCode http://snomed.info/sct 10601006: a code without words',
      ]);
      await page.getByText('Entry 9 (AllergyIntolerance) belongs to no Encounter of the file: not imported.').waitFor();

      const id = (await app.client.encounter.list({})).items[0]!.id;
      const stored = await app.client.encounter.get({ id });
      expect(stored).toMatchObject({ seenAtAsGiven: '2026-10-01', patient: { birthDate: null, birthDateAsGiven: '1960' }, pain: { intensity: 7 }, workingDiagnosis: 'sciatica', workingDiagnosisCode: 'M51.1' });
      await page.goto(`${app.url}#/review/${encodeURIComponent(id)}`);
      const title = await page.getByRole('heading', { level: 1 }).innerText();
      expect(title).toMatch(/seen (1 Oct 2026|Oct 1, 2026)$/);
      await page.getByText(/born 1960,/).waitFor();
      await page.getByText(/, ICD-10 M51\.1$/).waitFor();
    } finally {
      await app.close();
    }
  });

  test('a file without an Encounter says so', async () => {
    const app = await openApp(browser, { profile: true });
    try {
      const file = join(work, 'no-encounter.json');
      writeFileSync(file, JSON.stringify({ resourceType: 'Bundle', type: 'collection', entry: [patient('1960'), others[0]] }));
      await app.page.goto(`${app.url}#/data`);
      await app.page.getByLabel('FHIR R4 Bundle').setInputFiles(file);
      await app.page.getByText('0 encounters imported; 0 left out.').waitFor();
      await app.page.getByText(/^The file has no Encounter, so there is nothing to import/).waitFor();
    } finally {
      await app.close();
    }
  });
});
