import { ApiError } from '../../../shared/api/errors.ts';
import type { Db } from '../store/database.ts';
import { getHead, type Head } from '../store/encounters.ts';
import { readProfile } from '../store/profile.ts';
import type { Store } from '../store/store.ts';

/** What every domain's services share: the store, the clock and the app's identity. */
export interface ServiceContext {
  readonly store: Store;
  readonly now: () => Date;
  readonly appVersion: string;
}

/** Who the audit log and signatures name: the clinician profile's name. */
export const whoIs = (db: Db): string => readProfile(db)?.name ?? 'unknown user';

export function requireHead(db: Db, id: string): Head {
  const head = getHead(db, id);
  if (head === undefined) throw new ApiError('not-found', 'There is no encounter with this id.', 'id');
  return head;
}
