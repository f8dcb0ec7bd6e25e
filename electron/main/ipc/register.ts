import { channelOf } from '../../../shared/api/channel.ts';
import type { Envelope } from '../../../shared/api/errors.ts';
import { METHOD_NAMES, type Services } from '../../../shared/api/methods.ts';
import { dispatch } from './dispatch.ts';

/** The part of Electron's ipcMain this needs, so it runs under plain Node in tests. */
export interface IpcMainLike<E> {
  handle(channel: string, listener: (event: E, ...args: unknown[]) => Promise<Envelope<unknown>>): void;
}

export const FORBIDDEN: Envelope<never> = {
  ok: false,
  error: { code: 'forbidden', message: 'This request did not come from the Leg Pain DDx window and was refused.' },
};

/**
 * One handler per method of the table. Every call's sender is checked before anything else runs
 * (only the app's own top-level page may call), then dispatch validates the input.
 */
export function registerIpc<E>(ipc: IpcMainLike<E>, services: Services, isTrustedSender: (event: E) => boolean): void {
  for (const method of METHOD_NAMES) {
    ipc.handle(channelOf(method), async (event, input) => {
      if (!isTrustedSender(event)) return FORBIDDEN;
      return dispatch(services, method, input);
    });
  }
}
