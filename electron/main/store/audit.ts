import { createHash } from 'node:crypto';
import type { AuditAction, AuditEntry, AuditVerifyResult, JsonValue } from '../../../shared/api/audit.ts';
import { canonicalJson } from './canonical-json.ts';
import { stmt, type Db } from './database.ts';

/**
 * The append-only audit log. Each entry's hash covers its content and the previous entry's hash,
 * and the newest entry's sequence number and hash are also kept in `meta`: editing any entry,
 * deleting one from the middle, or cutting entries off the end all break the chain.
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

interface Head {
  seq: number;
  hash: string;
}

function readHead(db: Db): Head {
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
  return { seq, ...entry, hash };
}

interface AuditRow {
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

/** Walks the whole chain; the first entry that does not fit is reported by its sequence number. */
export function verifyAudit(db: Db): AuditVerifyResult {
  let expectedSeq = 1;
  let prevHash = GENESIS_HASH;
  for (const raw of stmt(db, 'SELECT * FROM audit ORDER BY seq').iterate()) {
    const row = raw as unknown as AuditRow;
    // A missing sequence number is a deleted entry: report the first one missing.
    if (row.seq !== expectedSeq) return { intact: false, firstBadEntry: expectedSeq };
    let detail: { [key: string]: JsonValue };
    try {
      detail = JSON.parse(row.detail) as { [key: string]: JsonValue };
    } catch {
      return { intact: false, firstBadEntry: row.seq };
    }
    const entry: AuditInput = { at: row.at, who: row.who, action: row.action as AuditAction, encounterId: row.encounter_id, detail };
    if (row.prev_hash !== prevHash || entryHash(row.seq, entry, prevHash) !== row.hash) {
      return { intact: false, firstBadEntry: row.seq };
    }
    prevHash = row.hash;
    expectedSeq++;
  }
  const head = readHead(db);
  const entries = expectedSeq - 1;
  // Entries cut off the end: the head still names the last one written.
  if (head.seq > entries) return { intact: false, firstBadEntry: entries + 1 };
  // An entry the head does not know of was added outside the app.
  if (head.seq < entries) return { intact: false, firstBadEntry: head.seq + 1 };
  if (head.hash !== prevHash) return { intact: false, firstBadEntry: entries };
  return { intact: true, entries };
}
