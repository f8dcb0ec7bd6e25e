import { createHash } from 'node:crypto';
import type { AuditAction, AuditVerifyResult, JsonValue } from '../../../shared/api/audit.ts';
import { decodeAssessment } from './assessment-codec.ts';
import { entryHash, GENESIS_HASH, readHead, type AuditInput, type AuditRow } from './audit.ts';
import { computeSealFromHashes, readSeal, type AuditKey, type Checkpoint } from './audit-seal.ts';
import { addendumContentHash, revisionContentHash } from './content-hash.ts';
import { stmt, type Db } from './database.ts';

/**
 * Checks the audit log and the clinical content it vouches for, and says in words what is wrong:
 * - the hash chain (an entry edited, deleted, or cut off the end; the head kept in `meta`);
 * - each revision and addendum against the fingerprint its entry recorded, and each stored
 *   assessment against its own SHA-256 (content edited, added or removed outside the app);
 * - each signature against the entry that recorded it (a signed encounter turned back into a draft);
 * - the seal made with the key kept outside the database (a chain rewritten or cut off with its
 *   hashes recomputed);
 * - the checkpoints written with backups and exports (the same, by someone holding the key).
 */

export interface VerifyOptions {
  /** This installation's key; without it the seal is not checked (and that is reported). */
  readonly key: AuditKey | undefined;
  readonly checkpoints: readonly Checkpoint[];
  readonly unreadableCheckpoints?: number;
}

/** Enough to act on; a file changed wholesale would otherwise list every row. */
const MAX_PROBLEMS = 200;

interface Expected {
  readonly hash: string;
  readonly seq: number;
}
interface Signature {
  readonly revision: unknown;
  readonly at: unknown;
  readonly by: unknown;
  readonly seq: number;
}

const revisionKey = (encounterId: string, revision: number): string => `${encounterId}\u0000${revision}`;
const isRecord = (v: JsonValue | undefined): v is { [key: string]: JsonValue } => typeof v === 'object' && v !== null && !Array.isArray(v);

export function verifyAudit(db: Db, options: VerifyOptions): AuditVerifyResult {
  const problems: string[] = [];
  let more = 0;
  const report = (problem: string): void => {
    if (problems.length < MAX_PROBLEMS) problems.push(problem);
    else more++;
  };

  // What the entries recorded, collected while the chain is walked.
  const revisions = new Map<string, Expected & { encounterId: string; revision: number }>();
  const addenda = new Map<string, Expected>();
  const signatures = new Map<string, Signature>();
  const hashes: string[] = [];

  let firstBadEntry: number | null = null;
  let expectedSeq = 1;
  let prevHash = GENESIS_HASH;
  for (const raw of stmt(db, 'SELECT * FROM audit ORDER BY seq').iterate()) {
    const row = raw as unknown as AuditRow;
    hashes.push(row.hash);
    let detail: { [key: string]: JsonValue } | null = null;
    try {
      const parsed = JSON.parse(row.detail) as JsonValue;
      if (isRecord(parsed)) detail = parsed;
    } catch {
      detail = null;
    }
    if (firstBadEntry === null) {
      if (row.seq !== expectedSeq) {
        firstBadEntry = expectedSeq;
        report(`Entry ${expectedSeq} of the audit log is missing: it was deleted outside the app.`);
      } else if (detail === null) {
        firstBadEntry = row.seq;
        report(`Entry ${row.seq} of the audit log cannot be read: it was changed outside the app.`);
      } else {
        const entry: AuditInput = { at: row.at, who: row.who, action: row.action as AuditAction, encounterId: row.encounter_id, detail };
        if (row.prev_hash !== prevHash || entryHash(row.seq, entry, prevHash) !== row.hash) {
          firstBadEntry = row.seq;
          report(`Entry ${row.seq} of the audit log (${row.action}, ${row.at}) does not match its hash chain: it, or the entry before it, was changed outside the app.`);
        }
      }
    }
    prevHash = row.hash;
    expectedSeq = row.seq + 1;
    if (detail !== null && row.encounter_id !== null) collect(row, detail);
  }

  function collect(row: AuditRow, detail: { [key: string]: JsonValue }): void {
    const id = row.encounter_id!;
    const seq = row.seq;
    if ((row.action === 'create' || row.action === 'save') && typeof detail.revision === 'number' && typeof detail.content === 'string') {
      revisions.set(revisionKey(id, detail.revision), { hash: detail.content, seq, encounterId: id, revision: detail.revision });
    } else if (row.action === 'addendum' && typeof detail.addendum === 'string' && typeof detail.content === 'string') {
      addenda.set(detail.addendum, { hash: detail.content, seq });
    } else if (row.action === 'sign') {
      signatures.set(id, { revision: detail.revision, at: row.at, by: row.who, seq });
    } else if (row.action === 'import' || row.action === 'fingerprint') {
      if (Array.isArray(detail.content)) {
        detail.content.forEach((hash, i) => {
          if (typeof hash === 'string') revisions.set(revisionKey(id, i + 1), { hash, seq, encounterId: id, revision: i + 1 });
        });
      }
      if (isRecord(detail.addenda)) {
        for (const [addendumId, hash] of Object.entries(detail.addenda)) if (typeof hash === 'string') addenda.set(addendumId, { hash, seq });
      }
      if (isRecord(detail.signed)) signatures.set(id, { revision: detail.signed.revision, at: detail.signed.at, by: detail.signed.by, seq });
    }
  }

  const entries = hashes.length;
  const lastSeq = expectedSeq - 1;
  const head = readHead(db);
  if (head.seq > lastSeq) {
    firstBadEntry ??= lastSeq + 1;
    report(`The audit log ends at entry ${lastSeq} but had reached entry ${head.seq}: entries were cut off the end outside the app.`);
  } else if (head.seq < lastSeq) {
    firstBadEntry ??= head.seq + 1;
    report(`Entries ${head.seq + 1} to ${lastSeq} of the audit log were added outside the app.`);
  } else if (head.hash !== prevHash) {
    firstBadEntry ??= lastSeq;
    report(`The last entry of the audit log (${lastSeq}) is not the one the app wrote last: it was replaced outside the app.`);
  }

  checkSeal(db, options.key, hashes, report);
  checkCheckpoints(db, options, lastSeq, report);
  const counts = checkContent(db, revisions, addenda, signatures, report);

  if (more > 0) problems.push(`…and ${more} more problems of the same kinds.`);
  if (problems.length === 0) {
    return {
      intact: true,
      entries,
      revisions: counts.revisions,
      addenda: counts.addenda,
      summary: `Audit log intact: all ${entries} entries check out against their hash chain and seal, and so do the ${counts.revisions} revisions and ${counts.addenda} addenda they recorded.`,
    };
  }
  const n = problems.length - (more > 0 ? 1 : 0) + more;
  return {
    intact: false,
    firstBadEntry,
    problems,
    summary: `The audit log or the records it vouches for were changed outside the app: ${n} problem${n === 1 ? '' : 's'} found.`,
  };
}

