import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createClient, type Client } from '../../shared/api/client.ts';
import type { EncounterDraftInput } from '../../shared/api/encounter.ts';
import { ApiError } from '../../shared/api/errors.ts';
import { openServices, type OpenedServices, type OpenServicesOptions } from '../../electron/main/services.ts';
import { dispatch } from '../../electron/main/ipc/dispatch.ts';
import { startTransferInThread } from '../../electron/main/transfer/in-thread.ts';

/** Real services on a real database in a temporary folder, and a client over the dispatcher. */

export function tempDir(prefix = 'legpain-store-'): { path: string; remove(): void } {
  const path = mkdtempSync(join(tmpdir(), prefix));
  return { path, remove: () => rmSync(path, { recursive: true, force: true }) };
}

export interface TestServices extends OpenedServices {
  readonly dataDir: string;
  readonly client: Client;
  /** Closes the database and removes the folder. */
  dispose(): void;
}

/** A clock that moves one second per reading, so every change has its own time. */
export function steppingClock(start = '2026-11-25T09:00:00.000Z'): () => Date {
  let t = Date.parse(start);
  return () => new Date((t += 1000));
}

export function openTestServices(options: Partial<OpenServicesOptions> = {}): TestServices {
  const dir = options.dataDir === undefined ? tempDir() : null;
  const dataDir = options.dataDir ?? dir!.path;
  // Under `npm run mutate` (MUTATE_AREA) imports, exports and the audit check run in the test's
  // thread, where Stryker's mutants are switched on; everywhere else in the real worker thread.
  const inThread = process.env.MUTATE_AREA !== undefined && options.transfers === undefined ? { transfers: startTransferInThread() } : {};
  const opened = openServices({ now: steppingClock(), appVersion: 'test', ...inThread, ...options, dataDir });
  const client = createClient((method, input) => dispatch(opened.services, method, input));
  return {
    ...opened,
    dataDir,
    client,
    dispose() {
      opened.close();
      dir?.remove();
    },
  };
}

/** A complete, valid encounter as a clinician would write it (spec/encounter-api.md's example). */
export function sampleDraft(overrides: Partial<EncounterDraftInput> = {}): EncounterDraftInput {
  return {
    seenAt: '2026-11-25T10:30:00.000Z',
    patient: { name: 'Ada Example', birthDate: '1958-03-14', sex: 'female', identifier: 'MRN 004211' },
    clinician: { name: 'Dr Sam Reyes', role: 'General practitioner' },
    complaint: 'Pain at the back of the left calf for 3 days',
    pain: { intensity: 6, duration: '3 days', side: 'left' },
    findings: ['loc-calf', 'unilateral', 'calf-swelling'],
    absent: ['after-intense-activity'],
    notes: 'Long-haul flight last week. Calf tender on palpation.',
    workingDiagnosis: 'dvt',
    referral: { to: 'Vascular clinic', priority: 'urgent', question: 'Please exclude proximal DVT' },
    ...overrides,
  };
}

/** The ApiError a call fails with; the test fails if it succeeds or fails otherwise. */
export async function failure(promise: Promise<unknown>): Promise<ApiError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof ApiError) return error;
    throw error;
  }
  throw new Error('expected the call to fail');
}

/** A digest of every row of every table, for "nothing changed" assertions. */
export function snapshot(db: import('node:sqlite').DatabaseSync): string {
  const tables = db
    .prepare("SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE 'encounter_search_%' ORDER BY name")
    .all()
    .map((r) => String(r.name));
  // The maintenance's own counter (maintenance.ts) may move at any turn of the event loop; it is not data.
  const rows = JSON.stringify(
    tables.map((t) => [t, db.prepare(t === 'meta' ? "SELECT * FROM meta WHERE key <> 'wal_restarts'" : `SELECT * FROM "${t}"`).all()]),
  );
  return createHash('sha256').update(rows).digest('hex');
}

/** FTS5's integrity-check: throws when the search index disagrees with the encounters it indexes. */
export function checkSearchIndex(db: import('node:sqlite').DatabaseSync): void {
  db.prepare("INSERT INTO encounter_search (encounter_search) VALUES ('integrity-check')").run();
}
