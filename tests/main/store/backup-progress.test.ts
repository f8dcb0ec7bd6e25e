import { createHash } from 'node:crypto';
import { cpSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { BackupPhase, BackupProgress } from '../../../shared/api/transfer.ts';
import { pragmaValue } from '../../../electron/main/store/database.ts';
import { seedHistory } from '../../e2e/review-helpers.ts';
import { failure, openTestServices, sampleDraft, tempDir, type TestServices } from '../helpers.ts';

/**
 * Backup and restore of a database large enough to take many steps (3,000 encounters), watched
 * through backup.progress the way the window watches it: polled while the call is pending.
 */

const SEEDED = 3000;

/** A macrotask turn: the backup's steps complete on the event loop, so a poll loop must let it turn. */
const turn = () => new Promise<void>((resolve) => setImmediate(resolve));

/** Polls backup.progress until `call` settles; returns its outcome and every running sample seen. */
async function watch<T>(t: TestServices, call: Promise<T>, during?: (samples: BackupProgress[]) => Promise<void>): Promise<{ value: T; samples: BackupProgress[] }> {
  let settled = false;
  const done = call.finally(() => {
    settled = true;
  });
  const samples: BackupProgress[] = [];
  while (!settled) {
    const p = await t.client.backup.progress({});
    if (p.running) samples.push(p);
    if (during !== undefined) await during(samples);
    await turn();
  }
  return { value: await done, samples };
}

const inPhase = (samples: BackupProgress[], phase: BackupPhase) => samples.filter((s) => s.phase === phase);

function expectRisingTo(samples: BackupProgress[], total: number | null): void {
  for (const s of samples) {
    expect(s.total).toBe(total);
    expect(s.done).not.toBeNull();
    expect(s.done!).toBeLessThanOrEqual(s.total!);
  }
  const done = samples.map((s) => s.done!);
  expect(done).toEqual([...done].sort((a, b) => a - b));
}

describe('backup and restore progress', () => {
  // Seeding takes seconds, so it is done once into a closed template; each test opens its own copy
  // of it and its own output folder, whatever ran before.
  let template: ReturnType<typeof tempDir>;
  let dataDir: ReturnType<typeof tempDir>;
  let t: TestServices;
  let out: ReturnType<typeof tempDir>;
  beforeAll(async () => {
    template = tempDir('legpain-backup-seeded-');
    const seeded = openTestServices({ dataDir: template.path });
    await seeded.client.profile.save({ name: 'Dr Lee' });
    await seedHistory(seeded.client, { count: SEEDED, seed: 11, batch: 1000 });
    seeded.dispose();
  }, 60_000);
  afterAll(() => template.remove());
  beforeEach(() => {
    dataDir = tempDir();
    cpSync(template.path, dataDir.path, { recursive: true });
    t = openTestServices({ dataDir: dataDir.path });
    out = tempDir('legpain-backup-progress-');
  });
  afterEach(() => {
    t.dispose();
    dataDir.remove();
    out.remove();
  });

  it('nothing runs: progress says so', async () => {
    expect(await t.client.backup.progress({})).toEqual({ running: false, operation: null, phase: null, done: null, total: null, startedAt: null });
  });

  it('a backup reports its copy page by page up to the whole database, then the check, then the fingerprint up to the file size', async () => {
    const target = join(out.path, 'progress.sqlite');
    const db = t.store.db;
    const bytesInDb = Number(pragmaValue(db, 'page_count')) * Number(pragmaValue(db, 'page_size'));
    const { value: result, samples } = await watch(t, t.client.backup.create({ path: target }));

    expect(samples.every((s) => s.operation === 'backup' && s.startedAt === samples[0]!.startedAt)).toBe(true);
    // Phases in order, never back.
    const order: BackupPhase[] = ['copying', 'checking', 'finishing'];
    const seen = samples.map((s) => order.indexOf(s.phase!));
    expect(seen).toEqual([...seen].sort((a, b) => a - b));
    expect(new Set(samples.map((s) => s.phase))).toEqual(new Set(order));

    const copying = inPhase(samples, 'copying');
    expectRisingTo(copying, bytesInDb);
    expect(result.bytes).toBe(bytesInDb);
    // Many steps were seen, not one jump from nothing to all.
    expect(new Set(copying.map((s) => s.done)).size).toBeGreaterThanOrEqual(10);
    expect(copying[0]!.done).toBeLessThan(bytesInDb / 2);

    expect(inPhase(samples, 'checking').every((s) => s.done === null && s.total === null)).toBe(true);

    const finishing = inPhase(samples, 'finishing');
    expectRisingTo(finishing, result.bytes);
    expect(finishing.at(-1)!.done).toBe(result.bytes);

    // The result is the file, checked, and nothing else was left in the folder.
    const bytes = readFileSync(target);
    expect(result.bytes).toBe(bytes.length);
    expect(result.sha256).toBe(createHash('sha256').update(bytes).digest('hex'));
    expect(readdirSync(out.path)).toEqual(['progress.sqlite']);
    expect(await t.client.backup.progress({})).toMatchObject({ running: false, phase: null });
  });

  it('saves are served while a backup copies, and end up in it', async () => {
    const target = join(out.path, 'during-saves.sqlite');
    let saved: string | null = null;
    let savedWhileRunning = false;
    const { value } = await watch(t, t.client.backup.create({ path: target }), async (samples) => {
      if (saved === null && samples.some((s) => s.phase === 'copying' && s.done! > 0)) {
        saved = (await t.client.encounter.save(sampleDraft({ notes: 'Saved during the backup' }))).id;
        savedWhileRunning = (await t.client.backup.progress({})).running;
      }
    });
    expect(saved).not.toBeNull();
    expect(savedWhileRunning).toBe(true);
    // Written through the same connection, the save reached the copy (a snapshot of when it finished).
    const fresh = openTestServices();
    try {
      await fresh.client.backup.restore({ path: value.path });
      expect(await fresh.client.encounter.get({ id: saved! })).toMatchObject({ notes: 'Saved during the backup' });
      expect((await fresh.client.encounter.list({})).total).toBe(SEEDED + 1);
    } finally {
      fresh.dispose();
    }
  });

  it('a second backup or a restore while one runs is refused with conflict, and the first completes', async () => {
    const earlier = (await t.client.backup.create({ path: join(out.path, 'earlier.sqlite') })).path;
    const first = t.client.backup.create({ path: join(out.path, 'first.sqlite') });
    const second = await failure(t.client.backup.create({ path: join(out.path, 'second.sqlite') }));
    expect(second.code).toBe('conflict');
    expect(second.message).toBe('A backup or restore is already running.');
    expect((await failure(t.client.backup.restore({ path: earlier }))).code).toBe('conflict');
    expect((await first).path).toBe(join(out.path, 'first.sqlite'));
    expect(readdirSync(out.path)).not.toContain('second.sqlite');
    // Once it is over, the next one runs.
    await t.client.backup.create({ path: join(out.path, 'second.sqlite') });
  });

  it('a backup that fails ends its job: progress is idle and the next backup runs', async () => {
    expect((await failure(t.client.backup.create({ path: join(out.path, 'missing', 'b.sqlite') }))).code).toBe('io');
    expect(await t.client.backup.progress({})).toMatchObject({ running: false });
    const garbage = join(out.path, 'garbage.sqlite');
    writeFileSync(garbage, 'nope '.repeat(1000));
    expect((await failure(t.client.backup.restore({ path: garbage }))).code).toBe('invalid');
    expect(await t.client.backup.progress({})).toMatchObject({ running: false });
    await t.client.backup.create({ path: join(out.path, 'after-failure.sqlite') });
  });

  it('a restore reports copying the file, then validating it, then swapping it in', async () => {
    const source = (await t.client.backup.create({ path: join(out.path, 'to-restore.sqlite') })).path;
    const size = readFileSync(source).length;
    const { value, samples } = await watch(t, t.client.backup.restore({ path: source }));
    expect(value.encounters).toBe(SEEDED);
    expect(samples.every((s) => s.operation === 'restore')).toBe(true);
    const copying = inPhase(samples, 'copying');
    expectRisingTo(copying, size);
    expect(new Set(copying.map((s) => s.done)).size).toBeGreaterThanOrEqual(2);
    expect(inPhase(samples, 'validating').length).toBeGreaterThan(0);
    expect(inPhase(samples, 'validating').every((s) => s.done === null && s.total === null)).toBe(true);
    const phases = samples.map((s) => s.phase);
    expect(phases.lastIndexOf('copying')).toBeLessThan(phases.indexOf('validating'));

    // The swap itself is synchronous (no request may reach a closed database), so a poll cannot
    // land in it; the store reports it to its listener.
    const reported: BackupPhase[] = [];
    await t.store.restore(source, (phase) => {
      if (reported.at(-1) !== phase) reported.push(phase);
    });
    expect(reported).toEqual(['copying', 'validating', 'swapping']);
    expect((await t.client.encounter.list({})).total).toBe(SEEDED);
  });
});