function checkSeal(db: Db, key: AuditKey | undefined, hashes: readonly string[], report: (p: string) => void): void {
  if (key === undefined) {
    report("The audit log's seal could not be checked: this installation's audit key is not available.");
    return;
  }
  const stored = readSeal(db);
  // Every database is sealed when it is created (migration 6), before its first entry: an empty
  // log without a seal had it removed, perhaps with every entry and record it covered.
  if (stored === null) {
    report("The audit log's seal is missing: it was removed outside the app, so cut-off or rewritten entries cannot be ruled out.");
    return;
  }
  if (stored.seal === computeSealFromHashes(key.key, hashes)) return;
  if (stored.keyId !== key.id) {
    report(
      "The audit log was sealed with another key than this installation's (the database comes from another computer, or this installation's key file was replaced), so it cannot be confirmed that no entry was cut off or rewritten.",
    );
  } else {
    report("The audit log's seal does not match its entries: entries were rewritten, cut off or added outside the app.");
  }
}

function checkCheckpoints(db: Db, options: VerifyOptions, lastSeq: number, report: (p: string) => void): void {
  if ((options.unreadableCheckpoints ?? 0) > 0) report(`${options.unreadableCheckpoints} lines of the audit checkpoint file cannot be read: it was changed outside the app.`);
  const hashAt = stmt(db, 'SELECT hash FROM audit WHERE seq = ?');
  for (const c of options.checkpoints) {
    const when = `the ${c.event} of ${c.at}`;
    if (c.seq > lastSeq) {
      report(`The audit log has ${lastSeq} entries but had ${c.seq} at ${when}: entries were cut off since.`);
      continue;
    }
    const hash = c.seq === 0 ? GENESIS_HASH : (hashAt.get(c.seq) as { hash: string } | undefined)?.hash;
    if (hash !== c.hash) report(`Entry ${c.seq} of the audit log is not the one recorded at ${when}: the log was rewritten since.`);
  }
}

