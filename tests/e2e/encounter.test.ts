import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Browser } from 'playwright-core';
import { launchBrowser, openApp, PROFILE } from './harness.ts';
import { causeById } from '../../shared/clinical/index.ts';
import { clickFinding, clickRegion, completeFirstRun, differentialItems, escapeRegExp, findingRadio, findingState, labelOf, openRedFlags, redFlagsRegion, refuseChunk, showAllCauses, startEncounter, typeFinding, waitSaved } from './pages.ts';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

describe('first run and the start screen', () => {
  test('a new user sets up a profile, which is stored and editable later', async () => {
    const app = await openApp(browser);
    try {
      const { page } = app;
      await completeFirstRun(page, 'Dr Ada Lovelace');
      expect(await app.client.profile.get({})).toMatchObject({ name: 'Dr Ada Lovelace', role: 'General practitioner' });
      await page.getByRole('link', { name: /Dr Ada Lovelace/ }).click();
      await page.getByRole('heading', { level: 1, name: 'Your clinician profile' }).waitFor();
      expect(await page.getByLabel('Your name').inputValue()).toBe('Dr Ada Lovelace');
      await page.getByLabel('Practice').fill('Harbour Surgery');
      await page.getByRole('button', { name: 'Save profile' }).click();
      await page.getByRole('heading', { level: 1, name: 'Encounters' }).waitFor();
      expect((await app.client.profile.get({}))?.practice).toBe('Harbour Surgery');
    } finally {
      await app.close();
    }
  });

  test('an empty name is refused in plain words and nothing is stored', async () => {
    const app = await openApp(browser);
    try {
      await app.page.getByRole('button', { name: 'Save and continue' }).click();
      await app.page.getByText('Enter your name').waitFor();
      expect(await app.client.profile.get({})).toBeNull();
    } finally {
      await app.close();
    }
  });

  test('recent drafts and signed encounters are listed and open from the start screen', async () => {
    const app = await openApp(browser, { profile: true });
    try {
      const { page } = app;
      const draftId = await startEncounter(page, { name: 'Draft Patient', identifier: 'MRN 1' });
      await page.getByLabel('Presenting complaint').fill('Calf pain');
      await waitSaved(page);
      const signed = await app.client.encounter.save({ seenAt: new Date().toISOString(), patient: { name: 'Signed Patient' }, findings: ['loc-calf'] });
      await app.client.encounter.sign({ id: signed.id, baseRevision: signed.revision });
      await page.getByRole('link', { name: /^Start/ }).click();
      const drafts = page.getByRole('region', { name: 'Drafts in progress' });
      await drafts.getByRole('link', { name: /Draft Patient/ }).waitFor();
      await page.getByRole('region', { name: 'Recently signed' }).getByRole('link', { name: /Signed Patient/ }).waitFor();
      await drafts.getByRole('link', { name: /Draft Patient/ }).click();
      await page.getByRole('heading', { level: 1, name: /^Draft Patient/ }).waitFor();
      expect(page.url()).toContain(`#/encounter/${encodeURIComponent(draftId)}`);
      expect(await page.getByLabel('Presenting complaint').inputValue()).toBe('Calf pain');
    } finally {
      await app.close();
    }
  });
});

