import { join } from 'node:path';
import { channelOf } from '../../shared/api/channel.ts';
import { createClient, type Client } from '../../shared/api/client.ts';
import type { Envelope } from '../../shared/api/errors.ts';
import type { Services } from '../../shared/api/methods.ts';
import { httpInvoke } from '../../shared/api/transport.ts';
import { startBridge } from '../../electron/main/bridge/server.ts';
import { registerIpc } from '../../electron/main/ipc/register.ts';

/** The two ways the contract reaches the services: Electron's IPC handlers and the loopback bridge. */

export interface Transport {
  readonly client: Client;
  close(): Promise<void>;
}

export const rendererDir = join(import.meta.dirname, '..', '..', 'out', 'renderer');

/** registerIpc on a stand-in for ipcMain: the same handlers Electron would call, from a trusted sender. */
export async function viaIpc(services: Services): Promise<Transport> {
  const handlers = new Map<string, (event: unknown, input: unknown) => Promise<Envelope<unknown>>>();
  registerIpc<unknown>({ handle: (channel, listener) => handlers.set(channel, listener) }, services, () => true);
  const client = createClient((method, input) => handlers.get(channelOf(method))!({}, input));
  return { client, close: async () => {} };
}

export async function viaBridge(services: Services): Promise<Transport> {
  const bridge = await startBridge({ services, rendererDir });
  const client = createClient(httpInvoke(`http://127.0.0.1:${bridge.port}`, bridge.token));
  return { client, close: () => bridge.close() };
}

export const TRANSPORTS = [
  ['IPC handlers', viaIpc],
  ['loopback bridge', viaBridge],
] as const;
