import { z } from 'zod';

/** The clinician using this installation: printed on referrals and recorded in the audit log. */
export const ClinicianProfile = z.object({
  name: z.string().trim().min(1, 'Enter your name').max(200),
  role: z.string().trim().max(200).default(''),
  practice: z.string().trim().max(300).default(''),
  contact: z.string().trim().max(500).default(''),
});
export type ClinicianProfile = z.infer<typeof ClinicianProfile>;
