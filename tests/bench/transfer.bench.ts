/**
 * `npm run bench -- transfer` (issue 11, items 10 and 11).
 *
 * 1. The largest main-thread block under each hostile import, measured with
 *    perf_hooks.monitorEventLoopDelay (resolution 10 ms) while the call runs through the real
 *    dispatcher and services: a JSON import of 2,000 entries with unknown ids (7.9 s to 9.4 s
 *    before the worker), a FHIR Bundle of one encounter with 40,000 observations, 40 entries each
 *    listing 50,000 unknown ids.
 * 2. Exports of 20,000 synthetic encounters to a file (JSON, FHIR, FHIR sealed with a passphrase):
 *    duration, the process's peak RSS during each, and the RSS baseline measured just before in the
 *    same run (the export held 2 GB before it streamed).
 *
 * Prints `bench <name> <value> <unit>` lines on stdout.
 */
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { dispatch } from '../../electron/main/ipc/dispatch.ts';
import { openServices } from '../../electron/main/services.ts';
import { appendAudit } from '../../electron/main/store/audit.ts';
import { inTransaction } from '../../electron/main/store/database.ts';
import { insertEncounter } from '../../electron/main/store/encounters.ts';
import { syntheticEncounters } from '../main/fixtures/synthetic-encounters.ts';
import { mainThreadBlockDuring } from './main-thread-block.ts';

const line = (name: string, value: number, unit: string): void => {
  process.stdout.write(`bench ${name} ${Number(value.toFixed(1))} ${unit}\n`);
};
const log = (text: string): void => void process.stderr.write(`# ${text}\n`);
const dir = mkdtempSync(join(tmpdir(), 'legpain-bench-transfer-'));
const opened = openServices({ dataDir: dir, appVersion: 'bench' });
const call = (method: string, input: unknown) => dispatch(opened.services, method, input);

async function blockDuring(name: string, method: string, input: unknown): Promise<number> {
  const { value: answer, blockMs, ms } = await mainThreadBlockDuring(() => call(method, input));
  log(`${name}: ${answer.ok ? 'ok' : answer.error.code} in ${ms.toFixed(0)} ms`);
  line(`import.hostile.${name}.main_thread_block_max`, blockMs, 'ms');
  return blockMs;
}

/** Runs `work` while sampling RSS every 20 ms; returns its value, the peak, and the RSS after a collection just before. */
async function peakRss<T>(work: () => Promise<T>): Promise<{ value: T; peakMb: number; baselineMb: number }> {
  (globalThis as { gc?: () => void }).gc?.();
  const baseline = process.memoryUsage.rss();
  let peak = baseline;
  const timer = setInterval(() => (peak = Math.max(peak, process.memoryUsage.rss())), 20);
  const value = await work();
  clearInterval(timer);
  peak = Math.max(peak, process.memoryUsage.rss());
  return { value, peakMb: peak / 1024 / 1024, baselineMb: baseline / 1024 / 1024 };
}

try {
  const seenAt = '2026-11-25T10:30:00.000Z';
  const worst: number[] = [];
  const envelope = (encounters: unknown[]) => JSON.stringify({ format: 'leg-pain-ddx/encounters', version: 1, exportedAt: seenAt, appVersion: 'x', knowledgeBase: 'x', encounters });
  const draft = (id: string, findings: string[]) => ({
    id,
    status: 'draft',
    createdAt: seenAt,
    signedAt: null,
    signedBy: null,
    signedRevision: null,
    revisions: [{ revision: 1, savedAt: seenAt, encounter: { id, revision: 1, status: 'draft', seenAt, patient: { name: 'H' }, findings, assessment: {} } }],
    addenda: [],
  });
  // The worker starts with the first call: warm it so its start is not counted as an input's.
  await call('data.importJson', { json: envelope([]) });

  const bogus = Array.from({ length: 60 }, (_, j) => `bogus-${j}`);
  worst.push(await blockDuring('json_2k_bad_entries', 'data.importJson', { json: envelope(Array.from({ length: 2_000 }, (_, i) => draft(`hostile-${i}`, bogus))) }));

  const entry: unknown[] = [
    { fullUrl: 'urn:uuid:p1', resource: { resourceType: 'Patient', id: 'p1', name: [{ text: 'Big Bundle' }] } },
    { fullUrl: 'urn:uuid:e1', resource: { resourceType: 'Encounter', id: 'e1', status: 'in-progress', class: { code: 'AMB' }, subject: { reference: 'urn:uuid:p1' }, period: { start: '2026-10-01T09:00:00Z' } } },
  ];
  for (let i = 0; i < 40_000; i++) {
    entry.push({ fullUrl: `urn:uuid:o${i}`, resource: { resourceType: 'Observation', id: `o${i}`, status: 'final', code: { coding: [{ system: 'http://loinc.org', code: '8867-4', display: 'Heart rate' }] }, subject: { reference: 'urn:uuid:p1' }, encounter: { reference: 'urn:uuid:e1' } } });
  }
  worst.push(await blockDuring('fhir_40k_observations', 'data.importFhir', { json: JSON.stringify({ resourceType: 'Bundle', type: 'collection', entry }) }));

  const ids = Array.from({ length: 50_000 }, (_, j) => `no-such-finding-${j}`);
  worst.push(await blockDuring('json_40x50k_unknown_ids', 'data.importJson', { json: envelope(Array.from({ length: 40 }, (_, i) => draft(`huge-${i}`, ids))) }));
  line('import.hostile.main_thread_block_max', Math.max(...worst), 'ms');

  // 20,000 encounters, written straight into the store (seeding is not what is measured).
  const COUNT = 20_000;
  const db = opened.store.db;
  const source = syntheticEncounters({ count: COUNT, seed: 7 });
  for (let done = 0; done < COUNT; done += 2_000) {
    inTransaction(db, () => {
      for (let i = 0; i < 2_000; i++) {
        const e = source.next().value!;
        insertEncounter(db, e);
        appendAudit(db, { at: e.createdAt, who: 'bench', action: 'import', encounterId: e.id, detail: {} });
      }
    });
  }
  log(`seeded ${COUNT} encounters`);
  const out = mkdtempSync(join(tmpdir(), 'legpain-bench-export-'));
  for (const [name, format, passphrase] of [
    ['json', 'json', undefined],
    ['fhir', 'fhir', undefined],
    ['fhir_sealed', 'fhir', 'correct horse battery staple'],
  ] as const) {
    const path = join(out, `${name}.json`);
    // The block is measured around the call alone: peakRss's own collection of garbage first holds the loop too.
    const { value: measured, peakMb, baselineMb } = await peakRss(() => mainThreadBlockDuring(() => call('data.exportFile', { format, path, ...(passphrase ? { passphrase } : {}) })));
    if (!measured.value.ok) throw new Error(measured.value.error.message);
    const { blockMs, ms } = measured;
    line(`export.${name}.duration`, ms, 'ms');
    line(`export.${name}.peak_rss_mb`, peakMb, 'MB');
    line(`export.${name}.baseline_rss_mb`, baselineMb, 'MB');
    line(`export.${name}.peak_over_baseline_mb`, peakMb - baselineMb, 'MB');
    line(`export.${name}.main_thread_block_max`, blockMs, 'ms');
    line(`export.${name}.file_mb`, statSync(path).size / 1024 / 1024, 'MB');
  }
  rmSync(out, { recursive: true, force: true });
} finally {
  opened.close();
  rmSync(dir, { recursive: true, force: true });
}
