import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

/**
 * A newcomer's first commands in a fresh clone with nothing beside it (no ../shared): the files
 * a clone would have, as they are in this working tree, copied to an empty folder, with this
 * checkout's installed packages linked in. Each script's first words are checked as a user reads them.
 */

const repoRoot = resolve(import.meta.dirname, '../..');
const pkg = JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8')) as { scripts: Record<string, string>; engines: { node: string } };
const minimum = /^>=(\d+\.\d+)$/.exec(pkg.engines.node)![1]!;

/** A Node older than the project needs, as Debian ships it (/usr/bin/node is 20 there), with an npm to run it. */
function oldNode(): { node: string; npm: string; version: string } | null {
  for (const node of ['/usr/bin/node', '/usr/local/bin/node']) {
    if (!existsSync(node)) continue;
    const version = execFileSync(node, ['-p', 'process.versions.node'], { encoding: 'utf8' }).trim();
    const [a, b] = version.split('.').map(Number) as [number, number];
    const [ma, mb] = minimum.split('.').map(Number) as [number, number];
    const npm = join(dirname(node), 'npm');
    if ((a < ma || (a === ma && b < mb)) && existsSync(npm)) return { node, npm, version };
  }
  return null;
}
const old = oldNode();

let work: string;
let clone: string;

beforeAll(() => {
  work = mkdtempSync(join(tmpdir(), 'legpain-fresh-clone-'));
  clone = join(work, 'leg-pain-ddx');
  const files = execFileSync('git', ['ls-files', '-z', '--cached', '--others', '--exclude-standard'], { cwd: repoRoot, encoding: 'utf8' }).split('\0').filter((f) => f !== '');
  for (const file of files) {
    if (!existsSync(join(repoRoot, file))) continue; // deleted in the working tree
    mkdirSync(dirname(join(clone, file)), { recursive: true });
    copyFileSync(join(repoRoot, file), join(clone, file));
  }
  symlinkSync(join(repoRoot, 'node_modules'), join(clone, 'node_modules'), 'dir');
});
afterAll(() => rmSync(work, { recursive: true, force: true }));

/**
 * The environment of a user's shell: without the npm_* variables that npm (or npx vitest) passes to
 * the processes it starts, which would carry this checkout's npm settings into the clone's npm.
 */
function shellEnv(extra: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv {
  const env = Object.fromEntries(Object.entries(process.env).filter(([k]) => !/^npm_/i.test(k)));
  return { ...env, ...extra };
}

function run(command: string, args: string[], env: NodeJS.ProcessEnv = {}) {
  const r = spawnSync(command, args, { cwd: clone, encoding: 'utf8', env: shellEnv(env), timeout: 120_000 });
  return { status: r.status, stdout: r.stdout, stderrLines: r.stderr.split('\n').filter((l) => l !== '') };
}

describe('a fresh clone, first commands', () => {
  it.skipIf(old === null)(`with the system's old Node, every npm script says in one line which Node it needs and where to get it${old === null ? ` (skipped: no Node older than ${minimum} with npm on this machine)` : ''}`, () => {
    const scripts = Object.keys(pkg.scripts);
    expect(scripts).toEqual(expect.arrayContaining(['start', 'test', 'serve', 'assess']));
    for (const script of scripts) {
      const r = run(old!.npm, ['run', script], { PATH: `${dirname(old!.node)}:/usr/bin:/bin` });
      expect(r.status, script).toBe(1);
      expect(r.stdout, script).toBe('');
      expect(r.stderrLines, script).toEqual([expect.stringMatching(new RegExp(`^Leg Pain DDx needs Node\\.js ${minimum.replace('.', '\\.')} or newer, and this is Node ${old!.version.replace(/\./g, '\\.')} .*README\\.md shows under "Prerequisites"`))]);
    }
  });

  it('npm start without the Electron binary says so in one line, how to get it, and that npm run serve runs the app in a browser', () => {
    const r = run('npm', ['start'], { ELECTRON_OVERRIDE_DIST_PATH: join(work, 'no-electron-here') });
    expect(r.status).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderrLines).toHaveLength(1);
    expect(r.stderrLines[0]).toMatch(/^The Electron desktop binary is not installed/);
    expect(r.stderrLines[0]).toContain('`npx install-electron`');
    expect(r.stderrLines[0]).toContain('`npm run serve`');
  });

  it('npm run serve, started plainly, prints the address as its only line on standard output, on the port asked, and serves the app', async () => {
    const port = await freePort();
    const data = join(work, 'data');
    const child = spawn('npm', ['run', 'serve'], { cwd: clone, detached: true, env: shellEnv({ LEGPAIN_DATA_DIR: data, LEGPAIN_PORT: String(port) }), stdio: ['ignore', 'pipe', 'pipe'] });
    const lines: string[] = [];
    let stderr = '';
    child.stderr!.on('data', (d: Buffer) => (stderr += d.toString()));
    const exited = new Promise<number | null>((done) => child.on('exit', (code) => done(code)));
    try {
      const first = await new Promise<string>((done, fail) => {
        createInterface({ input: child.stdout! }).on('line', (line) => {
          lines.push(line);
          done(line);
        });
        void exited.then((code) => fail(new Error(`npm run serve exited (${code}) before printing: ${stderr}`)));
      });
      expect(first).toMatch(new RegExp(`^Leg Pain DDx at http://127\\.0\\.0\\.1:${port}/\\?token=[A-Za-z0-9_-]+$`));
      const page = await fetch(first.slice('Leg Pain DDx at '.length));
      expect(page.status).toBe(200);
      expect(page.headers.get('content-type')).toMatch(/text\/html/);
      expect(stderr).toContain(`Data folder: ${data}`);
      process.kill(-child.pid!, 'SIGTERM');
      await exited;
      expect(lines).toEqual([first]);
      expect(existsSync(join(data, 'encounters.sqlite'))).toBe(true);
    } finally {
      try {
        process.kill(-child.pid!, 'SIGKILL');
      } catch {
        // already gone
      }
    }
  }, 240_000);

  it('npm test without ../shared counts the skipped tests in its last line and says why just before', () => {
    expect(existsSync(join(work, 'shared'))).toBe(false);
    const r = spawnSync('npm', ['test', '--', 'tests/main/repo-docs.test.ts', 'tests/main/referral/document.test.ts'], { cwd: clone, encoding: 'utf8', env: shellEnv(), timeout: 180_000 });
    const out = r.stdout.trimEnd().split('\n');
    const last = out.at(-1)!;
    expect(last, r.stdout + r.stderr).toMatch(/^\d+ passed, 0 failed, [1-9]\d* skipped$/);
    const skipped = /(\d+) skipped$/.exec(last)![1];
    expect(out.at(-2)).toContain(`${skipped} skipped because ../shared is not beside this repository (looked for ${join(work, 'shared')})`);
    expect(r.status).toBe(0);
  });
});

function freePort(): Promise<number> {
  return new Promise((done, fail) => {
    const server = createServer();
    server.once('error', fail);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => done(port));
    });
  });
}
