import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { launchBrowser, openApp, seriousViolations, type App } from './harness.ts';
import { seedHistory } from './review-helpers.ts';

/**
 * Backup and restore from the data screen, watched as the user sees them: the progress bar with
 * the main process's phase and bytes, then the result. 15,000 generated encounters (about 50 MB)
 * make each take several polls.
 */

const SEEDED = 15_000;
let browser: Browser;
let app: App;
const work = mkdtempSync(join(tmpdir(), 'legpain-backup-e2e-'));

beforeAll(async () => {
  browser = await launchBrowser();
  app = await openApp(browser, { profile: true });
  await seedHistory(app.client, { count: SEEDED, seed: 21, batch: 2500 });
  // The import computes every assessment again (it names this knowledge base): seeding takes longer.
}, 300_000);

afterAll(async () => {
  await app?.close();
  await browser?.close();
  rmSync(work, { recursive: true, force: true });
});

interface Seen {
  readonly name: string | null;
  /** null while the bar is indeterminate. */
  readonly value: number | null;
  readonly line: string;
}

/** Records the running job's bar and line at every change of the data screen. */
async function recordProgress(page: Page): Promise<void> {
  await page.evaluate(() => {
    const w = window as unknown as { __seen: Seen[] };
    w.__seen = [];
    const record = () => {
      const bar = document.querySelector<HTMLProgressElement>('.job progress');
      if (bar === null) return;
      const line = document.querySelector('.job .stage')?.textContent ?? '';
      const seen = { name: bar.getAttribute('aria-label'), value: bar.position === -1 ? null : bar.value, line };
      const last = w.__seen.at(-1);
      if (last === undefined || last.line !== seen.line || last.value !== seen.value) w.__seen.push(seen);
    };
    new MutationObserver(record).observe(document.querySelector('.data-panel')!, { subtree: true, childList: true, characterData: true, attributes: true });
  });
}

const seenSoFar = (page: Page) => page.evaluate(() => (window as unknown as { __seen: Seen[] }).__seen);

/** "Copying 43% (120 of 280 MB)" → its parts; null for an unmeasured phase ("Checking the copy…"). */
function measured(line: string): { label: string; percent: number; done: number; total: number } | null {
  const m = /^(.+) (\d+)% \(([\d.,]+) of ([\d.,]+) MB\)$/.exec(line);
  if (m === null) return null;
  const mb = (s: string) => Number(s.replaceAll(',', ''));
  return { label: m[1]!, percent: Number(m[2]), done: mb(m[3]!), total: mb(m[4]!) };
}

/** What the bar showed while the job ran: its accessible name, real phases, and no step back within a phase. */
function expectRealProgress(seen: Seen[], name: string, phases: readonly string[]): void {
  expect(seen.length).toBeGreaterThan(0);
  for (const s of seen) expect(s.name).toBe(name);
  // The main process's own phases were shown, not only the window's "Starting…".
  const fromMain = seen.filter((s) => phases.some((p) => s.line.startsWith(p)));
  expect(fromMain.length, JSON.stringify(seen)).toBeGreaterThan(0);
  let last: { label: string; percent: number } | null = null;
  for (const s of seen) {
    const m = measured(s.line);
    if (m === null) {
      expect(s.value).toBeNull();
      continue;
    }
    // The bar and the words agree, and the numbers add up.
    expect(Math.floor(s.value! * 100)).toBe(m.percent);
    expect(m.done).toBeLessThanOrEqual(m.total);
    if (last !== null && last.label === m.label) expect(m.percent).toBeGreaterThanOrEqual(last.percent);
    last = m;
  }
}

/** The result's facts as label → text. */
async function facts(page: Page): Promise<Record<string, string>> {
  return page.evaluate(() => {
    const out: Record<string, string> = {};
    for (const dt of document.querySelectorAll('.outcome .facts dt')) out[dt.textContent ?? ''] = dt.nextElementSibling?.textContent ?? '';
    return out;
  });
}

describe('backup and restore from the data screen', () => {
  test('a backup shows its progress to completion, then the file, size, SHA-256 and time', async () => {
    const { page } = app;
    const target = join(work, 'monday.sqlite');
    await page.goto(`${app.url}#/data`);
    await page.getByRole('heading', { level: 1, name: 'Backup, export and import' }).waitFor();
    await page.getByLabel('Save the backup to').fill(target);
    await recordProgress(page);
    await page.getByRole('button', { name: 'Back up now' }).click();
    await page.getByText(/^Backup complete 100% \(/).waitFor({ timeout: 20_000 });

    expectRealProgress(await seenSoFar(page), 'Backup progress', ['Copying', 'Checking the copy', 'Finishing']);

    // Completion: a full bar and the result.
    const bytes = readFileSync(target);
    const done = page.getByRole('progressbar', { name: 'Backup progress' });
    expect(await done.getAttribute('value')).toBe('1');
    const complete = measured((await page.locator('.outcome .stage').textContent()) ?? '');
    expect(complete).toMatchObject({ label: 'Backup complete', percent: 100 });
    expect(complete!.done).toBe(complete!.total);
    expect(complete!.total).toBeCloseTo(bytes.length / 1024 / 1024, 0);
    const shown = await facts(page);
    expect(shown['File']).toBe(target);
    expect(shown['SHA-256']).toBe(createHash('sha256').update(bytes).digest('hex'));
    expect(shown['Size']).toContain(`(${new Intl.NumberFormat('en-US').format(bytes.length)} bytes)`);
    expect(shown['Time']).toMatch(/^[\d.]+ s$/);
    await page.getByText(/Backup written to .* MB in .* s, checked/).waitFor();
    // The polling stops with the job: no request to backup.progress afterwards.
    const polls: string[] = [];
    page.on('request', (r) => r.url().includes('/api/backup.progress') && polls.push(r.url()));
    await page.waitForTimeout(600);
    expect(polls).toEqual([]);
    expect(await seriousViolations(page)).toEqual([]);
  });

  test('a restore shows copying and checking the backup, then what was restored', async () => {
    const { page } = app;
    const source = join(work, 'monday.sqlite');
    // Work after the backup, which the restore replaces (it is kept aside).
    await app.client.encounter.save({
      seenAt: '2026-11-30T09:00:00.000Z',
      patient: { name: 'After Backup', birthDate: '1970-01-01', sex: 'male', identifier: 'MRN 777' },
      complaint: 'Calf pain',
      findings: ['loc-calf'],
    });
    await page.goto(`${app.url}#/data`);
    await page.getByLabel('Backup file').fill(source);
    await recordProgress(page);
    await page.getByRole('button', { name: 'Restore…' }).click();
    await page.getByRole('button', { name: 'Yes, restore' }).click();
    await page.getByText('Restore complete').waitFor({ timeout: 20_000 });

    expectRealProgress(await seenSoFar(page), 'Restore progress', ['Copying the backup', 'Checking the backup', 'Putting the backup in place']);
    expect(await page.getByRole('progressbar', { name: 'Restore progress' }).getAttribute('value')).toBe('1');
    const shown = await facts(page);
    expect(shown['Restored from']).toBe(source);
    expect(shown['Encounters']).toBe(new Intl.NumberFormat('en-US').format(SEEDED));
    expect(shown['Previous database kept at']).toMatch(/before-restore/);
    await page.getByText(`Restored ${SEEDED} encounters from ${source}`).waitFor();
    expect((await app.client.encounter.list({})).total).toBe(SEEDED);
    expect(app.consoleErrors).toEqual([]);
  });
});
