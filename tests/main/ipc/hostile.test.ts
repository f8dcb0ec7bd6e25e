import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { api, METHOD_NAMES, type MethodName } from '../../../shared/api/methods.ts';
import { dispatch } from '../../../electron/main/ipc/dispatch.ts';
import { MAX_INPUT_DEPTH } from '../../../electron/main/ipc/inspect-input.ts';
import { openTestServices, sampleDraft, snapshot, tempDir, type TestServices } from '../helpers.ts';

/**
 * Hostile input: thousands of generated payloads that the contract's schemas reject, sent to every
 * method. Each must answer `invalid` (never `internal`, never an exception) and change nothing.
 * Payloads are mutations of a valid call (one field replaced by something of the wrong kind, or
 * removed) and values that are not objects at all; a generated payload that happens to be valid is
 * not a hostile one and is left out.
 */

const RUNS_PER_METHOD = 1500;

/** Values an attacker or a broken client might send. */
const hostileValue: fc.Arbitrary<unknown> = fc.oneof(
  fc.constantFrom(null, undefined, NaN, Infinity, -Infinity, -0, 1e308, Number.MAX_SAFE_INTEGER + 2, true, false, 0, -1, 2 ** 31),
  fc.constantFrom(
    '',
    ' ',
    '\u0000',
    '\ud800',
    '\udfff\ud800',
    "'; DROP TABLE encounters; --",
    '" OR 1=1 --',
    'NEAR("a" "b")',
    '*',
    '../../../../etc/passwd',
    'C:\\Windows\\System32',
    '__proto__',
    '2026-02-30T10:00:00Z',
    '9999-99-99',
    'x'.repeat(300_000),
  ),
  fc.string({ unit: 'binary', maxLength: 200 }),
  fc.integer(),
  fc.double(),
  fc.array(fc.anything({ maxDepth: 2 }), { maxLength: 5 }),
  fc.dictionary(fc.constantFrom('__proto__', 'constructor', 'prototype', 'toString', 'id', 'x'), fc.anything({ maxDepth: 1 }), { maxKeys: 3 }),
  fc.anything({ maxDepth: 3, withBigInt: false }),
);

/** A valid call of each method, the base the mutations start from ({} where none is written). */
function validSamples(existingId: string, dir: string): Partial<Record<MethodName, unknown>> {
  return {
    'encounter.save': { ...sampleDraft(), id: existingId, baseRevision: 1 },
    'encounter.get': { id: existingId },
    'encounter.revisions': { id: existingId },
    'encounter.sign': { id: existingId, baseRevision: 1 },
    'encounter.addAddendum': { id: existingId, text: 'note' },
    'encounter.search': { query: 'calf', limit: 10 },
    'encounter.list': { limit: 10, offset: 0, status: 'draft', cause: 'dvt', redFlags: true, from: '2026-01-01T00:00:00Z', to: '2026-12-31T00:00:00Z', patientIdentifier: 'MRN 1' },
    'encounter.patientTimeline': { identifier: 'MRN 004211' },
    'audit.list': { encounterId: existingId, limit: 10, beforeSeq: 5 },
    'profile.save': { name: 'Dr Lee', role: 'GP', practice: 'Practice', contact: 'x' },
    'settings.save': { theme: 'dark', textSize: 'large', autosaveSeconds: 10, lastExportFolder: dir },
    'backup.create': { path: `${dir}/b.sqlite` },
    'backup.restore': { path: `${dir}/b.sqlite` },
    'data.exportJson': { ids: [existingId] },
    'data.importJson': { json: '{}' },
  };
}

/** Every path to a value inside a JSON-like sample, e.g. ['patient', 'birthDate'] or ['findings', 1]. */
function pathsOf(value: unknown, prefix: (string | number)[] = []): (string | number)[][] {
  if (value === null || typeof value !== 'object') return [prefix];
  const entries = Array.isArray(value) ? value.map((v, i) => [i, v] as const) : Object.entries(value);
  return [prefix, ...entries.flatMap(([k, v]) => pathsOf(v, [...prefix, k]))];
}

function withValueAt(sample: unknown, path: (string | number)[], replacement: unknown, remove: boolean): unknown {
  if (path.length === 0) return replacement;
  const copy = (Array.isArray(sample) ? [...(sample as unknown[])] : { ...(sample as object) }) as Record<string | number, unknown>;
  const [head, ...rest] = path as [string | number, ...(string | number)[]];
  if (rest.length === 0 && remove) delete copy[head];
  else if (rest.length === 0) Object.defineProperty(copy, head, { value: replacement, enumerable: true, writable: true, configurable: true });
  else copy[head] = withValueAt(copy[head], rest, replacement, remove);
  return copy;
}

