import { readFileSync } from 'node:fs';
import { runInNewContext } from 'node:vm';

/**
 * Runs the built preload (out/preload/index.cjs) as a sandboxed Electron renderer would: a
 * CommonJS script whose `require` knows only 'electron' (the sandbox allows a few more modules;
 * this one needs none), with a contextBridge and ipcRenderer that record what the preload does.
 */
export function loadPreload(file: string): {
  exposed: { key: string; api: Record<string, unknown> }[];
  invoked: { channel: string; args: unknown[] }[];
} {
  const exposed: { key: string; api: Record<string, unknown> }[] = [];
  const invoked: { channel: string; args: unknown[] }[] = [];
  const electron = {
    contextBridge: { exposeInMainWorld: (key: string, api: Record<string, unknown>) => void exposed.push({ key, api }) },
    ipcRenderer: {
      invoke: (channel: string, ...args: unknown[]) => {
        invoked.push({ channel, args });
        return Promise.resolve({ ok: true, value: null });
      },
    },
  };
  const require = (name: string): unknown => {
    if (name === 'electron') return electron;
    throw new Error(`the sandboxed preload required ${name}`);
  };
  const module = { exports: {} };
  runInNewContext(readFileSync(file, 'utf8'), { require, module, exports: module.exports, Promise }, { filename: file });
  return { exposed, invoked };
}
