/**
 * Runs the app's main process as electron-vite built it (<appDir>/out/main/index.js) under plain
 * Node, with the import 'electron' answered by ./electron.ts, and drives it the way Electron and
 * a clinician would: ready, the window's page loading over app://, a navigation, a permission
 * request, IPC calls from the page and from an iframe, a referral saved through the save dialog
 * and opened, a second instance, quit. Writes what it saw as JSON to the report path; the
 * assertions are in the tests (tests/main/app/wiring.test.ts, packaging.test.ts).
 *
 * Usage: node run-app.ts <scenario.json> <report.json>
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { registerHooks } from 'node:module';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

export interface Scenario {
  /** app.getAppPath(): the folder holding package.json (the repository, or a packaged app's extracted app.asar). */
  readonly appDir: string;
  /** What electron-vite built (main/, preload/, renderer/); default <appDir>/out. */
  readonly outDir?: string;
  readonly isPackaged: boolean;
  /** process.resourcesPath of a packaged app. */
  readonly resourcesPath?: string;
  readonly userData: string;
  /** Where the save dialog answers the letter goes. */
  readonly letterPath: string;
  readonly rendererUrl?: string;
  /** False: another instance holds the lock. */
  readonly lock: boolean;
  /** A valid encounter draft (the tests' sampleDraft). */
  readonly draft: unknown;
}

const [scenarioPath, reportPath] = process.argv.slice(2);
if (scenarioPath === undefined || reportPath === undefined) throw new Error('usage: run-app.ts <scenario.json> <report.json>');
const scenario = JSON.parse(readFileSync(scenarioPath, 'utf8')) as Scenario;

const standInUrl = new URL('./electron.ts', import.meta.url).href;
registerHooks({
  resolve(specifier, context, nextResolve) {
    if (specifier === 'electron') return { url: standInUrl, format: 'module', shortCircuit: true };
    return nextResolve(specifier, context);
  },
});
const electron = (await import(standInUrl)) as typeof import('./electron.ts');
const { app, BrowserWindow, dialog, ipcMain, Menu, protocol, session, shell, standIn } = electron;

app.isPackaged = scenario.isPackaged;
app.appPath = scenario.appDir;
app.version = (JSON.parse(readFileSync(join(scenario.appDir, 'package.json'), 'utf8')) as { version: string }).version;
app.paths = { userData: scenario.userData, documents: scenario.userData, appData: scenario.userData };
app.singleInstanceLock = scenario.lock;
if (scenario.resourcesPath !== undefined) (process as { resourcesPath?: string }).resourcesPath = scenario.resourcesPath;
// electron-vite's types mark the variable read-only; here it is the input being tested.
const env = process.env as Record<string, string | undefined>;
if (scenario.rendererUrl === undefined) delete env.ELECTRON_RENDERER_URL;
else env.ELECTRON_RENDERER_URL = scenario.rendererUrl;
delete process.env.LEGPAIN_DATA_DIR;

const outDir = scenario.outDir ?? join(scenario.appDir, 'out');
const report: Record<string, unknown> = {};
const tick = () => new Promise<void>((resolve) => setImmediate(resolve));

await import(pathToFileURL(join(outDir, 'main', 'index.js')).href);
report.beforeReady = {
  sandboxEnabled: app.sandboxEnabled,
  privilegedSchemes: protocol.privileged,
  lockRequested: standIn.count('app.requestSingleInstanceLock'),
  waitsForReady: standIn.count('app.whenReady'),
  windows: BrowserWindow.windows.length,
};

if (!scenario.lock) {
  await tick();
  app.becomeReady();
  await tick();
  report.secondInstance = { quitRequested: app.quitRequested, windows: BrowserWindow.windows.length, handlers: ipcMain.handlers.size, willQuitListeners: app.listenerCount('will-quit') };
  writeFileSync(reportPath, JSON.stringify(report, null, 2));
  process.exit(0);
}

