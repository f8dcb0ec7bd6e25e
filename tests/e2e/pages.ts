/**
 * What a clinician does on each screen, written once for the end-to-end tests: every step goes
 * through the page as a user would (clicking, typing, keys), never by setting state directly.
 */
import type { Locator, Page } from 'playwright-core';
import { findingById } from '../../shared/clinical/index.ts';
import type { BodyRegion } from '../../shared/clinical/types.ts';

/** The names the body map gives its regions (aria-label "<name>, <side> leg"). */
export const REGION_NAME: Record<BodyRegion, string> = {
  'lower-back': 'Lower back',
  buttock: 'Buttock',
  'posterior-thigh': 'Back of the thigh',
  popliteal: 'Behind the knee',
  calf: 'Calf',
  achilles: 'Heel cord',
  'medial-ankle-sole': 'Inner ankle or sole',
};

export const labelOf = (id: string): string => {
  const f = findingById(id);
  if (!f) throw new Error(`unknown finding ${id}`);
  return f.label;
};

export async function completeFirstRun(page: Page, name = 'Dr Sam Reyes'): Promise<void> {
  await page.getByRole('heading', { level: 1, name: 'Welcome to Leg Pain DDx' }).waitFor();
  await page.getByLabel('Your name').fill(name);
  await page.getByLabel('Role').fill('General practitioner');
  await page.getByRole('button', { name: 'Save and continue' }).click();
  await page.getByRole('heading', { level: 1, name: 'Encounters' }).waitFor();
}

export interface PatientInput {
  readonly name: string;
  readonly birthDate?: string;
  readonly sex?: 'female' | 'male' | 'other' | 'unknown';
  readonly identifier?: string;
}

/** From anywhere: New encounter, the patient's details, Start. Resolves when the workspace shows. */
export async function startEncounter(page: Page, p: PatientInput): Promise<string> {
  await page.getByRole('link', { name: /^New encounter/ }).first().click();
  await page.getByRole('heading', { level: 1, name: 'New encounter' }).waitFor();
  await page.getByLabel('Patient name').fill(p.name);
  if (p.birthDate) await page.getByLabel('Date of birth').fill(p.birthDate);
  if (p.sex) await page.getByLabel('Sex').selectOption(p.sex);
  if (p.identifier) await page.getByLabel('Identifier').fill(p.identifier);
  await page.getByRole('button', { name: 'Start encounter' }).click();
  await page.getByRole('heading', { level: 1, name: new RegExp(`^${escapeRegExp(p.name)}`) }).waitFor();
  const id = /#\/encounter\/(.+)$/.exec(page.url())?.[1];
  if (!id) throw new Error(`no encounter id in ${page.url()}`);
  return decodeURIComponent(id);
}

export const escapeRegExp = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** The radio of one state of one finding, found by its accessible name ("Calf: present"). */
export const findingRadio = (page: Page, id: string, state: 'present' | 'absent' | 'not recorded'): Locator =>
  page.getByRole('radio', { name: `${labelOf(id)}: ${state}`, exact: true });

export async function clickFinding(page: Page, id: string, state: 'present' | 'absent' | 'not recorded'): Promise<void> {
  await findingRadio(page, id, state).click();
}

/**
 * Types into the type-ahead picker word by word until the finding is offered, moves to it with the
 * arrow keys and records it with Enter (present) or Shift+Enter (absent).
 */
export async function typeFinding(page: Page, id: string, state: 'present' | 'absent'): Promise<void> {
  const label = labelOf(id);
  const picker = page.getByRole('combobox', { name: /Find a finding/ });
  await picker.click();
  await picker.fill('');
  const words = label.split(/\s+/);
  for (let n = 1; n <= words.length; n++) {
    await picker.fill(words.slice(0, n).join(' '));
    const options = await page.getByRole('listbox', { name: 'Matching findings' }).getByRole('option').allInnerTexts();
    const index = options.findIndex((t) => t.split('\n')[0]!.trim() === label);
    if (index >= 0) {
      for (let i = 0; i < index; i++) await picker.press('ArrowDown');
      await picker.press(state === 'present' ? 'Enter' : 'Shift+Enter');
      return;
    }
  }
  throw new Error(`the picker never offered "${label}"`);
}

export async function clickRegion(page: Page, region: BodyRegion, side: 'left' | 'right'): Promise<void> {
  await page.getByRole('button', { name: `${REGION_NAME[region]}, ${side} leg`, exact: true }).click();
}

export async function findingState(page: Page, id: string): Promise<'present' | 'absent' | 'not recorded'> {
  for (const s of ['present', 'absent', 'not recorded'] as const) {
    if (await findingRadio(page, id, s).isChecked()) return s;
  }
  throw new Error(`no state checked for ${id}`);
}

/** The items of the differential in rank order: their text, which begins with the cause label. */
export const differentialItems = (page: Page): Locator => page.locator('ol[aria-label="Differential diagnosis"] > li');

/** The list shows the top three causes; this opens the whole list (it stays open while the encounter is). */
export async function showAllCauses(page: Page): Promise<void> {
  const button = page.getByRole('button', { name: /^Show all \d+ causes$/ });
  if ((await button.count()) > 0) await button.click();
}

export async function differentialLabels(page: Page, causeLabels: readonly string[]): Promise<string[]> {
  await showAllCauses(page);
  const texts = await differentialItems(page).allInnerTexts();
  return texts.map((t) => causeLabels.find((l) => t.startsWith(l)) ?? `?${t.slice(0, 40)}`);
}

export const redFlagsRegion = (page: Page): Locator => page.getByRole('region', { name: /^Red flags( \(\d+\))?$/ });

/** Opens every red flag (each is one line until opened), so its criteria, what raised it and what to do show. */
export async function openRedFlags(page: Page): Promise<void> {
  const closed = redFlagsRegion(page).locator('details:not([open]) > summary');
  while ((await closed.count()) > 0) await closed.first().click();
}

/** Waits until the save state says everything typed is stored. */
export async function waitSaved(page: Page): Promise<void> {
  await page.locator('.save-status[data-state="saved"]').waitFor({ timeout: 10_000 });
}

/** Presses Tab until the focused element matches the selector (keyboard-only navigation). */
export async function tabTo(page: Page, selector: string, max = 60, key = 'Tab'): Promise<void> {
  for (let i = 0; i < max; i++) {
    if (await page.evaluate((s) => document.activeElement?.matches(s) ?? false, selector)) return;
    await page.keyboard.press(key);
  }
  throw new Error(`focus never reached ${selector}`);
}

/** Whether the focused element shows a focus indicator (its own outline, or its segment's for the finding radios). */
export function focusVisible(page: Page): Promise<boolean> {
  return page.evaluate(() => {
    const el = document.activeElement as HTMLElement | null;
    if (!el || el === document.body) return false;
    const shown = (e: Element) => {
      const s = getComputedStyle(e);
      return (s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) >= 2) || (e instanceof SVGElement && parseFloat(s.strokeWidth) >= 3);
    };
    if (shown(el)) return true;
    const next = el.nextElementSibling;
    return el instanceof HTMLInputElement && el.type === 'radio' && next !== null && shown(next);
  });
}

/**
 * Refuses every request for the renderer's chunk of that name (a file missing from a damaged
 * install); returns a function that tells how many requests were refused so far.
 */
export async function refuseChunk(page: Page, name: string): Promise<() => number> {
  let refused = 0;
  await page.route(new RegExp(`/assets/${name}-[^/]+\\.js$`), (route) => {
    refused++;
    return route.abort();
  });
  return () => refused;
}
