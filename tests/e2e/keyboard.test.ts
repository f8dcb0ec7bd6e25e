import { afterAll, beforeAll, expect, test } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser, openApp } from './harness.ts';
import { findingState, focusVisible, labelOf, tabTo, waitSaved } from './pages.ts';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

/** Opens the picker with its shortcut, types, moves with the arrows to the exact finding and records it. */
async function pick(page: Page, shortcut: '/' | 'Control+K', query: string, id: string, record: 'Enter' | 'Shift+Enter'): Promise<void> {
  await page.keyboard.press(shortcut);
  expect(await page.evaluate(() => document.activeElement?.id)).toBe('finding-picker-input');
  await page.keyboard.type(query);
  const options = await page.getByRole('listbox', { name: 'Matching findings' }).getByRole('option').allInnerTexts();
  const index = options.findIndex((t) => t.split('\n')[0]!.trim() === labelOf(id));
  expect(index, `"${query}" offers ${labelOf(id)}`).toBeGreaterThanOrEqual(0);
  for (let i = 0; i < index; i++) await page.keyboard.press('ArrowDown');
  await page.keyboard.press(record);
}

test('a keyboard-only run: profile, new encounter, findings, body map, sign', async () => {
  const app = await openApp(browser);
  try {
    const { page } = app;
    const visible: boolean[] = [];

    // First run: the profile form, by Tab and typing.
    await page.getByRole('heading', { level: 1, name: 'Welcome to Leg Pain DDx' }).waitFor();
    await tabTo(page, '#profile-name');
    visible.push(await focusVisible(page));
    await page.keyboard.type('Dr Kay Board');
    await page.keyboard.press('Tab');
    await page.keyboard.type('Physiotherapist');
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { level: 1, name: 'Encounters' }).waitFor();

    // New encounter with Alt+N; the focus starts at the screen's heading.
    await page.keyboard.press('Alt+N');
    await page.getByRole('heading', { level: 1, name: 'New encounter' }).waitFor();
    await tabTo(page, '#new-name');
    visible.push(await focusVisible(page));
    await page.keyboard.type('Kim Keys');
    await page.keyboard.press('Tab');
    await page.keyboard.type('03141961'); // the date field takes the digits of mm/dd/yyyy
    await tabTo(page, '#new-sex'); // the date field may keep the focus for its calendar button
    await page.keyboard.press('f'); // Female
    await tabTo(page, '#new-identifier');
    await page.keyboard.type('KB-77');
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { level: 1, name: /^Kim Keys/ }).waitFor();
    const id = decodeURIComponent(/#\/encounter\/(.+)$/.exec(page.url())![1]!);

    // Findings with the picker: Enter present, Shift+Enter absent.
    await page.waitForFunction(() => document.activeElement?.tagName === 'H1');
    await pick(page, '/', 'swell', 'calf-swelling', 'Enter');
    await pick(page, 'Control+K', 'warm', 'warmth', 'Enter');
    await pick(page, 'Control+K', 'sprint', 'after-intense-activity', 'Shift+Enter');

    // The body map: Alt+B, arrows to the calf, Enter; right arrow for the other leg.
    await page.keyboard.press('Alt+B');
    visible.push(await focusVisible(page));
    for (let i = 0; i < 4; i++) await page.keyboard.press('ArrowDown');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('aria-label'))).toBe('Calf, left leg');
    await page.keyboard.press('Enter');

    // A finding control: Tab to it; arrows move between its options without changing it, Space chooses.
    await page.keyboard.press('Alt+F');
    await tabTo(page, 'input[name="f-loc-popliteal"]');
    visible.push(await focusVisible(page));
    await page.keyboard.press('ArrowRight'); // to "present"
    await page.keyboard.press('ArrowRight'); // to "absent"
    expect(await findingState(page, 'loc-popliteal')).toBe('not recorded');
    visible.push(await focusVisible(page));
    await page.keyboard.press('Space');

    // Complaint with Alt+C.
    await page.keyboard.press('Alt+C');
    await page.keyboard.type('Swollen left calf since a long flight');

    expect(await findingState(page, 'calf-swelling')).toBe('present');
    expect(await findingState(page, 'warmth')).toBe('present');
    expect(await findingState(page, 'after-intense-activity')).toBe('absent');
    expect(await findingState(page, 'loc-calf')).toBe('present');
    expect(await findingState(page, 'loc-popliteal')).toBe('absent');

    // The shortcut overlay opens with ? (outside a text field) and closes with Escape.
    await page.keyboard.press('Alt+D');
    await page.keyboard.press('?');
    await page.getByRole('dialog', { name: 'Keyboard shortcuts' }).waitFor();
    await page.keyboard.press('Escape');
    await page.getByRole('dialog', { name: 'Keyboard shortcuts' }).waitFor({ state: 'hidden' });

    // Sign: Alt+S asks; the safe choice (Cancel) has the focus, Shift+Tab reaches "Sign and lock".
    await page.keyboard.press('Alt+S');
    await page.getByRole('dialog', { name: 'Sign this encounter?' }).waitFor();
    expect(await page.evaluate(() => document.activeElement?.textContent?.trim())).toBe('Cancel');
    await page.keyboard.press('Shift+Tab');
    visible.push(await focusVisible(page));
    await page.keyboard.press('Enter');
    await page.getByText('Signed by Dr Kay Board').waitFor();

    const stored = await app.client.encounter.get({ id });
    expect(stored.status).toBe('signed');
    expect(stored.patient).toMatchObject({ name: 'Kim Keys', birthDate: '1961-03-14', sex: 'female', identifier: 'KB-77' });
    expect(stored.complaint).toBe('Swollen left calf since a long flight');
    expect([...stored.findings].sort()).toEqual(['calf-swelling', 'loc-calf', 'unilateral', 'warmth'].sort());
    expect([...stored.absent].sort()).toEqual(['after-intense-activity', 'loc-popliteal'].sort());
    expect(visible).toEqual(visible.map(() => true));
    await waitSaved(page);
  } finally {
    await app.close();
  }
});
