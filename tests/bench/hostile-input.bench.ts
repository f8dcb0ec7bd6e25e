/**
 * Issue 11, item 10: the longest the main thread is held by a hostile save, run through the real
 * dispatcher and services (what the IPC handlers and the bridge call): 50,000 unknown finding ids
 * (47 s before the fix). A save is answered on the main thread, so this is all of its time.
 *
 * The hostile imports (a FHIR Bundle of one encounter with 40,000 observations, a JSON import of
 * 2,000 encounters each with unknown ids) run on the transfer worker since issue 11's later items:
 * transfer.bench.ts measures what they hold the main thread for.
 *
 * Prints `bench <name> <value> <unit>` lines on stdout.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { dispatch } from '../../electron/main/ipc/dispatch.ts';
import { openServices } from '../../electron/main/services.ts';
import { mainThreadBlockDuring } from './main-thread-block.ts';

const line = (name: string, value: number, unit: string): void => {
  process.stdout.write(`bench ${name} ${Number(value.toFixed(1))} ${unit}\n`);
};
const dir = mkdtempSync(join(tmpdir(), 'legpain-bench-hostile-'));
const opened = openServices({ dataDir: dir, appVersion: 'bench' });

try {
  const seenAt = '2026-11-25T10:30:00.000Z';
  const input = { seenAt, patient: { name: 'Hostile' }, findings: Array.from({ length: 50_000 }, (_, i) => `no-such-finding-${i}`) };
  const { value: answer, blockMs, ms } = await mainThreadBlockDuring(() => dispatch(opened.services, 'encounter.save', input));
  process.stderr.write(`# unknown-ids-50k: ${answer.ok ? 'ok' : answer.error.code} in ${ms.toFixed(0)} ms\n`);
  line('hostile.unknown-ids-50k.main-thread-block', blockMs, 'ms');
} finally {
  opened.close();
  rmSync(dir, { recursive: true, force: true });
}
