/**
 * Issue 11, item 10: the longest the main thread is held by each hostile or huge request, run
 * through the real dispatcher and services (what the IPC handlers and the bridge call): 50,000
 * unknown finding ids, a FHIR Bundle of one encounter with 40,000 observations, a JSON import of
 * 2,000 encounters each with unknown ids. Before the fixes: 47 s, 56 s and 15 s.
 *
 * Prints `bench <name> <value> <unit>` lines on stdout.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { dispatch } from '../../electron/main/ipc/dispatch.ts';
import { openServices } from '../../electron/main/services.ts';

const line = (name: string, value: number, unit: string): void => {
  process.stdout.write(`bench ${name} ${Number(value.toFixed(1))} ${unit}\n`);
};
const dir = mkdtempSync(join(tmpdir(), 'legpain-bench-hostile-'));
const opened = openServices({ dataDir: dir, appVersion: 'bench' });
const call = (method: string, input: unknown) => dispatch(opened.services, method, input);

/** The whole call is synchronous work on this thread until its answer: its duration is the block. */
async function blocked(name: string, method: string, input: unknown): Promise<number> {
  const t = performance.now();
  const answer = await call(method, input);
  const ms = performance.now() - t;
  process.stderr.write(`# ${name}: ${answer.ok ? 'ok' : answer.error.code} in ${ms.toFixed(0)} ms\n`);
  line(`hostile.${name}.main-thread-block`, ms, 'ms');
  return ms;
}

try {
  const seenAt = '2026-11-25T10:30:00.000Z';
  const worst: number[] = [];
  worst.push(await blocked('unknown-ids-50k', 'encounter.save', { seenAt, patient: { name: 'Hostile' }, findings: Array.from({ length: 50_000 }, (_, i) => `no-such-finding-${i}`) }));

  const entry: unknown[] = [
    { fullUrl: 'urn:uuid:p1', resource: { resourceType: 'Patient', id: 'p1', name: [{ text: 'Big Bundle' }] } },
    { fullUrl: 'urn:uuid:e1', resource: { resourceType: 'Encounter', id: 'e1', status: 'in-progress', class: { code: 'AMB' }, subject: { reference: 'urn:uuid:p1' }, period: { start: '2026-10-01T09:00:00Z' } } },
  ];
  for (let i = 0; i < 40_000; i++) {
    entry.push({ fullUrl: `urn:uuid:o${i}`, resource: { resourceType: 'Observation', id: `o${i}`, status: 'final', code: { coding: [{ system: 'http://loinc.org', code: '8867-4', display: 'Heart rate' }] }, subject: { reference: 'urn:uuid:p1' }, encounter: { reference: 'urn:uuid:e1' } } });
  }
  worst.push(await blocked('fhir-40k-observations', 'data.importFhir', { json: JSON.stringify({ resourceType: 'Bundle', type: 'collection', entry }) }));

  const encounters = Array.from({ length: 2_000 }, (_, i) => ({
    id: `hostile-${i}`,
    status: 'draft',
    createdAt: seenAt,
    signedAt: null,
    signedBy: null,
    signedRevision: null,
    revisions: [{ revision: 1, savedAt: seenAt, encounter: { id: `hostile-${i}`, revision: 1, status: 'draft', seenAt, patient: { name: 'H' }, findings: Array.from({ length: 60 }, (_, j) => `bogus-${j}`), assessment: {} } }],
    addenda: [],
  }));
  worst.push(await blocked('json-import-2k-bad-entries', 'data.importJson', { json: JSON.stringify({ format: 'leg-pain-ddx/encounters', version: 1, exportedAt: seenAt, appVersion: 'x', knowledgeBase: 'x', encounters }) }));
  line('hostile.largest-main-thread-block', Math.max(...worst), 'ms');
} finally {
  opened.close();
  rmSync(dir, { recursive: true, force: true });
}
