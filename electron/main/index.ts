/// <reference types="electron-vite/node" />
import { app, BrowserWindow, dialog, ipcMain, Menu, protocol, session, shell, type IpcMainInvokeEvent, type WebContents } from 'electron';
import { join } from 'node:path';
import { APP_ENTRY, APP_SCHEME, isAllowedNavigation, isPermissionGranted, isTrustedSender, rendererOrigins, windowOpenDecision } from './app/policy.ts';
import { contentSecurityPolicy } from './app/csp.ts';
import { menuTemplate } from './app/menu.ts';
import { appProtocolResponse } from './app/protocol.ts';
import { referralSaveDialog, referralShell } from './app/referral-dialog.ts';
import { leavesAnyway, UNSAVED_DIALOG } from './app/unsaved-dialog.ts';
import { windowOptions } from './app/window.ts';
import { registerIpc } from './ipc/register.ts';
import { createLogger, fileSink, log, setLogger, stderrSink, type LogSink } from './log.ts';
import { resourcePath } from './resources.ts';
import { openServices, type OpenedServices } from './services.ts';
// The referral letter's render worker, bundled by electron-vite as its own entry file.
import referralWorker from './referral/worker.ts?modulePath';
// The import/export worker, bundled the same way.
import transferWorker from './transfer/worker.ts?modulePath';

/**
 * The Electron shell: thin wiring of the pure policy in ./app and the services. Everything that
 * decides something (window options, CSP, navigation, senders, permissions, menu) is a tested
 * function; this file only connects it to Electron.
 */

startLog();

const rendererDir = join(import.meta.dirname, '../renderer');
const preloadPath = join(import.meta.dirname, '../preload/index.cjs');
// electron-vite sets this in development only (its local dev server).
const devServerUrl = app.isPackaged ? undefined : process.env.ELECTRON_RENDERER_URL;
const origins = rendererOrigins(devServerUrl);

// codeCache: V8 keeps the renderer's compiled code between launches, as it does for http pages,
// instead of parsing and compiling its 400 KB of script at every start (issue 15; needs standard).
protocol.registerSchemesAsPrivileged([{ scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true, codeCache: true } }]);
app.enableSandbox();

let mainWindow: BrowserWindow | null = null;
let opened: OpenedServices | null = null;

/**
 * The log file in the user-data folder (logs/main.log), echoed to the terminal in development.
 * What other modules print with console.error or console.warn reaches it too, reduced to what
 * cannot hold patient data: our own fixed '[leg-pain-ddx] …' texts and the errors' kind and stack.
 */
function startLog(): void {
  const file = fileSink(join(app.getPath('userData'), 'logs', 'main.log'));
  const sink: LogSink = app.isPackaged ? file : { write: (line) => (file.write(line), stderrSink.write(line)) };
  setLogger(createLogger(sink));
  for (const level of ['error', 'warn'] as const) {
    const original = console[level].bind(console);
    console[level] = (...args: unknown[]) => {
      if (!app.isPackaged) original(...args);
      const own = args.filter((arg): arg is string => typeof arg === 'string' && arg.startsWith('[leg-pain-ddx] ')).map((text) => text.slice(15));
      const error = args.find((arg) => arg instanceof Error);
      if (error === undefined) log.info(`console-${level}`, { text: own.join(' ') });
      else log.error(`console-${level}`, error, { text: own.join(' ') });
    };
  }
  log.info('start', { version: app.getVersion(), electron: process.versions.electron ?? null, platform: process.platform, arch: process.arch, packaged: app.isPackaged });
}

function lockDown(contents: WebContents): void {
  contents.on('will-navigate', (event, url) => {
    if (!isAllowedNavigation(url, origins)) event.preventDefault();
  });
  contents.on('will-redirect', (event, url) => {
    if (!isAllowedNavigation(url, origins)) event.preventDefault();
  });
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(({ url }) => {
    const decision = windowOpenDecision(url);
    // The normalised address that passed the allow list, never the raw one.
    if (decision.externalUrl !== null) void shell.openExternal(decision.externalUrl);
    return { action: decision.action };
  });
}

