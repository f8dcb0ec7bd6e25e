import { execFile } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { builtinModules, createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { promisify } from 'node:util';
import { extractAll, listPackage } from '@electron/asar';
import { FuseState, FuseV1Options, FuseVersion, getCurrentFuseWire, type FuseConfig } from '@electron/fuses';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import afterPack, { applyFuses, packedExecutable, type PackedApp } from '../../../electron/build/after-pack.ts';
import { dist, installedElectron, MISSING_ELECTRON } from '../../../electron/build/dist.ts';
import { FUSES } from '../../../electron/build/fuses.ts';
import { FONT_FILES } from '../../../electron/main/referral/render.ts';
import { RUNTIME_RESOURCES } from '../../../electron/main/resources.ts';
import { sampleDraft } from '../helpers.ts';
import { buildApp, ROOT, runApp, type Report, type Staging } from './stand-in/app-under-test.ts';

/**
 * The packaging config (package.json "build", electron-builder) and its fuses. The installers
 * themselves need each platform's Electron binary, which cannot be fetched here; this packs the
 * Linux app folder (`--linux dir`, the step every installer starts from) with a stand-in Electron
 * executable that carries a real fuse wire, then runs the packed app from its own app.asar and
 * resources folder.
 */

interface BuildConfig {
  readonly files: readonly string[];
  readonly extraResources: readonly { from: string; to: string; filter: readonly string[] }[];
  readonly afterPack: string;
  readonly asar: boolean;
  readonly [key: string]: unknown;
}
const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { build: BuildConfig; dependencies: Record<string, string>; devDependencies: Record<string, string> };
const config = pkg.build;

/** Electron 45's fuse wire as shipped (its defaults), behind the sentinel @electron/fuses looks for. */
const SHIPPED_WIRE = '101100011';
function fakeElectron(path: string): void {
  const wire = Buffer.from([1, SHIPPED_WIRE.length, ...Buffer.from(SHIPPED_WIRE)]);
  writeFileSync(path, Buffer.concat([Buffer.alloc(4096, 0x7f), Buffer.from('dL7pKGdnNz796PbbjQWNKmHXBZaB9tsX'), wire, Buffer.alloc(4096)]), { mode: 0o755 });
}

/** The wire a fuse config should leave: '1' on, '0' off, for each fuse in order. */
const expectedWire = (fuses: FuseConfig): string =>
  Array.from({ length: SHIPPED_WIRE.length }, (_, i) => ((fuses as unknown as Record<number, boolean>)[i] ? '1' : '0')).join('');

const files = (dir: string): string[] =>
  readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => relative(dir, join(entry.parentPath, entry.name)).split('\\').join('/'));

describe('packaging config', () => {
  it('is valid for electron-builder (its own schema and checks)', async () => {
    const builderRequire = createRequire(createRequire(import.meta.url).resolve('electron-builder'));
    const { validateConfiguration } = (await import(builderRequire.resolve('app-builder-lib/out/util/config/config.js'))) as {
      validateConfiguration(config: unknown, logger: unknown): Promise<void>;
    };
    const logger = { isEnabled: false, add() {} };
    await expect(validateConfiguration(config, logger)).resolves.toBeUndefined();
    // The check is real: a misplaced option is refused.
    await expect(validateConfiguration({ ...config, linux: { ...(config.linux as object), oneClick: true } }, logger)).rejects.toThrow(/configuration\.linux/);
  });

  it('builds the installers clinicians install, from one config, with the app in an ASAR and no file associations', () => {
    expect(config).toMatchObject({
      appId: 'org.legpainddx.desktop',
      productName: 'Leg Pain DDx',
      asar: true,
      fileAssociations: [],
      linux: { target: ['AppImage', 'deb'], icon: 'resources/icons' },
      win: { target: ['nsis'], icon: 'resources/icons/icon.ico' },
      mac: { target: ['dmg'], icon: 'resources/icons/icon.icns' },
    });
    for (const icon of ['icons/icon.ico', 'icons/icon.icns', 'icons/512x512.png', 'icons/256x256.png']) expect(existsSync(join(ROOT, 'resources', icon)), icon).toBe(true);
    expect(pkg.dependencies.electron).toBeUndefined();
  });

  it('ships each resource the app reads at run time where resourcePath finds it in a packaged app', () => {
    for (const name of RUNTIME_RESOURCES) {
      const entry = config.extraResources.find((e) => e.to === name);
      expect(entry, name).toMatchObject({ from: `resources/${name}` });
    }
    // Every font the letter renderer opens passes the filter.
    const fonts = config.extraResources.find((e) => e.to === 'fonts')!;
    for (const file of Object.values(FONT_FILES)) expect(fonts.filter.some((pattern) => new RegExp(`^${pattern.replace('.', '\\.').replace('*', '.*')}$`).test(file)), file).toBe(true);
  });
});

