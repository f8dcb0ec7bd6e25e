import type { Services } from '../../../shared/api/methods.ts';
import { appendAudit } from '../store/audit.ts';
import { inTransaction } from '../store/database.ts';
import { exportEncounters, importEncounters } from '../store/transfer.ts';
import { whoIs, type ServiceContext } from './context.ts';

type DataMethod = 'backup.create' | 'backup.restore' | 'data.exportJson' | 'data.importJson';

/** Backups, restore, JSON export and import; each recorded in the audit log. */
export function dataServices(ctx: ServiceContext): Pick<Services, DataMethod> {
  const audit = (action: 'backup' | 'restore' | 'export', detail: Record<string, string | number>): void => {
    const db = ctx.store.db;
    inTransaction(db, () => appendAudit(db, { at: ctx.now().toISOString(), who: whoIs(db), action, encounterId: null, detail }));
  };

  return {
    'backup.create'({ path }) {
      const result = ctx.store.backup(path);
      audit('backup', { path: result.path, bytes: result.bytes, sha256: result.sha256 });
      return result;
    },

    'backup.restore'({ path }) {
      const { previousKeptAt, sha256 } = ctx.store.restore(path);
      audit('restore', { from: path, sha256, previousKeptAt });
      const { count } = ctx.store.db.prepare('SELECT count(*) AS count FROM encounters').get() as { count: number };
      return { restoredFrom: path, previousKeptAt, encounters: count };
    },

    'data.exportJson'({ ids }) {
      const result = exportEncounters(ctx.store.db, { ids, exportedAt: ctx.now().toISOString(), appVersion: ctx.appVersion });
      audit('export', { count: result.count });
      return result;
    },

    'data.importJson': ({ json }) => importEncounters(ctx.store.db, json, ctx.now().toISOString()),
  };
}
