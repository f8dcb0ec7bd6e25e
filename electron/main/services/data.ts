import type { Services } from '../../../shared/api/methods.ts';
import { exportEncounters, importEncounters } from '../store/transfer.ts';
import { createBackupJobs } from './backup-jobs.ts';
import { recordAudit, type ServiceContext } from './context.ts';

type DataMethod = 'backup.create' | 'backup.restore' | 'backup.progress' | 'data.exportJson' | 'data.importJson';

/** Backups, restore (one at a time, with progress), JSON export and import; each recorded in the audit log. */
export function dataServices(ctx: ServiceContext): Pick<Services, DataMethod> {
  const jobs = createBackupJobs();
  const audit = (action: 'backup' | 'restore' | 'export', detail: Record<string, string | number>): void =>
    recordAudit(ctx, { action, encounterId: null, detail });

  return {
    'backup.create': ({ path }) =>
      jobs.run('backup', async (report) => {
        const result = await ctx.store.backup(path, report);
        audit('backup', { path: result.path, bytes: result.bytes, sha256: result.sha256 });
        return result;
      }),

    'backup.restore': ({ path }) =>
      jobs.run('restore', async (report) => {
        const { previousKeptAt, sha256 } = await ctx.store.restore(path, report);
        audit('restore', { from: path, sha256, previousKeptAt });
        const { count } = ctx.store.db.prepare('SELECT count(*) AS count FROM encounters').get() as { count: number };
        return { restoredFrom: path, previousKeptAt, encounters: count };
      }),

    'backup.progress': () => jobs.progress(),

    'data.exportJson'({ ids }) {
      const result = exportEncounters(ctx.store.db, { ids, exportedAt: ctx.now().toISOString(), appVersion: ctx.appVersion });
      audit('export', { count: result.count });
      return result;
    },

    'data.importJson': ({ json }) => importEncounters(ctx.store.db, json, ctx.now().toISOString()),
  };
}
