import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contentSecurityPolicy } from '../../../electron/main/app/csp.ts';
import { METHOD_NAMES } from '../../../shared/api/methods.ts';
import { sampleDraft } from '../helpers.ts';
import { buildApp, ROOT, runApp, type Report, type Staging } from './stand-in/app-under-test.ts';

/**
 * The Electron wiring of electron/main/index.ts, run: the main process as electron-vite builds it,
 * under Node with a stand-in `electron` (./stand-in/electron.ts) that records what the app asks of
 * Electron and acts as Electron would. What Electron itself then does with those requests (draw the
 * window, enforce the sandbox) needs the real binary and is not tested here.
 */

const FORBIDDEN = { ok: false, error: { code: 'forbidden', message: 'This request did not come from the Leg Pain DDx window and was refused.' } };
const patient = sampleDraft().patient.name;

describe('the app wired to Electron', () => {
  let app: Staging;
  let development: Report;
  let packaged: Report;
  let devServer: Report;
  let secondInstance: Report;
  let resources: string;

  beforeAll(async () => {
    app = buildApp();
    // A packaged app's resources folder, as the packaging config lays it out (packaging.test.ts checks the config).
    resources = mkdtempSync(join(tmpdir(), 'legpain-resources-'));
    cpSync(join(ROOT, 'resources', 'fonts'), join(resources, 'fonts'), { recursive: true });
    const base = { appDir: ROOT, outDir: app.outDir, lock: true, draft: sampleDraft() };
    [development, packaged, devServer, secondInstance] = await Promise.all([
      runApp({ ...base, isPackaged: false }),
      // A packaged app must ignore a dev-server address in its environment.
      runApp({ ...base, isPackaged: true, resourcesPath: resources, rendererUrl: 'http://localhost:5173/' }),
      runApp({ ...base, isPackaged: false, rendererUrl: 'http://localhost:5173/' }),
      runApp({ ...base, isPackaged: false, lock: false }),
    ]);
  }, 120_000);
  afterAll(() => {
    app?.remove();
    if (resources !== undefined) rmSync(resources, { recursive: true, force: true });
  });

  it('starts with nothing shown to the user as an error', () => {
    for (const report of [development, packaged, devServer]) {
      expect(report.failedToStart).toBeUndefined();
      expect(report.errorBoxes).toEqual([]);
    }
  });

  it('enables the sandbox and registers app:// as a secure standard scheme before the app is ready', () => {
    expect(development.beforeReady).toEqual({
      sandboxEnabled: true,
      privilegedSchemes: [{ scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: true, codeCache: true } }],
      lockRequested: 1,
      waitsForReady: 1,
      windows: 0,
    });
  });

  it('opens one window, hidden until ready, isolated and sandboxed, with the built preload', () => {
    const { window } = development;
    expect(window.count).toBe(1);
    expect(window.show).toBe(false);
    expect(window.shownWhenReady).toBe(true);
    expect(window.webPreferences).toMatchObject({ contextIsolation: true, sandbox: true, nodeIntegration: false, nodeIntegrationInSubFrames: false, webviewTag: false });
    expect(window.webPreferences.preload).toBe(join(app.outDir, 'preload', 'index.cjs'));
    expect(window.preloadExists).toBe(true);
    expect(window.preloadInsideApp).toBe(true);
    expect(window.loadedUrl).toBe('app://renderer/index.html');
  });

  it('serves the built renderer over app:// with its CSP, and nothing outside it', () => {
    const csp = contentSecurityPolicy();
    expect(development.protocol.index).toEqual({ status: 200, csp, type: 'text/html; charset=utf-8', isBuiltIndex: true });
    expect(development.protocol.script).toEqual({ status: 200, csp, type: expect.stringMatching(/^text\/javascript/) });
    expect(development.protocol.outside).toBe(404);
    expect(development.protocol.otherHost).toBe(404);
  });

  it('denies every permission request and check', () => {
    for (const [permission, answer] of Object.entries(development.permissions)) {
      expect(answer, permission).toEqual({ requested: false, checked: false });
    }
    expect(Object.keys(development.permissions)).toHaveLength(5);
  });

  it('keeps navigation inside the app, refuses webviews, and opens only allow-listed links, in the browser', () => {
    expect(development.navigation).toEqual({
      'app://renderer/index.html#/encounters': { navigate: true, redirect: true },
      'https://evil.example/': { navigate: false, redirect: false },
      'file:///etc/passwd': { navigate: false, redirect: false },
      'http://localhost:5173/': { navigate: false, redirect: false },
    });
    expect(development.webviewAllowed).toBe(false);
    for (const decision of Object.values(development.windowOpen)) expect(decision).toEqual({ action: 'deny' });
    // Only the normalised address that passed the allow list reaches the shell (issue 11, item 17).
    expect(development.openedExternally).toEqual(['https://www.nice.org.uk/guidance/ng158', 'https://www.nhs.uk/conditions/deep-vein-thrombosis/']);
  });

  it('registers a handler for every method of the contract, once', () => {
    expect(development.channels).toEqual(METHOD_NAMES.map((method) => `api:${method}`).sort());
  });

  it("answers the window's own page and refuses an iframe or another page", () => {
    expect(development.ipc.saveFromMainFrame).toEqual({ ok: true, revision: 1 });
    expect(development.ipc.saveFromIframe).toEqual(FORBIDDEN);
    expect(development.ipc.listFromForeignPage).toEqual(FORBIDDEN);
  });

  it("saves the referral letter where the system's save dialog says, asking before it replaces a file, and opens it with the shell", () => {
    const { referral } = development;
    expect(referral.savedAs).toMatchObject({ ok: true, value: { path: expect.stringMatching(/letter\.pdf$/) } });
    expect(referral.letterStartsWith).toBe('%PDF-');
    expect(referral.dialogs).toEqual([
      {
        parentIsWindow: true,
        options: {
          title: 'Save the referral letter',
          defaultPath: expect.stringMatching(/referral-Ada-Example-2026-11-25\.pdf$/),
          buttonLabel: 'Save',
          filters: [{ name: 'PDF document', extensions: ['pdf'] }],
          properties: ['createDirectory', 'showOverwriteConfirmation'],
        },
      },
    ]);
    expect(referral.opened).toEqual({ ok: true, value: { opened: true } });
    expect(referral.shellOpened).toEqual([referral.savedAs.value.path]);
    // The letter is opened with the system's viewer, never handed to the browser.
    expect(development.openedExternally).not.toContain(referral.savedAs.value.path);
  });

  it('asks before closing a window whose page holds changes not stored yet, and closes only on "Leave anyway"', () => {
    const question = { parentIsWindow: true, message: 'The latest changes to this encounter are not stored yet.', buttons: ['Stay', 'Leave anyway'] };
    expect(development.unsavedOnClose).toEqual({ stayLeaves: false, leaveAnywayLeaves: true, dialogs: [question, question] });
  });

  it('brings its window to the front when a second instance starts', () => {
    expect(development.secondInstanceHandled).toEqual({ restored: 1, focused: 1 });
  });

  it('quits when its window closes and closes the database (its write-ahead log folded in)', () => {
    expect(development.quit).toEqual({ quitRequested: 1, walBefore: true, walAfter: false, databaseExists: true });
    expect(packaged.quit).toEqual({ quitRequested: 1, walBefore: true, walAfter: false, databaseExists: true });
  });

  it('hands over to the running instance when another holds the lock, touching nothing', () => {
    expect(secondInstance.secondInstance).toEqual({ quitRequested: 1, windows: 0, handlers: 0, willQuitListeners: 0 });
  });

  describe('packaged', () => {
    it('has no developer tools and no reload in the menu', () => {
      expect(packaged.window.webPreferences.devTools).toBe(false);
      for (const role of ['reload', 'forceReload', 'toggleDevTools']) expect(packaged.menuRoles).not.toContain(role);
      expect(packaged.menuRoles).toEqual(expect.arrayContaining(['copy', 'paste', 'undo', 'quit']));
      // Development builds keep them.
      expect(development.window.webPreferences.devTools).toBe(true);
      expect(development.menuRoles).toEqual(expect.arrayContaining(['reload', 'toggleDevTools']));
    });

    it('ignores ELECTRON_RENDERER_URL: loads its own files and trusts no dev server', () => {
      expect(packaged.window.loadedUrl).toBe('app://renderer/index.html');
      expect(packaged.navigation['http://localhost:5173/']).toEqual({ navigate: false, redirect: false });
      expect(packaged.devServerCsp).toBeNull();
    });

    it('renders the referral letter with the fonts from its resources folder', () => {
      expect(packaged.referral.savedAs).toMatchObject({ ok: true });
      expect(packaged.referral.letterStartsWith).toBe('%PDF-');
    });

    it('logs to a file in the user-data folder, without patient data', () => {
      expect(packaged.log).toMatch(/^\S+ info start version="0\.1\.0" .*packaged=true\n/);
      expect(packaged.log).toMatch(/ info quit\n$/);
      // What other modules print on the console reaches the file, reduced to our own fixed text and the error's kind and stack.
      expect(packaged.log).toMatch(/ error console-error text="maintenance failed" Error\n\s+at /);
      expect(packaged.log).toMatch(/ info console-warn text=""\n/);
      for (const secret of [patient, patient.split(' ')[0], 'MRN 004211', 'letter.pdf', 'Long-haul', 'SQLITE_FULL', 'free text']) {
        expect(packaged.log).not.toContain(secret);
      }
    });
  });

  describe('in development with the dev server', () => {
    it('loads the local dev server, gives its pages the same CSP, and lets the page move within it', () => {
      expect(devServer.window.loadedUrl).toBe('http://localhost:5173/');
      expect(devServer.devServerCsp).toEqual([contentSecurityPolicy()]);
      expect(devServer.navigation['http://localhost:5173/']).toEqual({ navigate: true, redirect: true });
      expect(devServer.navigation['https://evil.example/']).toEqual({ navigate: false, redirect: false });
    });
  });
});