function hostilePayloads(sample: unknown): fc.Arbitrary<unknown> {
  const paths = pathsOf(sample);
  const mutation = fc
    .record({ path: fc.constantFrom(...paths), value: hostileValue, remove: fc.boolean() })
    .map(({ path, value, remove }) => withValueAt(sample, path, value, remove));
  const notAnObject = fc.oneof(hostileValue, fc.array(fc.anything({ maxDepth: 1 })));
  return fc.oneof({ arbitrary: mutation, weight: 4 }, { arbitrary: notAnObject, weight: 1 });
}

describe('hostile input', () => {
  let t: TestServices;
  let dir: ReturnType<typeof tempDir>;
  let samples: Partial<Record<MethodName, unknown>>;

  beforeAll(async () => {
    t = openTestServices();
    dir = tempDir('legpain-hostile-');
    const { id } = await t.client.encounter.save(sampleDraft());
    samples = validSamples(id, dir.path);
  });
  afterAll(() => {
    t.dispose();
    dir.remove();
  });

  it.each(METHOD_NAMES.map((m) => [m]))('%s answers invalid to every payload its schema rejects, and changes nothing', async (method) => {
    const schema = api[method].input;
    const sample = samples[method] ?? {};
    const before = snapshot(t.store.db);
    let sent = 0;
    await fc.assert(
      fc.asyncProperty(
        hostilePayloads(sample).filter((payload) => !schema.safeParse(payload).success),
        async (payload) => {
          sent++;
          const envelope = await dispatch(t.services, method, payload);
          expect(envelope.ok).toBe(false);
          if (!envelope.ok) {
            expect(envelope.error.code).toBe('invalid');
            expect(envelope.error.message.length).toBeGreaterThan(5);
            expect(envelope.error.message.length).toBeLessThan(1000);
          }
        },
      ),
      { numRuns: RUNS_PER_METHOD, seed: 4242 },
    );
    expect(sent).toBe(RUNS_PER_METHOD);
    expect(snapshot(t.store.db)).toBe(before);
  });

  it('answers invalid, naming the nesting, to a payload nested far deeper than any record (it used to overflow the stack and answer nothing)', async () => {
    const before = snapshot(t.store.db);
    const nested = (depth: number, leaf: unknown): unknown => {
      let value = leaf;
      for (let i = 0; i < depth; i++) value = i % 2 === 0 ? [value] : { x: value };
      return value;
    };
    for (const method of ['encounter.save', 'encounter.search', 'settings.save', 'data.importJson'] as const) {
      for (const payload of [nested(300_000, 'calf'), { ...sampleDraft(), notes: nested(300_000, null) }]) {
        const envelope = await dispatch(t.services, method, payload);
        expect(envelope, method).toMatchObject({ ok: false, error: { code: 'invalid', message: expect.stringMatching(/nested too deeply/) } });
      }
    }
    // Just within the limit: the schema answers, in its own words; one level more is refused for its depth.
    const draftNested = (depth: number) => ({ ...sampleDraft(), notes: nested(depth - 1, 'x') });
    const within = await dispatch(t.services, 'encounter.save', draftNested(MAX_INPUT_DEPTH));
    expect(within).toMatchObject({ ok: false, error: { code: 'invalid', path: 'notes' } });
    expect((within as { error: { message: string } }).error.message).not.toMatch(/nested too deeply/);
    expect(await dispatch(t.services, 'encounter.save', draftNested(MAX_INPUT_DEPTH + 1))).toMatchObject({
      ok: false,
      error: { code: 'invalid', message: expect.stringMatching(/nested too deeply/) },
    });
    expect(snapshot(t.store.db)).toBe(before);
  });

  it('takes any text as a search query', async () => {
    await fc.assert(
      fc.asyncProperty(fc.string({ unit: 'binary', maxLength: 500 }), async (query) => {
        const envelope = await dispatch(t.services, 'encounter.search', { query });
        expect(envelope.ok).toBe(true);
      }),
      { numRuns: 1000, seed: 7 },
    );
  });

  it('stores any text a clinician types exactly as typed', async () => {
    await fc.assert(
      fc.asyncProperty(fc.string({ unit: 'binary', maxLength: 300 }), fc.string({ unit: 'grapheme', minLength: 1, maxLength: 50 }), async (notes, name) => {
        fc.pre(name.trim().length > 0);
        const saved = await dispatch(t.services, 'encounter.save', sampleDraft({ notes, complaint: notes, patient: { name } }));
        expect(saved.ok).toBe(true);
        const got = await dispatch(t.services, 'encounter.get', { id: (saved as { value: { id: string } }).value.id });
        expect(got).toMatchObject({ ok: true, value: { notes, complaint: notes, patient: { name: name.trim() } } });
      }),
      { numRuns: 150, seed: 11 },
    );
  });
});
