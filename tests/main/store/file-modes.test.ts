import { chmodSync, mkdirSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openTestServices, sampleDraft, tempDir } from '../helpers.ts';

/**
 * Issue 11, item 6: patient data is readable by its owner only. Under the usual umask 022 the data
 * folder used to be 0755 and the database, its WAL, backups and restored copies 0644.
 */

const mode = (path: string): number => statSync(path).mode & 0o777;

describe.skipIf(process.platform === 'win32')('file modes under umask 022', () => {
  let root: ReturnType<typeof tempDir>;
  let umask: number;
  beforeEach(() => {
    root = tempDir('legpain-modes-');
    umask = process.umask(0o022);
  });
  afterEach(() => {
    process.umask(umask);
    root.remove();
  });

  it('creates the data folder 0700 and every file of patient data 0600', async () => {
    const dataDir = join(root.path, 'new', 'data');
    const out = join(root.path, 'out');
    mkdirSync(out);
    const t = openTestServices({ dataDir });
    try {
      await t.client.encounter.save(sampleDraft());
      await t.client.backup.create({ path: join(out, 'b.sqlite') });
      await t.client.data.exportJson({});
      expect(mode(dataDir)).toBe(0o700);
      const files = readdirSync(dataDir);
      expect(files).toEqual(expect.arrayContaining(['encounters.sqlite', 'encounters.sqlite-wal', 'encounters.sqlite-shm', 'audit.key', 'audit-checkpoints.jsonl']));
      for (const f of files) expect([f, mode(join(dataDir, f))]).toEqual([f, 0o600]);
      expect(mode(join(out, 'b.sqlite'))).toBe(0o600);
      await t.client.backup.restore({ path: join(out, 'b.sqlite') });
      for (const f of readdirSync(dataDir)) expect([f, mode(join(dataDir, f))]).toEqual([f, 0o600]);
    } finally {
      t.close();
    }
    // The clean-close record too.
    for (const f of readdirSync(dataDir)) expect([f, mode(join(dataDir, f))]).toEqual([f, 0o600]);
  });

  it('tightens an existing folder and database left readable by others', async () => {
    const first = openTestServices({ dataDir: join(root.path, 'data') });
    await first.client.encounter.save(sampleDraft());
    first.close();
    chmodSync(first.dataDir, 0o755);
    chmodSync(join(first.dataDir, 'encounters.sqlite'), 0o644);
    const again = openTestServices({ dataDir: first.dataDir });
    try {
      expect(mode(first.dataDir)).toBe(0o700);
      expect(mode(join(first.dataDir, 'encounters.sqlite'))).toBe(0o600);
    } finally {
      again.close();
    }
  });
});
