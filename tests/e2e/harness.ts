/**
 * End-to-end harness: the real built renderer in Debian's Chromium (playwright-core), talking over
 * the real loopback bridge to the real services with SQLite in a temporary folder. Only Electron's
 * transport is replaced. One browser per test file; one app (data folder, bridge, page) per test.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { startBridge } from '../../electron/main/bridge/server.ts';
import { openServices } from '../../electron/main/services.ts';
import { createClient, type Client } from '../../shared/api/client.ts';
import { ApiError } from '../../shared/api/errors.ts';
import type { Services } from '../../shared/api/methods.ts';
import { httpInvoke } from '../../shared/api/transport.ts';

export const ROOT = resolve(import.meta.dirname, '../..');
export const RENDERER_DIR = join(ROOT, 'out', 'renderer');
export const ARTIFACTS = join(ROOT, 'test-results');
export const SHARED = resolve(ROOT, '..', 'shared');

/** The test command builds first; a lone run of this file builds once if the renderer is missing. */
export function ensureBuilt(): void {
  if (existsSync(join(RENDERER_DIR, 'index.html'))) return;
  const r = spawnSync(join(ROOT, 'node_modules', '.bin', 'electron-vite'), ['build'], { cwd: ROOT, stdio: 'inherit' });
  if (r.status !== 0) throw new Error('electron-vite build failed');
}

/**
 * The features Playwright turns off itself (playwright-core 1.65, its chromiumSwitches.ts). Chromium
 * keeps only the last --disable-features switch it is given and Playwright passes its own first, so
 * ours repeats them; tests/e2e/browser-ui.test.ts fails when an update of Playwright adds one.
 */
const PLAYWRIGHT_DISABLED_FEATURES = [
  'AvoidUnnecessaryBeforeUnloadCheckSync',
  'DestroyProfileOnBrowserClose',
  'HttpsUpgrades',
  'HttpsFirstBalancedModeAutoEnable',
  'LensOverlay',
  'MediaRouter',
  'PaintHolding',
  'ThirdPartyStoragePartitioning',
  'AvoidCorsURLLoaderRestartOnRedirect',
  'TcpPortRandomizationWin',
  'OptimizationHints',
  'NetworkTimeServiceQuerying',
  'AimEnabled',
  'PreconnectToSearch',
  'msForceBrowserSignIn',
  'msEdgeUpdateLaunchServicesPreferredVersion',
];

/**
 * Chromium's own window UI, which the desktop app does not have. With each new window Chromium
 * loads its omnibox popup, two WebUI pages whose scripts compile in a renderer of their own while
 * the app's page loads, on the same two cores: their parse alone took 63-75 ms of CPU per traced
 * load, and without them the workspace's median first paint fell from 417-515 to 305-334 ms in
 * same-run loads (issue 15).
 */
export const BROWSER_UI_FEATURES = ['WebUIOmniboxPopup', 'WebUIOmniboxAimPopup'];

export const CHROMIUM_ARGS = [
  `--disable-features=${[...PLAYWRIGHT_DISABLED_FEATURES, ...BROWSER_UI_FEATURES].join(',')}`,
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];

/** Debian's Chromium (or CHROMIUM_PATH), headless, as every browser test and benchmark runs it. */
export function launchChromium(extraArgs: readonly string[] = []): Promise<Browser> {
  return chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: [...CHROMIUM_ARGS, ...extraArgs] });
}

/** Chromium with a profile kept in `userDataDir`, as a desktop app's session is kept between launches. */
export function launchPersistentChromium(userDataDir: string, viewport: { width: number; height: number }): Promise<BrowserContext> {
  return chromium.launchPersistentContext(userDataDir, { executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: [...CHROMIUM_ARGS], viewport });
}

/** Chromium for the end-to-end tests, with the renderer built. */
export function launchBrowser(extraArgs: readonly string[] = []): Promise<Browser> {
  ensureBuilt();
  return launchChromium(extraArgs);
}

export interface App {
  readonly page: Page;
  readonly context: BrowserContext;
  /** A client of the same bridge, for checking what was stored. */
  readonly client: Client;
  /** The page address with its token. */
  readonly url: string;
  readonly dataDir: string;
  /** Messages the page logged as errors (CSP violations among them), for asserting there are none. */
  readonly consoleErrors: string[];
  /** Stops the loopback service, as if it had crashed; the page stays open. */
  stopService(): Promise<void>;
  /** Starts it again on the same port and data; resolves to the new page address (a new token). */
  startService(): Promise<string>;
  close(): Promise<void>;
}

export interface OpenOptions {
  /** Store a clinician profile first, so the app opens on the start screen rather than first run. */
  readonly profile?: boolean;
  readonly bypassCSP?: boolean;
  /** Stands between the bridge and the real services, e.g. to hold an answer back and test an ordering of answers. */
  readonly wrapServices?: (services: Services) => Services;
}

export const PROFILE = { name: 'Dr Sam Reyes', role: 'General practitioner', practice: 'Riverside Practice', contact: '01234 567890' };

