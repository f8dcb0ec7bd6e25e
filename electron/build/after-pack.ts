import { join } from 'node:path';
import { flipFuses } from '@electron/fuses';
import { FUSES } from './fuses.ts';

/**
 * electron-builder's afterPack hook (package.json build.afterPack): flips the fuses of fuses.ts in
 * the packaged Electron binary. It runs after the app is copied and before it is signed, which is
 * the order fuses need: flipping changes the binary, so a signature made earlier would break.
 */

/** The part of electron-builder's AfterPackContext this hook reads. */
export interface PackedApp {
  readonly appOutDir: string;
  readonly electronPlatformName: string;
  /** electron-builder's Arch enum: 1 is x64, 3 is arm64, 4 is universal. */
  readonly arch: number;
  readonly packager: { readonly appInfo: { readonly productFilename: string }; readonly executableName?: string };
}

const ARM64 = 3;
const UNIVERSAL = 4;

/** The Electron executable of a packed app, as electron-builder names it for each platform. */
export function packedExecutable(context: PackedApp): string {
  const { appOutDir, electronPlatformName, packager } = context;
  switch (electronPlatformName) {
    case 'darwin':
    case 'mas':
      return join(appOutDir, `${packager.appInfo.productFilename}.app`);
    case 'win32':
      return join(appOutDir, `${packager.appInfo.productFilename}.exe`);
    case 'linux':
      if (packager.executableName === undefined) throw new Error('The Linux packager names no executable');
      return join(appOutDir, packager.executableName);
    default:
      throw new Error(`No fuses for the platform ${electronPlatformName}`);
  }
}

export async function applyFuses(context: PackedApp, flip: typeof flipFuses = flipFuses): Promise<void> {
  const mac = context.electronPlatformName === 'darwin' || context.electronPlatformName === 'mas';
  // Flipping invalidates the ad-hoc signature Apple silicon requires before the app is signed for real.
  const resetAdHocDarwinSignature = mac && (context.arch === ARM64 || context.arch === UNIVERSAL);
  await flip(packedExecutable(context), { ...FUSES, resetAdHocDarwinSignature });
}

export default async function afterPack(context: PackedApp): Promise<void> {
  await applyFuses(context);
}
