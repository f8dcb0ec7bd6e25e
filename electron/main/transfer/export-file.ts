import { createHash } from 'node:crypto';
import { createWriteStream, rmSync, statSync } from 'node:fs';
import { dirname } from 'node:path';
import { Readable, Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { ApiError } from '../../../shared/api/errors.ts';
import { ioError, placeFile } from '../store/backup.ts';
import { fsyncDir, fsyncFile } from '../store/files.ts';
import { PRIVATE_FILE_MODE } from '../store/private-files.ts';
import { createSealStream } from '../store/sealed-file.ts';

/**
 * Writes a document given as a sequence of text pieces to `target` the way a backup is written:
 * into `temp` (beside the target, owner-only, never over an existing file), sealed with the
 * passphrase when there is one (the encrypted backups' format, sealed-file.ts), fsynced, then put
 * at `target` (an existing file is replaced only with `overwrite`) and the folder fsynced. The
 * target is therefore either what it was or the whole export; memory holds one piece at a time
 * (the stream waits for the disk before asking for the next piece).
 */
export async function writeExportFile(
  pieces: Iterable<string>,
  options: { readonly temp: string; readonly target: string; readonly overwrite: boolean; readonly passphrase?: string | undefined },
): Promise<{ bytes: number; sha256: string }> {
  const hash = createHash('sha256');
  let bytes = 0;
  // The fingerprint is of the file as written (sealed or not): what `sha256sum` of the file shows.
  const tap = new Transform({
    transform(chunk: Buffer, _encoding, callback) {
      hash.update(chunk);
      bytes += chunk.length;
      callback(null, chunk);
    },
  });
  // One piece at a time: the next encounter is read only when the disk has taken the last one.
  const source = Readable.from(pieces, { highWaterMark: 1 });
  const file = createWriteStream(options.temp, { flags: 'wx', mode: PRIVATE_FILE_MODE });
  try {
    if (options.passphrase === undefined) await pipeline(source, tap, file);
    else await pipeline(source, createSealStream(options.passphrase), tap, file);
    fsyncFile(options.temp);
    if (statSync(options.temp).size !== bytes) throw new Error('the file on disk is not the size written');
    placeFile(options.temp, options.target, options.overwrite);
    fsyncDir(dirname(options.target));
    return { bytes, sha256: hash.digest('hex') };
  } catch (error) {
    rmSync(options.temp, { force: true });
    if (error instanceof ApiError) throw error;
    throw ioError(`The export could not be written to ${options.target}`, error);
  }
}
