import { stat } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import type { Encounter } from '../../../shared/api/encounter.ts';
import { ApiError } from '../../../shared/api/errors.ts';
import type { Services } from '../../../shared/api/methods.ts';
import { DESKTOP_ONLY_MESSAGE, PdfPath, referralFileName } from '../../../shared/api/referral.ts';
import type { AppSettings, SettingsPatch } from '../../../shared/api/settings.ts';
import { requireRevision } from '../referral/service.ts';

/**
 * Where a referral letter goes once the clinician has seen it: the desktop app's save dialog and
 * "open the file". The dialog and the shell are ports, so this runs under plain Node with fakes;
 * electron/main/app/referral-dialog.ts gives Electron's own, and the loopback bridge gives none
 * (the page downloads the previewed bytes instead).
 */

/** The system's save dialog. */
export interface ReferralSaveDialog {
  /**
   * Asks where to save the letter. Resolves to the absolute path chosen, or null when cancelled.
   * The dialog itself must ask the user before they pick a file that already exists (Windows and
   * macOS always do; on Linux Electron's `showOverwriteConfirmation`).
   */
  chooseSavePath(request: { readonly defaultName: string; readonly folder: string | null }): Promise<string | null>;
}

/** Opens a file with the system's default application; resolves to '' or to the reason it could not (Electron's shell.openPath). */
export interface ReferralShell {
  openPath(path: string): Promise<string>;
}

export type ReferralFileServices = Pick<Services, 'referral.export' | 'referral.saveAs' | 'referral.open'>;

export interface ReferralFileDeps {
  /** The referral service's export (atomic write, audit entry). */
  readonly export: Services['referral.export'];
  getEncounter(id: string): Pick<Encounter, 'revision' | 'seenAt' | 'patient'> | Promise<Pick<Encounter, 'revision' | 'seenAt' | 'patient'>>;
  getSettings(): AppSettings | Promise<AppSettings>;
  saveSettings(patch: SettingsPatch): unknown;
  /** Absent over the loopback bridge: saveAs answers that it works in the desktop app only. */
  readonly dialog?: ReferralSaveDialog | undefined;
  /** Absent over the loopback bridge: open answers that it works in the desktop app only. */
  readonly shell?: ReferralShell | undefined;
  /** Time zone of the date in the suggested file name; default: this computer's. */
  readonly timeZone?: string;
}

const OPEN_DESKTOP_ONLY = 'Opening the saved letter works in the desktop app; open the downloaded file from your downloads here.';

async function exists(path: string): Promise<boolean> {
  try {
    await stat(path);
    return true;
  } catch {
    return false;
  }
}

export function createReferralFileServices(deps: ReferralFileDeps): ReferralFileServices {
  /**
   * Files this session wrote. referral.open opens only these: the renderer can never make the
   * shell open a path it names (an executable, a share), only a letter it has just saved.
   */
  const saved = new Set<string>();
  const remember = (path: string): void => void saved.add(resolve(path));

  return {
    async 'referral.export'(request) {
      const result = await deps.export(request);
      remember(result.path);
      return result;
    },

    async 'referral.saveAs'(request) {
      if (deps.dialog === undefined) throw new ApiError('forbidden', DESKTOP_ONLY_MESSAGE);
      const encounter = await deps.getEncounter(request.id);
      // Checked before the dialog, so the clinician is not asked for a file that cannot be written.
      requireRevision(request.revision, encounter.revision);
      const { lastExportFolder } = await deps.getSettings();
      const chosen = await deps.dialog.chooseSavePath({
        defaultName: referralFileName(encounter.patient.name, encounter.seenAt, deps.timeZone),
        folder: lastExportFolder,
      });
      if (chosen === null) return null;
      const path = /\.pdf$/i.test(chosen) ? chosen : `${chosen}.pdf`;
      const valid = PdfPath.safeParse(path);
      if (!valid.success) throw new ApiError('invalid', valid.error.issues[0]?.message ?? 'Choose a full path for the referral file', 'path');
      // The dialog asked before the clinician picked an existing file, so that file may be
      // replaced. A name completed with ".pdf" here was never shown to them: it is never replaced
      // (export answers `exists`), nor is a file that appears after the dialog closed.
      const overwrite = path === chosen && (await exists(path));
      const result = await deps.export({ ...request, path, overwrite });
      remember(result.path);
      try {
        await deps.saveSettings({ lastExportFolder: dirname(resolve(path)) });
      } catch {
        // Only the next dialog's starting folder is lost; the letter is saved.
      }
      return result;
    },

    async 'referral.open'({ path }) {
      if (deps.shell === undefined) throw new ApiError('forbidden', OPEN_DESKTOP_ONLY);
      if (!saved.has(resolve(path))) {
        throw new ApiError('forbidden', 'Only a referral letter saved in this session can be opened from here.', 'path');
      }
      if (!(await exists(path))) throw new ApiError('not-found', 'The saved letter is no longer there; it may have been moved or deleted.', 'path');
      const problem = await deps.shell.openPath(resolve(path));
      if (problem !== '') throw new ApiError('io', `The letter could not be opened: ${problem}`);
      return { opened: true as const };
    },
  };
}
