import * as fs from 'node:fs';
import * as fsp from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { execFileSync } from 'node:child_process';
import { dirname, join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { writeFileAtomic, type AtomicFs } from '../../../electron/main/referral/write-atomic.ts';
import { failure } from '../helpers.ts';

const MODULE = resolve(import.meta.dirname, '../../../electron/main/referral/write-atomic.ts');

let dir: string;
beforeEach(() => {
  dir = fs.mkdtempSync(join(tmpdir(), 'referral-write-'));
});
afterEach(() => {
  fs.chmodSync(dir, 0o700);
  fs.rmSync(dir, { recursive: true, force: true });
});

const bytes = new TextEncoder().encode('%PDF-1.3 a referral letter\n');

/**
 * writeFileAtomic's error for `target` as an ordinary user meets it. Root ignores file permissions
 * (and CI runs as root), so there the write runs in a child process that has dropped to `nobody`,
 * owner of the test folder, after loading the module.
 */
async function writeUnprivileged(target: string): Promise<{ code: string; message: string }> {
  if (process.getuid?.() !== 0) return failure(writeFileAtomic(target, bytes));
  const id = (flag: string): number => Number(execFileSync('id', [flag, 'nobody'], { encoding: 'utf8' }).trim());
  const [uid, gid] = [id('-u'), id('-g')];
  fs.chownSync(dirname(target), uid, gid);
  const script = `
    const { writeFileAtomic } = await import(${JSON.stringify(pathToFileURL(MODULE).href)});
    process.setgroups([${gid}]); process.setgid(${gid}); process.setuid(${uid});
    if (process.getuid() !== ${uid}) throw new Error('still privileged');
    try { await writeFileAtomic(${JSON.stringify(target)}, new TextEncoder().encode('x')); console.log(JSON.stringify({ code: 'none', message: 'written' })); }
    catch (e) { console.log(JSON.stringify({ code: e.code, message: e.message })); }`;
  const out = execFileSync(process.execPath, ['--disable-warning=ExperimentalWarning', '--input-type=module', '-e', script], { encoding: 'utf8' });
  return JSON.parse(out) as { code: string; message: string };
}
const listing = (): string[] => fs.readdirSync(dir).sort();

describe('writeFileAtomic', () => {
  it('writes the whole file and leaves no temporary file behind', async () => {
    const target = join(dir, 'letter.pdf');
    await writeFileAtomic(target, bytes);
    expect(fs.readFileSync(target)).toEqual(Buffer.from(bytes));
    expect(listing()).toEqual(['letter.pdf']);
    // Patient letters are private to the user.
    if (process.platform !== 'win32') expect(fs.statSync(target).mode & 0o777).toBe(0o600);
  });

  it('never replaces an existing file without overwrite, and replaces it with overwrite', async () => {
    const target = join(dir, 'letter.pdf');
    fs.writeFileSync(target, 'the letter sent last week');
    const e = await failure(writeFileAtomic(target, bytes));
    expect(e.code).toBe('exists');
    expect(e.message).toContain('letter.pdf');
    expect(fs.readFileSync(target, 'utf8')).toBe('the letter sent last week');
    expect(listing()).toEqual(['letter.pdf']);

    await writeFileAtomic(target, bytes, { overwrite: true });
    expect(fs.readFileSync(target)).toEqual(Buffer.from(bytes));
    expect(listing()).toEqual(['letter.pdf']);
  });

  it('does not replace a file that appears between the check and the final move', async () => {
    const target = join(dir, 'letter.pdf');
    // The other program writes its file just as our temporary file is complete.
    const racing: AtomicFs = {
      ...fsp,
      link: async (from, to) => {
        fs.writeFileSync(to, 'written meanwhile by another program');
        return fsp.link(from, to);
      },
    };
    const e = await failure(writeFileAtomic(target, bytes, { fs: racing }));
    expect(e.code).toBe('exists');
    expect(fs.readFileSync(target, 'utf8')).toBe('written meanwhile by another program');
    expect(listing()).toEqual(['letter.pdf']);
  });

  it('says so when the folder does not exist, and creates nothing', async () => {
    const missing = join(dir, 'no-such-folder');
    const e = await failure(writeFileAtomic(join(missing, 'letter.pdf'), bytes));
    expect(e.code).toBe('io');
    expect(e.message).toBe(`The folder “${missing}” does not exist.`);
    expect(listing()).toEqual([]);
  });

  it('says so when part of the path is a file', async () => {
    fs.writeFileSync(join(dir, 'notes.txt'), 'x');
    const e = await failure(writeFileAtomic(join(dir, 'notes.txt', 'letter.pdf'), bytes));
    expect(e.code).toBe('io');
    expect(e.message).toMatch(/is a file, not a folder/);
    expect(listing()).toEqual(['notes.txt']);
  });

  it('refuses a target that is a folder', async () => {
    fs.mkdirSync(join(dir, 'letter.pdf'));
    const e = await failure(writeFileAtomic(join(dir, 'letter.pdf'), bytes, { overwrite: true }));
    expect(e.code).toBe('io');
    expect(e.message).toMatch(/is a folder/);
    expect(listing()).toEqual(['letter.pdf']);
  });

  it('says so when the folder is read-only (a real read-only folder, written by an unprivileged user)', async () => {
    fs.chmodSync(dir, 0o500);
    const e = await writeUnprivileged(join(dir, 'letter.pdf'));
    expect(e.code).toBe('io');
    expect(e.message).toBe(`You do not have permission to write in “${dir}”.`);
    fs.chmodSync(dir, 0o700);
    expect(listing()).toEqual([]);
  });

  it('reports a permission error from the operating system in plain words', async () => {
    const denied: AtomicFs = {
      ...fsp,
      open: async () => {
        throw Object.assign(new Error('EACCES: permission denied'), { code: 'EACCES' });
      },
    };
    const e = await failure(writeFileAtomic(join(dir, 'letter.pdf'), bytes, { fs: denied }));
    expect(e.code).toBe('io');
    expect(e.message).toBe(`You do not have permission to write in “${dir}”.`);
    expect(listing()).toEqual([]);
  });

  it('removes the partial temporary file when the disk fills up mid-write', async () => {
    let partial = '';
    const full: AtomicFs = {
      ...fsp,
      open: (async (path: string, flags: string, mode?: number) => {
        const handle = await fsp.open(path, flags, mode);
        partial = path;
        return new Proxy(handle, {
          get(target, prop, receiver) {
            if (prop === 'writeFile') {
              return async (data: Uint8Array) => {
                await target.writeFile(data.subarray(0, 5)); // half written, then the disk is full
                throw Object.assign(new Error('ENOSPC: no space left on device'), { code: 'ENOSPC' });
              };
            }
            const value: unknown = Reflect.get(target, prop, receiver);
            return typeof value === 'function' ? (value as (...a: unknown[]) => unknown).bind(target) : value;
          },
        });
      }) as AtomicFs['open'],
    };
    const e = await failure(writeFileAtomic(join(dir, 'letter.pdf'), bytes, { fs: full }));
    expect(e.code).toBe('io');
    expect(e.message).toMatch(/not enough space/);
    expect(partial).not.toBe('');
    expect(fs.existsSync(partial)).toBe(false);
    expect(listing()).toEqual([]);
  });
});
