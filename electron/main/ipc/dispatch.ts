import { ApiError, type Envelope } from '../../../shared/api/errors.ts';
import { api, isMethodName, type Services } from '../../../shared/api/methods.ts';
import { log } from '../log.ts';
import { describeIssue } from './issues.ts';
import { inputProblem } from './inspect-input.ts';

/**
 * One call of the contract, whatever the transport: unknown method, then validation with the
 * table's schema, then the service. Services throw ApiError for the contract's errors; anything
 * else is a fault of ours, logged here and answered with a generic `internal` error (no stack,
 * no SQL, nothing of the patient's data leaves in the message).
 */
export async function dispatch(services: Services, method: string, rawInput: unknown): Promise<Envelope<unknown>> {
  if (!isMethodName(method)) {
    return { ok: false, error: { code: 'not-found', message: 'This version of Leg Pain DDx has no such function.' } };
  }
  // An import's file text can be hundreds of megabytes: the transfer worker looks for lone
  // surrogates in it, off this thread (transfer/worker.ts), and refuses it in the same words.
  const problem = inputProblem(OFF_THREAD_TEXT.has(method) ? withoutFileText(rawInput) : rawInput);
  if (problem !== null) {
    const { message, path } = problem;
    return { ok: false, error: path === '' ? { code: 'invalid', message } : { code: 'invalid', message, path } };
  }
  let parsed: ReturnType<(typeof api)[typeof method]['input']['safeParse']>;
  try {
    parsed = api[method].input.safeParse(rawInput);
  } catch (error) {
    // A schema that throws instead of reporting is our bug; the caller still gets an answer.
    return internalError(method, error);
  }
  if (!parsed.success) {
    const { path, message } = describeIssue(parsed.error.issues[0]!);
    return { ok: false, error: path === undefined ? { code: 'invalid', message } : { code: 'invalid', message, path } };
  }
  try {
    const service = services[method] as (input: unknown) => unknown;
    return { ok: true, value: await service(parsed.data) };
  } catch (error) {
    if (error instanceof ApiError) return { ok: false, error: error.toBody() };
    return internalError(method, error);
  }
}


/** Methods whose `json` (a whole file's text) is checked for lone surrogates by the transfer worker. */
const OFF_THREAD_TEXT: ReadonlySet<string> = new Set(['data.importJson', 'data.importFhir']);
const withoutFileText = (input: unknown): unknown =>
  typeof input === 'object' && input !== null && !Array.isArray(input) && typeof (input as { json?: unknown }).json === 'string' ? { ...input, json: '' } : input;

function internalError(method: string, error: unknown): Envelope<never> {
  log.error('ipc-failed', error, { method });
  return {
    ok: false,
    error: { code: 'internal', message: 'Something went wrong inside Leg Pain DDx; nothing was changed. Please try again, and report it if it happens again.' },
  };
}
