import { ClinicianProfile } from '../../../shared/api/profile.ts';
import { AppSettings, type SettingsPatch } from '../../../shared/api/settings.ts';
import { stmt, type Db } from './database.ts';

/** The clinician profile and the app settings, one row each. */

export function readProfile(db: Db): ClinicianProfile | null {
  const row = stmt(db, 'SELECT json FROM profile WHERE only = 1').get() as { json: string } | undefined;
  return row === undefined ? null : ClinicianProfile.parse(JSON.parse(row.json));
}

/** Who the audit log and signatures name: the clinician profile's name. */
export const whoIs = (db: Db): string => readProfile(db)?.name ?? 'unknown user';

export function writeProfile(db: Db, profile: ClinicianProfile): void {
  stmt(db, 'INSERT INTO profile (only, json) VALUES (1, ?) ON CONFLICT (only) DO UPDATE SET json = excluded.json').run(
    JSON.stringify(profile),
  );
}

/** Settings as stored, with today's defaults for anything an older version never wrote. */
export function readSettings(db: Db): AppSettings {
  const row = stmt(db, 'SELECT json FROM settings WHERE only = 1').get() as { json: string } | undefined;
  const stored: unknown = row === undefined ? {} : JSON.parse(row.json);
  const parsed = AppSettings.safeParse(stored);
  // A setting that no longer validates falls back to its default rather than locking the user out.
  return parsed.success ? parsed.data : AppSettings.parse({});
}

export function writeSettings(db: Db, patch: SettingsPatch): AppSettings {
  const merged = AppSettings.parse({ ...readSettings(db), ...Object.fromEntries(Object.entries(patch).filter(([, v]) => v !== undefined)) });
  stmt(db, 'INSERT INTO settings (only, json) VALUES (1, ?) ON CONFLICT (only) DO UPDATE SET json = excluded.json').run(
    JSON.stringify(merged),
  );
  return merged;
}
