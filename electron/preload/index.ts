import { contextBridge, ipcRenderer } from 'electron';
import { METHOD_NAME_PATTERN, channelOf } from '../../shared/api/channel.ts';
import type { Envelope } from '../../shared/api/errors.ts';
import type { MethodName } from '../../shared/api/methods.ts';
import type { Bridge } from '../../shared/api/transport.ts';

// The only bridge between the renderer and the main process: calls of the contract, nothing else.
// The main process registers a handler per method of the table and validates every payload.
const bridge: Bridge = {
  invoke(method: MethodName, input: unknown): Promise<Envelope<unknown>> {
    if (typeof method !== 'string' || !METHOD_NAME_PATTERN.test(method)) {
      return Promise.resolve({ ok: false, error: { code: 'invalid', message: 'Unknown method.' } });
    }
    return ipcRenderer.invoke(channelOf(method), input) as Promise<Envelope<unknown>>;
  },
};

contextBridge.exposeInMainWorld('bridge', bridge);
