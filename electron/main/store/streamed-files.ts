import { createHash } from 'node:crypto';
import { open } from 'node:fs/promises';

/**
 * Reading and copying large files in chunks with the promise API, so the event loop serves other
 * requests between chunks, reporting the bytes done as they go, and hashing what was read.
 */

const CHUNK = 1 << 20;

export type OnBytes = (done: number, total: number) => void;

/** SHA-256 of a file, with progress. */
export async function hashFile(path: string, onBytes: OnBytes = () => {}): Promise<{ sha256: string; bytes: number }> {
  const hash = createHash('sha256');
  const file = await open(path, 'r');
  try {
    const total = (await file.stat()).size;
    const buffer = Buffer.allocUnsafe(CHUNK);
    let bytes = 0;
    onBytes(0, total);
    for (;;) {
      const { bytesRead } = await file.read(buffer, 0, buffer.length, null);
      if (bytesRead === 0) break;
      hash.update(buffer.subarray(0, bytesRead));
      bytes += bytesRead;
      onBytes(bytes, Math.max(total, bytes));
    }
    return { sha256: hash.digest('hex'), bytes };
  } finally {
    await file.close();
  }
}

/**
 * Copies `from` to a new file `to` (which must not exist) and fsyncs it; returns the SHA-256 of
 * the bytes copied, so the copy is read once.
 */
export async function copyFileHashed(from: string, to: string, onBytes: OnBytes = () => {}): Promise<{ sha256: string; bytes: number }> {
  const hash = createHash('sha256');
  const source = await open(from, 'r');
  try {
    const total = (await source.stat()).size;
    // Owner-only: the copies are of patient data (private-files.ts).
    const target = await open(to, 'wx', 0o600);
    try {
      const buffer = Buffer.allocUnsafe(CHUNK);
      let bytes = 0;
      onBytes(0, total);
      for (;;) {
        const { bytesRead } = await source.read(buffer, 0, buffer.length, null);
        if (bytesRead === 0) break;
        const chunk = buffer.subarray(0, bytesRead);
        hash.update(chunk);
        let written = 0;
        while (written < bytesRead) written += (await target.write(chunk, written, bytesRead - written)).bytesWritten;
        bytes += bytesRead;
        onBytes(bytes, Math.max(total, bytes));
      }
      await target.sync();
      return { sha256: hash.digest('hex'), bytes };
    } finally {
      await target.close();
    }
  } finally {
    await source.close();
  }
}
