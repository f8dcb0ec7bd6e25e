import type { Envelope } from './errors.ts';
import { isMethodName, type MethodName } from './method-names.ts';

/**
 * What the preload exposes as `window.bridge`: one function that sends a call of the contract and
 * resolves to its envelope. Envelopes, not exceptions, cross the context bridge because Electron
 * drops an Error's custom properties there (the error code would be lost); the renderer builds the
 * throwing client with createClient(bridge.invoke), exactly as the loopback page and the tests do.
 */
export interface Bridge {
  invoke(method: MethodName, input: unknown): Promise<Envelope<unknown>>;
}

/** Browsers refuse a keepalive request whose body, with the others in flight, passes 64 KiB. */
const KEEPALIVE_MAX_BODY = 48 * 1024;

export interface HttpInvokeOptions {
  /**
   * Methods sent with fetch's keepalive (when small enough), so that a call made as the page
   * unloads is still delivered: the renderer's save of the last edits before a reload or close.
   */
  readonly keepalive?: readonly MethodName[];
}

/** The HTTP transport of the loopback bridge (spec/encounter-api.md): POST /api/<method> with the bearer token. */
export function httpInvoke(baseUrl: string, token: string, fetchImpl: typeof fetch = fetch, options: HttpInvokeOptions = {}): Bridge['invoke'] {
  return async (method, input) => {
    if (!isMethodName(method)) return { ok: false, error: { code: 'invalid', message: `Unknown method ${String(method)}` } };
    const body = JSON.stringify(input ?? {});
    const response = await fetchImpl(`${baseUrl}/api/${method}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body,
      ...(options.keepalive?.includes(method) && new TextEncoder().encode(body).length <= KEEPALIVE_MAX_BODY ? { keepalive: true } : {}),
    });
    try {
      return (await response.json()) as Envelope<unknown>;
    } catch {
      return { ok: false, error: { code: 'internal', message: `The local service answered ${response.status} without a result.` } };
    }
  };
}
