import type { Services } from '../../../shared/api/methods.ts';
import type { BackupAuditChecker } from '../store/backup-audit.ts';
import type { Jobs } from './jobs.ts';
import { appendAudit } from '../store/audit.ts';
import { resealAudit } from '../store/audit-seal.ts';
import { inTransaction } from '../store/database.ts';
import { recordAudit, recordCheckpoint, whoIs, type ServiceContext } from './context.ts';

type DataMethod = 'backup.create' | 'backup.restore' | 'backup.progress';

/** Backups and restore (one at a time, with progress), each recorded in the audit log; exports and imports are in transfers.ts. */
export function dataServices(ctx: ServiceContext, deps: { readonly jobs: Jobs; readonly checkBackupAudit: BackupAuditChecker }): Pick<Services, DataMethod> {
  const { jobs } = deps;
  const audit = (action: 'backup' | 'export', detail: Record<string, string | number>): void =>
    recordAudit(ctx, { action, encounterId: null, detail });
  const checkpoint = (event: 'backup' | 'export' | 'restore'): void => recordCheckpoint(ctx, event);

  return {
    'backup.create': ({ path, overwrite, passphrase }) =>
      jobs.runBackup('backup', async (report) => {
        const result = await ctx.store.backup(path, report, { overwrite, passphrase });
        audit('backup', { path: result.path, bytes: result.bytes, sha256: result.sha256, encrypted: result.encrypted ? 'yes' : 'no' });
        checkpoint('backup');
        return result;
      }),

    'backup.restore': ({ path, passphrase }) =>
      jobs.runBackup('restore', async (report) => {
        const { previousKeptAt, sha256, auditCheck, chainSeal } = await ctx.store.restore(path, report, passphrase, deps.checkBackupAudit);
        const db = ctx.store.db;
        const at = ctx.now().toISOString();
        inTransaction(db, () => {
          // The backup's chain was checked with this installation's key before the swap; what the
          // check found goes into the restore's own entry, and the chain is sealed again with this
          // key, so a backup from another installation goes on being checked from here on.
          resealAudit(db, ctx.store.auditKey, chainSeal);
          const found = auditCheck.intact ? [] : auditCheck.problems.slice(0, 5);
          appendAudit(db, { at, who: whoIs(db), action: 'restore', encounterId: null, detail: { from: path, sha256, previousKeptAt, auditCheck: auditCheck.summary, auditProblems: found } });
        });
        checkpoint('restore');
        const { count } = db.prepare('SELECT count(*) AS count FROM encounters').get() as { count: number };
        return { restoredFrom: path, previousKeptAt, encounters: count, auditCheck: auditCheck.summary, auditIntact: auditCheck.intact };
      }),

    'backup.progress': () => jobs.backupProgress(),
  };
}
