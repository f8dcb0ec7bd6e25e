import type { ReferralOptionsInput, ReferralPreview } from '../../../../shared/api/referral.ts';

/** Where the composer is: the workspace's referral panel, or the reprint on the review screen. */
export type ComposerVariant = 'workspace' | 'review';

/** The ids of the composer's fields; the variant keeps them apart when both are on one page. */
export const composerId = (variant: ComposerVariant, name: string): string => `${variant}-referral-${name}`;

/** A rendered letter on screen: the PDF, and the revision and options it was rendered for. */
export interface ShownLetter {
  readonly preview: ReferralPreview;
  readonly url: string;
  readonly revision: number;
  readonly key: string;
  readonly options: ReferralOptionsInput;
}
