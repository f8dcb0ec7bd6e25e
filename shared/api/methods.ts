import type { z } from 'zod';
import type { MethodDef } from './define.ts';
import type { MethodName as NamedMethod } from './method-names.ts';
import { dataMethods } from './methods/data.ts';
import { encounterMethods } from './methods/encounter.ts';
import { referralMethods } from './methods/referral.ts';
import { reviewMethods } from './methods/review.ts';
import { systemMethods } from './methods/system.ts';

/**
 * The IPC contract: one table, one source of truth. The preload and the bridge build the client
 * from its keys; the main process registers one handler per key and validates with its schemas.
 * Each domain keeps its rows in its own file under methods/.
 */
export const api = {
  ...encounterMethods,
  ...systemMethods,
  ...dataMethods,
  ...referralMethods,
  ...reviewMethods,
} as const satisfies Record<NamedMethod, MethodDef>;

export type Api = typeof api;
export type MethodName = keyof Api;
// The list of names in method-names.ts (what clients load) and this table agree: every listed name
// has a row (the satisfies above) and every row is listed (this line does not compile otherwise).
const everyRowListed: readonly NamedMethod[] = Object.keys(api) as MethodName[];
export const METHOD_NAMES: readonly MethodName[] = everyRowListed;
export { isMethodName } from './method-names.ts';

export type MethodInput<M extends MethodName> = z.input<Api[M]['input']>;
export type MethodParsedInput<M extends MethodName> = z.output<Api[M]['input']>;
export type MethodOutput<M extends MethodName> = z.output<Api[M]['output']>;

/** What the main process implements: one function per method, taking the parsed input. */
export type Services = {
  [M in MethodName]: (input: MethodParsedInput<M>) => MethodOutput<M> | Promise<MethodOutput<M>>;
};

