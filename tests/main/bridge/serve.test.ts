import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { describe, expect, it } from 'vitest';
import { createClient } from '../../../shared/api/client.ts';
import { httpInvoke } from '../../../shared/api/transport.ts';
import { defaultDataDir, portFrom } from '../../../electron/main/bridge/serve.ts';
import { openTestServices, sampleDraft, tempDir } from '../helpers.ts';

/** `npm run serve`'s entry (without the build step): one line on stdout, real database, clean stop. */

const entry = join(import.meta.dirname, '..', '..', '..', 'electron', 'main', 'bridge', 'serve.ts');
const LINE = /^Leg Pain DDx at http:\/\/127\.0\.0\.1:(\d+)\/\?token=([A-Za-z0-9_-]+)$/;

describe('npm run serve', () => {
  it('prints exactly one line, serves the real database and stops cleanly on SIGTERM with nothing lost', async () => {
    const dir = tempDir('legpain-serve-');
    const child = spawn(process.execPath, ['--disable-warning=ExperimentalWarning', entry], {
      env: { ...process.env, LEGPAIN_DATA_DIR: dir.path, LEGPAIN_PORT: '' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const lines: string[] = [];
    const first = new Promise<string>((resolve) => {
      createInterface({ input: child.stdout! }).on('line', (line) => {
        lines.push(line);
        resolve(line);
      });
    });
    const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    try {
      const line = await first;
      const match = LINE.exec(line);
      expect(match, line).not.toBeNull();
      const client = createClient(httpInvoke(`http://127.0.0.1:${match![1]}`, match![2]!));
      const { id } = await client.encounter.save(sampleDraft());
      expect((await client.app.status({})).dataDir).toBe(dir.path);
      child.kill('SIGTERM');
      expect(await exited).toBe(0);
      expect(lines).toHaveLength(1);
      // Closed cleanly: the WAL was checkpointed into the database and removed.
      expect(existsSync(join(dir.path, 'encounters.sqlite-wal'))).toBe(false);
      const reopened = openTestServices({ dataDir: dir.path });
      expect((await reopened.client.encounter.get({ id })).patient.name).toBe('Ada Example');
      reopened.close();
    } finally {
      child.kill('SIGKILL');
      dir.remove();
    }
  });

  it('uses LEGPAIN_DATA_DIR, else the per-user data folder of the platform', () => {
    expect(defaultDataDir({ LEGPAIN_DATA_DIR: '/tmp/x' }, 'linux', '/home/ana')).toBe('/tmp/x');
    expect(defaultDataDir({}, 'linux', '/home/ana')).toBe('/home/ana/.local/share/leg-pain-ddx');
    expect(defaultDataDir({ XDG_DATA_HOME: '/data' }, 'linux', '/home/ana')).toBe('/data/leg-pain-ddx');
    expect(defaultDataDir({}, 'darwin', '/Users/ana')).toBe('/Users/ana/Library/Application Support/leg-pain-ddx');
    expect(defaultDataDir({ APPDATA: 'C:\\Users\\ana\\AppData\\Roaming' }, 'win32', 'C:\\Users\\ana')).toContain('leg-pain-ddx');
  });

  it('takes the port from LEGPAIN_PORT, else a free one, and refuses a bad value', () => {
    expect(portFrom({})).toBe(0);
    expect(portFrom({ LEGPAIN_PORT: '8123' })).toBe(8123);
    expect(() => portFrom({ LEGPAIN_PORT: 'eighty' })).toThrow(/LEGPAIN_PORT/);
    expect(() => portFrom({ LEGPAIN_PORT: '70000' })).toThrow(/LEGPAIN_PORT/);
  });
});
