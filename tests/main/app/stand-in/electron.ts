import { EventEmitter } from 'node:events';

/**
 * A stand-in for the `electron` module, for running the app's built main process under Node
 * (run-app.ts maps the import 'electron' to this file). It implements just what
 * electron/main/index.ts calls, the way Electron behaves (a second handler for a channel throws, a
 * BrowserWindow emits web-contents-created, app.quit emits will-quit), and records every request,
 * so a test can see what the app asked of Electron and then act as Electron would (ready, a
 * navigation, an IPC call from a frame).
 */

export type Listener = (...args: unknown[]) => unknown;

export interface Frame {
  readonly url: string;
}

export class WebContents extends EventEmitter {
  readonly mainFrame: Frame = { url: 'app://renderer/index.html' };
  windowOpenHandler: ((details: { url: string }) => { action: string }) | null = null;
  setWindowOpenHandler(handler: (details: { url: string }) => { action: string }): void {
    standIn.record('webContents.setWindowOpenHandler');
    this.windowOpenHandler = handler;
  }
}

export class BrowserWindow extends EventEmitter {
  static readonly windows: BrowserWindow[] = [];
  readonly webContents = new WebContents();
  readonly options: Record<string, unknown>;
  loadedUrl: string | null = null;
  shown = false;
  minimized = false;
  focused = 0;
  restored = 0;
  constructor(options: Record<string, unknown>) {
    super();
    this.options = options;
    BrowserWindow.windows.push(this);
    standIn.record('new BrowserWindow', options);
    // As Electron: a window's web contents is announced to the app before the window is used.
    app.emit('web-contents-created', { preventDefault() {} }, this.webContents);
  }
  loadURL(url: string): Promise<void> {
    this.loadedUrl = url;
    standIn.record('window.loadURL', url);
    return Promise.resolve();
  }
  show(): void {
    this.shown = true;
  }
  isMinimized(): boolean {
    return this.minimized;
  }
  restore(): void {
    this.restored++;
    this.minimized = false;
  }
  focus(): void {
    this.focused++;
  }
  close(): void {
    this.emit('closed');
    BrowserWindow.windows.splice(BrowserWindow.windows.indexOf(this), 1);
    if (BrowserWindow.windows.length === 0) app.emit('window-all-closed');
  }
}

class App extends EventEmitter {
  isPackaged = false;
  name = 'leg-pain-ddx';
  appPath = '';
  version = '0.0.0';
  paths: Record<string, string> = {};
  singleInstanceLock = true;
  sandboxEnabled = false;
  quitRequested = 0;
  private readyResolve: (() => void) | null = null;
  private readonly readyPromise = new Promise<void>((resolve) => (this.readyResolve = resolve));
  enableSandbox(): void {
    this.sandboxEnabled = true;
    standIn.record('app.enableSandbox');
  }
  getPath(name: string): string {
    const path = this.paths[name];
    if (path === undefined) throw new Error(`stand-in: no path for ${name}`);
    return path;
  }
  getAppPath(): string {
    return this.appPath;
  }
  getVersion(): string {
    return this.version;
  }
  requestSingleInstanceLock(): boolean {
    standIn.record('app.requestSingleInstanceLock');
    return this.singleInstanceLock;
  }
  whenReady(): Promise<void> {
    standIn.record('app.whenReady');
    return this.readyPromise;
  }
  /** Stand-in only: Electron has finished starting. */
  becomeReady(): void {
    this.readyResolve?.();
    this.emit('ready');
  }
  quit(): void {
    this.quitRequested++;
    standIn.record('app.quit');
    // As Electron, once the windows are closed: will-quit, then quit.
    setImmediate(() => {
      this.emit('will-quit', { preventDefault() {} });
      this.emit('quit');
    });
  }
}

export const app = new App();

export const ipcMain = {
  handlers: new Map<string, Listener>(),
  registrations: [] as string[],
  handle(channel: string, listener: Listener): void {
    this.registrations.push(channel);
    if (this.handlers.has(channel)) throw new Error(`Attempted to register a second handler for '${channel}'`);
    this.handlers.set(channel, listener);
  },
};

