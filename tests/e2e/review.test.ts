import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { EncounterDraft } from '../../shared/api/encounter.ts';
import { KB_VERSION, causeById } from '../../shared/clinical/index.ts';
import type { R4 } from '../../shared/review/fhir/index.ts';
import { fhirSchemaErrors } from '../shared/review/fhir-schema.ts';
import { artifactPath, launchBrowser, openApp, seriousViolations, type App } from './harness.ts';
import { exportDocument, exportedEncounter, seedHistory } from './review-helpers.ts';

/**
 * Reviewing past encounters, in Chromium over the real bridge and handlers with real SQLite:
 * 1,000 generated encounters plus a few written for these checks.
 */

let browser: Browser;
let app: App;
const work = mkdtempSync(join(tmpdir(), 'legpain-review-e2e-'));

const ZELDA = { name: 'Zelda Quartermaine', birthDate: '1961-07-02', sex: 'female' as const, identifier: 'MRN 990001' };
const OLGA = { name: 'Olga Oldkb', birthDate: '1950-02-11', sex: 'female' as const, identifier: 'MRN 990002' };
const zeldaIds: string[] = [];
const OLGA_ID = 'older-kb-encounter-0001';
/** Calf swelling after a long flight with DVT signs on examination: today's engine raises a red flag and urgent imaging. */
const DVT_PICTURE = ['loc-calf', 'unilateral', 'calf-swelling', 'warmth', 'rf-long-travel-or-immobility', 'ex-calf-swelling-3cm', 'ex-pitting-edema', 'ex-deep-vein-tenderness'];

beforeAll(async () => {
  browser = await launchBrowser();
  app = await openApp(browser, { profile: true });
  await seedHistory(app.client, { count: 1000, seed: 5 });

  // One patient seen three times, through the ordinary save and sign path.
  const visits = [
    { seenAt: '2026-09-01T09:00:00.000Z', findings: ['loc-posterior-thigh', 'after-intense-activity', 'onset-sudden'], notes: 'Sprinting at football.' },
    // An aching calf, no sign of DVT (a swollen calf alone raises the suspected-DVT flag since v2): the flag is new at the third visit.
    { seenAt: '2026-09-15T09:00:00.000Z', findings: ['loc-calf', 'unilateral', 'char-aching'], notes: 'Calf now aching; plays the xylophone in a band.' },
    { seenAt: '2026-10-01T09:00:00.000Z', findings: DVT_PICTURE, notes: 'Swelling worse after a long flight.' },
  ];
  for (const v of visits) {
    const saved = await app.client.encounter.save({
      seenAt: v.seenAt,
      patient: ZELDA,
      clinician: { name: 'Dr Sam Reyes', role: 'General practitioner' },
      complaint: 'Pain at the back of the left leg',
      findings: v.findings,
      notes: v.notes,
      referral: { to: 'Vascular clinic', priority: 'urgent', question: 'Please exclude proximal DVT' },
    });
    await app.client.encounter.sign({ id: saved.id, baseRevision: saved.revision });
    zeldaIds.push(saved.id);
  }

  // An encounter assessed by an older knowledge base: other ranks, no red flag, no imaging.
  const { id: _i, baseRevision: _b, ...fields } = EncounterDraft.parse({
    seenAt: '2025-03-03T10:00:00.000Z',
    patient: OLGA,
    complaint: 'Swollen painful calf',
    findings: DVT_PICTURE,
    notes: 'Assessed with the knowledge base of the day.',
  });
  const old = exportedEncounter(OLGA_ID, fields, true);
  const a = old.revisions[0]!.encounter.assessment;
  a.knowledgeBase = 'kb-2025.01-older';
  a.differential = [...a.differential].reverse().map((d, i) => ({ ...d, rank: i + 1 }));
  a.redFlags = [];
  a.imaging = [];
  const imported = await app.client.data.importJson({ json: exportDocument([old]) });
  expect(imported.imported).toBe(1);
});

afterAll(async () => {
  await app?.close();
  await browser?.close();
  rmSync(work, { recursive: true, force: true });
});

async function gotoHistory(page: Page): Promise<void> {
  await page.goto(`${app.url}#/history`);
  await page.getByRole('heading', { level: 1, name: 'History' }).waitFor();
}

