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

function run(command: string, args: readonly string[]): void {
  const result = spawnSync(command, args, { cwd: root, stdio: 'inherit' });
  if (result.status !== 0) process.exit(result.status ?? 1);
}

function main(args: readonly string[]): void {
  // Electron 45 fetches its binary on first use; fetch it now unless the user said not to.
  if (installedElectron() === null && process.env.ELECTRON_SKIP_BINARY_DOWNLOAD === undefined) {
    spawnSync(process.execPath, [join(electronDir, 'install.js')], { cwd: root, stdio: 'ignore' });
  }
  const electron = installedElectron();
  if (electron === null) {
    console.error('npm run dist needs the Electron binary: run `node node_modules/electron/install.js` with network access (and without ELECTRON_SKIP_BINARY_DOWNLOAD), then try again.');
    process.exit(1);
  }
  run(join(root, 'node_modules', '.bin', 'electron-vite'), ['build']);
  // Building for this computer only: package the Electron npm installed rather than fetch it again.
  const hostOnly = !args.some((arg) => PLATFORM_FLAGS.has(arg));
  run(join(root, 'node_modules', '.bin', 'electron-builder'), [...args, ...(hostOnly ? [`--config.electronDist=${join(electronDir, 'dist')}`] : [])]);
}

if (import.meta.main) main(process.argv.slice(2));