export async function openApp(browser: Browser, options: OpenOptions = {}): Promise<App> {
  const dataDir = mkdtempSync(join(tmpdir(), 'legpain-e2e-'));
  const wrap = options.wrapServices ?? ((services: Services) => services);
  let opened = openServices({ dataDir });
  let bridge = await startBridge({ services: wrap(opened.services), rendererDir: RENDERER_DIR });
  let running = true;
  const port = bridge.port;
  // The client follows the service across a restart (each start has a new token).
  const client = createClient((method, input) => httpInvoke(`http://127.0.0.1:${port}`, bridge.token)(method, input));
  if (options.profile) await client.profile.save(PROFILE);
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, bypassCSP: options.bypassCSP ?? false });
  const page = await context.newPage();
  const consoleErrors: string[] = [];
  page.on('console', (m) => {
    // A CSP delivered by <meta> cannot carry frame-ancestors (the bridge also sends it as a header,
    // where it applies); Chromium says so on every load. Anything else logged as an error counts.
    if (m.type() === 'error' && !m.text().includes("'frame-ancestors' is ignored")) consoleErrors.push(m.text());
  });
  page.on('pageerror', (e) => consoleErrors.push(e.message));
  // A script blocked by the page's Content-Security-Policy (an eval, say) is reported only as an
  // event, not always in the console: logged here, it counts as an error like any other.
  await page.addInitScript(() =>
    document.addEventListener('securitypolicyviolation', (e) => console.error(`Content-Security-Policy violation: ${e.violatedDirective} ${e.blockedURI}`)),
  );
  await page.goto(bridge.url);
  return {
    page,
    context,
    client,
    get url() {
      return bridge.url;
    },
    dataDir,
    consoleErrors,
    async stopService() {
      await bridge.close();
      opened.close();
      running = false;
    },
    async startService() {
      opened = openServices({ dataDir });
      bridge = await startBridge({ services: wrap(opened.services), rendererDir: RENDERER_DIR, port });
      running = true;
      return bridge.url;
    },
    async close() {
      await context.close();
      if (running) {
        await bridge.close();
        opened.close();
      }
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

export function artifactPath(name: string): string {
  mkdirSync(ARTIFACTS, { recursive: true });
  return join(ARTIFACTS, name);
}

export interface Vignette {
  readonly id: string;
  readonly title: string;
  /** The folder it was found in: vignettes (v1) or vignettes-v2. */
  readonly folder: VignetteFolder;
  readonly case: { readonly age?: number; readonly sex?: 'female' | 'male' | 'other' | 'unknown'; readonly findings: readonly string[]; readonly absent?: readonly string[] };
  readonly expect: {
    readonly topCause?: string;
    readonly redFlags?: readonly string[];
    readonly noRedFlags?: readonly string[];
    /** v2: red-flag id to the urgency it must have. */
    readonly redFlagUrgency?: Readonly<Record<string, 'emergency' | 'urgent'>>;
    /** v2: pairs [a, b]: cause a ranks above cause b. */
    readonly above?: readonly (readonly [string, string])[];
    /** The causes are among the first n. */
    readonly inTop?: { readonly n: number; readonly causes: readonly string[] };
    readonly imaging?: readonly string[];
    readonly imagingUrgent?: readonly string[];
    readonly wellsDvt?: { readonly points?: number; readonly category: string };
  };
}

export type VignetteFolder = 'vignettes' | 'vignettes-v2';

/**
 * The vignettes of ../shared/vignettes and ../shared/vignettes-v2 (or only the folder named), found
 * at run time; none from a folder that is absent.
 */
export function loadVignettes(folders: readonly VignetteFolder[] = ['vignettes']): Vignette[] {
  return folders.flatMap((folder) => {
    const dir = join(SHARED, folder);
    if (!existsSync(dir)) return [];
    return readdirSync(dir)
      .filter((f) => f.endsWith('.json'))
      .sort()
      .map((f) => ({ ...(JSON.parse(readFileSync(join(dir, f), 'utf8')) as Omit<Vignette, 'folder'>), folder }));
  });
}

/** axe-core's source, evaluated in the page over CDP (the page's CSP forbids injected scripts). */
const axeSource = readFileSync(join(ROOT, 'node_modules', 'axe-core', 'axe.min.js'), 'utf8');

export interface AxeViolation {
  readonly id: string;
  readonly impact: string | null;
  readonly help: string;
  readonly nodes: readonly { readonly target: readonly string[]; readonly failureSummary?: string }[];
}

/** Runs axe-core's WCAG 2.2 AA and best-practice rules on the page as it is; returns the serious and critical violations. */
export async function seriousViolations(page: Page): Promise<AxeViolation[]> {
  const loaded = await page.evaluate('typeof window.axe !== "undefined"');
  if (!loaded) await page.evaluate(axeSource);
  const violations = (await page.evaluate(`window.axe.run(document, { resultTypes: ['violations'], runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'] } }).then((r) => r.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.map((n) => ({ target: n.target, failureSummary: n.failureSummary })) })))`)) as AxeViolation[];
  return violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
}

/** A date of birth giving this age on today's date (the birthday a month past). */
export function birthDateForAge(age: number, today = new Date()): string {
  const d = new Date(Date.UTC(today.getUTCFullYear() - age, today.getUTCMonth(), today.getUTCDate()));
  d.setUTCMonth(d.getUTCMonth() - 1);
  return d.toISOString().slice(0, 10);
}

/**
 * Services whose encounter.save fails with a full disk while `failing` is true: what a test needs to
 * show that text which cannot be stored stays on screen with the reason.
 */
export function savesThatCanFail(): { failing: boolean; readonly wrap: (services: Services) => Services } {
  const control = {
    failing: false,
    wrap: (services: Services): Services => ({
      ...services,
      'encounter.save': (input) => {
        if (control.failing) throw new ApiError('io', 'The disk is full.');
        return services['encounter.save'](input);
      },
    }),
  };
  return control;
}

/**
 * Services whose encounter.save answers only after `ms`: a store slow to confirm, as on a loaded
 * machine. A test of leaving then shows that the next screen waits for the store, rather than
 * passing only because the save happened to arrive before the test looked.
 */
export function savesAnsweringAfter(ms: number): (services: Services) => Services {
  return (services) => ({
    ...services,
    'encounter.save': async (input) => {
      await new Promise((resolve) => setTimeout(resolve, ms));
      return services['encounter.save'](input);
    },
  });
}