const summary = (page: Page) => page.locator('#history-summary');
const rows = (page: Page) => page.locator('.history-row[data-id]');
const visibleIds = (page: Page) => rows(page).evaluateAll((els) => els.map((e) => (e as HTMLElement).dataset.id!));
const number = new Intl.NumberFormat('en-US');

async function search(page: Page, text: string): Promise<void> {
  const box = page.getByRole('searchbox', { name: 'Search encounters' });
  await box.fill('');
  await box.pressSequentially(text);
  await expect.poll(() => summary(page).innerText()).toContain(`for “${text}”`);
}

describe('history', () => {
  test('lists every encounter, newest first, and searches by patient, identifier, a word of the notes and a cause', async () => {
    const { page } = app;
    await gotoHistory(page);
    const all = await app.client.encounter.list({ limit: 3 });
    expect(all.total).toBe(1004);
    await expect.poll(() => summary(page).innerText()).toBe(`${number.format(1004)} encounters`);
    await expect.poll(() => visibleIds(page).then((ids) => ids.slice(0, 3))).toEqual(all.items.map((i) => i.id));

    await search(page, 'Quartermaine');
    expect((await visibleIds(page)).sort()).toEqual([...zeldaIds].sort());
    expect(await page.locator('.history-row mark').first().innerText()).toBe('Quartermaine');

    await search(page, '990001');
    expect((await visibleIds(page)).sort()).toEqual([...zeldaIds].sort());

    await search(page, 'xylophone');
    expect(await visibleIds(page)).toEqual([zeldaIds[1]]);
    expect(await page.locator('.history-row mark').innerText()).toBe('xylophone');

    await search(page, 'Baker');
    const api = await app.client.encounter.search({ query: 'Baker', limit: 200 });
    expect(api.length).toBeGreaterThan(10);
    await expect.poll(() => summary(page).innerText()).toContain(`${api.length} matches`);
    const shown = await visibleIds(page);
    expect(shown).toEqual(api.slice(0, shown.length).map((h) => h.id));
    const bakerLabel = causeById('bakers-cyst-rupture')!.label;
    for (const text of await rows(page).allInnerTexts()) expect(text).toContain(bakerLabel.split(' ')[1]!);

    await search(page, 'calf');
    await page.screenshot({ path: artifactPath('history-search.png') });
    expect(await seriousViolations(page)).toEqual([]);

    await page.getByRole('searchbox', { name: 'Search encounters' }).press('Escape');
    await expect.poll(() => summary(page).innerText()).toBe(`${number.format(1004)} encounters`);
  });

  test('a space, a comma or a capital keeps the matches on screen without searching again; a new letter searches', async () => {
    const { page } = app;
    await gotoHistory(page);
    const searches: string[] = [];
    const onRequest = (r: { url(): string; postData(): string | null }) => {
      if (r.url().endsWith('/api/encounter.search')) searches.push((JSON.parse(r.postData() ?? '{}') as { query: string }).query);
    };
    page.on('request', onRequest);
    try {
      await search(page, 'Quartermaine');
      const ids = await visibleIds(page);
      const asked = searches.length;
      const box = page.getByRole('searchbox', { name: 'Search encounters' });
      await box.press('Space');
      await box.press('Comma');
      await expect.poll(() => summary(page).innerText()).toContain('for “Quartermaine ,”');
      await box.fill('quartermaine');
      await expect.poll(() => summary(page).innerText()).toContain('for “quartermaine”');
      expect(await visibleIds(page)).toEqual(ids);
      expect(searches.length).toBe(asked);

      await box.press('x');
      await expect.poll(() => summary(page).innerText()).toBe('0 matches for “quartermainex”');
      expect(searches.at(-1)).toBe('quartermainex');
    } finally {
      page.off('request', onRequest);
    }
  });

  test('filters by status, red flags, cause and date range, alone and with a search', async () => {
    const { page } = app;
    await gotoHistory(page);
    const expectTotal = async (input: Parameters<typeof app.client.encounter.list>[0]) => {
      const { total } = await app.client.encounter.list(input);
      expect(total).toBeGreaterThan(0);
      await expect.poll(() => summary(page).innerText()).toBe(`${number.format(total)} encounters match the filters`);
      return total;
    };

    await page.getByLabel('Status').selectOption('signed');
    await expectTotal({ status: 'signed' });
    for (const text of await rows(page).allInnerTexts()) expect(text).toContain('Signed');

    await page.getByLabel('Red flags').selectOption('with');
    await expectTotal({ status: 'signed', redFlags: true });
    for (const text of await rows(page).allInnerTexts()) expect(text).toContain('Red flag');

    await page.getByLabel('Cause').selectOption('dvt');
    await expectTotal({ status: 'signed', redFlags: true, cause: 'dvt' });

    await page.getByRole('button', { name: 'Clear filters' }).click();
    await page.getByLabel('From', { exact: true }).fill('2026-01-01');
    await page.getByLabel('To', { exact: true }).fill('2026-03-31');
    await expectTotal({ from: new Date('2026-01-01T00:00:00').toISOString(), to: new Date(new Date('2026-04-01T00:00:00').getTime() - 1).toISOString() });
    for (const id of await visibleIds(page)) {
      const e = await app.client.encounter.get({ id });
      expect(e.seenAt >= new Date('2026-01-01T00:00:00').toISOString() && e.seenAt < new Date('2026-04-01T00:00:00').toISOString()).toBe(true);
    }

    await page.getByRole('button', { name: 'Clear filters' }).click();
    await page.getByLabel('Status').selectOption('draft');
    await search(page, 'calf');
    const drafts = (await app.client.encounter.search({ query: 'calf', limit: 200 })).filter((h) => h.status === 'draft');
    await expect.poll(() => summary(page).innerText()).toContain(`${drafts.length} matches`);
    for (const text of await rows(page).allInnerTexts()) expect(text).toContain('Draft');
    await page.getByRole('button', { name: 'Clear filters' }).click();
    await page.getByRole('searchbox', { name: 'Search encounters' }).fill('');
  });

  test('works from the keyboard: Alt+Y, / to search, arrows through the rows, Enter to open', async () => {
    const { page } = app;
    await page.goto(`${app.url}#/`);
    await page.getByRole('heading', { level: 1, name: 'Encounters' }).waitFor();
    await page.keyboard.press('Alt+KeyY');
    await page.getByRole('heading', { level: 1, name: 'History' }).waitFor();
    await page.locator('body').click({ position: { x: 5, y: 300 } });
    await page.keyboard.press('/');
    await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('type'))).toBe('search');
    await page.keyboard.type('Quartermaine');
    await expect.poll(() => summary(page).innerText()).toContain('3 matches');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowDown');
    const focused = await page.evaluate(() => (document.activeElement?.closest('[data-index]') as HTMLElement | null)?.dataset.index);
    expect(focused).toBe('1');
    const id = await page.evaluate(() => (document.activeElement?.closest('[data-id]') as HTMLElement | null)?.dataset.id);
    await page.keyboard.press('Enter');
    await page.waitForURL(`**#/review/${id}`);
    await page.getByRole('heading', { level: 1, name: /Zelda Quartermaine, seen/ }).waitFor();
  });

  test("a patient's timeline shows every encounter and how the top cause and red flags changed", async () => {
    const { page } = app;
    await gotoHistory(page);
    await search(page, 'Quartermaine');
    await page.getByRole('link', { name: 'All encounters of MRN 990001' }).first().click();
    await page.getByRole('heading', { level: 1, name: /Patient MRN 990001: Zelda Quartermaine/ }).waitFor();
    const steps = page.getByRole('list', { name: 'Encounters of this patient' }).getByRole('listitem');
    await expect.poll(() => steps.count()).toBe(3);
    const timeline = await app.client.encounter.patientTimeline({ identifier: 'MRN 990001' });
    const last = timeline[2]!;
    expect(last.redFlags.length).toBeGreaterThan(0);
    const lastText = await steps.nth(2).innerText();
    expect(lastText).toContain('New since the previous encounter');
    if (timeline[1]!.topCause !== last.topCause) expect(lastText).toContain('changed from');
  });
});

