import { app, BrowserWindow } from 'electron';
import { join } from 'node:path';

// Minimal entry; the secure shell, the store and the IPC handlers are wired in electron/main/app.
app.whenReady().then(() => {
  const win = new BrowserWindow({
    width: 1280,
    height: 800,
    webPreferences: { preload: join(import.meta.dirname, '../preload/index.cjs'), contextIsolation: true, sandbox: true, nodeIntegration: false },
  });
  void win.loadFile(join(import.meta.dirname, '../renderer/index.html'));
});
