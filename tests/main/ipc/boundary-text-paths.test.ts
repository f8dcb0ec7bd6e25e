import { readdirSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { isAbsolutePathHere } from '../../../shared/api/paths.ts';
import { failure, openTestServices, sampleDraft, snapshot, type TestServices } from '../helpers.ts';

/**
 * Issue 11, items 14 and 15 at the contract's boundary: paths of another platform, and text with
 * half of a UTF-16 pair, are refused as invalid before any service runs.
 */

describe('paths and text at the boundary', () => {
  let t: TestServices;
  beforeEach(() => (t = openTestServices()));
  afterEach(() => t.dispose());

  it.skipIf(process.platform === 'win32')('refuses Windows paths on Linux and macOS (they were written as relative names in the working folder)', async () => {
    const cwd = readdirSync(process.cwd());
    for (const path of ['C:\\backups\\b.sqlite', 'C:/backups/b.sqlite', '\\\\server\\share\\b.sqlite', 'relative/b.sqlite']) {
      const error = await failure(t.client.backup.create({ path }));
      expect([path, error.code, error.path]).toEqual([path, 'invalid', 'path']);
      expect(error.message).toMatch(/full path of the file on this computer/);
      expect((await failure(t.client.backup.restore({ path }))).code).toBe('invalid');
    }
    const referral = await failure(t.client.referral.export({ id: 'x', path: 'C:\\letters\\a.pdf' }));
    expect([referral.code, referral.path]).toEqual(['invalid', 'path']);
    expect(readdirSync(process.cwd())).toEqual(cwd);
  });

  it("accepts only the running platform's absolute paths", () => {
    expect(isAbsolutePathHere('/home/ana/b.sqlite', false)).toBe(true);
    expect(isAbsolutePathHere('C:\\b.sqlite', false)).toBe(false);
    expect(isAbsolutePathHere('C:\\b.sqlite', true)).toBe(true);
    expect(isAbsolutePathHere('\\\\server\\share\\b.sqlite', true)).toBe(true);
    expect(isAbsolutePathHere('\\\\server', true)).toBe(false);
    expect(isAbsolutePathHere('/home/ana/b.sqlite', true)).toBe(false);
  });

  it('refuses a lone surrogate in any string, value or key, naming the field, and changes nothing', async () => {
    const { id } = await t.client.encounter.save(sampleDraft());
    await t.client.encounter.sign({ id, baseRevision: 1 });
    const before = snapshot(t.store.db);
    const cases: [Promise<unknown>, string][] = [
      [t.client.encounter.save(sampleDraft({ notes: 'pain \ud83e' })), 'notes'],
      [t.client.encounter.save(sampleDraft({ patient: { name: '\udc00Ada' } })), 'patient.name'],
      [t.client.encounter.addAddendum({ id, text: 'called \ud800 back' }), 'text'],
      [t.client.encounter.search({ query: '\udfff' }), 'query'],
      [t.client.encounter.save({ ...sampleDraft(), ['key\ud800']: 1 } as never), 'key\ud800'],
    ];
    for (const [call, path] of cases) {
      const error = await failure(call);
      expect([error.code, error.path]).toEqual(['invalid', path]);
      expect(error.message).toMatch(/invalid character/);
    }
    expect(snapshot(t.store.db)).toBe(before);
    // Whole pairs (an emoji, a CJK extension character) are text like any other.
    const saved = await t.client.encounter.save(sampleDraft({ notes: 'leg 🦵 𠀀' }));
    expect((await t.client.encounter.get({ id: saved.id })).notes).toBe('leg 🦵 𠀀');
  });
});
