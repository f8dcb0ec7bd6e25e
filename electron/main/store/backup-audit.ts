import { sealOfChain, type AuditKey, type ChainSeal } from './audit-seal.ts';
import { verifyAudit } from './audit-verify.ts';
import { openConnection, type Db } from './database.ts';
import { schemaVersionOf } from './migrations/index.ts';

/**
 * The check of a backup's audit log before it is restored, with this installation's key. It reads
 * every entry and the content each one vouches for: about 12 s at 100,000 encounters here, so the
 * app runs it on a worker thread (transfer/tasks.ts) and the main thread goes on answering the
 * window meanwhile; the store's own tests and tools may run it in place.
 */

/** What the check of a backup's audit log found before it was restored. */
export interface RestoreAuditCheck {
  readonly intact: boolean;
  readonly summary: string;
  readonly problems: readonly string[];
}

/** What the check found, and the copy's chain sealed with the same key (the restore's reseal uses it). */
export interface BackupAuditResult {
  readonly check: RestoreAuditCheck;
  readonly seal: ChainSeal;
}

/** Checks the audit log of the staged copy at `path` with `key`. */
export type BackupAuditChecker = (path: string, key: AuditKey) => Promise<BackupAuditResult>;

/** The schema version from which entries fingerprint content and the chain is sealed (migration 6). */
const FINGERPRINTS_SINCE = 6;

/**
 * The check itself. A backup made before the audit log vouched for content (schema version
 * below 6) has neither fingerprints nor a seal: only its hash chain is checked, and migration 6
 * fingerprints its content as found once it is in place.
 */
export function checkBackupAudit(copy: Db, key: AuditKey): BackupAuditResult {
  // Sealing reads every entry's hash again (about a second at 100,000 encounters): here, off the
  // main thread, rather than after the swap.
  return { check: findings(copy, key), seal: sealOfChain(copy, key.key) };
}

function findings(copy: Db, key: AuditKey): RestoreAuditCheck {
  const full = verifyAudit(copy, { key, checkpoints: [] });
  if (schemaVersionOf(copy) >= FINGERPRINTS_SINCE) return { intact: full.intact, summary: full.summary, problems: full.intact ? [] : full.problems };
  if (full.intact || full.firstBadEntry === null) {
    return {
      intact: true,
      summary: 'The backup was made by an older version, before the audit log vouched for content: its hash chain checks out, and its content was fingerprinted as found.',
      problems: [],
    };
  }
  const problems = full.problems.slice(0, 1);
  return { intact: false, summary: `The backup's audit log does not check out: ${problems[0]}`, problems };
}

/** The check on the calling thread, on its own read-only connection to the copy. */
export const checkBackupAuditInThread: BackupAuditChecker = async (path, key) => {
  const copy = openConnection(path, { readOnly: true });
  try {
    return checkBackupAudit(copy, key);
  } finally {
    copy.close();
  }
};
