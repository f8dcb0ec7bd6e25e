import type { ServiceContext } from '../services/context.ts';
import { recordAudit, requireHead } from '../services/context.ts';
import { readEncounter } from '../store/encounters.ts';
import { readProfile } from '../store/profile.ts';
import { knowledgeBase } from '../../../shared/clinical/index.ts';
import { startRenderWorker, type ReferralRenderer } from './render-worker.ts';
import { createReferralService, type ReferralServices } from './service.ts';

/**
 * The referral methods wired to the store: encounters and the profile read from the database,
 * exports recorded in its audit log, letters rendered in a worker thread.
 */

export interface ReferralWiringOptions {
  /** The folder with the bundled fonts (resources/fonts). */
  readonly fontDir: string;
  /** The worker's entry file; see RenderWorkerOptions.workerUrl. */
  readonly workerUrl?: URL | string;
  /** Time zone of the printed dates; default: this computer's. */
  readonly timeZone?: string;
}

export interface ReferralWiring {
  readonly services: ReferralServices;
  readonly renderer: ReferralRenderer;
  /** Stops the render worker. */
  close(): Promise<void>;
}

export function referralServices(ctx: ServiceContext, options: ReferralWiringOptions): ReferralWiring {
  const renderer = startRenderWorker({ fontDir: options.fontDir, kb: knowledgeBase, workerUrl: options.workerUrl });
  const services = createReferralService({
    getEncounter: (id) => {
      const db = ctx.store.db;
      return readEncounter(db, requireHead(db, id));
    },
    getProfile: () => readProfile(ctx.store.db),
    appendAudit: ({ action, encounterId, detail }) => recordAudit(ctx, { action, encounterId, detail: { ...detail } }),
    renderer,
    kb: knowledgeBase,
    appVersion: ctx.appVersion,
    ...(options.timeZone === undefined ? {} : { timeZone: options.timeZone }),
  });
  return { services, renderer, close: () => renderer.close() };
}
