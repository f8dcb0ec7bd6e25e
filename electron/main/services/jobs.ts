import { ApiError } from '../../../shared/api/errors.ts';
import type { BackupPhase, BackupProgress, TransferPhase, TransferProgress } from '../../../shared/api/transfer.ts';

/**
 * The long jobs of the data screen, in memory, with their progress for backup.progress and
 * data.progress, which the window polls while the call is pending. One backup or restore at a
 * time, and one export or import at a time. A restore swaps the database the others read and
 * write, so it runs alone: it is refused while an export or import runs, and they are refused
 * (busy, to retry) while it runs.
 */

type Report<P> = (phase: P, done: number | null, total: number | null) => void;

export interface Jobs {
  /** Runs `work` as the backup or restore; throws ApiError when it may not run now. */
  runBackup<T>(operation: 'backup' | 'restore', work: (report: Report<BackupPhase>) => Promise<T>): Promise<T>;
  /** Runs `work` as the export or import; throws ApiError when it may not run now. */
  runTransfer<T>(operation: 'export' | 'import', work: (report: Report<TransferPhase>) => Promise<T>): Promise<T>;
  backupProgress(): BackupProgress;
  transferProgress(): TransferProgress;
  /** Whether a restore is swapping the database now. */
  restoring(): boolean;
}

interface Job<O, P> {
  running: true;
  operation: O;
  phase: P | null;
  done: number | null;
  total: number | null;
  startedAt: string;
}

async function runJob<O, P, T>(set: (job: Job<O, P> | null) => void, operation: O, first: P, work: (report: Report<P>) => Promise<T>): Promise<T> {
  // Wall-clock time, not the services' clock: it only tells the window how long the job has run.
  const job: Job<O, P> = { running: true, operation, phase: first, done: null, total: null, startedAt: new Date().toISOString() };
  set(job);
  try {
    return await work((phase, done, total) => {
      job.phase = phase;
      job.done = done;
      job.total = total;
    });
  } finally {
    set(null);
  }
}

const IDLE = { running: false, operation: null, phase: null, done: null, total: null, startedAt: null } as const;

export function createJobs(): Jobs {
  let backup: Job<'backup' | 'restore', BackupPhase> | null = null;
  let transfer: Job<'export' | 'import', TransferPhase> | null = null;

  return {
    runBackup(operation, work) {
      if (backup !== null) return Promise.reject(new ApiError('conflict', 'A backup or restore is already running.'));
      if (operation === 'restore' && transfer !== null) {
        const what = transfer.operation === 'import' ? 'An import' : 'An export';
        return Promise.reject(new ApiError('conflict', `${what} is running: restore once it has finished. Nothing was changed.`));
      }
      return runJob((j) => (backup = j), operation, 'copying', work);
    },
    runTransfer(operation, work) {
      const verb = operation === 'import' ? 'imported' : 'exported';
      if (backup?.operation === 'restore') {
        return Promise.reject(new ApiError('busy', `A backup is being restored: nothing can be ${verb} until it has finished, in a moment. Nothing was changed; try again then.`));
      }
      if (transfer !== null) return Promise.reject(new ApiError('conflict', 'An export or import is already running; try again once it has finished.'));
      return runJob((j) => (transfer = j), operation, 'opening', work);
    },
    backupProgress: () => (backup === null ? { ...IDLE } : { ...backup }),
    transferProgress: () => (transfer === null ? { ...IDLE } : { ...transfer }),
    restoring: () => backup?.operation === 'restore',
  };
}
