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

/** The HTTP transport of the loopback bridge (spec/encounter-api.md): POST /api/<method> with the bearer token. */
export function httpInvoke(baseUrl: string, token: string, fetchImpl: typeof fetch = fetch): Bridge['invoke'] {
  return async (method, input) => {
    if (!isMethodName(method)) return { ok: false, error: { code: 'invalid', message: `Unknown method ${String(method)}` } };
    const response = await fetchImpl(`${baseUrl}/api/${method}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify(input ?? {}),
    });
    try {
      return (await response.json()) as Envelope<unknown>;
    } catch {
      return { ok: false, error: { code: 'internal', message: `The local service answered ${response.status} without a result.` } };
    }
  };
}
