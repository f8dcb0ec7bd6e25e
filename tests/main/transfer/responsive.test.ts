import { join } from 'node:path';
import { setImmediate as nextTurn } from 'node:timers/promises';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { dispatch } from '../../../electron/main/ipc/dispatch.ts';
import { appendAudit } from '../../../electron/main/store/audit.ts';
import { encounterContentDetail } from '../../../electron/main/store/content-hash.ts';
import { inTransaction } from '../../../electron/main/store/database.ts';
import { insertEncounter } from '../../../electron/main/store/encounters.ts';
import { syntheticEncounters } from '../fixtures/synthetic-encounters.ts';
import { openTestServices, tempDir, type TestServices } from '../helpers.ts';

/**
 * Issue 11, item 10: while a hostile or huge import runs, the main thread keeps answering. Each
 * app.status is asked for 20 ms after the previous answer; what is measured is the time from the
 * moment it was due to its answer, so a main thread held by the import (which also delays the
 * timer that asks) shows as a late answer. Sizes are such that the work takes seconds: on the
 * code that ran the import on the main thread, the first status came 8 to 20 s late.
 *
 * Two measures of each wait: the main thread's own CPU time in it (process.threadCpuUsage), which
 * is what the app's work costs the window and must stay under 100 ms; and the wall-clock time,
 * which on a shared machine also holds the time the operating system gave to other processes (the
 * two cores of the test machine ran 14 runnable threads at times, and an idle thread then waited
 * up to half a second), so it is held to 1 s, still far below the seconds of the old code.
 */

const seenAt = '2026-11-25T10:30:00.000Z';
const INTERVAL = 20;

/** app.status answered several times during the work, none held by more than 100 ms of main-thread CPU or late by 1 s. */
function expectAnsweredThroughout(lateness: readonly number[], busy: readonly number[]): void {
  expect(lateness.length).toBeGreaterThan(3);
  expect(Math.max(...busy)).toBeLessThan(100);
  expect(Math.max(...lateness)).toBeLessThan(1000);
}

/** Runs `work` and asks app.status again and again until it settles; returns each status's lateness (ms). */
async function statusLatenessDuring(s: TestServices, work: () => Promise<unknown>): Promise<{ lateness: number[]; busy: number[]; result: unknown }> {
  const lateness: number[] = [];
  const busy: number[] = [];
  const cpu = (): number => {
    const { user, system } = process.threadCpuUsage();
    return (user + system) / 1000;
  };
  let cpuAt = cpu();
  let settled = false;
  let due = performance.now() + INTERVAL;
  const sampler = (async () => {
    while (!settled) {
      await new Promise((r) => setTimeout(r, Math.max(0, due - performance.now())));
      const answer = await dispatch(s.services, 'app.status', {});
      expect(answer.ok).toBe(true);
      const now = performance.now();
      const cpuNow = cpu();
      lateness.push(now - due);
      // The thread's CPU time since the last answer: the 20 ms pause costs none of it.
      busy.push(cpuNow - cpuAt);
      cpuAt = cpuNow;
      due = now + INTERVAL;
    }
  })();
  // The work starts on a later turn, as a call from the window or the bridge would.
  await new Promise((r) => setTimeout(r, 0));
  const result = await work();
  settled = true;
  await sampler;
  return { lateness, busy, result };
}

const envelope = (encounters: unknown[]) => JSON.stringify({ format: 'leg-pain-ddx/encounters', version: 1, exportedAt: seenAt, appVersion: 'x', knowledgeBase: 'x', encounters });

