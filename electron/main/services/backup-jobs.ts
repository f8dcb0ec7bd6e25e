import { ApiError } from '../../../shared/api/errors.ts';
import type { BackupPhase, BackupProgress } from '../../../shared/api/transfer.ts';
import type { OnProgress } from '../store/backup.ts';

/**
 * The running backup or restore, in memory: one at a time (a second is refused while the first
 * runs, since a restore swaps the database a backup reads), and its progress for backup.progress,
 * which the window polls while its backup.create or backup.restore call is pending.
 */
export interface BackupJobs {
  /** Runs `work` as the one job; throws ApiError('conflict') when another is running. */
  run<T>(operation: 'backup' | 'restore', work: (report: OnProgress) => Promise<T>): Promise<T>;
  progress(): BackupProgress;
}

const IDLE: BackupProgress = { running: false, operation: null, phase: null, done: null, total: null, startedAt: null };

export function createBackupJobs(): BackupJobs {
  let current: { -readonly [K in keyof BackupProgress]: BackupProgress[K] } | null = null;

  return {
    async run(operation, work) {
      if (current !== null) throw new ApiError('conflict', 'A backup or restore is already running.');
      // Wall-clock time, not the services' clock: it only tells the window how long the job has run.
      const job = { running: true, operation, phase: 'copying' as BackupPhase | null, done: null as number | null, total: null as number | null, startedAt: new Date().toISOString() };
      current = job;
      try {
        return await work((phase, done, total) => {
          job.phase = phase;
          job.done = done;
          job.total = total;
        });
      } finally {
        current = null;
      }
    },
    progress: () => (current === null ? IDLE : { ...current }),
  };
}
