import { rowsOffThread } from './statement-off-thread.ts';

/**
 * A checkpoint of the database at `path` on a worker thread, with its own connection.
 *
 * A restore closes the live connection before it moves the file aside, and closing checkpoints
 * whatever the WAL still holds: after a large import not yet checkpointed, tens of milliseconds of
 * the main thread's CPU at the swap (35 ms for 4,000 encounters here, over 200 ms on a busy
 * machine), during which the window gets no answer. Run here while the backup is being copied and
 * checked (writes are refused by then, so the WAL does not grow again), it leaves the close little
 * to do. PASSIVE never waits for a reader; a frame it cannot move is moved by the close as before.
 */

export interface OffThreadCheckpoint {
  /** 1 when a lock kept it from running at all. */
  readonly busy: number;
  /** Frames in the WAL, and how many of them are now in the database file (-1 for both when not in WAL mode). */
  readonly walFrames: number;
  readonly checkpointed: number;
}

export async function checkpointOffThread(path: string): Promise<OffThreadCheckpoint> {
  const [row] = await rowsOffThread(path, 'PRAGMA wal_checkpoint(PASSIVE)', 'The checkpoint');
  return { busy: Number(row?.busy), walFrames: Number(row?.log), checkpointed: Number(row?.checkpointed) };
}
