import { readFileSync } from 'node:fs';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { BROWSER_UI_FEATURES, launchChromium } from './harness.ts';

/**
 * The browser the end-to-end tests and benchmarks drive stands in for the desktop app's window, so
 * it runs none of Chromium's own window UI beside the app, and keeps Playwright's own settings.
 */
describe('the test browser', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser.close();
  });

  test('loads none of its own window UI beside the app', async () => {
    const context = await browser.newContext();
    for (let i = 0; i < 2; i++) await (await context.newPage()).setContent('<p>A page</p>');
    const cdp = await browser.newBrowserCDPSession();
    const { targetInfos } = (await cdp.send('Target.getTargets')) as { targetInfos: { type: string; url: string }[] };
    expect(targetInfos.filter((t) => t.type !== 'page').map((t) => t.url)).toEqual([]);
    expect(targetInfos.filter((t) => t.type === 'page')).toHaveLength(2);
    await context.close();
  });

  test("turns off every feature Playwright turns off, as well as Chromium's window UI", async () => {
    // Chromium acts on the last --disable-features switch only: it must carry every earlier one's.
    const cdp = await browser.newBrowserCDPSession();
    const { processInfo } = (await cdp.send('SystemInfo.getProcessInfo')) as { processInfo: { type: string; id: number }[] };
    const pid = processInfo.find((p) => p.type === 'browser')!.id;
    const lists = readFileSync(`/proc/${pid}/cmdline`, 'utf8')
      .split('\0')
      .filter((a) => a.startsWith('--disable-features='))
      .map((a) => a.slice('--disable-features='.length).split(','));
    expect(lists.length).toBeGreaterThanOrEqual(2);
    const last = new Set(lists.at(-1));
    const missing = [...lists.slice(0, -1).flat(), ...BROWSER_UI_FEATURES].filter((f) => !last.has(f));
    expect(missing, 'add these to PLAYWRIGHT_DISABLED_FEATURES in tests/e2e/harness.ts').toEqual([]);
  });
});