describe('fuses', () => {
  it('turn off running as Node, NODE_OPTIONS and --inspect, and turn on ASAR integrity, ASAR-only loading and cookie encryption', () => {
    expect(FUSES).toMatchObject({
      version: FuseVersion.V1,
      strictlyRequireAllFuses: true,
      [FuseV1Options.RunAsNode]: false,
      [FuseV1Options.EnableNodeOptionsEnvironmentVariable]: false,
      [FuseV1Options.EnableNodeCliInspectArguments]: false,
      [FuseV1Options.EnableEmbeddedAsarIntegrityValidation]: true,
      [FuseV1Options.OnlyLoadAppFromAsar]: true,
      [FuseV1Options.EnableCookieEncryption]: true,
    });
  });

  it('are flipped by the afterPack hook the config names, on each platform’s executable', async () => {
    expect(config.afterPack).toBe('electron/build/after-pack.ts');
    expect(afterPack).toBeTypeOf('function');
    const flips: { path: string; fuses: FuseConfig }[] = [];
    const flip = (path: string, fuses: FuseConfig) => (flips.push({ path, fuses }), Promise.resolve(1));
    const packed = (electronPlatformName: string, arch: number): PackedApp => ({
      appOutDir: '/dist/x',
      electronPlatformName,
      arch,
      packager: { appInfo: { productFilename: 'Leg Pain DDx' }, executableName: 'leg-pain-ddx' },
    });
    await applyFuses(packed('linux', 1), flip);
    await applyFuses(packed('win32', 1), flip);
    await applyFuses(packed('darwin', 1), flip);
    await applyFuses(packed('darwin', 3), flip);
    expect(flips.map((f) => f.path)).toEqual([join('/dist/x', 'leg-pain-ddx'), join('/dist/x', 'Leg Pain DDx.exe'), join('/dist/x', 'Leg Pain DDx.app'), join('/dist/x', 'Leg Pain DDx.app')]);
    for (const { fuses } of flips) expect({ ...fuses, resetAdHocDarwinSignature: undefined }).toEqual({ ...FUSES, resetAdHocDarwinSignature: undefined });
    // Apple silicon's ad-hoc signature is renewed after flipping; nothing else is re-signed.
    expect(flips.map((f) => f.fuses.resetAdHocDarwinSignature)).toEqual([false, false, false, true]);
    expect(() => packedExecutable(packed('aix', 1))).toThrow(/aix/);
  });
});