function createWindow(notice: string | null): void {
  mainWindow = new BrowserWindow(windowOptions(preloadPath, { isPackaged: app.isPackaged }));
  mainWindow.once('ready-to-show', () => {
    mainWindow?.show();
    if (notice !== null && mainWindow !== null) {
      void dialog.showMessageBox(mainWindow, { type: 'warning', title: 'Leg Pain DDx', message: 'Your encounter database was damaged', detail: notice });
    }
  });
  mainWindow.on('closed', () => (mainWindow = null));
  // The page refused to unload: it holds edits not stored yet (renderer/src/consultation/stores/save.ts).
  mainWindow.webContents.on('will-prevent-unload', (event) => {
    const response = mainWindow === null ? 1 : dialog.showMessageBoxSync(mainWindow, UNSAVED_DIALOG);
    if (leavesAnyway(response)) event.preventDefault();
  });
  mainWindow.webContents.on('render-process-gone', (_event, details) => log.info('renderer-gone', { reason: details.reason, exitCode: details.exitCode }));
  void mainWindow.loadURL(devServerUrl ?? APP_ENTRY);
}

function start(): void {
  try {
    opened = openServices({
      dataDir: process.env.LEGPAIN_DATA_DIR || app.getPath('userData'),
      appVersion: app.getVersion(),
      fontDir: resourcePath('fonts', { isPackaged: app.isPackaged, resourcesPath: process.resourcesPath, appPath: app.getAppPath() }),
      referralWorker,
      transferWorker,
      // The desktop app's save dialog and "open the file" for referral letters (the bridge has neither).
      dialog: referralSaveDialog(() => mainWindow),
      shell: referralShell,
    });
  } catch (error) {
    // A database from a newer version, or one the app may not open: say so and stop, touching nothing.
    log.error('open-data-failed', error);
    dialog.showErrorBox('Leg Pain DDx cannot open its data', error instanceof Error ? error.message : String(error));
    app.quit();
    return;
  }

  protocol.handle(APP_SCHEME, async (request) => {
    const answer = await appProtocolResponse(request.url, rendererDir);
    const body = typeof answer.body === 'string' ? answer.body : new Uint8Array(answer.body);
    return new Response(body, { status: answer.status, headers: answer.headers });
  });
  const ses = session.defaultSession;
  ses.setPermissionRequestHandler((_contents, permission, callback) => callback(isPermissionGranted(permission)));
  ses.setPermissionCheckHandler((_contents, permission) => isPermissionGranted(permission));
  if (devServerUrl !== undefined) {
    // The dev server's pages get the same CSP the app:// protocol sends.
    ses.webRequest.onHeadersReceived((details, callback) => {
      callback({ responseHeaders: { ...details.responseHeaders, 'Content-Security-Policy': [contentSecurityPolicy()] } });
    });
  }

  registerIpc<IpcMainInvokeEvent>(ipcMain, opened.services, (event) =>
    isTrustedSender(
      event.senderFrame === null ? null : { url: event.senderFrame.url, isMainFrame: event.senderFrame === event.sender.mainFrame },
      origins,
    ),
  );
  if (opened.startupNotice !== null) log.info('database-moved-aside');
  Menu.setApplicationMenu(Menu.buildFromTemplate(menuTemplate({ platform: process.platform, isPackaged: app.isPackaged, appName: app.name })));
  createWindow(opened.startupNotice);
}

if (!app.requestSingleInstanceLock()) {
  // Another instance owns the database: hand over to it.
  app.quit();
} else {
  app.on('second-instance', () => {
    if (mainWindow === null) return;
    if (mainWindow.isMinimized()) mainWindow.restore();
    mainWindow.focus();
  });
  app.on('web-contents-created', (_event, contents) => lockDown(contents));
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });
  app.on('activate', () => {
    if (mainWindow === null && opened !== null) createWindow(null);
  });
  app.on('will-quit', () => {
    // Closing checkpoints the WAL into the database file: nothing is left half-written.
    opened?.close();
    opened = null;
    log.info('quit');
  });
  void app.whenReady().then(start);
}
