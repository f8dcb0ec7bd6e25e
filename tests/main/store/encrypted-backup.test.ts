import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createOpenStream, createSealStream, SealError, type SealCost } from '../../../electron/main/store/sealed-file.ts';
import { failure, openTestServices, sampleDraft, snapshot, tempDir, type TestServices } from '../helpers.ts';

/** Issue 11, item 8: passphrase-protected backups (scrypt, AES-256-GCM, authenticated header). */

const PASSPHRASE = 'correct horse battery staple';

describe('encrypted backups', () => {
  let t: TestServices;
  let out: ReturnType<typeof tempDir>;
  beforeEach(async () => {
    t = openTestServices();
    out = tempDir('legpain-sealed-');
    await t.client.profile.save({ name: 'Dr Lee' });
  });
  afterEach(() => {
    t.dispose();
    out.remove();
  });

  it('round trip: the backup holds no readable patient data, and restores with its passphrase', async () => {
    const a = await t.client.encounter.save(sampleDraft());
    const target = join(out.path, 'usb.backup');
    const result = await t.client.backup.create({ path: target, passphrase: PASSPHRASE });
    expect(result.encrypted).toBe(true);
    const bytes = readFileSync(target);
    expect(bytes.subarray(0, 8).toString()).toBe('LPDXSEAL');
    for (const secret of ['Ada Example', 'MRN 004211', 'Long-haul', 'SQLite format']) expect(bytes.includes(Buffer.from(secret))).toBe(false);
    // Only the sealed file reached the backup's folder; no plain copy is left in the data folder.
    expect(readdirSync(out.path)).toEqual(['usb.backup']);
    expect(readdirSync(t.dataDir).filter((f) => f.includes('.tmp'))).toEqual([]);
    const [entry] = await t.client.audit.list({ limit: 1 });
    expect(JSON.stringify(entry)).not.toContain(PASSPHRASE);

    const later = await t.client.encounter.save(sampleDraft({ notes: 'after the backup' }));
    const restored = await t.client.backup.restore({ path: target, passphrase: PASSPHRASE });
    expect(restored.encounters).toBe(1);
    expect((await t.client.encounter.get({ id: a.id })).notes).toBe(sampleDraft().notes);
    expect((await failure(t.client.encounter.get({ id: later.id }))).code).toBe('not-found');
    expect(await t.client.audit.verify({})).toMatchObject({ intact: true });
  });

  it('a wrong or missing passphrase, or an altered file, is refused in words and changes nothing', async () => {
    await t.client.encounter.save(sampleDraft());
    const target = join(out.path, 'usb.backup');
    await t.client.backup.create({ path: target, passphrase: PASSPHRASE });
    const altered = join(out.path, 'altered.backup');
    const bytes = readFileSync(target);
    bytes[bytes.length - 100]! ^= 0x01;
    writeFileSync(altered, bytes);
    const cut = join(out.path, 'cut.backup');
    writeFileSync(cut, readFileSync(target).subarray(0, 72 + 64 * 1024 + 16));
    await t.client.encounter.save(sampleDraft({ notes: 'kept' }));
    const before = snapshot(t.store.db);

    const wrong = await failure(t.client.backup.restore({ path: target, passphrase: 'not the passphrase' }));
    expect([wrong.code, wrong.path]).toEqual(['invalid', 'passphrase']);
    expect(wrong.message).toMatch(/passphrase is not the one .*not changed/);
    const missing = await failure(t.client.backup.restore({ path: target }));
    expect([missing.code, missing.path]).toEqual(['invalid', 'passphrase']);
    expect(missing.message).toMatch(/protected by a passphrase/);
    for (const path of [altered, cut]) {
      const damaged = await failure(t.client.backup.restore({ path, passphrase: PASSPHRASE }));
      expect(damaged.code).toBe('invalid');
      expect(damaged.message).toMatch(/damaged or was changed .*not changed/);
    }
    expect(snapshot(t.store.db)).toBe(before);
    expect(readdirSync(t.dataDir).filter((f) => f.includes('.tmp'))).toEqual([]);
  });

  it('refuses a short passphrase for a new backup', async () => {
    const error = await failure(t.client.backup.create({ path: join(out.path, 'b.backup'), passphrase: 'short' }));
    expect([error.code, error.path]).toEqual(['invalid', 'passphrase']);
  });
});

describe('sealed streams', () => {
  const cheap: SealCost = { log2N: 10, r: 8, p: 1 };
  const collect = async (chunks: Buffer[], transform: NodeJS.ReadWriteStream): Promise<Buffer> => {
    const out: Buffer[] = [];
    await pipeline(Readable.from(chunks), transform, async function* (source) {
      for await (const c of source) out.push(c as Buffer);
    });
    return Buffer.concat(out);
  };

  it('round-trips content of every length around the record size, in any chunking', async () => {
    for (const length of [0, 1, 1023, 1024, 1025, 4096, 5000]) {
      const content = Buffer.from(Array.from({ length }, (_, i) => (i * 31) % 251));
      const sealed = await collect([content], createSealStream('pass phrase', { cost: cheap, recordSize: 1024 }));
      const pieces = [sealed.subarray(0, 5), sealed.subarray(5, 80), sealed.subarray(80)];
      expect((await collect(pieces, createOpenStream('pass phrase'))).equals(content), `length ${length}`).toBe(true);
    }
  });

  it('detects a wrong passphrase, a changed header, reordered or dropped records', async () => {
    const content = Buffer.alloc(3000, 7);
    const sealed = await collect([content], createSealStream('pass phrase', { cost: cheap, recordSize: 1024 }));
    const problem = async (bytes: Buffer, passphrase = 'pass phrase') => {
      try {
        await collect([bytes], createOpenStream(passphrase));
      } catch (error) {
        if (error instanceof SealError) return error.problem;
        throw error;
      }
      return 'opened';
    };
    expect(await problem(sealed, 'wrong')).toBe('wrong-passphrase');
    const header = Buffer.from(sealed);
    header[20]! ^= 1; // the salt
    expect(await problem(header)).toBe('wrong-passphrase');
    const newer = Buffer.from(sealed);
    newer[8] = 2;
    expect(await problem(newer)).toBe('unsupported');
    const record = 1024 + 16;
    const swapped = Buffer.concat([sealed.subarray(0, 72), sealed.subarray(72 + record, 72 + 2 * record), sealed.subarray(72, 72 + record), sealed.subarray(72 + 2 * record)]);
    expect(await problem(swapped)).toBe('damaged');
    expect(await problem(sealed.subarray(0, 72 + 2 * record))).toBe('damaged');
    expect(await problem(Buffer.from('SQLite format 3\0 and more bytes than a header would need to hold, for sure, yes'))).toBe('not-sealed');
  });
});