describe('documenting an encounter', () => {
  test('the body map records location and side; both legs make it bilateral', async () => {
    const app = await openApp(browser, { profile: true });
    try {
      const { page } = app;
      await startEncounter(page, { name: 'Map Patient' });
      await clickRegion(page, 'calf', 'left');
      expect(await findingState(page, 'loc-calf')).toBe('present');
      expect(await findingState(page, 'unilateral')).toBe('present');
      expect(await page.getByLabel('Side', { exact: true }).inputValue()).toBe('left');
      const leftCalf = page.getByRole('button', { name: 'Calf, left leg', exact: true });
      expect(await leftCalf.getAttribute('aria-pressed')).toBe('true');
      await clickRegion(page, 'calf', 'right');
      expect(await page.getByLabel('Side', { exact: true }).inputValue()).toBe('both');
      expect(await findingState(page, 'bilateral')).toBe('present');
      expect(await findingState(page, 'unilateral')).toBe('not recorded');
      // Unmarking the left leg leaves the right one.
      await leftCalf.click();
      expect(await page.getByLabel('Side', { exact: true }).inputValue()).toBe('right');
      expect(await leftCalf.getAttribute('aria-pressed')).toBe('false');
      expect(await page.getByRole('button', { name: 'Calf, right leg', exact: true }).getAttribute('aria-pressed')).toBe('true');
    } finally {
      await app.close();
    }
  });

  test('the type-ahead finds a finding by a word of its label and records present, absent or clears it', async () => {
    const app = await openApp(browser, { profile: true });
    try {
      const { page } = app;
      await startEncounter(page, { name: 'Picker Patient' });
      await typeFinding(page, 'calf-swelling', 'present');
      expect(await findingState(page, 'calf-swelling')).toBe('present');
      await page.getByText(`${labelOf('calf-swelling')}: recorded present`).waitFor();
      await typeFinding(page, 'numbness', 'absent');
      expect(await findingState(page, 'numbness')).toBe('absent');
      const picker = page.getByRole('combobox', { name: /Find a finding/ });
      await picker.fill(labelOf('numbness'));
      await picker.press('Control+Delete');
      expect(await findingState(page, 'numbness')).toBe('not recorded');
    } finally {
      await app.close();
    }
  });

  test('every edit is stored as a new revision within about a second', async () => {
    const app = await openApp(browser, { profile: true });
    try {
      const { page } = app;
      const id = await startEncounter(page, { name: 'Autosave Patient' });
      await page.getByLabel('Presenting complaint').fill('Aching calf');
      await waitSaved(page);
      await clickFinding(page, 'loc-calf', 'present');
      await waitSaved(page);
      const revisions = await app.client.encounter.revisions({ id });
      expect(revisions.length).toBeGreaterThanOrEqual(3);
      const latest = await app.client.encounter.get({ id });
      expect(latest.complaint).toBe('Aching calf');
      expect(latest.findings).toContain('loc-calf');
      expect(latest.clinician?.name).toBe(PROFILE.name);
      await page.getByText(/^Saved at /).waitFor();
    } finally {
      await app.close();
    }
  });

  test('a reload mid-encounter, even before the save, loses nothing', async () => {
    const app = await openApp(browser, { profile: true });
    try {
      const { page } = app;
      const id = await startEncounter(page, { name: 'Reload Patient', identifier: 'R-1' });
      await page.getByLabel('Presenting complaint').fill('Left calf pain for 3 days');
      await clickRegion(page, 'calf', 'left');
      await typeFinding(page, 'calf-swelling', 'present');
      await clickFinding(page, 'after-intense-activity', 'absent');
      // Typed just now: the reload comes before the autosave pause is over.
      await page.getByRole('textbox', { name: 'Notes' }).pressSequentially('Swollen since the flight', { delay: 5 });
      await page.reload();
      await page.getByRole('heading', { level: 1, name: /^Reload Patient/ }).waitFor();
      expect(await page.getByLabel('Presenting complaint').inputValue()).toBe('Left calf pain for 3 days');
      expect(await page.getByRole('textbox', { name: 'Notes' }).inputValue()).toBe('Swollen since the flight');
      expect(await findingState(page, 'loc-calf')).toBe('present');
      expect(await findingState(page, 'calf-swelling')).toBe('present');
      expect(await findingState(page, 'after-intense-activity')).toBe('absent');
      await waitSaved(page);
      const stored = await app.client.encounter.get({ id });
      expect(stored.notes).toBe('Swollen since the flight');
      expect(stored.absent).toEqual(['after-intense-activity']);
      expect(stored.pain?.side).toBe('left');
      // And once stored, another reload shows the same.
      await page.reload();
      await page.getByRole('heading', { level: 1, name: /^Reload Patient/ }).waitFor();
      expect(await page.getByRole('textbox', { name: 'Notes' }).inputValue()).toBe('Swollen since the flight');
    } finally {
      await app.close();
    }
  });

  test('a save that conflicts with a change made elsewhere keeps the typed text and says so', async () => {
    const app = await openApp(browser, { profile: true });
    try {
      const { page } = app;
      const id = await startEncounter(page, { name: 'Conflict Patient' });
      await page.getByRole('textbox', { name: 'Notes' }).fill('First note');
      await waitSaved(page);
      // Another window saves a revision behind this page's back.
      const other = await app.client.encounter.get({ id });
      await app.client.encounter.save({ ...other, id, baseRevision: other.revision, notes: 'Changed elsewhere' });
      await page.getByRole('textbox', { name: 'Notes' }).fill('My note, typed here');
      const alert = page.getByRole('alert').filter({ hasText: 'changed somewhere else' });
      await alert.waitFor();
      expect(await page.getByRole('textbox', { name: 'Notes' }).inputValue()).toBe('My note, typed here');
      await alert.getByRole('button', { name: 'Save my version as the newest' }).click();
      await waitSaved(page);
      expect((await app.client.encounter.get({ id })).notes).toBe('My note, typed here');
      const revisions = await app.client.encounter.revisions({ id });
      expect(revisions.map((r) => r.encounter.notes)).toContain('Changed elsewhere');
      // Another change elsewhere; this time the clinician loads the latest and keeps a copy of theirs.
      const again = await app.client.encounter.get({ id });
      await app.client.encounter.save({ ...again, id, baseRevision: again.revision, notes: 'Second change elsewhere' });
      await page.getByRole('textbox', { name: 'Notes' }).fill('Second note typed here');
      await alert.waitFor();
      await alert.getByRole('button', { name: /Load the latest version/ }).click();
      await waitSaved(page);
      expect(await page.getByRole('textbox', { name: 'Notes' }).inputValue()).toBe('Second change elsewhere');
      const copy = page.getByRole('region', { name: 'Your earlier text, not in the stored record' });
      expect(await copy.getByRole('textbox').inputValue()).toContain('Second note typed here');
      // The copy survives a reload until dismissed.
      await page.reload();
      await copy.waitFor();
      await copy.getByRole('button', { name: 'Dismiss' }).click();
      await copy.waitFor({ state: 'detached' });
    } finally {
      await app.close();
    }
  });

  test('when the service stops, typing goes on, nothing is lost, and it is saved once the service is back', async () => {
    const app = await openApp(browser, { profile: true });
    try {
      const { page } = app;
      const id = await startEncounter(page, { name: 'Offline Patient' });
      await page.getByRole('textbox', { name: 'Notes' }).fill('Before the outage');
      await waitSaved(page);
      await app.stopService();
      await page.getByRole('textbox', { name: 'Notes' }).fill('Typed while the service was down');
      await clickFinding(page, 'numbness', 'absent');
      await page.getByRole('alert').filter({ hasText: 'Not saved yet' }).waitFor();
      const url = await app.startService();
      // A restarted service has a new token: the page is opened again from its new address.
      await page.goto(`${url}#/encounter/${encodeURIComponent(id)}`);
      await page.getByRole('heading', { level: 1, name: /^Offline Patient/ }).waitFor();
      expect(await page.getByRole('textbox', { name: 'Notes' }).inputValue()).toBe('Typed while the service was down');
      expect(await findingState(page, 'numbness')).toBe('absent');
      await waitSaved(page);
      const stored = await app.client.encounter.get({ id });
      expect(stored.notes).toBe('Typed while the service was down');
      expect(stored.absent).toEqual(['numbness']);
    } finally {
      await app.close();
    }
  });

  test('signing asks first, then locks the encounter: read-only, also after a reload', async () => {
    const app = await openApp(browser, { profile: true });
    try {
      const { page } = app;
      const id = await startEncounter(page, { name: 'Sign Patient' });
      await clickRegion(page, 'calf', 'left');
      await page.getByRole('textbox', { name: 'Notes' }).fill('Plan: Doppler today');
      await page.getByRole('button', { name: /^Sign…/ }).click();
      const dialog = page.getByRole('dialog', { name: 'Sign this encounter?' });
      await dialog.getByRole('button', { name: 'Cancel' }).click();
      expect((await app.client.encounter.get({ id })).status).toBe('draft');
      await page.getByRole('button', { name: /^Sign…/ }).click();
      await dialog.getByRole('button', { name: 'Sign and lock' }).click();
      await page.getByText(`Signed by ${PROFILE.name}`).waitFor();
      expect(await page.getByRole('link', { name: /add an addendum/ }).getAttribute('href')).toBe(`#/review/${encodeURIComponent(id)}`);
      const stored = await app.client.encounter.get({ id });
      expect(stored.status).toBe('signed');
      expect(stored.notes).toBe('Plan: Doppler today');
      for (const reload of [false, true]) {
        if (reload) {
          await page.reload();
          await page.getByText(`Signed by ${PROFILE.name}`).waitFor();
        }
        expect(await page.getByRole('textbox', { name: 'Notes' }).getAttribute('readonly')).not.toBeNull();
        expect(await findingRadio(page, 'loc-calf', 'absent').isDisabled()).toBe(true);
        expect(await page.getByLabel('Patient name').isDisabled()).toBe(true);
        expect(await page.getByRole('button', { name: /^Sign…/ }).count()).toBe(0);
        await page.getByRole('button', { name: 'Calf, left leg' }).click({ force: true });
        expect(await findingState(page, 'loc-calf')).toBe('present');
        expect(await page.getByRole('button', { name: 'Calf, right leg' }).getAttribute('aria-pressed')).toBe('false');
      }
      expect((await app.client.encounter.revisions({ id })).length).toBe(stored.revision);
    } finally {
      await app.close();
    }
  });

  test('the referral fields are stored and the letter is prepared from them as a PDF to save', async () => {
    const app = await openApp(browser, { profile: true });
    try {
      const { page } = app;
      const id = await startEncounter(page, { name: 'Letter Patient', birthDate: '1970-02-03', sex: 'female' });
      await clickRegion(page, 'calf', 'left');
      await typeFinding(page, 'calf-swelling', 'present');
      await page.getByLabel('Working diagnosis', { exact: true }).selectOption('dvt');
      await page.getByLabel('Refer to').fill('Vascular clinic');
      await page.getByLabel('Priority', { exact: true }).selectOption('urgent');
      await page.getByLabel('Question for the recipient').fill('Please exclude proximal DVT');
      await page.getByRole('button', { name: 'Prepare the referral letter (PDF)' }).click();
      const ready = page.getByRole('status').filter({ hasText: 'Letter ready' });
      await ready.waitFor();
      const stored = await app.client.encounter.get({ id });
      expect(stored.workingDiagnosis).toBe('dvt');
      expect(stored.referral).toMatchObject({ to: 'Vascular clinic', priority: 'urgent', question: 'Please exclude proximal DVT' });
      const [download] = await Promise.all([page.waitForEvent('download'), ready.getByRole('link', { name: 'Save the PDF' }).click()]);
      const file = join(app.dataDir, 'letter.pdf');
      await download.saveAs(file);
      expect(readFileSync(file).subarray(0, 5).toString()).toBe('%PDF-');
      const text = execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
      expect(text).toContain('Vascular clinic');
      expect(text).toContain('Please exclude proximal DVT');
    } finally {
      await app.close();
    }
  });

  test('the working diagnosis takes a more specific ICD-10 code from its list, stored with the encounter', async () => {
    const app = await openApp(browser, { profile: true });
    try {
      const { page } = app;
      const id = await startEncounter(page, { name: 'Code Patient', birthDate: '1970-02-03', sex: 'male' });
      const picker = page.getByLabel('ICD-10 code');
      expect(await picker.count()).toBe(0);
      await page.getByLabel('Working diagnosis', { exact: true }).selectOption('sciatica');
      expect(await picker.inputValue()).toBe('M54.3');
      expect(await picker.locator('option').allTextContents()).toEqual([
        'M54.3 Sciatica (default)',
        'M54.4 Lumbago with sciatica',
        'M51.1 Lumbar and other intervertebral disc disorders with radiculopathy',
      ]);
      await picker.selectOption('M51.1');
      await waitSaved(page);
      expect(await app.client.encounter.get({ id })).toMatchObject({ workingDiagnosis: 'sciatica', workingDiagnosisCode: 'M51.1' });
      // Another cause starts again from its own default.
      await page.getByLabel('Working diagnosis', { exact: true }).selectOption('pad');
      expect(await picker.inputValue()).toBe('I70.2');
      await waitSaved(page);
      const stored = await app.client.encounter.get({ id });
      expect(stored.workingDiagnosis).toBe('pad');
      expect(stored.workingDiagnosisCode).toBeUndefined();
    } finally {
      await app.close();
    }
  });

  test("a cause's opened details stay with that cause when the ranking changes", async () => {
    const app = await openApp(browser, { profile: true });
    try {
      const { page } = app;
      await startEncounter(page, { name: 'Details Patient' });
      await clickRegion(page, 'calf', 'left');
      await typeFinding(page, 'calf-swelling', 'present');
      await showAllCauses(page);
      const item = (label: string) => differentialItems(page).filter({ hasText: new RegExp(`^${escapeRegExp(label)}`) });
      const dvt = causeById('dvt')!.label;
      const rankOf = async (label: string) => (await differentialItems(page).allInnerTexts()).findIndex((t) => t.startsWith(label));
      const before = await rankOf(dvt);
      await item(dvt).locator('summary').click();
      await item(dvt).getByRole('heading', { name: 'Presentation' }).waitFor();
      for (const f of ['radiates-from-back', 'radiates-below-knee', 'worse-sitting', 'ex-slr-positive', 'char-burning']) await clickFinding(page, f, 'present');
      expect(await rankOf(dvt)).toBeGreaterThan(before);
      expect(await item(dvt).locator('details').getAttribute('open')).not.toBeNull();
      await item(dvt).getByRole('heading', { name: 'Presentation' }).waitFor();
      const open = await differentialItems(page).locator('details[open]').count();
      expect(open).toBe(1);
    } finally {
      await app.close();
    }
  });

  test('an emergency red flag is shown above everything with what raised it and what to do', async () => {
    const app = await openApp(browser, { profile: true });
    try {
      const { page } = app;
      await startEncounter(page, { name: 'Cauda Patient' });
      await clickRegion(page, 'lower-back', 'left');
      await typeFinding(page, 'saddle-anesthesia', 'present');
      const flags = redFlagsRegion(page);
      // One line per flag, naming its urgency; opened, what raised it and what to do.
      expect(await flags.innerText()).toMatch(/EMERGENCY/i);
      await openRedFlags(page);
      const text = await flags.innerText();
      expect(text).toMatch(/EMERGENCY/i);
      expect(text).toContain(labelOf('saddle-anesthesia'));
      expect(text).toContain('What to do:');
      // Above the differential in the page.
      const [flagsBox, ddxBox] = await Promise.all([flags.boundingBox(), page.getByRole('list', { name: 'Differential diagnosis' }).boundingBox()]);
      expect(flagsBox!.y).toBeLessThan(ddxBox!.y);
    } finally {
      await app.close();
    }
  });
});

