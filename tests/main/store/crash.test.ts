import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EncounterDraft } from '../../../shared/api/encounter.ts';
import { openServices } from '../../../electron/main/services.ts';
import { serializeFields } from '../../../electron/main/store/encounters.ts';
import { prng } from '../fixtures/crash-payload.ts';
import { checkSearchIndex, tempDir } from '../helpers.ts';

/**
 * Crash safety: a child process saving in a loop is killed with SIGKILL at random moments, over
 * and over, on the same database. After each kill the database must pass integrity_check, open
 * without being set aside, keep an intact audit chain, and hold every save the child had
 * acknowledged, byte for byte.
 */

const KILLS = 50;
const child = join(import.meta.dirname, '..', 'fixtures', 'save-loop.ts');

interface Ack {
  id: string;
  revision: number;
  input: unknown;
}

/** Runs the child until a random moment, kills it with SIGKILL, and returns the saves it acknowledged. */
function runAndKill(dataDir: string, seed: number, random: () => number): Promise<{ acks: Ack[]; notices: string[] }> {
  return new Promise((resolve, reject) => {
    const proc = spawn(process.execPath, ['--disable-warning=ExperimentalWarning', child, dataDir, String(seed)], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const acks: Ack[] = [];
    const notices: string[] = [];
    let stderr = '';
    proc.stderr!.on('data', (c: Buffer) => (stderr += c.toString()));
    // A third of the kills land while the child is still starting (opening, checking, migrating).
    const early = random() < 0.33;
    const ackTarget = early ? 0 : 1 + Math.floor(random() * 25);
    const kill = () => setTimeout(() => proc.kill('SIGKILL'), Math.floor(random() * 4));
    if (early) setTimeout(() => proc.kill('SIGKILL'), 50 + Math.floor(random() * 250));
    createInterface({ input: proc.stdout! }).on('line', (line) => {
      if (line.startsWith('ack ')) {
        acks.push(JSON.parse(line.slice(4)) as Ack);
        if (acks.length === ackTarget) kill();
      } else if (line.startsWith('notice ')) notices.push(line);
    });
    proc.on('error', reject);
    proc.on('exit', (code, signal) => {
      if (signal !== 'SIGKILL') reject(new Error(`the child stopped by itself (${code}): ${stderr}`));
      else resolve({ acks, notices });
    });
  });
}

describe('crash safety', () => {
  let dir: ReturnType<typeof tempDir>;
  beforeAll(() => (dir = tempDir('legpain-crash-')));
  afterAll(() => dir.remove());

  // 50 child processes started and killed: about 40 s on a quiet machine, several times that when
  // other work shares the two cores; the limit only stops a hung run, it asserts nothing.
  it(`keeps every acknowledged save through ${KILLS} kills at random moments`, { timeout: 360_000 }, async () => {
    const random = prng(20261125);
    // Every acknowledged save so far: (id, revision) → the exact JSON the revision must hold.
    const expected = new Map<string, string>();
    let killedMidStart = 0;
    for (let i = 0; i < KILLS; i++) {
      const { acks, notices } = await runAndKill(dir.path, 1000 + i, random);
      expect(notices, `kill ${i}: the database was set aside`).toEqual([]);
      if (acks.length === 0) killedMidStart++;
      for (const ack of acks) expected.set(`${ack.id}#${ack.revision}`, serializeFields(EncounterDraft.parse(ack.input)));

      const opened = openServices({ dataDir: dir.path });
      try {
        expect(opened.startupNotice, `kill ${i}`).toBeNull();
        // A child that saved and was killed left no clean-close record: the full integrity check ran.
        // (One killed while still loading may not have touched the file at all.)
        if (acks.length > 0) expect(opened.store.startupCheck, `kill ${i}`).toBe('full');
        const db = opened.store.db;
        expect(db.prepare('PRAGMA integrity_check').all(), `kill ${i}`).toEqual([{ integrity_check: 'ok' }]);
        const stored = new Map(
          (db.prepare('SELECT e.id, r.revision, r.fields FROM revisions r JOIN encounters e ON e.n = r.encounter_n').all() as {
            id: string;
            revision: number;
            fields: string;
          }[]).map((r) => [`${r.id}#${r.revision}`, r.fields]),
        );
        for (const [key, fields] of expected) expect(stored.get(key), `kill ${i}: ${key}`).toBe(fields);
        // At most one committed save per kill can have missed its acknowledgement.
        expect(stored.size - expected.size, `kill ${i}`).toBeLessThanOrEqual(i + 1);
        expect(stored.size - expected.size, `kill ${i}`).toBeGreaterThanOrEqual(0);
        // Each encounter's head names its newest revision; every revision has its audit entry.
        const heads = db
          .prepare('SELECT count(*) AS n FROM encounters e WHERE e.revision <> (SELECT max(revision) FROM revisions r WHERE r.encounter_n = e.n)')
          .get() as { n: number };
        expect(heads.n, `kill ${i}`).toBe(0);
        const audited = db.prepare("SELECT count(*) AS n FROM audit WHERE action IN ('create', 'save')").get() as { n: number };
        expect(audited.n, `kill ${i}`).toBe(stored.size);
        // The search index and the audit log stayed in step with the encounters.
        checkSearchIndex(db);
        expect(await opened.services['audit.verify']({})).toMatchObject({ intact: true });
      } finally {
        opened.close();
      }
    }
    expect(expected.size).toBeGreaterThan(KILLS);
    expect(killedMidStart).toBeGreaterThan(0);
  });
});
