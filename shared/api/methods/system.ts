import { z } from 'zod';
import { AuditEntry, AuditVerifyResult } from '../audit.ts';
import { method } from '../define.ts';
import { EncounterId } from '../encounter.ts';
import { ClinicianProfile } from '../profile.ts';
import { AppSettings, SettingsPatch } from '../settings.ts';

export const AppStatus = z.object({
  /** A message the user must read (e.g. a damaged database was moved aside at start-up), or null. */
  notice: z.string().nullable(),
  dataDir: z.string(),
  databasePath: z.string(),
  appVersion: z.string(),
  /** Version of the knowledge base that assesses new saves. */
  knowledgeBase: z.string(),
  schemaVersion: z.number().int(),
});
export type AppStatus = z.infer<typeof AppStatus>;

export const systemMethods = {
  'app.status': method(z.object({}), AppStatus, 'Where the data lives, versions, and any start-up notice'),
  'audit.verify': method(z.object({}), AuditVerifyResult, 'Check the audit log hash chain'),
  'audit.list': method(
    z.object({
      encounterId: EncounterId.optional(),
      limit: z.number().int().min(1).max(1000).default(200),
      /** Paging: entries with a smaller sequence number than this. */
      beforeSeq: z.number().int().min(1).optional(),
    }),
    z.array(AuditEntry),
    'Audit log entries, newest first, optionally of one encounter',
  ),
  'profile.get': method(z.object({}), ClinicianProfile.nullable(), 'The clinician profile, or null before first run'),
  'profile.save': method(ClinicianProfile, ClinicianProfile, 'Save the clinician profile'),
  'settings.get': method(z.object({}), AppSettings, 'The app settings (defaults where never set)'),
  'settings.save': method(SettingsPatch, AppSettings, 'Change some settings; returns all of them'),
} as const;
