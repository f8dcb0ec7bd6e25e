import { createHash, createHmac, randomBytes } from 'node:crypto';
import { appendFileSync, existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { stmt, type Db } from './database.ts';
import { fsyncDir, fsyncFile } from './files.ts';
import { PRIVATE_FILE_MODE } from './private-files.ts';

/**
 * The audit chain's anchors outside the rows it protects.
 *
 * The seal: a keyed MAC (HMAC-SHA256) chained over every entry's hash, seal(n) = HMAC(key,
 * seal(n-1) + hash(n)), its last value kept in `meta`. The key is a file beside the database
 * (audit.key, readable by its owner only), never inside it: whoever has the database file but not
 * the key can edit, rewrite or cut off entries and recompute every hash, but cannot make a seal
 * that matches. Only the latest seal is stored, so one changed entry anywhere changes it.
 *
 * Checkpoints: the head of the chain (entry number and hash) written to audit-checkpoints.jsonl in
 * the data folder with each backup and export. A chain rewritten or cut off before a checkpoint no
 * longer has that entry there, whoever holds the key.
 */

export const AUDIT_KEY_FILE = 'audit.key';
export const CHECKPOINT_FILE = 'audit-checkpoints.jsonl';

export interface AuditKey {
  readonly key: Buffer;
  /** A short public name of the key (not the key), kept beside each seal so a foreign seal can be named as such. */
  readonly id: string;
}

const keyId = (key: Buffer): string => createHash('sha256').update('leg-pain-ddx audit key id\n').update(key).digest('hex').slice(0, 16);

/** This data folder's key, created (owner-only, durable) the first time. */
export function loadOrCreateAuditKey(dataDir: string): AuditKey {
  const path = join(dataDir, AUDIT_KEY_FILE);
  if (existsSync(path)) {
    const text = readFileSync(path, 'utf8').trim();
    if (!/^[0-9a-f]{64}$/.test(text)) {
      throw new Error(`The audit key file ${path} is damaged; restore it from where it was kept, or move it aside to start a new one.`);
    }
    const key = Buffer.from(text, 'hex');
    return { key, id: keyId(key) };
  }
  const key = randomBytes(32);
  const tmp = `${path}.tmp`;
  writeFileSync(tmp, `${key.toString('hex')}\n`, { mode: PRIVATE_FILE_MODE });
  fsyncFile(tmp);
  renameSync(tmp, path);
  fsyncDir(dataDir);
  return { key, id: keyId(key) };
}

const keys = new WeakMap<Db, AuditKey>();

/** The key appendAudit seals with on this connection; set by the store before migrations run. */
export function useAuditKey(db: Db, key: AuditKey): void {
  keys.set(db, key);
}

export const auditKeyOf = (db: Db): AuditKey | undefined => keys.get(db);

/** The seal before the first entry. */
export const sealStart = (key: Buffer): string => createHmac('sha256', key).update('leg-pain-ddx audit seal v1').digest('hex');

export const sealNext = (key: Buffer, previous: string, entryHash: string): string =>
  createHmac('sha256', key).update(previous).update('\n').update(entryHash).digest('hex');

export interface StoredSeal {
  readonly seal: string;
  readonly keyId: string;
}

export function readSeal(db: Db): StoredSeal | null {
  const rows = stmt(db, "SELECT key, value FROM meta WHERE key IN ('audit_seal', 'audit_seal_key')").all() as { key: string; value: string }[];
  const map = new Map(rows.map((r) => [r.key, r.value]));
  const seal = map.get('audit_seal');
  return seal === undefined ? null : { seal, keyId: map.get('audit_seal_key') ?? '' };
}

export function writeSeal(db: Db, seal: string, key: AuditKey): void {
  stmt(db, "INSERT INTO meta (key, value) VALUES ('audit_seal', ?), ('audit_seal_key', ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value").run(
    seal,
    key.id,
  );
}

export function computeSealFromHashes(key: Buffer, hashes: Iterable<string>): string {
  let seal = sealStart(key);
  for (const hash of hashes) seal = sealNext(key, seal, hash);
  return seal;
}

/** The seal of the chain as it stands, recomputed from its first entry. */
export function computeSeal(db: Db, key: Buffer): string {
  const hashes = (function* () {
    for (const row of stmt(db, 'SELECT hash FROM audit ORDER BY seq').iterate()) yield String((row as { hash: string }).hash);
  })();
  return computeSealFromHashes(key, hashes);
}

/** A seal of a chain with a key, and the last entry of the chain it covers. */
export interface ChainSeal {
  readonly seq: number;
  readonly hash: string;
  readonly seal: string;
}

/** The seal of the chain as it stands with `key`, and the head it ends at. */
export function sealOfChain(db: Db, key: Buffer): ChainSeal {
  return { ...auditHead(db), seal: computeSeal(db, key) };
}

/**
 * Seals the chain as it stands with `key`: the first time (entries written before seals
 * existed), and after a restore (a backup sealed by another installation). The caller records
 * beforehand, in the chain, what the check of the chain found. A restore passes the seal its
 * worker thread computed on the same file (`computed`), used when it ends at the chain's head as
 * it stands; otherwise (entries added since, by a migration) the seal is computed here.
 */
export function resealAudit(db: Db, key: AuditKey, computed?: ChainSeal): void {
  writeSeal(db, computed !== undefined && endsChain(db, computed) ? computed.seal : computeSeal(db, key.key), key);
}

function endsChain(db: Db, seal: ChainSeal): boolean {
  const head = auditHead(db);
  return seal.seq === head.seq && seal.hash === head.hash;
}

export interface Checkpoint {
  readonly at: string;
  readonly event: 'backup' | 'export' | 'restore';
  readonly seq: number;
  readonly hash: string;
}

/** The chain's head as it stands (entry 0 and the genesis hash for an empty chain). */
export function auditHead(db: Db): { seq: number; hash: string } {
  const row = stmt(db, 'SELECT seq, hash FROM audit ORDER BY seq DESC LIMIT 1').get() as { seq: number; hash: string } | undefined;
  return row === undefined ? { seq: 0, hash: '0'.repeat(64) } : { seq: row.seq, hash: row.hash };
}

/** Appends the chain's current head to the data folder's checkpoint file (owner-only, fsynced). */
export function writeCheckpoint(dataDir: string, db: Db, event: Checkpoint['event'], at: string): void {
  const path = join(dataDir, CHECKPOINT_FILE);
  const line: Checkpoint = { at, event, ...auditHead(db) };
  appendFileSync(path, `${JSON.stringify(line)}\n`, { mode: PRIVATE_FILE_MODE });
  fsyncFile(path);
}

/**
 * The checkpoints that still apply: those written since the last restore (a restore puts another
 * chain in place; its own line records the head it brought). Unreadable lines are reported.
 */
export function readCheckpoints(dataDir: string): { checkpoints: Checkpoint[]; unreadable: number } {
  const path = join(dataDir, CHECKPOINT_FILE);
  if (!existsSync(path)) return { checkpoints: [], unreadable: 0 };
  let checkpoints: Checkpoint[] = [];
  let unreadable = 0;
  for (const line of readFileSync(path, 'utf8').split('\n')) {
    if (line.trim() === '') continue;
    try {
      const c = JSON.parse(line) as Checkpoint;
      if (typeof c.seq !== 'number' || typeof c.hash !== 'string' || typeof c.at !== 'string') throw new Error('bad line');
      if (c.event === 'restore') checkpoints = [];
      checkpoints.push(c);
    } catch {
      unreadable++;
    }
  }
  return { checkpoints, unreadable };
}
