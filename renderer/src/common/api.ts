import { createClient, type Client } from '../../../shared/api/client.ts';
import { ApiError, type ErrorCode } from '../../../shared/api/errors.ts';
import { httpInvoke } from '../../../shared/api/transport.ts';

/**
 * The one client of the renderer. In the Electron app the preload exposes `window.bridge`; on the
 * loopback page (npm run serve, the end-to-end tests) the calls go over HTTP with the token the
 * page was opened with. Nothing else in the renderer touches transport.
 */
function buildClient(): Client {
  if (window.bridge) return createClient((method, input) => window.bridge!.invoke(method, input));
  // A save sent as the page unloads must still arrive (encounter store, sendBeforeUnload).
  return createClient(httpInvoke(location.origin, loopbackToken(), fetch, { keepalive: ['encounter.save'] }));
}

const TOKEN_KEY = 'legpain.bridgeToken';

/**
 * The loopback page's token: read from the address it was opened with, then taken out of the
 * address bar and the browser history (history.replaceState), so it is neither shown, bookmarked
 * nor kept in the history. It stays in this tab's session storage, for a reload of the same tab.
 */
function loopbackToken(): string {
  const params = new URLSearchParams(location.search);
  const fromUrl = params.get('token');
  if (fromUrl === null) return sessionStorage.getItem(TOKEN_KEY) ?? '';
  sessionStorage.setItem(TOKEN_KEY, fromUrl);
  params.delete('token');
  const query = params.toString();
  history.replaceState(history.state, '', `${location.pathname}${query === '' ? '' : `?${query}`}${location.hash}`);
  return fromUrl;
}

export const api: Client = buildClient();

/** Plain words for each error code, used when the service's own sentence is missing. */
const FALLBACK: Record<ErrorCode, string> = {
  invalid: 'Some of what was entered could not be accepted.',
  'not-found': 'This record could not be found. It may have been opened from an old link.',
  conflict: 'This encounter was changed somewhere else after you opened it.',
  locked: 'This encounter is signed and can no longer be changed.',
  exists: 'This already exists.',
  io: 'The record could not be written to disk. Check that the disk is not full.',
  forbidden: 'This action is not allowed from here.',
  busy: 'A backup is being restored; nothing can be saved until it has finished.',
  internal: 'Something went wrong inside the application.',
};

export interface PlainError {
  readonly code: ErrorCode | 'offline';
  readonly message: string;
  /** The field a validation error is about, e.g. "patient.birthDate". */
  readonly path?: string;
}

/** Turns anything a call can throw into words a clinician understands, in one place. */
export function plainError(error: unknown): PlainError {
  if (error instanceof ApiError) {
    const message = error.code === 'internal' || !error.message ? FALLBACK[error.code] : error.message;
    return error.path === undefined ? { code: error.code, message } : { code: error.code, message, path: error.path };
  }
  // fetch rejects with a TypeError when the local service cannot be reached.
  return { code: 'offline', message: 'The local service did not answer. Your work is kept on this computer and will be saved when it is back.' };
}