app.becomeReady();
await tick();
const window = BrowserWindow.windows[0];
if (window === undefined) {
  report.failedToStart = { errorBoxes: dialog.errorBoxes };
  writeFileSync(reportPath, JSON.stringify(report, null, 2));
  process.exit(0);
}
const contents = window.webContents;
const prefs = (window.options.webPreferences ?? {}) as Record<string, unknown>;
report.window = {
  count: BrowserWindow.windows.length,
  show: window.options.show,
  webPreferences: prefs,
  preloadExists: typeof prefs.preload === 'string' && existsSync(prefs.preload),
  preloadInsideApp: typeof prefs.preload === 'string' && prefs.preload.startsWith(outDir),
  loadedUrl: window.loadedUrl,
};
window.emit('ready-to-show');
report.window = { ...(report.window as object), shownWhenReady: window.shown };

// Navigation, redirects, webviews and new windows, as the page would attempt them.
const navigation = (event: string, url: string): boolean => {
  let prevented = false;
  contents.emit(event, { preventDefault: () => (prevented = true) }, url);
  return !prevented;
};
const urls = ['app://renderer/index.html#/encounters', 'https://evil.example/', 'file:///etc/passwd', 'http://localhost:5173/'];
report.navigation = Object.fromEntries(urls.map((url) => [url, { navigate: navigation('will-navigate', url), redirect: navigation('will-redirect', url) }]));
report.webviewAllowed = navigation('will-attach-webview', 'app://renderer/index.html');
const opens = [
  'https://evil.example/',
  'https://www.nice.org.uk/guidance/ng158',
  'app://renderer/index.html',
  // Read as www.nhs.uk by WHATWG URL, as evil.com by some system URL handlers.
  'https://www.nhs.uk\\@evil.com/',
  // Allowed, and opened in its normalised form.
  'https://WWW.NHS.UK/conditions/sciatica/../deep-vein-thrombosis/',
];
report.windowOpen = Object.fromEntries(opens.map((url) => [url, contents.windowOpenHandler?.({ url }) ?? null]));
await tick();
report.openedExternally = [...shell.external];

// The app:// protocol, as the window's page and its assets are fetched.
const handler = protocol.handlers.get('app');
const fetchApp = async (url: string) => {
  if (handler === undefined) return null;
  const response = await handler(new Request(url));
  return { status: response.status, csp: response.headers.get('content-security-policy'), type: response.headers.get('content-type'), body: await response.text() };
};
const index = await fetchApp('app://renderer/index.html');
const builtIndex = readFileSync(join(outDir, 'renderer', 'index.html'), 'utf8');
const asset = /src="(?:\.?\/)?(assets\/[^"]+\.js)"/.exec(builtIndex)?.[1];
report.protocol = {
  index: index === null ? null : { status: index.status, csp: index.csp, type: index.type, isBuiltIndex: index.body === builtIndex },
  script: asset === undefined ? null : await fetchApp(`app://renderer/${asset}`).then((r) => r && { status: r.status, csp: r.csp, type: r.type }),
  outside: await fetchApp('app://renderer/../package.json').then((r) => r && r.status),
  otherHost: await fetchApp('app://other/index.html').then((r) => r && r.status),
};

// Permissions, as a page would ask for them.
const ses = session.defaultSession;
const permissions = ['media', 'geolocation', 'notifications', 'clipboard-read', 'openExternal'];
report.permissions = Object.fromEntries(
  permissions.map((permission) => {
    let requested: boolean | null = null;
    ses.permissionRequestHandler?.(contents, permission, (granted) => (requested = granted));
    return [permission, { requested, checked: ses.permissionCheckHandler?.(contents, permission) ?? null }];
  }),
);
let devCsp: string[] | null = null;
ses.headersListener?.({ responseHeaders: {} }, (response) => (devCsp = response.responseHeaders['Content-Security-Policy'] ?? null));
report.devServerCsp = devCsp;
report.menuRoles = JSON.stringify(Menu.applicationMenu).match(/"role":"[A-Za-z]+"/g)?.map((r) => r.slice(8, -1)) ?? [];

