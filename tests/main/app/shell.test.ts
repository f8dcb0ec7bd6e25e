import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contentSecurityPolicy } from '../../../electron/main/app/csp.ts';
import { menuTemplate } from '../../../electron/main/app/menu.ts';
import { appProtocolResponse } from '../../../electron/main/app/protocol.ts';
import { windowOptions } from '../../../electron/main/app/window.ts';
import { tempDir } from '../helpers.ts';

const roles = (template: ReturnType<typeof menuTemplate>): string[] =>
  template.flatMap((item) => [item.role ?? '', ...((item.submenu as { role?: string }[] | undefined) ?? []).map((s) => s.role ?? '')]).filter((r) => r !== '');

describe('app shell', () => {
  describe('app:// protocol', () => {
    let site: ReturnType<typeof tempDir>;
    beforeAll(() => {
      site = tempDir('legpain-app-');
      mkdirSync(join(site.path, 'renderer', 'assets'), { recursive: true });
      writeFileSync(join(site.path, 'renderer', 'index.html'), '<!doctype html>');
      writeFileSync(join(site.path, 'renderer', 'assets', 'a.css'), 'body{}');
      writeFileSync(join(site.path, 'secret.txt'), 'secret');
    });
    afterAll(() => site.remove());
    const dir = () => join(site.path, 'renderer');

    it('serves the built renderer with the CSP header', async () => {
      const index = await appProtocolResponse('app://renderer/index.html', dir());
      expect(index).toMatchObject({ status: 200, headers: { 'content-security-policy': contentSecurityPolicy(), 'content-type': 'text/html; charset=utf-8' } });
      expect((await appProtocolResponse('app://renderer/', dir())).status).toBe(200);
      expect((await appProtocolResponse('app://renderer/assets/a.css', dir())).headers['content-type']).toBe('text/css; charset=utf-8');
    });

    it('serves nothing outside the renderer folder or for another host', async () => {
      for (const url of ['app://renderer/../secret.txt', 'app://renderer/%2e%2e/secret.txt', 'app://other/index.html', 'app://renderer/missing.js', 'https://renderer/index.html', '::']) {
        const answer = await appProtocolResponse(url, dir());
        expect(answer.status, url).toBe(404);
        expect(String(answer.body)).not.toContain('secret');
      }
    });
  });

  it('opens a window of a usable size, hidden until its page is ready, with the preload given', () => {
    const options = windowOptions('/x/preload.cjs');
    expect(options.webPreferences!.preload).toBe('/x/preload.cjs');
    expect(options.show).toBe(false);
    expect(options.minWidth).toBeGreaterThanOrEqual(800);
  });

  it('has an application menu with the usual roles on every platform', () => {
    for (const platform of ['linux', 'win32', 'darwin'] as const) {
      const r = roles(menuTemplate({ platform, isPackaged: true, appName: 'Leg Pain DDx' }));
      for (const role of ['undo', 'redo', 'cut', 'copy', 'paste', 'selectAll', 'zoomIn', 'zoomOut', 'resetZoom', 'togglefullscreen', 'minimize']) {
        expect(r, `${platform}: ${role}`).toContain(role);
      }
      expect(r).toContain('quit');
    }
    expect(roles(menuTemplate({ platform: 'darwin', isPackaged: true, appName: 'x' }))).toContain('hideOthers');
  });

  it('offers reload and the developer tools only in development', () => {
    const packaged = roles(menuTemplate({ platform: 'linux', isPackaged: true, appName: 'x' }));
    expect(packaged).not.toContain('toggleDevTools');
    expect(packaged).not.toContain('reload');
    expect(roles(menuTemplate({ platform: 'linux', isPackaged: false, appName: 'x' }))).toContain('toggleDevTools');
  });
});
