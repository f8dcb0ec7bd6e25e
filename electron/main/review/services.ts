import type { Services } from '../../../shared/api/methods.ts';
import { appendAudit } from '../store/audit.ts';
import { inTransaction } from '../store/database.ts';
import { whoIs, type ServiceContext } from '../services/context.ts';
import { compareWithToday } from './compare.ts';
import { exportFhir } from './fhir-export.ts';
import { importFhir } from './fhir-import.ts';

type ReviewMethod = 'review.compare' | 'data.exportFhir' | 'data.importFhir';

/** Reviewing past encounters: comparison with today's engine, FHIR export (audited) and import. */
export function reviewServices(ctx: ServiceContext): Pick<Services, ReviewMethod> {
  return {
    'review.compare': ({ id, revision }) => compareWithToday(ctx.store.db, id, revision),

    'data.exportFhir'({ ids }) {
      const db = ctx.store.db;
      const at = ctx.now().toISOString();
      const result = exportFhir(db, { ids, exportedAt: at });
      inTransaction(db, () =>
        appendAudit(db, { at, who: whoIs(db), action: 'export', encounterId: null, detail: { count: result.count, format: 'FHIR R4' } }),
      );
      return result;
    },

    'data.importFhir': ({ json }) => importFhir(ctx.store.db, json, ctx.now().toISOString(), ctx.appVersion),
  };
}
