import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { EncounterDraftInput } from '../../shared/api/encounter.ts';
import { artifactPath, launchBrowser, openApp, seriousViolations } from './harness.ts';
import { knowledgeBase } from '../../shared/clinical/index.ts';
import { clickFinding, clickRegion, differentialItems, findingRadio, findingState, labelOf, redFlagsRegion, REGION_NAME, startEncounter, waitSaved } from './pages.ts';

/**
 * The consultation screen at 1280×800 (issue 13, items 7 to 10): arrow keys never change a
 * finding; a DVT-with-PE encounter shows every red flag, the top three causes, the imaging with
 * its urgency and the Wells result without scrolling; an empty encounter ranks nothing; and the
 * smaller things (save status announced, names without stray spaces, first-run focus, selects and
 * placeholders not cut off, the review's wording for an unrecorded sex).
 */

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

const VIEWPORT_HEIGHT = 800;

/** A swollen, tender calf after surgery, now breathless: suspected DVT and possible PE. Test data. */
const DVT_WITH_PE: EncounterDraftInput = {
  seenAt: '2026-11-25T10:30:00.000Z',
  patient: { name: 'Pat Embolus', birthDate: '1966-04-02', sex: 'female', identifier: 'MRN 8008' },
  complaint: 'Swollen left calf since a hip operation two weeks ago; breathless since this morning',
  findings: ['loc-calf', 'unilateral', 'calf-swelling', 'ex-calf-swelling-3cm', 'ex-pitting-edema', 'ex-deep-vein-tenderness', 'warmth', 'rf-recent-surgery', 'dyspnea-or-chest-pain'],
  absent: [],
};

/** Fully inside the window, top to bottom (the checklist column scrolls on its own, so nothing below the window is seen). */
async function inView(locator: Locator, what: string): Promise<void> {
  const box = await locator.boundingBox();
  expect(box, `${what} is shown`).not.toBeNull();
  expect(box!.y, `${what} starts in the window`).toBeGreaterThanOrEqual(0);
  expect(box!.y + box!.height, `${what} ends within the window (${Math.round(box!.y + box!.height)} px)`).toBeLessThanOrEqual(VIEWPORT_HEIGHT);
}

async function openEncounter(page: Page, url: string, id: string, name: string): Promise<void> {
  await page.goto(`${url}#/encounter/${encodeURIComponent(id)}`);
  await page.getByRole('heading', { level: 1, name: new RegExp(`^${name}`) }).waitFor();
}