describe('app.status during a hostile or huge import', () => {
  let s: TestServices;
  beforeEach(() => {
    s = openTestServices();
  });
  afterEach(() => s.dispose());

  it('answers within 100 ms throughout a JSON import of 2,000 entries with unknown finding ids', async () => {
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
    const json = envelope(encounters);
    const { lateness, busy, result } = await statusLatenessDuring(s, () => dispatch(s.services, 'data.importJson', { json }));
    expect(result).toMatchObject({ ok: true, value: { imported: 0 } });
    expect((result as { value: { skipped: unknown[] } }).value.skipped).toHaveLength(2_000);
    expectAnsweredThroughout(lateness, busy);
  }, 120_000);

  it('answers within 100 ms throughout a FHIR import of one encounter with 40,000 observations', async () => {
    const entry: unknown[] = [
      { fullUrl: 'urn:uuid:p1', resource: { resourceType: 'Patient', id: 'p1', name: [{ text: 'Big Bundle' }] } },
      { fullUrl: 'urn:uuid:e1', resource: { resourceType: 'Encounter', id: 'e1', status: 'in-progress', class: { code: 'AMB' }, subject: { reference: 'urn:uuid:p1' }, period: { start: '2026-10-01T09:00:00Z' } } },
    ];
    for (let i = 0; i < 40_000; i++) {
      entry.push({ fullUrl: `urn:uuid:o${i}`, resource: { resourceType: 'Observation', id: `o${i}`, status: 'final', code: { coding: [{ system: 'http://loinc.org', code: '8867-4', display: 'Heart rate' }] }, subject: { reference: 'urn:uuid:p1' }, encounter: { reference: 'urn:uuid:e1' } } });
    }
    const json = JSON.stringify({ resourceType: 'Bundle', type: 'collection', entry });
    const { lateness, busy, result } = await statusLatenessDuring(s, () => dispatch(s.services, 'data.importFhir', { json }));
    expect(result).toMatchObject({ ok: true, value: { imported: 1 } });
    expectAnsweredThroughout(lateness, busy);
  }, 120_000);

  it('answers within 100 ms throughout a JSON import of 40 entries each listing 50,000 unknown finding ids', async () => {
    const ids = Array.from({ length: 50_000 }, (_, j) => `no-such-finding-${j}`);
    const encounters = Array.from({ length: 40 }, (_, i) => ({
      id: `huge-${i}`,
      status: 'draft',
      createdAt: seenAt,
      signedAt: null,
      signedBy: null,
      signedRevision: null,
      revisions: [{ revision: 1, savedAt: seenAt, encounter: { id: `huge-${i}`, revision: 1, status: 'draft', seenAt, patient: { name: 'H' }, findings: ids, assessment: {} } }],
      addenda: [],
    }));
    const json = envelope(encounters);
    const { lateness, busy, result } = await statusLatenessDuring(s, () => dispatch(s.services, 'data.importJson', { json }));
    expect(result).toMatchObject({ ok: true, value: { imported: 0 } });
    expectAnsweredThroughout(lateness, busy);
  }, 120_000);
});

/** `count` encounters stored as an import stores them: each with its audit entry fingerprinting its content. */
function storeCorpus(s: TestServices, count: number): void {
  const db = s.store.db;
  inTransaction(db, () => {
    for (const e of syntheticEncounters({ count, seed: 7 })) {
      insertEncounter(db, e);
      appendAudit(db, { at: e.createdAt, who: 'test', action: 'import', encounterId: e.id, detail: encounterContentDetail(e) });
    }
  });
}

describe('app.status during the audit log check', () => {
  let s: TestServices;
  beforeEach(() => {
    s = openTestServices();
  });
  afterEach(() => s.dispose());

  it('answers within 100 ms throughout audit.verify of 4,000 encounters, which finds them intact', async () => {
    storeCorpus(s, 4_000);
    const { lateness, busy, result } = await statusLatenessDuring(s, () => dispatch(s.services, 'audit.verify', {}));
    expect(result).toMatchObject({ ok: true, value: { intact: true } });
    expectAnsweredThroughout(lateness, busy);
  }, 120_000);

  it("answers within 100 ms throughout a restore of 4,000 encounters, whose audit log it checks before the swap", async () => {
    storeCorpus(s, 4_000);
    const out = tempDir('legpain-restore-responsive-');
    try {
      const backup = join(out.path, 'before.sqlite');
      await s.client.backup.create({ path: backup });
      const { lateness, busy, result } = await statusLatenessDuring(s, () => dispatch(s.services, 'backup.restore', { path: backup }));
      expect(result).toMatchObject({ ok: true, value: { encounters: 4_000, auditIntact: true } });
      expectAnsweredThroughout(lateness, busy);
    } finally {
      out.remove();
    }
  }, 120_000);

  it('is refused as busy while a restore swaps the database, and checks the restored log after it', async () => {
    storeCorpus(s, 2_000);
    const out = tempDir('legpain-verify-restore-');
    try {
      const backup = join(out.path, 'before.sqlite');
      await s.client.backup.create({ path: backup });
      const restore = s.client.backup.restore({ path: backup });
      await nextTurn();
      await expect(s.client.audit.verify({})).rejects.toMatchObject({ code: 'busy', message: expect.stringMatching(/being restored/) });
      await restore;
      expect(await s.client.audit.verify({})).toMatchObject({ intact: true });
    } finally {
      out.remove();
    }
  }, 120_000);
});
