/**
 * Baselines for the browser benchmarks, measured in the same browser and the same loop as the
 * app's figures, so that a ratio tells the app's own cost from the machine's speed (issue 15):
 * - an empty page's first paint (a fresh page, as each of the app's loads);
 * - a repaint of a static element after a click (a plain element outside the app, in the app's page);
 * - a keystroke echo in a plain input (the same), from keydown to the first frame painted after it.
 * And Chromium's CPU throttling (the DevTools protocol's Emulation.setCPUThrottlingRate, as
 * Lighthouse emulates a slow device), applied to every page that measures, baselines included.
 */
import type { BrowserContext, Page } from 'playwright-core';

/** The throttled runs' rate and the suffix of their figures. */
export const THROTTLED = { rate: 4, suffix: '.cpu4x' } as const;
export const RUNS = [
  { rate: 1, suffix: '' },
  THROTTLED,
] as const;

/** Slows the page's main thread `rate` times (1: not at all). Applies across the page's navigations. */
export async function throttle(context: BrowserContext, page: Page, rate: number): Promise<void> {
  const cdp = await context.newCDPSession(page);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate });
}

const EMPTY_PAGE = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Baseline</title></head>
<body><p elementtiming="baseline">Baseline</p></body></html>`;
const EMPTY_PATH = '/__bench/empty.html';

/**
 * Serves the empty page at `origin` + /__bench/empty.html in this context (answered by the
 * browser's request interception: no server work, so it is the browser's own floor).
 */
export async function serveEmptyPage(context: BrowserContext, origin: string): Promise<void> {
  await context.route(`${origin}${EMPTY_PATH}`, (route) => route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: EMPTY_PAGE }));
}

/** When a page's first frame showing an element was rendered, and when it reached the screen. */
export interface PaintTiming {
  /** The frame's style, layout and paint done on the page's main thread (Element Timing's paintTime). */
  readonly painted: number;
  /** The frame presented: rasterised and composited, here in software (Element Timing's renderTime). */
  readonly presented: number;
}

/**
 * Loads `address` in a fresh page (throttled at `rate`) and returns, from navigation start, when
 * the element marked `elementtiming="<identifier>"` was first painted (the Element Timing API, as
 * Chromium reports it for text). Counted to the end of that frame's rendering, not to the start
 * of its requestAnimationFrame callbacks: the first frame's style and layout are the largest part
 * of its work (about 70 ms of the workspace's at 1x).
 */
export async function loadAndTimePaint(context: BrowserContext, address: string, identifier: string, rate: number): Promise<PaintTiming> {
  const page = await context.newPage();
  try {
    await throttle(context, page, rate);
    await page.goto(address);
    return await page.evaluate(
      (id) =>
        new Promise<PaintTiming>((resolve, reject) => {
          const timer = setTimeout(() => reject(new Error(`nothing marked elementtiming="${id}" painted within 60 s`)), 60_000);
          new PerformanceObserver((list) => {
            type ElementTiming = PerformanceEntry & { identifier: string; renderTime: number; paintTime?: number };
            const entry = (list.getEntries() as ElementTiming[]).find((e) => e.identifier === id);
            if (entry === undefined) return;
            clearTimeout(timer);
            resolve({ painted: entry.paintTime ?? entry.renderTime, presented: entry.renderTime });
          }).observe({ type: 'element', buffered: true });
        }),
      identifier,
    );
  } finally {
    await page.close();
  }
}

/** An empty page's first paint (`painted`), loaded and timed as `loadAndTimePaint` times the app's pages. */
export const emptyPageFirstPaint = async (context: BrowserContext, origin: string, rate: number): Promise<number> =>
  (await loadAndTimePaint(context, `${origin}${EMPTY_PATH}`, 'baseline', rate)).painted;

/**
 * Adds, outside the app's own elements, a static element with a button that changes its text and
 * a plain input, and `window.__baseline.clickRepaint()`, which clicks the button and resolves to
 * the time until the frame showing the change has been rendered, measured as the workspace
 * benchmark measures a click: the script part, then from the frame's requestAnimationFrame
 * callbacks until a task queued there runs (the idle wait for the display's frame is left out).
 */
export async function installBaselineElements(page: Page): Promise<void> {
  await page.evaluate(() => {
    const box = document.createElement('div');
    box.id = 'bench-baseline';
    box.style.cssText = 'position:fixed;right:4px;bottom:4px;z-index:99999;background:#fff;font:12px sans-serif';
    const button = document.createElement('button');
    button.type = 'button';
    button.textContent = 'Baseline';
    const text = document.createElement('span');
    text.textContent = '0';
    const input = document.createElement('input');
    input.id = 'bench-baseline-input';
    input.setAttribute('aria-label', 'Baseline input');
    box.append(button, text, input);
    document.body.append(box);
    let n = 0;
    button.addEventListener('click', () => (text.textContent = String(++n)));

    const frame = () =>
      new Promise<{ start: number; end: number }>((resolve) =>
        requestAnimationFrame(() => {
          const start = performance.now();
          const channel = new MessageChannel();
          channel.port1.onmessage = () => resolve({ start, end: performance.now() });
          channel.port2.postMessage(0);
        }),
      );
    const clickRepaint = async (): Promise<number> => {
      await frame();
      const t0 = performance.now();
      button.click();
      await Promise.resolve();
      await new Promise<void>((r) => queueMicrotask(r));
      const t1 = performance.now();
      const { start, end } = await frame();
      return t1 - t0 + (end - start);
    };

    // Keystroke echo: keydown to the first frame painted after the input shows the character.
    const keys: number[] = [];
    const painted: number[] = [];
    input.addEventListener('keydown', () => keys.push(performance.now()));
    input.addEventListener('input', () => requestAnimationFrame(() => setTimeout(() => painted.push(performance.now()))));
    (window as unknown as { __baseline: unknown }).__baseline = { clickRepaint, keys, painted };
  });
}

/** `clicks` baseline click repaints in a page where installBaselineElements ran; the samples in ms. */
export function baselineClickRepaints(page: Page, clicks: number): Promise<number[]> {
  return page.evaluate(async (clicks) => {
    const b = (window as unknown as { __baseline: { clickRepaint(): Promise<number> } }).__baseline;
    const samples: number[] = [];
    for (let i = 0; i < clicks; i++) samples.push(await b.clickRepaint());
    return samples;
  }, clicks);
}

/**
 * Types `text` into the baseline input at the pace `paceMs` and returns, for each keystroke, the
 * time from its keydown to the first frame painted after the input showed it.
 */
export async function baselineKeystrokeEchoes(page: Page, text: string, paceMs: number): Promise<number[]> {
  const input = page.locator('#bench-baseline-input');
  await input.fill('');
  await input.focus();
  await page.evaluate(() => {
    const b = (window as unknown as { __baseline: { keys: number[]; painted: number[] } }).__baseline;
    b.keys.length = 0;
    b.painted.length = 0;
  });
  for (const ch of text) {
    await page.keyboard.press(ch === ' ' ? 'Space' : ch);
    await page.waitForTimeout(paceMs);
  }
  await page.waitForFunction((n) => (window as unknown as { __baseline: { painted: number[] } }).__baseline.painted.length >= n, text.length);
  const { keys, painted } = await page.evaluate(() => {
    const b = (window as unknown as { __baseline: { keys: number[]; painted: number[] } }).__baseline;
    return { keys: [...b.keys], painted: [...b.painted] };
  });
  return keys.map((k) => painted.find((p) => p >= k)! - k);
}