async function expectAccessible(page: Page, screen: string): Promise<void> {
  const violations = await seriousViolations(page);
  expect(violations.map((v) => `${screen}: ${v.id} (${v.impact}) ${v.help} at ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
}

/** The id of the finding whose control has the focus. */
const focusedFinding = (page: Page): Promise<string | null> =>
  page.evaluate(() => document.activeElement?.closest('[data-finding]')?.getAttribute('data-finding') ?? null);

describe('the consultation screen', () => {
  test('arrow keys never change a finding: they move between findings and options; Enter, Shift+Enter, Ctrl+Delete and Space do', async () => {
    const app = await openApp(browser, { profile: true });
    try {
      const { page, client } = app;
      const id = await startEncounter(page, { name: 'Arrow Keys' });
      await clickFinding(page, 'loc-calf', 'present');
      await clickFinding(page, 'calf-swelling', 'absent');
      const recorded = async () => Promise.all(['loc-calf', 'calf-swelling', 'loc-popliteal', 'loc-achilles'].map((f) => findingState(page, f)));
      const before = await recorded();
      expect(before.slice(0, 2)).toEqual(['present', 'absent']);

      // Every arrow, several times, on a recorded finding: nothing changes, the focus moves.
      await findingRadio(page, 'loc-calf', 'present').focus();
      for (const key of ['ArrowRight', 'ArrowRight', 'ArrowRight', 'ArrowLeft', 'ArrowLeft', 'ArrowLeft', 'ArrowLeft']) {
        await page.keyboard.press(key);
        expect(await recorded(), `after ${key}`).toEqual(before);
        expect(await focusedFinding(page)).toBe('loc-calf');
      }
      expect(await page.evaluate(() => document.activeElement?.getAttribute('aria-label'))).toBe(`${labelOf('loc-calf')}: not recorded`);
      await page.keyboard.press('ArrowDown');
      const next = await focusedFinding(page);
      expect(next).not.toBe('loc-calf');
      await page.keyboard.press('ArrowUp');
      expect(await focusedFinding(page)).toBe('loc-calf');
      await page.keyboard.press('ArrowUp');
      await page.keyboard.press('ArrowDown');
      expect(await focusedFinding(page)).toBe('loc-calf');
      expect(await recorded()).toEqual(before);
      await waitSaved(page);
      let stored = await client.encounter.get({ id });
      expect(stored.findings).toEqual(['loc-calf']);
      expect(stored.absent).toEqual(['calf-swelling']);

      // The explicit keys do change it, as in the picker.
      await page.keyboard.press('ArrowDown');
      const target = (await focusedFinding(page))!;
      await page.keyboard.press('Enter');
      expect(await findingState(page, target)).toBe('present');
      await page.keyboard.press('Shift+Enter');
      expect(await findingState(page, target)).toBe('absent');
      await page.keyboard.press('Control+Delete');
      expect(await findingState(page, target)).toBe('not recorded');
      await page.keyboard.press('ArrowRight'); // to "present", still not recorded
      expect(await findingState(page, target)).toBe('not recorded');
      await page.keyboard.press('Space');
      expect(await findingState(page, target)).toBe('present');

      // Names and state exposure as before: a radio group per finding, each option named "<label>: <state>".
      expect(await page.getByRole('radiogroup', { name: labelOf('loc-calf'), exact: true }).count()).toBe(1);
      expect(await findingRadio(page, 'loc-calf', 'present').isChecked()).toBe(true);
      await waitSaved(page);
      stored = await client.encounter.get({ id });
      expect([...stored.findings].sort()).toEqual(['loc-calf', target].sort());
      expect(stored.absent).toEqual(['calf-swelling']);

      // The shortcut overlay tells it the same way.
      await page.keyboard.press('Alt+D');
      await page.keyboard.press('?');
      const help = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
      await help.waitFor();
      const helpText = await help.innerText();
      expect(helpText).toContain('Go to the previous or next finding (never changes one)');
      expect(helpText).toContain('Move between its options without choosing one');
      expect(helpText).not.toContain('Change between not recorded, present and absent');
      await page.keyboard.press('Escape');
    } finally {
      await app.close();
    }
  });

  test('at 1280×800 a DVT-with-PE encounter shows every red flag, the top three causes, the imaging with urgency and the Wells result', async () => {
    const app = await openApp(browser, { profile: true });
    try {
      const { page, client } = app;
      const { id, assessment } = await client.encounter.save(DVT_WITH_PE);
      expect(page.viewportSize()).toEqual({ width: 1280, height: 800 });
      expect(assessment.redFlags.map((f) => f.id).sort()).toEqual(['possible-pe', 'suspected-dvt']);
      await openEncounter(page, app.url, id, 'Pat Embolus');

      for (const flag of assessment.redFlags) {
        const line = redFlagsRegion(page).locator(`li[data-flag="${flag.id}"] summary`);
        await inView(line, `red flag ${flag.id}`);
        expect((await line.innerText()).toLowerCase()).toContain(flag.urgency);
      }
      const items = differentialItems(page);
      expect(await items.count()).toBe(3);
      for (const [i, entry] of assessment.differential.slice(0, 3).entries()) {
        expect(await items.nth(i).innerText()).toContain(entry.label);
        await inView(items.nth(i), `cause ${i + 1}, ${entry.cause}`);
      }
      expect(assessment.imaging.length).toBeGreaterThan(0);
      for (const img of assessment.imaging) {
        const head = page.locator(`li[data-modality="${img.modality}"] .imaging-head`);
        await inView(head, `imaging ${img.modality}`);
        expect((await head.innerText()).toLowerCase()).toContain(img.urgency);
      }
      const wells = assessment.scores.wellsDvt;
      expect(wells.applies).toBe(true);
      const result = page.locator('.wells-result');
      await inView(result, 'the Wells result');
      expect(await result.innerText()).toBe(`${wells.points} points: DVT ${wells.category}`);
      await page.screenshot({ path: artifactPath('dvt-with-pe-1280x800.png') });

      // The rest is one key away: a flag opens to what to do; all the causes show on request.
      await redFlagsRegion(page).locator('li[data-flag="possible-pe"] summary').focus();
      await page.keyboard.press('Enter');
      await redFlagsRegion(page).locator('li[data-flag="possible-pe"]').getByText('What to do:').waitFor();
      expect(await redFlagsRegion(page).locator('li[data-flag="possible-pe"] .flag-criteria li').count()).toBeGreaterThan(0);
      await page.getByRole('button', { name: `Show all ${assessment.differential.length} causes` }).focus();
      await page.keyboard.press('Enter');
      expect(await items.count()).toBe(assessment.differential.length);
      // Every cause's name reads across its item, whatever badges stand beside it: none takes more
      // lines than its length needs at the item's width, plus one (acute limb ischaemia's name, squeezed
      // beside its badges, once took nine lines here).
      const squeezed = await items.evaluateAll((lis) =>
        lis.flatMap((li) => {
          const label = li.querySelector('.ddx-label')!;
          const range = document.createRange();
          range.selectNodeContents(label);
          const lines = [...range.getClientRects()];
          const length = lines.reduce((sum, r) => sum + r.width, 0);
          const needed = Math.ceil(length / li.clientWidth);
          return lines.length > needed + 1 ? [`${label.textContent}: ${lines.length} lines where ${needed} would do`] : [];
        }),
      );
      expect(squeezed).toEqual([]);
      await page.getByText('What the strengths mean').click();
      await expectAccessible(page, 'DVT with PE, a flag and the legend open, all causes');
      expect(app.consoleErrors).toEqual([]);
    } finally {
      await app.close();
    }
  });

  test('an empty encounter ranks nothing until a finding is recorded', async () => {
    const app = await openApp(browser, { profile: true });
    try {
      const { page } = app;
      await startEncounter(page, { name: 'Empty Start' });
      const differential = page.getByRole('region', { name: /^Differential/ });
      await differential.getByText('No findings recorded yet: the causes are ranked once you record a finding, present or absent.').waitFor();
      expect(await page.getByRole('list', { name: 'Differential diagnosis' }).count()).toBe(0);
      expect(await differential.innerText()).not.toContain('Must not miss');
      expect((await page.getByRole('region', { name: 'Wells score for DVT' }).innerText())).toContain('The Wells score does not apply');
      await expectAccessible(page, 'empty workspace');
      // The body map has a region, on each leg, for every location finding of the knowledge base (v2 included).
      for (const f of knowledgeBase.findings.filter((x) => x.bodyRegion !== undefined)) {
        for (const side of ['left', 'right']) expect(await page.getByRole('button', { name: `${REGION_NAME[f.bodyRegion!]}, ${side} leg`, exact: true }).count(), f.id).toBe(1);
      }

      await clickRegion(page, 'calf', 'left');
      await expect.poll(() => differentialItems(page).count()).toBe(3);
      expect(await differential.innerText()).not.toContain('No findings recorded yet');
      // Cleared again: nothing recorded, nothing ranked.
      await clickRegion(page, 'calf', 'left');
      await clickFinding(page, 'unilateral', 'not recorded');
      await expect.poll(() => differentialItems(page).count()).toBe(0);
      await differential.getByText('No findings recorded yet').waitFor();
    } finally {
      await app.close();
    }
  });

  test('the smaller things: save status announced, clean names, first-run focus, nothing cut off, the review says "sex not recorded"', async () => {
    const app = await openApp(browser);
    try {
      const { page, client } = app;
      // First run: the focus waits in the name field.
      await page.getByRole('heading', { level: 1, name: 'Welcome to Leg Pain DDx' }).waitFor();
      await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('profile-name');
      await page.keyboard.type('Dr Small Things');
      await page.getByRole('button', { name: 'Save and continue' }).click();
      await page.getByRole('heading', { level: 1, name: 'Encounters' }).waitFor();

      const id = await startEncounter(page, { name: 'Nora Unknown' });
      await clickRegion(page, 'calf', 'left');
      // The save status is a status region, so it is announced without moving the focus.
      await page.getByRole('status').filter({ hasText: /^Saved at / }).waitFor();
      // The working-diagnosis button is named without a stray space.
      const top = (await client.encounter.get({ id })).assessment.differential[0]!;
      expect(await page.getByRole('button', { name: `Working diagnosis: ${top.label}`, exact: true }).count()).toBe(1);
      expect(await page.getByRole('button', { name: `Working diagnosis : ${top.label}`, exact: true }).count()).toBe(0);

      // The pain selects show "Not recorded" whole.
      for (const label of ['Side', 'Intensity, 0–10']) {
        const fits = await page.getByLabel(label, { exact: true }).evaluate((el) => {
          const select = el as HTMLSelectElement;
          const style = getComputedStyle(select);
          const context = document.createElement('canvas').getContext('2d')!;
          context.font = style.font;
          const text = context.measureText(select.selectedOptions[0]!.text).width;
          // The text, the padding and the drop-down arrow (about 20 px) within the box.
          return text + parseFloat(style.paddingLeft) + parseFloat(style.paddingRight) + 20 <= select.clientWidth;
        });
        expect(fits, `${label} shows its value whole`).toBe(true);
      }

      // The History search shows its whole placeholder.
      await page.keyboard.press('Alt+Y');
      await page.getByRole('heading', { level: 1, name: 'History' }).waitFor();
      const search = page.getByRole('searchbox', { name: 'Search encounters' });
      const placeholderFits = await search.evaluate((el) => {
        const input = el as HTMLInputElement;
        const style = getComputedStyle(input);
        const context = document.createElement('canvas').getContext('2d')!;
        context.font = style.font;
        return context.measureText(input.placeholder).width + parseFloat(style.paddingLeft) + parseFloat(style.paddingRight) <= input.clientWidth;
      });
      expect(placeholderFits).toBe(true);

      // The review: a sex not recorded is said so, not "unknown".
      await page.goto(`${app.url}#/review/${encodeURIComponent(id)}`);
      const record = page.getByRole('region', { name: 'Record' });
      await record.waitFor();
      const patient = await record.locator('dd').first().innerText();
      expect(patient).toContain('Nora Unknown, sex not recorded');
      expect(patient).not.toMatch(/unknown$/);
      await expectAccessible(page, 'review');
    } finally {
      await app.close();
    }
  });
});
