import { z } from 'zod';

/**
 * Preferences of this installation, stored in the encounter database beside the clinician profile.
 * Every field has a default so a database written by an older version reads with today's fields.
 */
const fields = {
  theme: z.enum(['system', 'light', 'dark']),
  textSize: z.enum(['normal', 'large']),
  /** Seconds between automatic saves of an open draft; 0 turns automatic saving off. */
  autosaveSeconds: z.number().int().min(0, 'Use 0 or more seconds').max(3600, 'Use at most 3600 seconds'),
  /** Folder the last backup or export went to, so the next file dialog opens there. */
  lastExportFolder: z.string().max(4096).nullable(),
};

export const AppSettings = z.object({
  theme: fields.theme.default('system'),
  textSize: fields.textSize.default('normal'),
  autosaveSeconds: fields.autosaveSeconds.default(30),
  lastExportFolder: fields.lastExportFolder.default(null),
});
export type AppSettings = z.infer<typeof AppSettings>;

/** Input of settings.save: only the fields to change (no defaults, so an absent field stays as it is). */
export const SettingsPatch = z.object({
  theme: fields.theme.optional(),
  textSize: fields.textSize.optional(),
  autosaveSeconds: fields.autosaveSeconds.optional(),
  lastExportFolder: fields.lastExportFolder.optional(),
});
export type SettingsPatch = z.infer<typeof SettingsPatch>;
