import { afterEach, beforeEach, describe, expect, it, onTestFinished, vi } from 'vitest';
import { ApiError } from '../../../shared/api/errors.ts';
import { METHOD_NAMES, type Services } from '../../../shared/api/methods.ts';
import { dispatch } from '../../../electron/main/ipc/dispatch.ts';
import { createLogger, setLogger, stderrSink } from '../../../electron/main/log.ts';
import { openTestServices, sampleDraft, type TestServices } from '../helpers.ts';

/** The one path every call takes, whatever the transport. */

describe('dispatch', () => {
  let t: TestServices;
  beforeEach(() => (t = openTestServices()));
  afterEach(() => {
    t.dispose();
    vi.restoreAllMocks();
  });

  it('has a service for every method of the table', () => {
    for (const name of METHOD_NAMES) expect(typeof t.services[name], name).toBe('function');
  });

  it('answers not-found for a method the table does not have, including inherited names', async () => {
    for (const method of ['encounter.delete', 'constructor', '__proto__', 'toString', 'encounter', '']) {
      const envelope = await dispatch(t.services, method, {});
      expect(envelope).toMatchObject({ ok: false, error: { code: 'not-found' } });
    }
  });

  it('reports the first invalid field by its dotted path with a readable message', async () => {
    expect(await dispatch(t.services, 'encounter.save', { ...sampleDraft(), patient: { name: 'A', birthDate: 5 } })).toEqual({
      ok: false,
      error: { code: 'invalid', path: 'patient.birthDate', message: 'The field "patient.birthDate" should be text.' },
    });
    expect(await dispatch(t.services, 'encounter.save', { patient: { name: 'A' } })).toEqual({
      ok: false,
      error: { code: 'invalid', path: 'seenAt', message: 'The field "seenAt" is missing.' },
    });
    expect(await dispatch(t.services, 'encounter.get', null)).toEqual({
      ok: false,
      error: { code: 'invalid', message: 'The request should be an object (a set of named fields).' },
    });
    const future = await dispatch(t.services, 'encounter.save', sampleDraft({ patient: { name: 'A', birthDate: '2999-01-01' } }));
    expect(future).toEqual({ ok: false, error: { code: 'invalid', path: 'patient.birthDate', message: 'The date of birth is in the future' } });
  });

  it('passes a service ApiError through as the envelope error', async () => {
    const services = { ...t.services, 'encounter.get': () => { throw new ApiError('conflict', 'Changed elsewhere.', 'baseRevision'); } } as Services;
    expect(await dispatch(services, 'encounter.get', { id: 'x' })).toEqual({
      ok: false,
      error: { code: 'conflict', message: 'Changed elsewhere.', path: 'baseRevision' },
    });
  });

  it('answers any other failure with a generic internal error, logging the detail but never sending it', async () => {
    const lines: string[] = [];
    setLogger(createLogger({ write: (line) => void lines.push(line) }));
    onTestFinished(() => setLogger(createLogger(stderrSink)));
    const services = {
      ...t.services,
      'encounter.get': () => {
        throw new Error('SQLITE_CORRUPT at /home/ana/secret/path: Ada Example');
      },
    } as Services;
    const envelope = await dispatch(services, 'encounter.get', { id: 'x' });
    expect(envelope).toMatchObject({ ok: false, error: { code: 'internal' } });
    const text = JSON.stringify(envelope);
    expect(text).not.toMatch(/SQLITE|secret|Ada|at .*\.ts/);
    // The log names the method and where it failed, but not the message (it may quote a patient).
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/error ipc-failed method="encounter\.get" Error\n\s+at /);
    expect(lines[0]).not.toMatch(/SQLITE|secret|Ada/);
  });

  it('computes an age the engine accepts, and refuses a visit dated before the birth', async () => {
    const before = await dispatch(t.services, 'encounter.save', sampleDraft({ seenAt: '1950-01-01T10:00:00Z' }));
    expect(before).toMatchObject({ ok: false, error: { code: 'invalid', path: 'seenAt' } });
    const ancient = await dispatch(t.services, 'encounter.save', sampleDraft({ patient: { name: 'A', birthDate: '1880-01-01' } }));
    expect(ancient).toMatchObject({ ok: false, error: { code: 'invalid', path: 'patient.birthDate' } });
  });
});
