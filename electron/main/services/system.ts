import type { Services } from '../../../shared/api/methods.ts';
import { KB_VERSION } from '../../../shared/clinical/index.ts';
import { appendAudit, listAudit } from '../store/audit.ts';
import { readCheckpoints } from '../store/audit-seal.ts';
import { verifyAudit } from '../store/audit-verify.ts';
import { inTransaction } from '../store/database.ts';
import { schemaVersionOf } from '../store/migrations/index.ts';
import { readProfile, readSettings, writeProfile, writeSettings } from '../store/profile.ts';
import { whoIs, type ServiceContext } from './context.ts';

type SystemMethod = 'app.status' | 'audit.verify' | 'audit.list' | 'profile.get' | 'profile.save' | 'settings.get' | 'settings.save';

export function systemServices(ctx: ServiceContext): Pick<Services, SystemMethod> {
  return {
    'app.status': () => ({
      notice: ctx.store.startupNotice,
      dataDir: ctx.store.dataDir,
      databasePath: ctx.store.path,
      appVersion: ctx.appVersion,
      knowledgeBase: KB_VERSION,
      schemaVersion: schemaVersionOf(ctx.store.db),
    }),

    'audit.verify'() {
      const { checkpoints, unreadable } = readCheckpoints(ctx.store.dataDir);
      return verifyAudit(ctx.store.db, { key: ctx.store.auditKey, checkpoints, unreadableCheckpoints: unreadable });
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
