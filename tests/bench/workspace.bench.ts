/**
 * `npm run bench -- workspace`: the consultation workspace in Chromium, over the real bridge and
 * services (SQLite in a temporary folder), as the end-to-end tests run it.
 * - click_to_repaint: a finding's control clicked, the engine run and the checklist's DOM updated
 *   (script), plus the frame that shows it: from its requestAnimationFrame callbacks until a task
 *   queued there runs, i.e. after style, layout and paint. The idle wait for the display's next
 *   frame in between is not counted (headless Chromium ticks at 60 Hz whatever the flags; that
 *   wait is up to 16.7 ms and not the app's doing). p50/p95 over 200 clicks on a full encounter,
 *   every click a real change. Target p95 < 8 ms.
 * - click_to_script: the script part alone (click handler, engine, Vue's DOM update).
 * - first_paint: navigation to an encounter's address until the frame showing the workspace, with
 *   the encounter in it, has been rendered (style, layout and paint; the patient's name in the
 *   heading is timed with the Element Timing API), median and p95 of 21 loads (the second slowest;
 *   of 11 loads, the p95 was the slowest one alone, a figure one hiccup of the machine decides).
 *   Target < 500 ms.
 *   first_paint.presented: until that frame reached the screen, median (raster and compositing,
 *   here in software on the same two cores; for information, no target).
 * - first_paint.profile_on_disk: the same loads in a browser profile kept on disk, as the desktop
 *   app's session is between launches (the loads above use an in-memory context, as the tests do).
 * - js_gzip: the renderer's JavaScript as built, gzipped. Target < 150 KB.
 * Baselines in the same browser and loop (browser-baselines.ts), each figure's ratio to its own
 * printed beside it (.over_baseline): an empty page's first paint (loaded before each workspace
 * load), a static element's repaint after a click (after each workspace click, in the same page)
 * and a keystroke echo in a plain input. Everything runs twice: as is, and with Chromium's CPU
 * throttled 4x (figures suffixed .cpu4x; targets there: click p95 < 16.7 ms, first paint < 1.5 s).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { startBridge } from '../../electron/main/bridge/server.ts';
import { openServices } from '../../electron/main/services.ts';
import { createClient } from '../../shared/api/client.ts';
import { httpInvoke } from '../../shared/api/transport.ts';
import { knowledgeBase } from '../../shared/clinical/index.ts';
import { launchChromium, launchPersistentChromium, RENDERER_DIR as rendererDir, ROOT as root } from '../e2e/harness.ts';
import { baselineKeystrokeEchoes, emptyPageFirstPaint, installBaselineElements, loadAndTimePaint, RUNS, serveEmptyPage, throttle } from './browser-baselines.ts';

const CLICKS = 200;
const LOADS = 21;

/** Newest modification time under a folder (sources that the renderer bundle is built from). */
function newest(dir: string): number {
  let t = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, entry.name);
    t = Math.max(t, entry.isDirectory() ? newest(p) : statSync(p).mtimeMs);
  }
  return t;
}

function buildIfStale(): void {
  const index = join(rendererDir, 'index.html');
  const sources = Math.max(newest(join(root, 'renderer')), newest(join(root, 'shared')));
  if (existsSync(index) && statSync(index).mtimeMs >= sources) return;
  console.error('# building the renderer');
  const r = spawnSync(join(root, 'node_modules', '.bin', 'electron-vite'), ['build'], { cwd: root, stdio: ['ignore', 2, 2] });
  if (r.status !== 0) throw new Error('electron-vite build failed');
}

const percentile = (values: readonly number[], p: number): number => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))]!;
};
const print = (name: string, value: number, unit: string, digits = 2): void => {
  process.stdout.write(`bench workspace.${name} ${value.toFixed(digits)} ${unit}\n`);
};

buildIfStale();

const jsBytes = readdirSync(join(rendererDir, 'assets'))
  .filter((f) => f.endsWith('.js'))
  .reduce((sum, f) => sum + gzipSync(readFileSync(join(rendererDir, 'assets', f))).length, 0);