// IPC, as the preload sends it: from the window's top-level page, from an iframe, from another page.
report.channels = [...ipcMain.registrations].sort();
const foreignPage = { url: 'https://evil.example/' };
const invoke = async (method: string, input: unknown, frame: 'main' | 'iframe' | 'foreign'): Promise<unknown> => {
  const listener = ipcMain.handlers.get(`api:${method}`);
  if (listener === undefined) return 'no handler';
  // 'iframe': a frame inside the app's window showing the app's own URL; 'foreign': the top-level page of other web contents.
  const event =
    frame === 'main'
      ? { sender: contents, senderFrame: contents.mainFrame }
      : frame === 'iframe'
        ? { sender: contents, senderFrame: { url: 'app://renderer/index.html' } }
        : { sender: { mainFrame: foreignPage }, senderFrame: foreignPage };
  return listener(event, input);
};
const saved = (await invoke('encounter.save', scenario.draft, 'main')) as { ok: boolean; value?: { id: string; revision: number } };
report.ipc = {
  saveFromMainFrame: saved.ok ? { ok: true, revision: saved.value?.revision } : saved,
  saveFromIframe: await invoke('encounter.save', scenario.draft, 'iframe'),
  listFromForeignPage: await invoke('encounter.list', {}, 'foreign'),
};

// The referral letter: the save dialog chooses the file, the shell opens it.
if (saved.ok && saved.value !== undefined) {
  const { id, revision } = saved.value;
  dialog.nextSavePath = scenario.letterPath;
  const savedAs = (await invoke('referral.saveAs', { id, revision, options: {} }, 'main')) as { ok: boolean; value?: { path: string } };
  const opened = await invoke('referral.open', { path: scenario.letterPath }, 'main');
  report.referral = {
    savedAs,
    letterStartsWith: existsSync(scenario.letterPath) ? readFileSync(scenario.letterPath).subarray(0, 5).toString('latin1') : null,
    dialogs: dialog.saveDialogs.map(({ parent, options }) => ({ parentIsWindow: parent === window, options })),
    opened,
    shellOpened: [...shell.opened],
  };
}

// Another module reports a failure on the console, as the store's maintenance does.
console.error('[leg-pain-ddx] maintenance failed', new Error(`SQLITE_FULL while indexing ${JSON.stringify(scenario.draft)}`));
console.warn('free text from a library that may quote', scenario.draft);

// The page refuses to unload (edits not stored): the app asks; "Stay" keeps the window, "Leave anyway" lets it go.
const refusedUnload = (response: number): boolean => {
  let ignored = false;
  dialog.nextMessageBoxResponse = response;
  contents.emit('will-prevent-unload', { preventDefault: () => (ignored = true) });
  return ignored;
};
report.unsavedOnClose = {
  stayLeaves: refusedUnload(0),
  leaveAnywayLeaves: refusedUnload(1),
  dialogs: dialog.syncMessageBoxes.map(({ parent, options }) => ({ parentIsWindow: parent === window, message: options.message, buttons: options.buttons })),
};

// A second instance is started: this one comes to the front.
window.minimized = true;
app.emit('second-instance', {}, [], process.cwd());
report.secondInstanceHandled = { restored: window.restored, focused: window.focused };

// The clinician closes the window: the app quits and closes the database.
const database = join(scenario.userData, 'encounters.sqlite');
const walBefore = existsSync(`${database}-wal`);
window.close();
await new Promise<void>((resolve) => app.once('quit', () => resolve()));
await tick();
report.quit = { quitRequested: app.quitRequested, walBefore, walAfter: existsSync(`${database}-wal`), databaseExists: existsSync(database) };
const logFile = join(scenario.userData, 'logs', 'main.log');
report.log = existsSync(logFile) ? readFileSync(logFile, 'utf8') : null;
report.errorBoxes = dialog.errorBoxes;

writeFileSync(reportPath, JSON.stringify(report, null, 2));
process.exit(0);
