import { z } from 'zod';
import { method } from '../define.ts';
import { EncounterId } from '../encounter.ts';
import {
  ReferralExported,
  ReferralExportRequest,
  ReferralOpened,
  ReferralOpenRequest,
  ReferralPreview,
  ReferralRequest,
  ReferralSavedAs,
  ReferralSuggestion,
} from '../referral.ts';

export const referralMethods = {
  'referral.suggest': method(
    z.object({ id: EncounterId }),
    ReferralSuggestion,
    'The suggested priority and the default wording and sections of a referral letter',
  ),
  'referral.preview': method(ReferralRequest, ReferralPreview, 'Render the referral letter as a PDF without saving it'),
  'referral.export': method(
    ReferralExportRequest,
    ReferralExported,
    'Render the referral letter and save it to a file, recorded in the audit log with its SHA-256',
  ),
  'referral.saveAs': method(
    ReferralRequest,
    ReferralSavedAs,
    "Desktop app only: ask where to save the letter with the system's save dialog, then export it there; null when cancelled",
  ),
  'referral.open': method(
    ReferralOpenRequest,
    ReferralOpened,
    "Desktop app only: open a referral file saved in this session in the system's PDF viewer",
  ),
} as const;
