/**
 * `npm run dist`: builds the app with electron-vite, then the installers with electron-builder
 * (package.json "build": Linux AppImage and deb, Windows NSIS, macOS dmg; its afterPack hook sets
 * the fuses). Without arguments it builds this computer's targets from the Electron binary npm
 * installed; arguments go to electron-builder (`npm run dist -- --linux --win` builds both from
 * Linux, fetching each platform's Electron; a dmg can only be made on macOS).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

const root = resolve(import.meta.dirname, '../..');
const electronDir = join(root, 'node_modules', 'electron');

/** The Electron executable npm's electron package installed, or null when its binary is not there. */
export function installedElectron(dir = electronDir): string | null {
  try {
    const executable = join(dir, 'dist', readFileSync(join(dir, 'path.txt'), 'utf8').trim());
    return existsSync(executable) ? executable : null;
  } catch {
    return null;
  }
}

const PLATFORM_FLAGS = new Set(['--linux', '-l', '--win', '-w', '--windows', '--mac', '-m', '--macos']);

export const MISSING_ELECTRON =
  'npm run dist needs the Electron binary: run `node node_modules/electron/install.js` with network access (and without ELECTRON_SKIP_BINARY_DOWNLOAD), then try again.';

export interface DistDeps {
  readonly electronDir: string;
  /** Runs a command in the repository; its exit status. */
  run(command: string, args: readonly string[]): number;
  error(line: string): void;
  /** Electron 45 fetches its binary on first use; this fetches it now. */
  fetchElectron(): void;
}

/** The whole of `npm run dist`; its exit status. */
export function dist(args: readonly string[], deps: DistDeps): number {
  if (installedElectron(deps.electronDir) === null && process.env.ELECTRON_SKIP_BINARY_DOWNLOAD === undefined) deps.fetchElectron();
  if (installedElectron(deps.electronDir) === null) {
    deps.error(MISSING_ELECTRON);
    return 1;
  }
  const built = deps.run(join(root, 'node_modules', '.bin', 'electron-vite'), ['build']);
  if (built !== 0) return built;
  // Building for this computer only: package the Electron npm installed rather than fetch it again.
  const hostOnly = !args.some((arg) => PLATFORM_FLAGS.has(arg));
  return deps.run(join(root, 'node_modules', '.bin', 'electron-builder'), [...args, ...(hostOnly ? [`--config.electronDist=${join(deps.electronDir, 'dist')}`] : [])]);
}

if (import.meta.main) {
  process.exitCode = dist(process.argv.slice(2), {
    electronDir,
    run: (command, args) => spawnSync(command, args, { cwd: root, stdio: 'inherit' }).status ?? 1,
    error: (line) => console.error(line),
    fetchElectron: () => void spawnSync(process.execPath, [join(electronDir, 'install.js')], { cwd: root, stdio: 'ignore' }),
  });
}