describe('the packed app (linux dir target, stand-in Electron executable)', () => {
  let staging: Staging;
  let work: string;
  let unpacked: string;
  let asarFiles: string[];
  let run: Report;

  beforeAll(async () => {
    staging = buildApp({ forPackaging: true });
    work = mkdtempSync(join(tmpdir(), 'legpain-pack-'));
    mkdirSync(join(work, 'electron'));
    fakeElectron(join(work, 'electron', 'electron'));
    writeFileSync(join(work, 'electron', 'version'), `v${(JSON.parse(readFileSync(join(ROOT, 'node_modules', 'electron', 'package.json'), 'utf8')) as { version: string }).version}`);
    await promisify(execFile)(
      join(ROOT, 'node_modules', '.bin', 'electron-builder'),
      ['--projectDir', staging.dir, '--linux', 'dir', '--publish', 'never', `-c.electronDist=${join(work, 'electron')}`, `-c.directories.output=${join(work, 'dist')}`],
      { cwd: staging.dir, timeout: 240_000, env: { ...process.env, ELECTRON_SKIP_BINARY_DOWNLOAD: '1' } },
    );
    unpacked = join(work, 'dist', 'linux-unpacked');
    const archive = join(unpacked, 'resources', 'app.asar');
    asarFiles = listPackage(archive, { isPack: false }).map((p) => p.replace(/^[\\/]/, '').split('\\').join('/'));
    // Node cannot read an ASAR: the packed app runs from its extracted copy, beside nothing else.
    extractAll(archive, join(work, 'app'));
    run = await runApp({ appDir: join(work, 'app'), isPackaged: true, resourcesPath: join(unpacked, 'resources'), lock: true, draft: sampleDraft() });
  }, 300_000);
  afterAll(() => {
    staging?.remove();
    if (work !== undefined) rmSync(work, { recursive: true, force: true });
  });

  it('has its fuses set in the executable exactly as fuses.ts says', async () => {
    const wire = await getCurrentFuseWire(join(unpacked, 'leg-pain-ddx'));
    const states = Array.from({ length: SHIPPED_WIRE.length }, (_, i) => (wire[i as FuseV1Options] === FuseState.ENABLE ? '1' : '0')).join('');
    expect(states).toBe(expectedWire(FUSES));
    expect(states).not.toBe(SHIPPED_WIRE);
  });

  it('holds every file the build emits, and only the app: no sources, tests or source maps', () => {
    const emitted = files(staging.outDir).filter((f) => !f.endsWith('.map'));
    for (const file of emitted) expect(asarFiles, file).toContain(`out/${file}`);
    expect(asarFiles).toContain('package.json');
    const own = asarFiles.filter((f) => !f.startsWith('node_modules/') && !f.startsWith('out/') && f !== 'package.json');
    expect(own.filter((f) => /\.\w+$/.test(f))).toEqual([]);
    expect(asarFiles.some((f) => f.endsWith('.map') && f.startsWith('out/'))).toBe(false);
  });

  it('carries the libraries the main process imports, and no development tools', () => {
    const shipped = new Set(asarFiles.filter((f) => f.startsWith('node_modules/')).map((f) => f.split('/').slice(1, f.split('/')[1]!.startsWith('@') ? 3 : 2).join('/')));
    const bundles = files(join(staging.outDir, 'main')).filter((f) => f.endsWith('.js'));
    const imported = new Set<string>();
    for (const bundle of bundles) {
      for (const [, name] of readFileSync(join(staging.outDir, 'main', bundle), 'utf8').matchAll(/^import .*?from "([^".][^"]*)";$/gm)) {
        const bare = name!.startsWith('@') ? name!.split('/').slice(0, 2).join('/') : name!.split('/')[0]!;
        if (!bare.startsWith('node:') && !builtinModules.includes(bare) && bare !== 'electron') imported.add(bare);
      }
    }
    expect([...imported].sort()).toEqual(Object.keys(pkg.dependencies).sort());
    for (const name of imported) expect(shipped, name).toContain(name);
    for (const name of ['electron', 'electron-builder', 'vite', 'vue', 'vitest', 'typescript', 'playwright-core']) expect(shipped, name).not.toContain(name);
  });

  it('puts the fonts beside app.asar, where the packaged app reads them', () => {
    for (const file of Object.values(FONT_FILES)) expect(existsSync(join(unpacked, 'resources', 'fonts', file)), file).toBe(true);
  });

  it('runs from what was packed: the window, the page over app://, and a referral letter with its fonts and render worker', () => {
    expect(run.errorBoxes).toEqual([]);
    expect(run.window.preloadExists).toBe(true);
    expect(run.window.webPreferences.devTools).toBe(false);
    expect(run.protocol.index).toMatchObject({ status: 200, isBuiltIndex: true });
    expect(run.protocol.script).toMatchObject({ status: 200 });
    expect(run.ipc.saveFromMainFrame).toEqual({ ok: true, revision: 1 });
    expect(run.referral.savedAs).toMatchObject({ ok: true, value: { pages: expect.any(Number) } });
    expect(run.referral.letterStartsWith).toBe('%PDF-');
    expect(run.log).toMatch(/ info start version="0\.1\.0" .*packaged=true\n/);
  });
});

describe('npm run dist', () => {
  let dir: string;
  beforeAll(() => (dir = mkdtempSync(join(tmpdir(), 'legpain-electron-'))));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const deps = (electronDir: string) => {
    const calls: { command: string; args: readonly string[] }[] = [];
    const errors: string[] = [];
    let fetched = 0;
    return {
      calls,
      errors,
      fetched: () => fetched,
      deps: { electronDir, run: (command: string, args: readonly string[]) => (calls.push({ command, args }), 0), error: (line: string) => void errors.push(line), fetchElectron: () => void fetched++ },
    };
  };

  it('stops with one line when the Electron binary is missing, building nothing', () => {
    const t = deps(join(dir, 'none'));
    expect(dist([], t.deps)).toBe(1);
    expect(t.errors).toEqual([MISSING_ELECTRON]);
    expect(MISSING_ELECTRON).not.toContain('\n');
    expect(t.calls).toEqual([]);
  });

  it('builds, then packages this system’s targets from the installed Electron, or the platforms asked for', () => {
    mkdirSync(join(dir, 'electron', 'dist'), { recursive: true });
    writeFileSync(join(dir, 'electron', 'path.txt'), 'electron');
    writeFileSync(join(dir, 'electron', 'dist', 'electron'), '');
    expect(installedElectron(join(dir, 'electron'))).toBe(join(dir, 'electron', 'dist', 'electron'));
    const host = deps(join(dir, 'electron'));
    expect(dist([], host.deps)).toBe(0);
    expect(host.fetched()).toBe(0);
    expect(host.calls.map((c) => [c.command.split(/[\\/]/).pop(), c.args])).toEqual([
      ['electron-vite', ['build']],
      ['electron-builder', [`--config.electronDist=${join(dir, 'electron', 'dist')}`]],
    ]);
    const cross = deps(join(dir, 'electron'));
    dist(['--linux', '--win'], cross.deps);
    expect(cross.calls[1]!.args).toEqual(['--linux', '--win']);
  });
});
