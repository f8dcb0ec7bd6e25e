import { ApiError, type Envelope } from './errors.ts';
import { METHOD_NAMES } from './method-names.ts';
import type { Api, MethodInput, MethodName, MethodOutput } from './methods.ts';

/** Sends one call over whatever transport there is (ipcRenderer.invoke, HTTP, a Playwright binding). */
export type Invoke = (method: MethodName, input: unknown) => Promise<Envelope<unknown>>;

type Namespace<K> = K extends `${infer N}.${string}` ? N : never;

/** `client.encounter.save(input)` for the table row `'encounter.save'`. */
export type Client = {
  [N in Namespace<keyof Api>]: {
    [K in keyof Api as K extends `${N}.${infer Op}` ? Op : never]: K extends MethodName
      ? (input: MethodInput<K>) => Promise<MethodOutput<K>>
      : never;
  };
};

/**
 * Builds the typed client from the method table. A failed call throws an ApiError carrying the
 * contract's code, so callers can tell a conflict from a validation error.
 */
export function createClient(invoke: Invoke): Client {
  const client: Record<string, Record<string, (input: unknown) => Promise<unknown>>> = {};
  for (const name of METHOD_NAMES) {
    const [ns, op] = name.split('.') as [string, string];
    client[ns] ??= {};
    client[ns][op] = async (input: unknown) => {
      const envelope = await invoke(name, input ?? {});
      if (envelope.ok) return envelope.value;
      throw new ApiError(envelope.error.code, envelope.error.message, envelope.error.path);
    };
  }
  return client as unknown as Client;
}
