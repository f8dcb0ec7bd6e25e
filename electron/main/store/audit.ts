import { createHash } from 'node:crypto';
import type { AuditAction, AuditEntry, JsonValue } from '../../../shared/api/audit.ts';
import { auditKeyOf, readSeal, sealNext, writeSeal } from './audit-seal.ts';
import { canonicalJson } from './canonical-json.ts';
import { stmt, type Db } from './database.ts';

/**
 * The append-only audit log. Each entry's hash covers its content and the previous entry's hash,
 * and the newest entry's sequence number and hash are also kept in `meta`: editing any entry,
 * deleting one from the middle, or cutting entries off the end all break the chain. Entries that
 * record clinical content carry its fingerprint (content-hash.ts), and the chain is sealed with a
 * key kept outside the database (audit-seal.ts); audit-verify.ts checks all of it.
 */

export const GENESIS_HASH = '0'.repeat(64);

export interface AuditInput {
  readonly at: string;
  readonly who: string;
  readonly action: AuditAction;
  readonly encounterId: string | null;
  readonly detail: { [key: string]: JsonValue };
}

export function entryHash(seq: number, entry: AuditInput, prevHash: string): string {
  const body = canonicalJson({
    seq,
    at: entry.at,
    who: entry.who,
    action: entry.action,
    encounterId: entry.encounterId,
    detail: entry.detail,
  });
  return createHash('sha256').update(prevHash).update('\n').update(body).digest('hex');
}

export interface Head {
  seq: number;
  hash: string;
}

export function readHead(db: Db): Head {
  const rows = stmt(db, "SELECT key, value FROM meta WHERE key IN ('audit_head_seq', 'audit_head_hash')").all() as {
    key: string;
    value: string;
  }[];
  const map = new Map(rows.map((r) => [r.key, r.value]));
  return { seq: Number(map.get('audit_head_seq') ?? 0), hash: map.get('audit_head_hash') ?? GENESIS_HASH };
}

/** Appends one entry; the caller's transaction makes it part of the change it records. */
export function appendAudit(db: Db, entry: AuditInput): AuditEntry {
  if (!db.isTransaction) throw new Error('appendAudit must run inside the transaction of the change it records');
  const head = readHead(db);
  const seq = head.seq + 1;
  const hash = entryHash(seq, entry, head.hash);
  stmt(
    db,
    'INSERT INTO audit (seq, at, who, action, encounter_id, detail, prev_hash, hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
  ).run(seq, entry.at, entry.who, entry.action, entry.encounterId, JSON.stringify(entry.detail), head.hash, hash);
  stmt(db, "INSERT INTO meta (key, value) VALUES ('audit_head_seq', ?), ('audit_head_hash', ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value").run(
    String(seq),
    hash,
  );
  const key = auditKeyOf(db);
  if (key !== undefined) {
    // A missing seal is not restarted from the chain as it stands (that would vouch for whatever
    // was done to it): the new seal builds on the marker, and verification reports the break.
    // A seal made with another key (this installation's key file replaced) keeps that key's name,
    // so verification goes on saying so rather than blaming the entries.
    const stored = readSeal(db);
    writeSeal(db, sealNext(key.key, stored?.seal ?? 'missing', hash), stored === null || stored.keyId === '' ? key : { ...key, id: stored.keyId });
  }
  return { seq, ...entry, hash };
}

export interface AuditRow {
  seq: number;
  at: string;
  who: string;
  action: string;
  encounter_id: string | null;
  detail: string;
  prev_hash: string;
  hash: string;
}

const toEntry = (row: AuditRow): AuditEntry => ({
  seq: row.seq,
  at: row.at,
  who: row.who,
  action: row.action as AuditAction,
  encounterId: row.encounter_id,
  detail: JSON.parse(row.detail) as { [key: string]: JsonValue },
  hash: row.hash,
});

export function listAudit(db: Db, options: { encounterId?: string | undefined; limit: number; beforeSeq?: number | undefined }): AuditEntry[] {
  const before = options.beforeSeq ?? Number.MAX_SAFE_INTEGER;
  const rows =
    options.encounterId === undefined
      ? stmt(db, 'SELECT * FROM audit WHERE seq < ? ORDER BY seq DESC LIMIT ?').all(before, options.limit)
      : stmt(db, 'SELECT * FROM audit WHERE encounter_id = ? AND seq < ? ORDER BY seq DESC LIMIT ?').all(
          options.encounterId,
          before,
          options.limit,
        );
  return (rows as unknown as AuditRow[]).map(toEntry);
}
