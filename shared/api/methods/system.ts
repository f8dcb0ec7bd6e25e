import { z } from 'zod';
import { method } from '../define.ts';
import { ClinicianProfile } from '../profile.ts';

export const systemMethods = {
  'audit.verify': method(
    z.object({}),
    z.union([
      z.object({ intact: z.literal(true), entries: z.number().int() }),
      z.object({ intact: z.literal(false), firstBadEntry: z.number().int() }),
    ]),
    'Check the audit log hash chain',
  ),
  'profile.get': method(z.object({}), ClinicianProfile.nullable(), 'The clinician profile, or null before first run'),
  'profile.save': method(ClinicianProfile, ClinicianProfile, 'Save the clinician profile'),
} as const;
