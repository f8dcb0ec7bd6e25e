import type { EncounterDraft } from '../../../../shared/api/encounter.ts';

/**
 * The encounter's schema, for checking a draft before it is sent, loaded apart from the start-up
 * script: building the contract's schemas took about 40 ms of the workspace's first paint (150 ms
 * with the CPU slowed 4x). The workspace asks for it as it first paints, the new-encounter form
 * when it opens, and every edit.
 *
 * Until it has arrived, a draft goes out unchecked here and the main process checks it with the
 * same schema, as it checks every call: an invalid draft is refused with the field it is about,
 * shown as any refused save is. A save never waits for the schema, so the one sent as the page
 * unloads still leaves at once.
 */
let schema: typeof EncounterDraft | null = null;
let loading: Promise<void> | null = null;

/** Starts loading the schema, once per page: a file that failed to load is not asked for at every keystroke. */
export function loadDraftSchema(): Promise<void> {
  loading ??= import('../../../../shared/api/encounter.ts').then(
    (m) => {
      schema = m.EncounterDraft;
    },
    () => {
      // Not loaded (a file missing from a damaged install): the main process still checks every draft.
    },
  );
  return loading;
}

/** The schema if it has arrived, else null. */
export const draftSchema = (): typeof EncounterDraft | null => schema;
