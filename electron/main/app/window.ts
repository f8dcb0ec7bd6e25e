import type { BrowserWindowConstructorOptions } from 'electron';

/**
 * The main window's options: the Electron security checklist's settings, spelled out even where
 * they are Electron's defaults, so a future default change cannot weaken them.
 */
export function windowOptions(preloadPath: string, options: { isPackaged?: boolean } = {}): BrowserWindowConstructorOptions {
  return {
    width: 1280,
    height: 820,
    minWidth: 960,
    minHeight: 640,
    title: 'Leg Pain DDx',
    // Shown on ready-to-show, so the user never sees a blank window.
    show: false,
    backgroundColor: '#ffffff',
    webPreferences: {
      preload: preloadPath,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      webviewTag: false,
      navigateOnDragDrop: false,
      safeDialogs: true,
      spellcheck: true,
      // Chromium's built-in PDF viewer, for the referral letter's preview. Safe here: the CSP lets
      // the page frame nothing but blob: URLs, which only the page can create, from PDF bytes the
      // main process rendered (pdfmake, no scripts, no remote content); <object> and <embed> stay
      // forbidden (object-src 'none'), and no third-party plugin exists in Electron to load.
      plugins: true,
      // The developer tools reach into patient data: development builds only.
      devTools: options.isPackaged === false,
    },
  };
}