describe('a draft checked before it is stored', () => {
  /**
   * Clears the patient's name in the workspace and waits for the save to be refused; returns how
   * many saves went to the service meanwhile and what the name field then says.
   */
  async function clearName(app: Awaited<ReturnType<typeof openApp>>, id: string): Promise<{ sent: number; message: string }> {
    const { page } = app;
    let sent = 0;
    page.on('request', (r) => void (r.url().endsWith('/api/encounter.save') && sent++));
    await page.getByLabel('Patient name').fill('');
    await page.locator('.save-status[data-state="invalid"]').waitFor({ timeout: 10_000 });
    await expect.poll(() => page.getByLabel('Patient name').getAttribute('aria-invalid')).toBe('true');
    const message = (await page.locator('#ws-name-error').textContent()) ?? '';
    expect((await app.client.encounter.get({ id })).patient.name).toBe('Schema Patient');
    return { sent, message };
  }

  test('the workspace refuses an empty name itself, once the schema has loaded after the first paint', async () => {
    const app = await openApp(browser, { profile: true });
    try {
      const id = await startEncounter(app.page, { name: 'Schema Patient' });
      await app.page.waitForFunction(() => performance.getEntriesByName('workspace-painted').length > 0);
      const { sent, message } = await clearName(app, id);
      expect(message).toBe("Enter the patient's name");
      expect(sent).toBe(0);
    } finally {
      await app.close();
    }
  });

  test('the workspace paints and assesses live without the schema library: its file is not needed to raise an emergency', async () => {
    const app = await openApp(browser, { profile: true });
    try {
      const { page } = app;
      const refused = await refuseChunk(page, 'zod-without-eval');
      const id = await startEncounter(page, { name: 'No Schema Library' });
      await clickFinding(page, 'saddle-anesthesia', 'present');
      await redFlagsRegion(page).getByText(/cauda equina/i).first().waitFor();
      await waitSaved(page);
      expect(refused()).toBeGreaterThan(0);
      const stored = await app.client.encounter.get({ id });
      expect(stored.findings).toEqual(['saddle-anesthesia']);
      expect(stored.assessment.redFlags.map((f) => f.id)).toContain('cauda-equina');
    } finally {
      await app.close();
    }
  });

  test('without the schema (its file missing), the main process refuses it in the same words and nothing typed is lost', async () => {
    const app = await openApp(browser, { profile: true });
    try {
      const { page } = app;
      const refused = await refuseChunk(page, 'encounter');
      const id = await startEncounter(page, { name: 'Schema Patient' });
      const { sent, message } = await clearName(app, id);
      expect(refused()).toBeGreaterThan(0);
      expect(sent).toBeGreaterThan(0);
      expect(message).toBe("Enter the patient's name");
      await page.getByLabel('Patient name').fill('Schema Patient Renamed');
      await waitSaved(page);
      expect((await app.client.encounter.get({ id })).patient.name).toBe('Schema Patient Renamed');
    } finally {
      await app.close();
    }
  });
});