function checkContent(
  db: Db,
  revisions: Map<string, Expected & { encounterId: string; revision: number }>,
  addenda: Map<string, Expected>,
  signatures: Map<string, Signature>,
  report: (p: string) => void,
): { revisions: number; addenda: number } {
  let revisionCount = 0;
  const rows = stmt(
    db,
    `SELECT e.id AS encounter_id, r.revision, r.saved_at, r.saved_by, r.fields, r.assessment_hash
       FROM revisions r JOIN encounters e ON e.n = r.encounter_n`,
  ).iterate();
  for (const raw of rows) {
    const r = raw as { encounter_id: string; revision: number; saved_at: string; saved_by: string; fields: string; assessment_hash: string };
    revisionCount++;
    const key = revisionKey(r.encounter_id, r.revision);
    const expected = revisions.get(key);
    revisions.delete(key);
    const what = `Revision ${r.revision} of encounter ${r.encounter_id}`;
    if (expected === undefined) {
      report(`${what} is not in the audit log: it was added outside the app.`);
      continue;
    }
    let hash: string | null;
    try {
      hash = revisionContentHash(r.encounter_id, {
        revision: r.revision,
        savedAt: r.saved_at,
        savedBy: r.saved_by,
        fields: r.fields,
        assessmentHash: r.assessment_hash,
      });
    } catch {
      hash = null;
    }
    if (hash !== expected.hash) report(`${what} (saved ${r.saved_at}) is not what was saved (audit entry ${expected.seq}): its content was changed outside the app.`);
  }
  for (const missing of revisions.values()) {
    report(`Revision ${missing.revision} of encounter ${missing.encounterId}, recorded in audit entry ${missing.seq}, is missing from the database.`);
  }

  const findUsers = stmt(db, 'SELECT e.id, r.revision FROM revisions r JOIN encounters e ON e.n = r.encounter_n WHERE r.assessment_hash = ? LIMIT 3');
  for (const raw of stmt(db, 'SELECT hash, dictionary_id, body FROM assessments').iterate()) {
    const a = raw as { hash: string; dictionary_id: number | null; body: Uint8Array };
    let actual: string | null;
    try {
      actual = createHash('sha256').update(decodeAssessment(db, a.dictionary_id, a.body)).digest('hex');
    } catch {
      actual = null;
    }
    if (actual !== a.hash) {
      const users = (findUsers.all(a.hash) as { id: string; revision: number }[]).map((u) => `revision ${u.revision} of encounter ${u.id}`);
      report(`The stored assessment of ${users.length > 0 ? users.join(', ') : 'no revision'} is not the one computed when it was saved: it was changed outside the app.`);
    }
  }

  let addendumCount = 0;
  for (const raw of stmt(db, 'SELECT a.id, e.id AS encounter_id, a.created_at, a.author, a.text FROM addenda a JOIN encounters e ON e.n = a.encounter_n').iterate()) {
    const a = raw as { id: string; encounter_id: string; created_at: string; author: string; text: string };
    addendumCount++;
    const expected = addenda.get(a.id);
    addenda.delete(a.id);
    const what = `The addendum of ${a.created_at} to encounter ${a.encounter_id}`;
    if (expected === undefined) report(`${what} is not in the audit log: it was added outside the app.`);
    else if (addendumContentHash(a.encounter_id, { id: a.id, createdAt: a.created_at, author: a.author, text: a.text }) !== expected.hash) {
      report(`${what} is not what was written (audit entry ${expected.seq}): its text was changed outside the app.`);
    }
  }
  for (const [id, missing] of addenda) report(`The addendum ${id}, recorded in audit entry ${missing.seq}, is missing from the database.`);

  const heads = stmt(db, 'SELECT id, status, signed_revision, signed_at, signed_by FROM encounters').iterate();
  for (const raw of heads) {
    const e = raw as { id: string; status: string; signed_revision: number | null; signed_at: string | null; signed_by: string | null };
    const sig = signatures.get(e.id);
    if (e.status === 'signed') {
      if (sig === undefined) report(`Encounter ${e.id} is shown as signed, but the audit log records no signature for it.`);
      else if (sig.revision !== e.signed_revision || sig.at !== e.signed_at || sig.by !== e.signed_by) {
        report(`The signature of encounter ${e.id} is not the one recorded in audit entry ${sig.seq}: it was changed outside the app.`);
      }
    } else if (sig !== undefined) {
      report(`Encounter ${e.id} was signed (audit entry ${sig.seq}) but is now shown as a draft: its signature was removed outside the app.`);
    }
  }
  return { revisions: revisionCount, addenda: addendumCount };
}
