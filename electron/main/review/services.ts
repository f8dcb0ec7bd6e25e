import type { Services } from '../../../shared/api/methods.ts';
import type { ServiceContext } from '../services/context.ts';
import { compareWithToday } from './compare.ts';

/** Reviewing past encounters: comparison with today's engine (FHIR export and import are in services/transfers.ts). */
export function reviewServices(ctx: ServiceContext): Pick<Services, 'review.compare'> {
  return {
    'review.compare': ({ id, revision }) => compareWithToday(ctx.store.db, id, revision),
  };
}
