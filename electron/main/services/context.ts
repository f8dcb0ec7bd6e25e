import { ApiError } from '../../../shared/api/errors.ts';
import { appendAudit, type AuditInput } from '../store/audit.ts';
import { writeCheckpoint } from '../store/audit-seal.ts';
import { inTransaction, type Db } from '../store/database.ts';
import { getHead, type Head } from '../store/encounters.ts';
import { whoIs } from '../store/profile.ts';
import type { Store } from '../store/store.ts';

/** What every domain's services share: the store, the clock and the app's identity. */
export interface ServiceContext {
  readonly store: Store;
  readonly now: () => Date;
  readonly appVersion: string;
}

// Defined beside the profile so the store's import can name the same person; re-exported for the services.
export { whoIs };

/** An audit entry on its own (not part of a change), in its own transaction, naming the clinician; `at` defaults to now. */
export function recordAudit(ctx: ServiceContext, entry: Omit<AuditInput, 'at' | 'who'>, at = ctx.now().toISOString()): void {
  const db = ctx.store.db;
  inTransaction(db, () => appendAudit(db, { ...entry, at, who: whoIs(db) }));
}

export function requireHead(db: Db, id: string): Head {
  const head = getHead(db, id);
  if (head === undefined) throw new ApiError('not-found', 'There is no encounter with this id.', 'id');
  return head;
}

/** The audit chain's head, written outside the database with each backup, export and restore (audit-seal.ts). */
export function recordCheckpoint(ctx: ServiceContext, event: 'backup' | 'export' | 'restore'): void {
  try {
    writeCheckpoint(ctx.store.dataDir, ctx.store.db, event, ctx.now().toISOString());
  } catch (error) {
    // The backup, export or restore itself succeeded; a missing checkpoint only weakens a later check.
    console.error('[leg-pain-ddx] the audit checkpoint could not be written', error);
  }
}
