import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createLogger, describeError, fileSink } from '../../../electron/main/log.ts';
import { resourcePath } from '../../../electron/main/resources.ts';
import { tempDir } from '../helpers.ts';

describe('the diagnostic log', () => {
  let dir: ReturnType<typeof tempDir> | undefined;
  afterEach(() => dir?.remove());

  it("keeps an error's kind, code and stack but never its message, which may quote a patient", () => {
    const error = Object.assign(new Error("ENOENT: no such file or directory, open '/home/gp/referral-Ada-Example-2026-11-25.pdf'"), { code: 'ENOENT' });
    const text = describeError(error);
    expect(text).toMatch(/^Error \[ENOENT\]\n\s+at /);
    expect(text).toContain('log.test.ts');
    expect(text).not.toMatch(/Ada|referral-|no such file/);
    // SQLite's fixed text for its result code is kept; a value it quotes in the message is not.
    const sqlite = Object.assign(new Error('UNIQUE constraint failed: Ada Example'), { code: 'ERR_SQLITE_ERROR', errstr: 'constraint failed' });
    expect(describeError(sqlite).split('\n')[0]).toBe('Error [ERR_SQLITE_ERROR] (constraint failed)');
    expect(describeError(new Error('outer', { cause: new TypeError('Ada') }))).toMatch(/caused by TypeError\n/);
    expect(describeError('Ada Example')).toBe('non-error thrown (string)');
  });

  it('writes one line per event with the fields the caller chose, to a file that does not grow without bound', () => {
    dir = tempDir('legpain-log-');
    const path = join(dir.path, 'logs', 'main.log');
    const log = createLogger(fileSink(path, 3000), () => new Date('2026-12-05T10:00:00.000Z'));
    log.info('start', { version: '0.1.0', packaged: true });
    log.error('ipc-failed', new RangeError('Ada'), { method: 'encounter.get' });
    const first = readFileSync(path, 'utf8');
    expect(first.split('\n')[0]).toBe('2026-12-05T10:00:00.000Z info start version="0.1.0" packaged=true');
    expect(first).toMatch(/\n2026-12-05T10:00:00\.000Z error ipc-failed method="encounter\.get" RangeError\n\s+at /);
    for (let i = 0; i < 80; i++) log.info('tick', { i });
    // Past its limit the file is moved to main.log.1 and a new one started.
    expect(readFileSync(path, 'utf8').length).toBeLessThanOrEqual(3000);
    expect(readFileSync(`${path}.1`, 'utf8')).toMatch(/tick/);
  });
});

describe('resourcePath', () => {
  it('finds resources next to app.asar in a packaged app and under resources/ in a checkout', () => {
    expect(resourcePath('fonts', { isPackaged: true, resourcesPath: '/opt/Leg Pain DDx/resources', appPath: '/opt/Leg Pain DDx/resources/app.asar' })).toBe(
      join('/opt/Leg Pain DDx/resources', 'fonts'),
    );
    expect(resourcePath('fonts', { isPackaged: false, appPath: '/src/leg-pain-ddx' })).toBe(join('/src/leg-pain-ddx', 'resources', 'fonts'));
    expect(() => resourcePath('fonts', { isPackaged: true, appPath: '/x' })).toThrow(/resourcesPath/);
  });
});
