import { createCipheriv, createDecipheriv, createHash, createHmac, randomBytes, scrypt, timingSafeEqual } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import { open } from 'node:fs/promises';
import { Transform, type TransformCallback } from 'node:stream';
import { pipeline } from 'node:stream/promises';

/**
 * Passphrase-protected files (encrypted backups; exports can use the same streams).
 *
 * Format, version 1: a 72-byte header, then the content in records.
 *   magic "LPDXSEAL" (8) | format version (1) | key derivation 1 = scrypt (1) | log2 N, r, p (3) |
 *   salt (16) | nonce prefix (7) | record size (4, big-endian) | header MAC (32)
 * The key is scrypt(passphrase in NFC, salt): 32 bytes for AES-256-GCM, 32 for the header's
 * HMAC-SHA256, which tells a wrong passphrase from a damaged file before anything is decrypted.
 * Each record is `record size` bytes of content (the last one fewer, possibly none) sealed with
 * AES-256-GCM and its 16-byte tag; its nonce is the prefix, the record's number and a flag set on
 * the last one, and the whole header is its additional data. So a changed header, a changed,
 * reordered or removed record, and a file cut short are all detected, record by record, while
 * the file streams (nothing is held whole in memory).
 */

export const SEAL_MAGIC = Buffer.from('LPDXSEAL', 'ascii');
export const SEAL_FORMAT_VERSION = 1;
const HEADER_BODY = 8 + 1 + 1 + 3 + 16 + 7 + 4;
export const SEAL_HEADER_BYTES = HEADER_BODY + 32;
const TAG = 16;
const DEFAULT_RECORD = 64 * 1024;

/** scrypt's cost: 128 MiB and about half a second, once per file. */
export interface SealCost {
  readonly log2N: number;
  readonly r: number;
  readonly p: number;
}
export const DEFAULT_COST: SealCost = { log2N: 17, r: 8, p: 1 };

export type SealProblem = 'not-sealed' | 'unsupported' | 'wrong-passphrase' | 'damaged';

export class SealError extends Error {
  readonly problem: SealProblem;
  constructor(problem: SealProblem, message: string) {
    super(message);
    this.name = 'SealError';
    this.problem = problem;
  }
}

function deriveKeys(passphrase: string, salt: Buffer, cost: SealCost): Promise<{ enc: Buffer; mac: Buffer }> {
  const N = 2 ** cost.log2N;
  return new Promise((resolve, reject) => {
    scrypt(passphrase.normalize('NFC'), salt, 64, { N, r: cost.r, p: cost.p, maxmem: 256 * N * cost.r + 32 * 1024 * 1024 }, (error, key) => {
      if (error) reject(error);
      else resolve({ enc: key.subarray(0, 32), mac: key.subarray(32) });
    });
  });
}

const nonceOf = (prefix: Buffer, index: number, last: boolean): Buffer => {
  const nonce = Buffer.alloc(12);
  prefix.copy(nonce, 0);
  nonce.writeUInt32BE(index, 7);
  nonce[11] = last ? 1 : 0;
  return nonce;
};

/** A stream that seals what passes through it with `passphrase`. */
export function createSealStream(passphrase: string, options: { cost?: SealCost; recordSize?: number } = {}): Transform {
  const cost = options.cost ?? DEFAULT_COST;
  const recordSize = options.recordSize ?? DEFAULT_RECORD;
  const salt = randomBytes(16);
  const prefix = randomBytes(7);
  const keys = deriveKeys(passphrase, salt, cost);
  const body = Buffer.alloc(HEADER_BODY);
  let o = SEAL_MAGIC.copy(body, 0);
  body[o++] = SEAL_FORMAT_VERSION;
  body[o++] = 1;
  body[o++] = cost.log2N;
  body[o++] = cost.r;
  body[o++] = cost.p;
  o += salt.copy(body, o);
  o += prefix.copy(body, o);
  body.writeUInt32BE(recordSize, o);
  let header: Buffer | null = null;
  let pending: Buffer = Buffer.alloc(0);
  let index = 0;

  const seal = (enc: Buffer, chunk: Buffer, last: boolean): Buffer => {
    const cipher = createCipheriv('aes-256-gcm', enc, nonceOf(prefix, index++, last));
    cipher.setAAD(header!);
    return Buffer.concat([cipher.update(chunk), cipher.final(), cipher.getAuthTag()]);
  };
  const start = async (self: Transform): Promise<Buffer> => {
    const { enc, mac } = await keys;
    if (header === null) {
      header = Buffer.concat([body, createHmac('sha256', mac).update(body).digest()]);
      self.push(header);
    }
    return enc;
  };

  return new Transform({
    transform(chunk: Buffer, _encoding, callback: TransformCallback) {
      start(this).then(
        (enc) => {
          pending = pending.length === 0 ? chunk : Buffer.concat([pending, chunk]);
          // A full record goes out only once more content follows: the last record must carry the flag.
          let at = 0;
          while (pending.length - at > recordSize) {
            this.push(seal(enc, pending.subarray(at, at + recordSize), false));
            at += recordSize;
          }
          pending = pending.subarray(at);
          callback();
        },
        (error: Error) => callback(error),
      );
    },
    flush(callback: TransformCallback) {
      start(this).then(
        (enc) => {
          this.push(seal(enc, pending, true));
          callback();
        },
        (error: Error) => callback(error),
      );
    },
  });
}

