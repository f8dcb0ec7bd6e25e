import type { Services } from '../../../shared/api/methods.ts';
import { recordAudit, recordCheckpoint, type ServiceContext } from '../services/context.ts';
import { compareWithToday } from './compare.ts';
import { exportFhir } from './fhir-export.ts';
import { importFhir } from './fhir-import.ts';

type ReviewMethod = 'review.compare' | 'data.exportFhir' | 'data.importFhir';

/** Reviewing past encounters: comparison with today's engine, FHIR export (audited) and import. */
export function reviewServices(ctx: ServiceContext): Pick<Services, ReviewMethod> {
  return {
    'review.compare': ({ id, revision }) => compareWithToday(ctx.store.db, id, revision),

    'data.exportFhir'({ ids, bundle }) {
      const at = ctx.now().toISOString();
      const result = exportFhir(ctx.store.db, { ids, exportedAt: at, bundle });
      const format = bundle === 'transaction' ? 'FHIR R4 transaction' : 'FHIR R4';
      recordAudit(ctx, { action: 'export', encounterId: null, detail: { count: result.count, format } }, at);
      recordCheckpoint(ctx, 'export');
      return result;
    },

    'data.importFhir': ({ json }) => importFhir(ctx.store.db, json, ctx.now().toISOString(), ctx.appVersion),
  };
}
