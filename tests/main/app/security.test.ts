import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contentSecurityPolicy } from '../../../electron/main/app/csp.ts';
import {
  APP_ENTRY,
  isAllowedExternalLink,
  isAllowedNavigation,
  isPermissionGranted,
  isTrustedSender,
  rendererOrigins,
  windowOpenDecision,
} from '../../../electron/main/app/policy.ts';
import { windowOptions } from '../../../electron/main/app/window.ts';
import { sampleDraft } from '../helpers.ts';
import { buildApp, ROOT, runApp, type Report, type Staging } from './stand-in/app-under-test.ts';
import { loadPreload } from './stand-in/preload.ts';

/**
 * The Electron security checklist (electronjs.org/docs/latest/tutorial/security), item by item,
 * for the items that apply to this app. Numbers follow the checklist. The wiring is checked on the
 * app as built, run under a stand-in `electron` (./stand-in): the window options are those of the
 * window the app opened, the handlers those it installed. tests/main/app/wiring.test.ts drives the
 * rest of the wiring (IPC, referral files, quit).
 */

const source = (path: string) => readFileSync(join(ROOT, path), 'utf8');

describe('Electron security checklist', () => {
  let app: Staging;
  let run: Report;
  let prefs: Record<string, unknown>;
  beforeAll(async () => {
    app = buildApp();
    run = await runApp({ appDir: ROOT, outDir: app.outDir, isPackaged: false, lock: true, draft: sampleDraft() });
    prefs = run.window.webPreferences;
  }, 120_000);
  afterAll(() => app?.remove());

  it('1. only loads secure content: the renderer comes from app://, never http or file', () => {
    expect(APP_ENTRY).toBe('app://renderer/index.html');
    expect(run.window.loadedUrl).toBe(APP_ENTRY);
    // The dev server is accepted only on the local machine.
    expect(rendererOrigins('http://evil.example:5173')).toEqual(['app://renderer']);
    expect(rendererOrigins('http://localhost:5173')).toEqual(['app://renderer', 'http://localhost:5173']);
  });

  it('2. does not enable Node.js integration for any content', () => {
    expect(prefs.nodeIntegration).toBe(false);
    expect(prefs.nodeIntegrationInWorker).toBe(false);
    expect(prefs.nodeIntegrationInSubFrames).toBe(false);
  });

  it('3. enables context isolation', () => {
    expect(prefs.contextIsolation).toBe(true);
  });

  it('4. enables process sandboxing, in the window and for the whole app', () => {
    expect(prefs.sandbox).toBe(true);
    expect(run.beforeReady.sandboxEnabled).toBe(true);
  });

  it('5. denies every session permission request and check', () => {
    for (const permission of ['media', 'geolocation', 'notifications', 'midi', 'clipboard-read', 'openExternal', 'fullscreen', 'hid', 'serial', 'usb']) {
      expect(isPermissionGranted(permission), permission).toBe(false);
    }
    // The handlers the app installed on its session answer the same.
    for (const [permission, answer] of Object.entries(run.permissions)) expect(answer, permission).toEqual({ requested: false, checked: false });
  });

  it('6. does not disable webSecurity', () => {
    expect(prefs.webSecurity).toBe(true);
  });

  it('7. defines a strict Content-Security-Policy: no eval, no inline script, no remote origin', () => {
    const csp = contentSecurityPolicy();
    const directives = new Map(csp.split(';').map((d) => {
      const [name, ...values] = d.trim().split(/\s+/);
      return [name!, values];
    }));
    expect(directives.get('default-src')).toEqual(["'self'"]);
    expect(directives.get('script-src')).toEqual(["'self'"]);
    expect(directives.get('object-src')).toEqual(["'none'"]);
    expect(directives.get('base-uri')).toEqual(["'none'"]);
    expect(directives.get('frame-ancestors')).toEqual(["'none'"]);
    // The only frame the page may hold: a blob: URL it made itself (the referral letter's PDF
    // preview). No origin, no 'self', no data:, and no child-src or worker-src widening it.
    expect(directives.get('frame-src')).toEqual(['blob:']);
    expect(directives.has('child-src')).toBe(false);
    expect(directives.has('worker-src')).toBe(false);
    expect(csp.match(/blob:/g)).toHaveLength(1);
    expect(csp).not.toMatch(/unsafe-eval|unsafe-inline|https?:|\*|wss?:/);
    // The same policy is in the page itself (the renderer's index.html).
    const html = source('renderer/index.html');
    const meta = /http-equiv="Content-Security-Policy"\s+content="([^"]+)"/.exec(html);
    expect(meta?.[1]).toBe(csp);
    // And it is sent as a header by the app:// protocol (the loopback bridge's: tests/main/bridge/server.test.ts).
    expect(run.protocol.index.csp).toBe(csp);
  });

  it('8. does not allow insecure content', () => {
    expect(prefs.allowRunningInsecureContent).toBe(false);
  });

  it('9. does not enable experimental features', () => {
    expect(prefs.experimentalFeatures).toBe(false);
  });

  it("enables plugins only for Chromium's PDF viewer, which can show nothing but the page's own blob: PDFs", () => {
    // Electron has no third-party plugins; `plugins` turns on its built-in PDF viewer for the
    // referral preview. <object>/<embed> stay forbidden and frames are limited to blob: URLs.
    expect(prefs.plugins).toBe(true);
    expect(contentSecurityPolicy()).toMatch(/object-src 'none'/);
    expect(contentSecurityPolicy()).toMatch(/frame-src blob:(;|$)/);
  });

  it('10. does not enable Blink features', () => {
    expect(prefs.enableBlinkFeatures).toBeUndefined();
  });

  it('11–12. allows no <webview>: the tag is off and any attach is prevented', () => {
    expect(prefs.webviewTag).toBe(false);
    expect(run.webviewAllowed).toBe(false);
  });

  it('13. limits navigation to the app itself', () => {
    expect(isAllowedNavigation('app://renderer/index.html#/encounters/1')).toBe(true);
    for (const url of ['https://evil.example/', 'file:///etc/passwd', 'app://other/index.html', 'http://127.0.0.1:5173/', 'javascript:alert(1)', 'data:text/html,x', 'not a url']) {
      expect(isAllowedNavigation(url), url).toBe(false);
    }
    expect(isAllowedNavigation('http://localhost:5173/x', rendererOrigins('http://localhost:5173'))).toBe(true);
    expect(run.navigation['https://evil.example/']).toEqual({ navigate: false, redirect: false });
    expect(run.navigation['file:///etc/passwd']).toEqual({ navigate: false, redirect: false });
    expect(run.navigation['app://renderer/index.html#/encounters']).toEqual({ navigate: true, redirect: true });
  });

  it('14. creates no new windows: window.open is always denied', () => {
    for (const url of ['https://evil.example/', 'app://renderer/index.html', 'https://www.nice.org.uk/guidance/ng158']) {
      expect(windowOpenDecision(url).action).toBe('deny');
    }
    for (const [url, decision] of Object.entries(run.windowOpen)) expect(decision, url).toEqual({ action: 'deny' });
  });

  it('15. opens only allow-listed HTTPS reference links in the browser', () => {
    expect(isAllowedExternalLink('https://www.nice.org.uk/guidance/ng158')).toBe(true);
    expect(windowOpenDecision('https://www.nice.org.uk/guidance/ng158').openExternally).toBe(true);
    for (const url of [
      'http://www.nice.org.uk/guidance/ng158',
      'https://www.nice.org.uk.evil.example/',
      'https://user:pass@www.nice.org.uk/',
      'https://www.nice.org.uk:8443/',
      'file:///C:/Windows/system32/calc.exe',
      'smb://server/share',
      'javascript:alert(1)',
      'ms-msdt:/id',
      'https://www.nhs.uk\\@evil.com/',
      'https://www.nhs.uk\\evil.com/',
      'https://www.nhs.uk /x',
      'https://www.nhs.uk/\nx',
    ]) {
      expect(isAllowedExternalLink(url), url).toBe(false);
      expect(windowOpenDecision(url).externalUrl, url).toBeNull();
    }
    expect(windowOpenDecision('https://WWW.NICE.org.uk/guidance/x/../ng158').externalUrl).toBe('https://www.nice.org.uk/guidance/ng158');
  });

  it('16. uses a current Electron', () => {
    const { devDependencies } = JSON.parse(source('package.json')) as { devDependencies: Record<string, string> };
    expect(Number(/\d+/.exec(devDependencies.electron!)![0])).toBeGreaterThanOrEqual(45);
  });

  it('17. validates the sender of every IPC message: the app\'s own top-level frame only', () => {
    expect(isTrustedSender({ url: 'app://renderer/index.html', isMainFrame: true })).toBe(true);
    expect(isTrustedSender({ url: 'app://renderer/index.html', isMainFrame: false })).toBe(false);
    for (const url of ['https://evil.example/', 'file:///app/out/renderer/index.html', 'about:blank', 'data:text/html,x', '']) {
      expect(isTrustedSender({ url, isMainFrame: true }), url).toBe(false);
    }
    expect(isTrustedSender(null)).toBe(false);
    expect(run.ipc.saveFromMainFrame).toMatchObject({ ok: true });
    expect(run.ipc.saveFromIframe).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(run.ipc.listFromForeignPage).toMatchObject({ ok: false, error: { code: 'forbidden' } });
  });

  it('18. uses a custom protocol instead of file://', () => {
    expect(run.beforeReady.privilegedSchemes).toEqual([{ scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: true, codeCache: true } }]);
    expect(run.protocol.index.status).toBe(200);
  });

  it('20. exposes no Electron API to the page: the preload bridges one invoke function', () => {
    const preload = loadPreload(join(app.outDir, 'preload', 'index.cjs'));
    expect(preload.exposed.map(({ key, api }) => [key, Object.keys(api)])).toEqual([['bridge', ['invoke']]]);
    const { invoke } = preload.exposed[0]!.api as { invoke(method: string, input: unknown): Promise<unknown> };
    void invoke('encounter.get', { id: 'x' });
    // Only the contract's channels: a made-up channel name never reaches ipcRenderer.
    void invoke('api:encounter.get', {});
    void invoke('../x', {});
    expect(preload.invoked).toEqual([{ channel: 'api:encounter.get', args: [{ id: 'x' }] }]);
    // The renderer never reaches ipcRenderer itself.
    expect(source('renderer/index.html')).not.toMatch(/ipcRenderer/);
  });

  it('keeps the developer tools out of packaged builds (wiring.test.ts runs a packaged app)', () => {
    expect(windowOptions('/p', { isPackaged: true }).webPreferences!.devTools).toBe(false);
    expect(windowOptions('/p', { isPackaged: false }).webPreferences!.devTools).toBe(true);
    expect(windowOptions('/p').webPreferences!.devTools).toBe(false);
  });
});
