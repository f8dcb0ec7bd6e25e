import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { channelOf } from '../../../shared/api/channel.ts';
import type { Envelope } from '../../../shared/api/errors.ts';
import { METHOD_NAMES } from '../../../shared/api/methods.ts';
import { registerIpc, FORBIDDEN } from '../../../electron/main/ipc/register.ts';
import { openTestServices, sampleDraft, snapshot, type TestServices } from '../helpers.ts';

type Listener = (event: { trusted: boolean }, ...args: unknown[]) => Promise<Envelope<unknown>>;

describe('registerIpc', () => {
  let t: TestServices;
  let handlers: Map<string, Listener>;
  beforeEach(() => {
    t = openTestServices();
    handlers = new Map();
    registerIpc<{ trusted: boolean }>({ handle: (channel, listener) => void handlers.set(channel, listener) }, t.services, (e) => e.trusted);
  });
  afterEach(() => t.dispose());

  it('registers exactly one handler per method of the table', () => {
    expect([...handlers.keys()].sort()).toEqual(METHOD_NAMES.map(channelOf).sort());
  });

  it('answers a trusted sender with the envelope', async () => {
    const saved = await handlers.get(channelOf('encounter.save'))!({ trusted: true }, sampleDraft());
    expect(saved).toMatchObject({ ok: true, value: { revision: 1 } });
  });

  it('refuses an untrusted sender before validating or running anything', async () => {
    const before = snapshot(t.store.db);
    const save = vi.spyOn(t.services, 'encounter.save');
    for (const name of METHOD_NAMES) {
      expect(await handlers.get(channelOf(name))!({ trusted: false }, sampleDraft())).toEqual(FORBIDDEN);
    }
    expect(save).not.toHaveBeenCalled();
    expect(snapshot(t.store.db)).toBe(before);
  });
});