function parseHeader(header: Buffer): { cost: SealCost; salt: Buffer; prefix: Buffer; recordSize: number } {
  if (!header.subarray(0, 8).equals(SEAL_MAGIC)) throw new SealError('not-sealed', 'The file is not a passphrase-protected Leg Pain DDx file.');
  if (header[8] !== SEAL_FORMAT_VERSION || header[9] !== 1) {
    throw new SealError('unsupported', 'The file was protected by a newer version of Leg Pain DDx; install it to open this file.');
  }
  const cost = { log2N: header[10]!, r: header[11]!, p: header[12]! };
  const recordSize = header.readUInt32BE(13 + 16 + 7);
  // Bounds keep a forged header from asking for gigabytes of memory or years of work.
  if (cost.log2N < 10 || cost.log2N > 20 || cost.r < 1 || cost.r > 16 || cost.p < 1 || cost.p > 4 || recordSize < 1024 || recordSize > 16 * 1024 * 1024) {
    throw new SealError('damaged', 'The header of the protected file is damaged.');
  }
  return { cost, salt: header.subarray(13, 29), prefix: header.subarray(29, 36), recordSize };
}

/** A stream that opens what createSealStream sealed; it fails with a SealError (nothing unchecked is passed on). */
export function createOpenStream(passphrase: string): Transform {
  let header: Buffer | null = null;
  let enc: Buffer | null = null;
  let prefix: Buffer = Buffer.alloc(0);
  let record = 0;
  let pending: Buffer = Buffer.alloc(0);
  let index = 0;

  const open = (chunk: Buffer, last: boolean): Buffer => {
    if (chunk.length < TAG) throw new SealError('damaged', 'The protected file is cut short or damaged.');
    const decipher = createDecipheriv('aes-256-gcm', enc!, nonceOf(prefix, index++, last));
    decipher.setAAD(header!);
    decipher.setAuthTag(chunk.subarray(chunk.length - TAG));
    try {
      return Buffer.concat([decipher.update(chunk.subarray(0, chunk.length - TAG)), decipher.final()]);
    } catch {
      throw new SealError('damaged', 'The protected file is damaged or was changed after it was written.');
    }
  };
  const ready = async (): Promise<boolean> => {
    if (enc !== null) return true;
    if (pending.length < SEAL_HEADER_BYTES) return false;
    const h = pending.subarray(0, SEAL_HEADER_BYTES);
    const parsed = parseHeader(h);
    const keys = await deriveKeys(passphrase, parsed.salt, parsed.cost);
    const expected = createHmac('sha256', keys.mac).update(h.subarray(0, HEADER_BODY)).digest();
    if (!timingSafeEqual(expected, h.subarray(HEADER_BODY))) {
      throw new SealError('wrong-passphrase', 'The passphrase is not the one the file was protected with.');
    }
    header = Buffer.from(h);
    prefix = parsed.prefix;
    record = parsed.recordSize + TAG;
    enc = keys.enc;
    pending = pending.subarray(SEAL_HEADER_BYTES);
    return true;
  };

  return new Transform({
    transform(chunk: Buffer, _encoding, callback: TransformCallback) {
      pending = pending.length === 0 ? chunk : Buffer.concat([pending, chunk]);
      ready().then(
        (isReady) => {
          try {
            if (isReady) {
              let at = 0;
              while (pending.length - at > record) {
                this.push(open(pending.subarray(at, at + record), false));
                at += record;
              }
              pending = pending.subarray(at);
            }
            callback();
          } catch (error) {
            callback(error as Error);
          }
        },
        (error: Error) => callback(error),
      );
    },
    flush(callback: TransformCallback) {
      ready().then(
        (isReady) => {
          try {
            if (!isReady) {
              if (pending.length >= 8 && !pending.subarray(0, 8).equals(SEAL_MAGIC)) throw new SealError('not-sealed', 'The file is not a passphrase-protected Leg Pain DDx file.');
              throw new SealError('damaged', 'The protected file is cut short or damaged.');
            }
            this.push(open(pending, true));
            callback();
          } catch (error) {
            callback(error as Error);
          }
        },
        (error: Error) => callback(error),
      );
    },
  });
}

/** Whether the file starts like a sealed file (its header is checked when it is opened). */
export async function isSealedFile(path: string): Promise<boolean> {
  const file = await open(path, 'r');
  try {
    const magic = Buffer.alloc(SEAL_MAGIC.length);
    const { bytesRead } = await file.read(magic, 0, magic.length, 0);
    return bytesRead === magic.length && magic.equals(SEAL_MAGIC);
  } finally {
    await file.close();
  }
}

export type OnBytes = (done: number, total: number) => void;

async function transformFile(from: string, to: string, transform: Transform, onBytes: OnBytes): Promise<{ sha256: string; bytes: number }> {
  const total = (await open(from, 'r').then(async (f) => {
    try {
      return (await f.stat()).size;
    } finally {
      await f.close();
    }
  }));
  const hash = createHash('sha256');
  let bytes = 0;
  const source = createReadStream(from);
  source.on('data', (chunk) => {
    hash.update(chunk as Buffer);
    bytes += chunk.length;
    onBytes(bytes, Math.max(total, bytes));
  });
  // Owner-only, never over an existing file.
  const target = createWriteStream(to, { flags: 'wx', mode: 0o600, flush: true });
  onBytes(0, total);
  await pipeline(source, transform, target);
  return { sha256: hash.digest('hex'), bytes };
}

/** Seals the file `from` into the new file `to`; returns the SHA-256 of what was read. */
export const sealFile = (from: string, to: string, passphrase: string, onBytes: OnBytes = () => {}, cost?: SealCost) =>
  transformFile(from, to, createSealStream(passphrase, cost === undefined ? {} : { cost }), onBytes);

/** Opens the sealed file `from` into the new file `to`; returns the SHA-256 of the sealed file as read. Throws SealError. */
export const openSealedFile = (from: string, to: string, passphrase: string, onBytes: OnBytes = () => {}) =>
  transformFile(from, to, createOpenStream(passphrase), onBytes);
