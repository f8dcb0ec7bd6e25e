/**
 * `npm run bench -- store`: the encounter store at 100,000 synthetic encounters.
 * Prints `bench <name> <value> <unit>` lines on stdout; progress on stderr.
 *
 * The corpus is generated once (seeded, tests/main/fixtures/synthetic-encounters.ts) into a
 * database cached under the system's temporary folder, keyed by the corpus, schema and
 * knowledge-base versions; each run measures a fresh copy of it in a temporary folder on the same
 * disk. Targets (issue 4): search p95 < 20 ms, save p95 < 2x a bare fsync, open < 200 ms.
 *
 * The durability figures compare three things measured in the same loop, in the same folder:
 * the save (whole service path), a bare write + fsync of a small file (the disk's own cost of
 * durability) and SQLite's floor (one small row inserted in a fresh WAL database with
 * synchronous=FULL: the least any durable SQLite transaction costs here). store.commit is a
 * revision's storage transaction alone and store.body the same transaction rolled back, so
 * save = validation and assessment + body + the durable commit of its pages.
 */
import { closeSync, copyFileSync, existsSync, fsyncSync, mkdirSync, mkdtempSync, openSync, rmSync, statSync, writeSync, writeFileSync } from 'node:fs';
import { DatabaseSync } from 'node:sqlite';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { KB_VERSION } from '../../shared/clinical/index.ts';
import { dispatch } from '../../electron/main/ipc/dispatch.ts';
import { openServices } from '../../electron/main/services.ts';
import { appendAudit } from '../../electron/main/store/audit.ts';
import { addendumContentHash, newRevisionContentHash } from '../../electron/main/store/content-hash.ts';
import { inTransaction } from '../../electron/main/store/database.ts';
import { appendRevision, getHead, insertEncounter, pickFields } from '../../electron/main/store/encounters.ts';
import { EncounterDraft } from '../../shared/api/encounter.ts';
import { assessEncounter } from '../../electron/main/services/assessment.ts';
import { SCHEMA_VERSION } from '../../electron/main/store/migrations/index.ts';
import { DATABASE_FILE } from '../../electron/main/store/open.ts';
import { createStore } from '../../electron/main/store/store.ts';
import { prng } from '../main/fixtures/crash-payload.ts';
import { CORPUS_VERSION, RARE_WORD, syntheticEncounters } from '../main/fixtures/synthetic-encounters.ts';

const COUNT = 100_000;
const SEED = 4;
const log = (message: string) => process.stderr.write(`${message}\n`);
const bench = (name: string, value: number, unit: string) => process.stdout.write(`bench ${name} ${value < 10 ? value.toFixed(3) : value.toFixed(1)} ${unit}\n`);