describe('review', () => {
  test('a signed encounter opens read-only as stored; compare, add an addendum, audit trail, reprint the referral', async () => {
    const { page } = app;
    const id = zeldaIds[2]!;
    const stored = await app.client.encounter.get({ id });
    await gotoHistory(page);
    await search(page, 'Quartermaine');
    await page.locator(`.history-row[data-id="${id}"] a.row-main`).click();
    await page.getByRole('heading', { level: 1, name: /Zelda Quartermaine, seen/ }).waitFor();
    await page.getByText('Signed, read-only').waitFor();
    expect(await page.getByRole('textbox').count()).toBe(1); // only the addendum box: nothing else can be edited
    const storedPanel = page.getByRole('region', { name: 'Assessment stored with revision 1' });
    expect(await storedPanel.innerText()).toContain(stored.assessment.knowledgeBase);
    const ddx = await storedPanel.getByRole('list', { name: 'Differential as stored' }).locator('li').evaluateAll((els) => els.map((e) => (e as HTMLElement).dataset.cause));
    expect(ddx).toEqual(stored.assessment.differential.map((d) => d.cause));

    await page.getByRole('button', { name: "Compare with today's knowledge base" }).click();
    await page.getByText("Today's engine gives the same result as on the day.").waitFor();
    expect(await seriousViolations(page)).toEqual([]);

    await page.getByLabel('Add an addendum').fill('Doppler ultrasound confirmed a popliteal DVT.');
    await page.getByRole('button', { name: 'Add addendum' }).click();
    await page.getByRole('list', { name: 'Addenda, oldest first' }).getByText('Doppler ultrasound confirmed a popliteal DVT.').waitFor();
    expect((await app.client.encounter.get({ id })).addenda.map((a) => a.text)).toEqual(['Doppler ultrasound confirmed a popliteal DVT.']);
    const audit = page.getByRole('region', { name: 'Audit trail' });
    await audit.getByText('Added an addendum').waitFor();
    const verify = await app.client.audit.verify({});
    expect(verify.intact).toBe(true);
    await audit.getByText(`Audit log intact: all ${verify.intact ? verify.entries : 0} entries`).waitFor();
    for (const what of ['Created', 'Signed']) expect(await audit.innerText()).toContain(what);

    await page.getByRole('button', { name: 'Reprint the referral letter' }).click();
    await page.getByText(/Ready: \d+ pages?/).waitFor();
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'Save the PDF' }).click()]);
    const pdf = readFileSync((await download.path())!);
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    expect(app.consoleErrors).toEqual([]);
  });

  test('an assessment from an older knowledge base shows as stored, and the comparison shows the difference', async () => {
    const { page } = app;
    await page.goto(`${app.url}#/review/${OLGA_ID}`);
    await page.getByRole('heading', { level: 1, name: /Olga Oldkb, seen/ }).waitFor();
    const stored = await app.client.encounter.get({ id: OLGA_ID });
    const storedPanel = page.getByRole('region', { name: 'Assessment stored with revision 1' });
    expect(await storedPanel.innerText()).toContain('kb-2025.01-older');
    expect(await storedPanel.innerText()).toContain('None raised.');
    const first = await storedPanel.getByRole('list', { name: 'Differential as stored' }).locator('li').first().getAttribute('data-cause');
    expect(first).toBe(stored.assessment.differential[0]!.cause);

    await page.getByRole('button', { name: "Compare with today's knowledge base" }).click();
    const comparison = page.getByRole('region', { name: "Compared with today's knowledge base" });
    await comparison.getByText("Today's engine differs from what was stored on the day.").waitFor();
    const result = await app.client.review.compare({ id: OLGA_ID });
    expect(result.comparison.knowledgeBase).toEqual({ then: 'kb-2025.01-older', now: KB_VERSION, same: false });
    const text = await comparison.innerText();
    expect(text).toContain('kb-2025.01-older');
    expect(text).toContain(KB_VERSION);
    for (const f of result.current.redFlags) {
      expect(await comparison.locator(`li[data-flag="${f.id}"]`).innerText()).toContain('Raised today only');
    }
    for (const i of result.current.imaging) {
      expect(await comparison.locator(`li[data-modality="${i.modality}"]`).innerText()).toContain('Suggested today only');
    }
    const topNow = result.current.differential[0]!;
    expect(await comparison.locator(`tr[data-cause="${topNow.cause}"]`).innerText()).toMatch(/up \d+/);
    // Tall enough for the whole comparison: the app scrolls inside <main>, so a taller window shows it all.
    await page.setViewportSize({ width: 1280, height: 2000 });
    await comparison.scrollIntoViewIfNeeded();
    await comparison.screenshot({ path: artifactPath('comparison.png') });
    await page.setViewportSize({ width: 1280, height: 800 });
  });
});

