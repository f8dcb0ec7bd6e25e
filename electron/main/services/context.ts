import { ApiError } from '../../../shared/api/errors.ts';
import type { Db } from '../store/database.ts';
import { getHead, type Head } from '../store/encounters.ts';
import type { Store } from '../store/store.ts';

/** What every domain's services share: the store, the clock and the app's identity. */
export interface ServiceContext {
  readonly store: Store;
  readonly now: () => Date;
  readonly appVersion: string;
}

// Defined beside the profile so the store's import can name the same person; re-exported for the services.
export { whoIs } from '../store/profile.ts';

export function requireHead(db: Db, id: string): Head {
  const head = getHead(db, id);
  if (head === undefined) throw new ApiError('not-found', 'There is no encounter with this id.', 'id');
  return head;
}