function percentile(samples: number[], p: number): number {
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

function time(fn: () => unknown): number {
  const t0 = performance.now();
  fn();
  return performance.now() - t0;
}

async function timeAsync(fn: () => Promise<unknown>): Promise<number> {
  const t0 = performance.now();
  await fn();
  return performance.now() - t0;
}

/** The cached corpus database, generated if missing (bulk insert in large transactions). */
function corpusDatabase(): string {
  const key = `${CORPUS_VERSION}-n${COUNT}-s${SEED}-schema${SCHEMA_VERSION}-${KB_VERSION.replace(/[^A-Za-z0-9.+-]/g, '_')}`;
  const dir = join(tmpdir(), `legpain-bench-store-${key}`);
  const done = join(dir, 'complete');
  if (existsSync(done)) {
    log(`corpus: cached at ${dir}`);
    return join(dir, DATABASE_FILE);
  }
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  log(`corpus: generating ${COUNT} encounters into ${dir}`);
  const t0 = performance.now();
  const store = createStore(dir);
  const db = store.db;
  const encounters = syntheticEncounters({ count: COUNT, seed: SEED });
  const BATCH = 5000;
  for (let done = 0; done < COUNT; done += BATCH) {
    inTransaction(db, () => {
      for (let i = 0; i < BATCH && done + i < COUNT; i++) {
        const e = encounters.next().value!;
        insertEncounter(db, e);
        for (const r of e.revisions) {
          // Entries as the app writes them, each with the fingerprint of what it records.
          const detail = { revision: r.revision, content: newRevisionContentHash(e.id, r) };
          appendAudit(db, { at: r.savedAt, who: r.savedBy, action: r.revision === 1 ? 'create' : 'save', encounterId: e.id, detail });
        }
        if (e.signedAt !== null) appendAudit(db, { at: e.signedAt, who: e.signedBy!, action: 'sign', encounterId: e.id, detail: { revision: e.signedRevision! } });
        for (const a of e.addenda) {
          appendAudit(db, { at: a.createdAt, who: a.author, action: 'addendum', encounterId: e.id, detail: { addendum: a.id, content: addendumContentHash(e.id, a) } });
        }
      }
    });
    log(`corpus: ${Math.min(done + BATCH, COUNT)} encounters, ${((performance.now() - t0) / 1000).toFixed(1)} s`);
  }
  db.exec("INSERT INTO encounter_search (encounter_search) VALUES ('optimize')");
  store.close();
  writeFileSync(done, new Date().toISOString());
  log(`corpus: done in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
  return join(dir, DATABASE_FILE);
}

async function main(): Promise<void> {
  const source = corpusDatabase();
  const work = mkdtempSync(join(tmpdir(), 'legpain-bench-run-'));
  try {
    copyFileSync(source, join(work, DATABASE_FILE));
    const random = prng(99);

    // Open: the first open of a copied file runs the full integrity check; later opens of the
    // cleanly closed file the light one (the everyday case the target is about).
    const firstOpen = time(() => openServices({ dataDir: work }).close());
    const opens: number[] = [];
    for (let i = 0; i < 7; i++) opens.push(time(() => openServices({ dataDir: work }).close()));

    const opened = openServices({ dataDir: work, appVersion: 'bench' });
    const { services, store } = opened;
    const call = (method: string, input: unknown) => dispatch(services, method, input);
    const ids = (store.db.prepare('SELECT id FROM encounters ORDER BY n').all() as { id: string }[]).map((r) => r.id);
    const drafts = (store.db.prepare("SELECT id, revision FROM encounters WHERE status = 'draft' LIMIT 2000").all() as { id: string; revision: number }[]);
    log(`store: ${ids.length} encounters, ${drafts.length} drafts sampled`);

    // Durable saves through the whole service path (validation, assessment, one transaction with
    // revision, search index and audit entry, fsync of the WAL), half new encounters, half
    // revisions of drafts; the storage part alone (a revision's transaction, assessment computed beforehand);
    // a bare write + fsync of a small file in the same folder, the disk's own cost of durability;
    // and SQLite's floor. All four are interleaved so that each sees the same load on a shared machine.
    // A revision starts from the draft's own stored fields, as the editor does, and changes the
    // notes; every other one also drops a finding, so its assessment (and maybe its top cause)
    // changes too. The fields are read before the timed loop.
    const storedFields = async (id: string): Promise<Record<string, unknown>> => {
      const got = (await call('encounter.get', { id })) as { ok: true; value: Record<string, unknown> };
      const { id: _id, revision: _r, status: _s, assessment: _a, createdAt: _c, savedAt: _sa, signedAt: _si, signedBy: _sb, addenda: _ad, ...fields } = got.value;
      return fields;
    };
    const edited = (fields: Record<string, unknown>, notes: string, dropFinding: boolean) => {
      const findings = fields.findings as string[];
      return { ...fields, notes, findings: dropFinding && findings.length > 1 ? findings.slice(0, -1) : findings };
    };
    const fields = await storedFields(drafts[0]!.id);
    const own = new Map<string, Record<string, unknown>>();
    for (let i = 0; i < 500; i++) {
      for (const d of [drafts[i % drafts.length]!, drafts[(i + 1000) % drafts.length]!]) if (!own.has(d.id)) own.set(d.id, await storedFields(d.id));
    }
    const probe = join(work, 'fsync-probe.bin');
    const block = Buffer.alloc(4096, 7);
    // SQLite's floor: the same durability settings, one small row, no index, no FTS, and no
    // checkpoint (autocheckpoint off: 500 one-page commits stay far below any WAL bound).
    const floorDb = new DatabaseSync(join(work, 'floor.sqlite'));
    floorDb.exec('PRAGMA journal_mode = WAL; PRAGMA synchronous = FULL; PRAGMA wal_autocheckpoint = 0; CREATE TABLE floor (n INTEGER PRIMARY KEY, note TEXT NOT NULL)');
    const floorInsert = floorDb.prepare('INSERT INTO floor (note) VALUES (?)');
    const wal = `${join(work, DATABASE_FILE)}-wal`;
    const saves: number[] = [];
    const commits: number[] = [];
    const bodies: number[] = [];
    const fsyncs: number[] = [];
    const floors: number[] = [];
    const idles: number[] = [];
    let walMax = 0;
    for (let i = 0; i < 500; i++) {
      // Between two requests the app returns to its event loop (an IPC message or HTTP request is
      // one task): whatever the store defers until after an acknowledgement runs here, timed apart.
      idles.push(await timeAsync(() => new Promise((resolve) => setImmediate(resolve))));
      const draft = drafts[i % drafts.length]!;
      const input =
        i % 2 === 0
          ? { ...fields, notes: `Bench note ${i}` }
          : { ...edited(own.get(draft.id)!, `Bench revision ${i}`, i % 4 === 3), id: draft.id, baseRevision: draft.revision };
      let answer: unknown;
      const save = await timeAsync(async () => (answer = await call('encounter.save', input)));
      const result = answer as { ok: boolean; value?: { revision: number }; error?: unknown };
      if (!result.ok) throw new Error(`save failed: ${JSON.stringify(result.error)}`);
      if (i % 2 === 1) draft.revision = result.value!.revision;

      const other = drafts[(i + 1000) % drafts.length]!;
      const db = store.db;
      const commitFields = pickFields(EncounterDraft.parse(edited(own.get(other.id)!, `Commit ${i}`, i % 4 === 2)));
      const assessment = assessEncounter(commitFields);
      const commit = time(() =>
        inTransaction(db, () => {
          const head = getHead(db, other.id)!;
          const at = new Date().toISOString();
          const r = { revision: head.revision + 1, savedAt: at, savedBy: 'bench', fields: commitFields, assessment };
          appendRevision(db, head, r);
          appendAudit(db, { at, who: 'bench', action: 'save', encounterId: other.id, detail: { revision: r.revision, content: newRevisionContentHash(other.id, r) } });
        }),
      );

      // The same kind of transaction rolled back instead of committed: its CPU and page-cache work
      // without the WAL write and fsync, so that commit - body is what durability costs.
      const body = time(() => {
        db.exec('BEGIN IMMEDIATE');
        try {
          const head = getHead(db, other.id)!;
          const at = new Date().toISOString();
          const r = { revision: head.revision + 1, savedAt: at, savedBy: 'bench', fields: commitFields, assessment };
          appendRevision(db, head, r);
          appendAudit(db, { at, who: 'bench', action: 'save', encounterId: other.id, detail: { revision: r.revision, content: newRevisionContentHash(other.id, r) } });
        } finally {
          db.exec('ROLLBACK');
        }
      });

      const fd = openSync(probe, 'w');
      const bare = time(() => {
        writeSync(fd, block);
        fsyncSync(fd);
      });
      closeSync(fd);

      const floor = time(() => {
        floorDb.exec('BEGIN IMMEDIATE');
        floorInsert.run(`Floor ${i}`);
        floorDb.exec('COMMIT');
      });
      if (existsSync(wal)) walMax = Math.max(walMax, statSync(wal).size);
      if (i >= 20) {
        saves.push(save);
        commits.push(commit);
        bodies.push(body);
        fsyncs.push(bare);
        floors.push(floor);
      }
    }
    floorDb.close();

    const gets: number[] = [];
    for (let i = 0; i < 2000; i++) {
      const id = ids[Math.floor(random() * ids.length)]!;
      gets.push(await timeAsync(() => call('encounter.get', { id })));
    }

    const causes = ['dvt', 'sciatica', 'pad', 'muscle-strain', 'tendonitis'];
    const lists: number[] = [];
    for (let i = 0; i < 500; i++) {
      const filter = [
        {},
        { status: 'signed' },
        { cause: causes[i % causes.length] },
        { redFlags: true },
        { from: '2024-01-01T00:00:00Z', to: '2024-12-31T23:59:59Z' },
        { status: 'draft', cause: causes[i % causes.length] },
      ][i % 6]!;
      const offset = 50 * Math.floor(random() * 20);
      lists.push(await timeAsync(() => call('encounter.list', { ...filter, limit: 50, offset })));
    }

    const searchTimes = async (queries: readonly string[]) => {
      const samples: number[] = [];
      for (let i = 0; i < 300; i++) samples.push(await timeAsync(() => call('encounter.search', { query: queries[i % queries.length], limit: 50 })));
      return samples;
    };
    const count = (q: string) => (store.db.prepare('SELECT count(*) AS n FROM encounter_search WHERE encounter_search MATCH ?').get(`"${q}"*`) as { n: number }).n;
    const common = ['calf', 'walking', 'swelling', 'knee'];
    const rare = [RARE_WORD, 'zygapo'];
    log(`search: common terms match ${common.map((q) => `${q}=${count(q)}`).join(', ')} documents; rare ${rare.map((q) => `${q}=${count(q)}`).join(', ')}`);
    const commonTimes = await searchTimes(common);
    const rareTimes = await searchTimes(rare);
    const everywhereTimes = await searchTimes(['pain']);
    log(`search: "pain" matches ${count('pain')} documents`);

    opened.close();
    const size = statSync(join(work, DATABASE_FILE)).size;

    bench('store.save.p50', percentile(saves, 50), 'ms');
    bench('store.save.p95', percentile(saves, 95), 'ms');
    bench('store.fsync.p50', percentile(fsyncs, 50), 'ms');
    bench('store.fsync.p95', percentile(fsyncs, 95), 'ms');
    bench('store.floor.p50', percentile(floors, 50), 'ms');
    bench('store.floor.p95', percentile(floors, 95), 'ms');
    bench('store.save.p50_over_fsync.p50', percentile(saves, 50) / percentile(fsyncs, 50), 'x');
    bench('store.save.p95_over_fsync.p95', percentile(saves, 95) / percentile(fsyncs, 95), 'x');
    bench('store.floor.p95_over_fsync.p95', percentile(floors, 95) / percentile(fsyncs, 95), 'x');
    bench('store.save.p95_over_floor.p95', percentile(saves, 95) / percentile(floors, 95), 'x');
    bench('store.commit.p50', percentile(commits, 50), 'ms');
    bench('store.commit.p95', percentile(commits, 95), 'ms');
    bench('store.body.p50', percentile(bodies, 50), 'ms');
    bench('store.body.p95', percentile(bodies, 95), 'ms');
    bench('store.idle.p95', percentile(idles, 95), 'ms');
    bench('store.idle.max', Math.max(...idles), 'ms');
    bench('store.wal.max', walMax / 1024 / 1024, 'MB');
    bench('store.get.p95', percentile(gets, 95), 'ms');
    bench('store.list.p95', percentile(lists, 95), 'ms');
    bench('store.search.common.p95', percentile(commonTimes, 95), 'ms');
    bench('store.search.rare.p95', percentile(rareTimes, 95), 'ms');
    bench('store.search.everywhere.p95', percentile(everywhereTimes, 95), 'ms');
    bench('store.size', size / 1024 / 1024, 'MB');
    bench('store.open', percentile(opens, 50), 'ms');
    bench('store.open.full_check', firstOpen, 'ms');
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

await main();