const dataDir = mkdtempSync(join(tmpdir(), 'legpain-bench-'));
const opened = openServices({ dataDir });
const bridge = await startBridge({ services: opened.services, rendererDir });
const client = createClient(httpInvoke(`http://127.0.0.1:${bridge.port}`, bridge.token));
// Built above when stale, so not the harness's launchBrowser (which builds only when missing).
const browser = await launchChromium();

try {
  await client.profile.save({ name: 'Dr Bench', role: 'General practitioner', practice: '', contact: '' });
  // A full encounter: a third of the findings present, a sixth absent, long notes.
  const ids = knowledgeBase.findings.map((f) => f.id);
  const present = ids.filter((_, i) => i % 3 === 0);
  const absent = ids.filter((_, i) => i % 6 === 1);
  const saved = await client.encounter.save({
    seenAt: new Date().toISOString(),
    patient: { name: 'Bench Patient', birthDate: '1960-01-15', sex: 'female', identifier: 'B-1' },
    complaint: 'Pain at the back of the left leg',
    findings: present,
    absent,
    notes: 'History and examination. '.repeat(200),
    referral: { to: 'Vascular clinic', priority: 'urgent', question: 'Please assess' },
  });
  const address = bridge.url.replace(/#.*$/, '') + `#/encounter/${encodeURIComponent(saved.id)}`;

  const origin = new URL(bridge.url).origin;
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  await serveEmptyPage(context, origin);

  for (const run of RUNS) {
    const name = (figure: string) => `${figure}${run.suffix}`;
    // First paint of the workspace, each load in a fresh page, each after an empty page's load.
    const paints: number[] = [];
    const presented: number[] = [];
    const emptyPaints: number[] = [];
    for (let i = 0; i < LOADS; i++) {
      emptyPaints.push(await emptyPageFirstPaint(context, origin, run.rate));
      const timing = await loadAndTimePaint(context, address, 'workspace', run.rate);
      paints.push(timing.painted);
      presented.push(timing.presented);
    }

    const page = await context.newPage();
    await throttle(context, page, run.rate);
    await page.goto(address);
    await page.waitForFunction(() => performance.getEntriesByName('workspace-painted').length > 0);
    // The findings' rows are built just after the first paint.
    await page.locator('.finding-row').nth(knowledgeBase.findings.length - 1).waitFor({ state: 'attached' });
    await installBaselineElements(page);
    // Warm up, then measure in the page so the figures carry no round trip to this process. Each
    // click on the workspace is followed by one on the baseline's static element.
    const timings = (await page.evaluate(async (clicks: number) => {
      const baseline = (window as unknown as { __baseline: { clickRepaint(): Promise<number> } }).__baseline;
      const radios = Array.from(document.querySelectorAll<HTMLInputElement>('.finding-row input[type="radio"]'));
      const checklist = document.querySelector('.checklist-column')!;
      let mutated = false;
      new MutationObserver(() => (mutated = true)).observe(checklist, { subtree: true, childList: true, characterData: true, attributes: true });
      /** The next frame: when its requestAnimationFrame callbacks start, and when it has been rendered. */
      const frame = () =>
        new Promise<{ start: number; end: number }>((resolve) =>
          requestAnimationFrame(() => {
            const start = performance.now();
            const channel = new MessageChannel();
            channel.port1.onmessage = () => resolve({ start, end: performance.now() });
            channel.port2.postMessage(0);
          }),
        );
      const repaint: number[] = [];
      const script: number[] = [];
      const staticRepaint: number[] = [];
      let unchanged = 0;
      // Each click picks a control not currently checked, so every click is a real change of state.
      let k = 0;
      const next = () => {
        for (;;) {
          const r = radios[(k = (k + 7) % radios.length)]!;
          if (!r.checked) return r;
        }
      };
      for (let i = 0; i < 20; i++) {
        next().click();
        await frame();
        await baseline.clickRepaint();
      }
      for (let i = 0; i < clicks; i++) {
        const radio = next();
        await frame();
        mutated = false;
        const t0 = performance.now();
        radio.click();
        // Vue applies the change to the DOM in a microtask; these run after it.
        await Promise.resolve();
        await new Promise<void>((r) => queueMicrotask(r));
        const t1 = performance.now();
        const { start, end } = await frame();
        script.push(t1 - t0);
        // The wait for the display's next frame (up to 16.7 ms at 60 Hz, not the app's doing) is left out.
        repaint.push(t1 - t0 + (end - start));
        if (!mutated) unchanged++;
        staticRepaint.push(await baseline.clickRepaint());
      }
      return { repaint, script, staticRepaint, unchanged };
    }, CLICKS)) as { repaint: number[]; script: number[]; staticRepaint: number[]; unchanged: number };

    const echoes: number[] = [];
    for (const text of ['calf swelling', 'behind the knee', 'walking distance']) echoes.push(...(await baselineKeystrokeEchoes(page, text, 60)));
    await page.close();

    if (timings.unchanged > CLICKS / 2) console.error(`# warning: ${timings.unchanged} of ${CLICKS} clicks left the checklist unchanged`);
    const repaintP95 = percentile(timings.repaint, 0.95);
    const staticP95 = percentile(timings.staticRepaint, 0.95);
    const firstPaint = percentile(paints, 0.5);
    const emptyPaint = percentile(emptyPaints, 0.5);
    print(name('click_to_repaint.p50'), percentile(timings.repaint, 0.5), 'ms');
    print(name('click_to_repaint.p95'), repaintP95, 'ms');
    print(name('click_to_repaint.p95.over_baseline'), repaintP95 / staticP95, 'x');
    print(name('click_to_script.p95'), percentile(timings.script, 0.95), 'ms');
    print(name('first_paint'), firstPaint, 'ms', 1);
    print(name('first_paint.p95'), percentile(paints, 0.95), 'ms', 1);
    print(name('first_paint.over_baseline'), firstPaint / emptyPaint, 'x');
    print(name('first_paint.presented'), percentile(presented, 0.5), 'ms', 1);
    print(name('baseline.empty_page_first_paint'), emptyPaint, 'ms', 1);
    print(name('baseline.static_click_repaint.p95'), staticP95, 'ms');
    print(name('baseline.keystroke_echo.p95'), percentile(echoes, 0.95), 'ms');
  }
  print('js_gzip', jsBytes / 1024, 'KB', 1);
  await context.close();

  // The loads above run in a fresh, in-memory browser context, as every test does. The desktop app
  // keeps its session on disk between launches (and Chromium keeps more there, such as compiled
  // code); the same loads in a profile kept on disk give its repeat launches' figure.
  const profileDir = mkdtempSync(join(tmpdir(), 'legpain-bench-profile-'));
  const kept = await launchPersistentChromium(profileDir, { width: 1280, height: 800 });
  try {
    await serveEmptyPage(kept, origin);
    const paints: number[] = [];
    const emptyPaints: number[] = [];
    for (let i = 0; i < LOADS; i++) {
      emptyPaints.push(await emptyPageFirstPaint(kept, origin, 1));
      paints.push((await loadAndTimePaint(kept, address, 'workspace', 1)).painted);
    }
    print('first_paint.profile_on_disk', percentile(paints, 0.5), 'ms', 1);
    print('first_paint.profile_on_disk.over_baseline', percentile(paints, 0.5) / percentile(emptyPaints, 0.5), 'x');
    print('baseline.empty_page_first_paint.profile_on_disk', percentile(emptyPaints, 0.5), 'ms', 1);
  } finally {
    await kept.close();
    rmSync(profileDir, { recursive: true, force: true });
  }
} finally {
  await browser.close();
  await bridge.close();
  opened.close();
  rmSync(dataDir, { recursive: true, force: true });
}
