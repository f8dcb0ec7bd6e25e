import { ApiError } from '../../../shared/api/errors.ts';
import type { Services } from '../../../shared/api/methods.ts';
import { KB_VERSION } from '../../../shared/clinical/index.ts';
import { appendAudit, listAudit } from '../store/audit.ts';
import { inTransaction } from '../store/database.ts';
import { schemaVersionOf } from '../store/migrations/index.ts';
import { readProfile, readSettings, writeProfile, writeSettings } from '../store/profile.ts';
import type { TransferWorker } from '../transfer/transfer-worker.ts';
import { whoIs, type ServiceContext } from './context.ts';
import type { Jobs } from './jobs.ts';

type SystemMethod = 'app.status' | 'audit.verify' | 'audit.list' | 'profile.get' | 'profile.save' | 'settings.get' | 'settings.save';

export function systemServices(ctx: ServiceContext, deps: { readonly jobs: Jobs; readonly worker: TransferWorker }): Pick<Services, SystemMethod> {
  return {
    'app.status': () => ({
      notice: ctx.store.startupNotice,
      dataDir: ctx.store.dataDir,
      databasePath: ctx.store.path,
      appVersion: ctx.appVersion,
      knowledgeBase: KB_VERSION,
      schemaVersion: schemaVersionOf(ctx.store.db),
    }),

    // The whole check reads every revision (3.5 s at 20,000 encounters): in the worker, so the
    // window and saves go on meanwhile (issue 11, item 10).
    async 'audit.verify'() {
      if (deps.jobs.restoring()) {
        throw new ApiError('busy', 'A backup is being restored: check the audit log once it has finished, in a moment.');
      }
      const { key, id } = ctx.store.auditKey;
      return deps.worker.verifyAudit(ctx.store.path, { kind: 'verify', dataDir: ctx.store.dataDir, key: { key: new Uint8Array(key), id } });
    },
    'audit.list': ({ encounterId, limit, beforeSeq }) => listAudit(ctx.store.db, { encounterId, limit, beforeSeq }),

    'profile.get': () => readProfile(ctx.store.db),
    'profile.save'(profile) {
      const db = ctx.store.db;
      const at = ctx.now().toISOString();
      return inTransaction(db, () => {
        const before = whoIs(db);
        writeProfile(db, profile);
        // Recorded because the profile's name is what later entries and signatures carry.
        appendAudit(db, { at, who: before, action: 'profile', encounterId: null, detail: { name: profile.name, role: profile.role } });
        return profile;
      });
    },

    'settings.get': () => readSettings(ctx.store.db),
    'settings.save'(patch) {
      const db = ctx.store.db;
      return inTransaction(db, () => writeSettings(db, patch));
    },
  };
}
