import { spawnSync } from 'node:child_process';
import { mkdirSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openTestServices, sampleDraft, tempDir } from '../helpers.ts';

/**
 * Issue 11, item 7: a SIGKILL during a backup or a restore leaves a hidden full copy of the
 * database behind (in the backup's folder, or in the data folder); the next start removes it.
 */

const child = join(import.meta.dirname, '..', 'fixtures', 'kill-mid-transfer.ts');
const hidden = (dir: string): string[] => readdirSync(dir).filter((f) => f.startsWith('.') && f.includes('.tmp'));

function runAndKill(dataDir: string, operation: 'backup' | 'restore', target: string, phase: string): void {
  const result = spawnSync(process.execPath, ['--disable-warning=ExperimentalWarning', child, dataDir, operation, target, phase], { encoding: 'utf8' });
  expect(result.signal, result.stderr).toBe('SIGKILL');
}

describe('temporary copies left by a killed backup or restore', () => {
  let root: ReturnType<typeof tempDir>;
  beforeEach(() => (root = tempDir('legpain-stale-')));
  afterEach(() => root.remove());

  it('SIGKILL mid-backup: the copy left in the backup folder is removed at the next start', { timeout: 60_000 }, async () => {
    const dataDir = join(root.path, 'data');
    const out = join(root.path, 'usb');
    mkdirSync(out);
    runAndKill(dataDir, 'backup', join(out, 'b.sqlite'), 'checking');
    expect(hidden(out)).not.toEqual([]);

    const t = openTestServices({ dataDir });
    try {
      expect(hidden(out)).toEqual([]);
      expect(readdirSync(out)).toEqual([]);
      expect((await t.client.encounter.list({})).total).toBe(20);
      await t.client.encounter.save(sampleDraft());
    } finally {
      t.close();
    }
  });

  it('SIGKILL mid-restore: the staged copy left in the data folder is removed at the next start', { timeout: 60_000 }, async () => {
    const dataDir = join(root.path, 'data');
    const backup = join(root.path, 'b.sqlite');
    const first = openTestServices({ dataDir });
    await first.client.encounter.save(sampleDraft());
    await first.client.backup.create({ path: backup });
    first.close();
    runAndKill(dataDir, 'restore', backup, 'validating');
    expect(hidden(dataDir)).not.toEqual([]);

    const t = openTestServices({ dataDir });
    try {
      expect(hidden(dataDir)).toEqual([]);
      expect(t.startupNotice).toBeNull();
      expect((await t.client.encounter.list({})).total).toBe(21);
    } finally {
      t.close();
    }
  });
});