export const protocol = {
  privileged: [] as unknown[],
  handlers: new Map<string, (request: Request) => Promise<Response> | Response>(),
  registerSchemesAsPrivileged(schemes: unknown[]): void {
    standIn.record('protocol.registerSchemesAsPrivileged', schemes);
    this.privileged.push(...schemes);
  },
  handle(scheme: string, handler: (request: Request) => Promise<Response> | Response): void {
    standIn.record('protocol.handle', scheme);
    this.handlers.set(scheme, handler);
  },
};

type HeadersListener = (details: { responseHeaders: Record<string, string[]> }, callback: (response: { responseHeaders: Record<string, string[]> }) => void) => void;

export const session = {
  defaultSession: {
    permissionRequestHandler: null as null | ((contents: unknown, permission: string, callback: (granted: boolean) => void) => void),
    permissionCheckHandler: null as null | ((contents: unknown, permission: string) => boolean),
    headersListener: null as null | HeadersListener,
    setPermissionRequestHandler(handler: (contents: unknown, permission: string, callback: (granted: boolean) => void) => void): void {
      this.permissionRequestHandler = handler;
    },
    setPermissionCheckHandler(handler: (contents: unknown, permission: string) => boolean): void {
      this.permissionCheckHandler = handler;
    },
    webRequest: {
      onHeadersReceived(listener: HeadersListener): void {
        session.defaultSession.headersListener = listener;
      },
    },
  },
};

export const Menu = {
  applicationMenu: null as unknown,
  buildFromTemplate(template: unknown[]): { template: unknown[] } {
    return { template };
  },
  setApplicationMenu(menu: unknown): void {
    this.applicationMenu = menu;
  },
};

export const dialog = {
  /** What the next save dialog answers: a path, or null for Cancel. */
  nextSavePath: null as string | null,
  saveDialogs: [] as { parent: unknown; options: Record<string, unknown> }[],
  messageBoxes: [] as unknown[],
  errorBoxes: [] as unknown[],
  showSaveDialog(...args: unknown[]): Promise<{ canceled: boolean; filePath: string }> {
    const [parent, options] = args.length === 1 ? [null, args[0]] : args;
    this.saveDialogs.push({ parent, options: options as Record<string, unknown> });
    const path = this.nextSavePath;
    return Promise.resolve(path === null ? { canceled: true, filePath: '' } : { canceled: false, filePath: path });
  },
  showMessageBox(...args: unknown[]): Promise<{ response: number }> {
    this.messageBoxes.push(args);
    return Promise.resolve({ response: 0 });
  },
  /** What the next synchronous message box answers (the index of the button). */
  nextMessageBoxResponse: 0,
  syncMessageBoxes: [] as { parent: unknown; options: Record<string, unknown> }[],
  showMessageBoxSync(...args: unknown[]): number {
    const [parent, options] = args.length === 1 ? [null, args[0]] : args;
    this.syncMessageBoxes.push({ parent, options: options as Record<string, unknown> });
    return this.nextMessageBoxResponse;
  },
  showErrorBox(title: string, content: string): void {
    this.errorBoxes.push({ title, content });
  },
};

export const shell = {
  opened: [] as string[],
  external: [] as string[],
  openPath(path: string): Promise<string> {
    this.opened.push(path);
    return Promise.resolve('');
  },
  openExternal(url: string): Promise<void> {
    this.external.push(url);
    return Promise.resolve();
  },
};

/** The stand-in's own controls and record (not part of Electron's API). */
export const standIn = {
  calls: [] as { what: string; args: unknown[] }[],
  record(what: string, ...args: unknown[]): void {
    this.calls.push({ what, args });
  },
  count(what: string): number {
    return this.calls.filter((call) => call.what === what).length;
  },
};

export default { app, BrowserWindow, dialog, ipcMain, Menu, protocol, session, shell };
