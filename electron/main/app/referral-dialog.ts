import { app, dialog, shell, type BrowserWindow, type SaveDialogOptions } from 'electron';
import { join } from 'node:path';
import type { ReferralSaveDialog, ReferralShell } from './referral-files.ts';

/**
 * Electron's save dialog and shell for the referral letter (the ports of ./referral-files.ts).
 * Thin on purpose: everything that decides something is in referral-files.ts, tested under Node.
 */

export function referralSaveDialog(parent: () => BrowserWindow | null): ReferralSaveDialog {
  return {
    async chooseSavePath({ defaultName, folder }) {
      const options: SaveDialogOptions = {
        title: 'Save the referral letter',
        defaultPath: join(folder ?? app.getPath('documents'), defaultName),
        buttonLabel: 'Save',
        filters: [{ name: 'PDF document', extensions: ['pdf'] }],
        // Windows and macOS always ask before an existing file is chosen; Linux only with this.
        // referral-files.ts replaces an existing file only because the dialog has asked.
        properties: ['createDirectory', 'showOverwriteConfirmation'],
      };
      const window = parent();
      const result = window === null ? await dialog.showSaveDialog(options) : await dialog.showSaveDialog(window, options);
      return result.canceled || !result.filePath ? null : result.filePath;
    },
  };
}

export const referralShell: ReferralShell = {
  openPath: (path) => shell.openPath(path),
};
