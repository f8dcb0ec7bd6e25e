import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
// @ts-expect-error: plain JavaScript launcher module (electron/cli), typed by its JSDoc only.
import { bundleFolder, freshBundle } from '../../../electron/cli/bundle-cache.mjs';

/**
 * The assess command runs from a bundle (electron/cli/bundle-cache.mjs) for its start-up time. A
 * bundle that outlived an edit of the engine would answer with the old knowledge base: every run
 * must use what the sources say now. Each case runs a small two-file program through the same
 * cache, in a child process as `npm run assess` does.
 */
const cacheModule = pathToFileURL(join(import.meta.dirname, '../../../electron/cli/bundle-cache.mjs')).href;

describe('the command bundle cache', () => {
  let dir: string;
  let cache: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'legpain-bundle-'));
    cache = join(dir, 'cache');
    writeFileSync(join(dir, 'entry.ts'), "import { answer } from './answer.ts';\nconst n: number = answer;\nprocess.stdout.write(String(n));\n");
    const earlier = new Date(Date.now() - 60_000);
    utimesSync(join(dir, 'entry.ts'), earlier, earlier);
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  /** Writes answer.ts as an edit made `ageMs` ago would leave it. */
  function setAnswer(value: number, ageMs = 60_000): void {
    const file = join(dir, 'answer.ts');
    writeFileSync(file, `export const answer = ${value};\n`);
    const when = new Date(Date.now() - ageMs);
    utimesSync(file, when, when);
  }
  function run(): string {
    const launcher = `import { runBundled } from ${JSON.stringify(cacheModule)};\nif (!(await runBundled(new URL('./entry.ts', ${JSON.stringify(pathToFileURL(join(dir, 'x')).href)}), ${JSON.stringify(cache)}))) process.stdout.write('unbundled');\n`;
    const r = spawnSync(process.execPath, ['--input-type=module', '-e', launcher], { encoding: 'utf8', cwd: dir });
    expect(r.stderr).toBe('');
    return r.stdout;
  }

  it('answers from the sources as they are after each edit, and reuses the bundle while they stay unchanged', () => {
    setAnswer(1);
    expect(run()).toBe('1');
    const first = freshBundle(cache);
    expect(first).not.toBeNull();
    expect(run()).toBe('1');
    expect(freshBundle(cache)).toBe(first);

    setAnswer(2);
    expect(freshBundle(cache)).toBeNull();
    expect(run()).toBe('2');
    expect(freshBundle(cache)).not.toBe(first);
  });

  it('notices an edit that keeps the size and goes back in time', () => {
    setAnswer(3);
    expect(run()).toBe('3');
    setAnswer(4, 120_000);
    expect(run()).toBe('4');
  });

  it('uses a bundle of a source edited moments ago but does not vouch for it next time', () => {
    setAnswer(5, 0);
    expect(run()).toBe('5');
    expect(freshBundle(cache)).toBeNull();
  });

  it('keeps one folder per entry file', () => {
    expect(bundleFolder('/a/entry.ts', '/root')).not.toBe(bundleFolder('/b/entry.ts', '/root'));
    expect(bundleFolder('/a/entry.ts', '/root').startsWith('/root/')).toBe(true);
  });
});
