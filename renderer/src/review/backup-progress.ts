import type { BackupPhase } from '../../../shared/api/transfer.ts';

/** Words for a backup's or restore's progress, as the data screen shows it. */

export type BackupOperation = 'backup' | 'restore';

interface PhaseWords {
  /** Leads the progress line: "Copying 43% (120 of 280 MB)". */
  readonly label: string;
  /** What is happening, in a sentence. */
  readonly detail: string;
}

const WORDS: Record<BackupOperation, Partial<Record<BackupPhase, PhaseWords>>> = {
  backup: {
    copying: { label: 'Copying', detail: 'Copying every encounter, revision, addendum and the audit log into the backup file. You can keep working.' },
    checking: { label: 'Checking the copy', detail: 'Reading the whole copy back to make sure it is complete and undamaged.' },
    finishing: { label: 'Finishing', detail: 'Computing the file’s SHA-256 fingerprint and saving it to the disk.' },
  },
  restore: {
    copying: { label: 'Copying the backup', detail: 'Copying the backup file next to the database; nothing has been replaced yet.' },
    validating: { label: 'Checking the backup', detail: 'Making sure the file is a complete, undamaged Leg Pain DDx backup before anything is replaced.' },
    swapping: { label: 'Putting the backup in place', detail: 'Keeping the database in use aside and opening the backup in its place.' },
  },
};

export function phaseWords(operation: BackupOperation, phase: BackupPhase | null): PhaseWords {
  return (phase === null ? undefined : WORDS[operation][phase]) ?? { label: 'Starting', detail: '' };
}

/** Megabytes for both numbers with the same precision: one decimal below 10 MB, none above. */
export function megabytes(bytes: number, scale: number = bytes, locale?: string): string {
  const mb = bytes / 1024 / 1024;
  const digits = scale / 1024 / 1024 < 10 ? 1 : 0;
  return new Intl.NumberFormat(locale, { minimumFractionDigits: digits, maximumFractionDigits: digits }).format(mb);
}

/**
 * "Copying 43% (120 of 280 MB)" when the phase is measured, "Checking the copy…" when it is not.
 * The percentage is rounded down, so 100% means done.
 */
export function progressLine(label: string, done: number | null, total: number | null, locale?: string): string {
  if (done === null || total === null || total <= 0) return `${label}…`;
  const percent = Math.floor((Math.min(done, total) / total) * 100);
  return `${label} ${percent}% (${megabytes(done, total, locale)} of ${megabytes(total, total, locale)} MB)`;
}
