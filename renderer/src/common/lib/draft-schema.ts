import { lazySchema } from './lazy-schema.ts';

/**
 * The encounter's schema, for checking a draft before it is sent (lazy-schema.ts). The workspace
 * asks for it as it first paints, the new-encounter form when it opens, and every edit; a save
 * never waits for it, so the one sent as the page unloads still leaves at once.
 */
const encounterDraft = lazySchema(() => import('../../../../shared/api/encounter.ts').then((m) => m.EncounterDraft));

export const loadDraftSchema = (): Promise<void> => encounterDraft.load();
export const draftSchema = encounterDraft.current;