describe('portability', () => {
  test('backup, wipe, restore: every encounter and the audit chain come back, audit.verify intact', async () => {
    const { page } = app;
    const before = await app.client.audit.list({ limit: 1000 });
    const backupPath = join(work, 'backup.sqlite');
    await page.goto(`${app.url}#/data`);
    await page.getByRole('heading', { level: 1, name: 'Backup, export and import' }).waitFor();
    await page.getByLabel('Save the backup to').fill(backupPath);
    await page.getByRole('button', { name: 'Back up now' }).click();
    await page.getByText(/Backup written to .* MB in .* s, checked/).waitFor();

    // "Wiped": a fresh installation with an empty database restores the backup.
    const fresh = await openApp(browser, { profile: true });
    try {
      expect((await fresh.client.encounter.list({})).total).toBe(0);
      await fresh.page.goto(`${fresh.url}#/data`);
      await fresh.page.getByLabel('Backup file').fill(backupPath);
      await fresh.page.getByRole('button', { name: 'Restore…' }).click();
      await fresh.page.getByRole('button', { name: 'Yes, restore' }).click();
      await fresh.page.getByText(`Restored 1004 encounters from ${backupPath}`).waitFor();
      expect((await fresh.client.encounter.list({})).total).toBe(1004);
      const verify = await fresh.client.audit.verify({});
      expect(verify.intact).toBe(true);
      const after = await fresh.client.audit.list({ limit: 1000, beforeSeq: before[0]!.seq + 1 });
      const bySeq = new Map(after.map((e) => [e.seq, e.hash]));
      for (const e of before) expect(bySeq.get(e.seq)).toBe(e.hash);
      const a = await app.client.encounter.get({ id: zeldaIds[2]! });
      expect(await fresh.client.encounter.get({ id: zeldaIds[2]! })).toEqual(a);
      await fresh.page.goto(`${fresh.url}#/history`);
      await expect.poll(() => fresh.page.locator('#history-summary').innerText()).toBe(`${number.format(1004)} encounters`);
    } finally {
      await fresh.close();
    }
  });

  test('FHIR export from the app validates against the R4 schema and imports into an empty database as the same encounters', async () => {
    const { page } = app;
    await page.goto(`${app.url}#/data`);
    // The export is written by the main process to the file named on the data screen.
    const file = join(work, 'export.fhir.json');
    await page.getByLabel('Save the export to').fill(file);
    await page.getByRole('button', { name: 'Export FHIR R4 Bundle' }).click();
    await page.getByText(/^1004 encounters exported as a FHIR R4 Bundle to .* in [\d.]+ s\.$/).waitFor({ timeout: 60_000 });
    const bundle = JSON.parse(readFileSync(file, 'utf8')) as R4.Bundle;
    expect(bundle.entry!.filter((e) => e.resource.resourceType === 'Encounter')).toHaveLength(1004);
    expect(fhirSchemaErrors(bundle)).toEqual([]);

    const empty = await openApp(browser, { profile: true });
    try {
      await empty.page.goto(`${empty.url}#/data`);
      await empty.page.getByLabel('FHIR R4 Bundle').setInputFiles(file);
      await empty.page.getByText('1004 encounters imported; 0 left out.').waitFor({ timeout: 60_000 });
      const source = await app.client.encounter.list({ limit: 500, offset: 0 });
      const ids = [source, await app.client.encounter.list({ limit: 500, offset: 500 }), await app.client.encounter.list({ limit: 500, offset: 1000 })].flatMap((p) => p.items.map((i) => i.id));
      expect(ids).toHaveLength(1004);
      for (const id of ids) {
        const { revision: _r1, savedAt: _s1, ...a } = await app.client.encounter.get({ id });
        const { revision: _r2, savedAt: _s2, ...b } = await empty.client.encounter.get({ id });
        expect(b).toEqual(a);
      }
      expect((await empty.client.audit.verify({})).intact).toBe(true);
    } finally {
      await empty.close();
    }
  });
});
