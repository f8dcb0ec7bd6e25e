import { readFileSync, writeFileSync, existsSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { assessForStorage } from '../../../shared/clinical/index.ts';
import { openServices } from '../../../electron/main/services.ts';
import { openConnection, pragmaValue } from '../../../electron/main/store/database.ts';
import { migrate, MIGRATIONS, NewerDatabaseError, SCHEMA_VERSION } from '../../../electron/main/store/migrations/index.ts';
import { DATABASE_FILE } from '../../../electron/main/store/open.ts';
import { checkSearchIndex, openTestServices, sampleDraft, tempDir } from '../helpers.ts';
import { EncounterDraft } from '../../../shared/api/encounter.ts';
import { assessEncounter } from '../../../electron/main/services/assessment.ts';
import { insertEncounter, pickFields } from '../../../electron/main/store/encounters.ts';
import { search } from '../../../electron/main/store/queries.ts';

/** Schema versions: numbered migrations by PRAGMA user_version, applied in one transaction. */

const sha = (path: string) => createHash('sha256').update(readFileSync(path)).digest('hex');

describe('migrations', () => {
  let dir: ReturnType<typeof tempDir>;
  beforeEach(() => (dir = tempDir('legpain-migrate-')));
  afterEach(() => dir.remove());

  it('creates a new database at the newest version, in WAL mode with full sync and foreign keys', () => {
    const t = openTestServices({ dataDir: dir.path });
    try {
      expect(pragmaValue(t.store.db, 'user_version')).toBe(SCHEMA_VERSION);
      expect(pragmaValue(t.store.db, 'journal_mode')).toBe('wal');
      expect(pragmaValue(t.store.db, 'synchronous')).toBe(2);
      expect(pragmaValue(t.store.db, 'foreign_keys')).toBe(1);
    } finally {
      t.close();
    }
    expect(MIGRATIONS.map((m) => m.version)).toEqual(MIGRATIONS.map((_, i) => i + 1));
  });

  it('upgrades a database made by the first schema, keeping its encounters and making them searchable', async () => {
    const path = join(dir.path, DATABASE_FILE);
    const db = openConnection(path);
    db.exec('PRAGMA journal_mode = WAL');
    expect(migrate(db, 1)).toEqual([1]);
    // An encounter as version 1 wrote it.
    const fields = { ...sampleDraft(), clinician: { name: 'Dr Old', role: '' } };
    const assessment = assessForStorage({ findings: fields.findings!, absent: fields.absent!, age: 68, sex: 'female' });
    const json = JSON.stringify(assessment);
    const hash = createHash('sha256').update(json).digest('hex');
    db.exec('BEGIN');
    db.prepare("INSERT INTO assessments VALUES (?, ?, ?)").run(hash, assessment.knowledgeBase, json);
    db.prepare(
      `INSERT INTO encounters (id, created_at, revision, status, seen_at, seen_at_utc, patient_name, patient_identifier, top_cause, working_diagnosis, red_flags, has_red_flag)
       VALUES ('old-1', '2026-01-01T00:00:00.000Z', 1, 'draft', ?, ?, 'Ada Example', 'MRN 004211', 'dvt', 'dvt', '[]', 0)`,
    ).run(fields.seenAt!, fields.seenAt!);
    db.prepare("INSERT INTO revisions VALUES (1, 1, '2026-01-01T00:00:00.000Z', 'Dr Old', ?, ?)").run(JSON.stringify(fields), hash);
    db.exec('COMMIT');
    expect(pragmaValue(db, 'user_version')).toBe(1);
    db.close();

    const t = openTestServices({ dataDir: dir.path });
    try {
      expect(pragmaValue(t.store.db, 'user_version')).toBe(SCHEMA_VERSION);
      const got = await t.client.encounter.get({ id: 'old-1' });
      expect(got).toMatchObject({ patient: { name: 'Ada Example' }, notes: fields.notes, assessment });
      expect((await t.client.encounter.search({ query: 'palpation' })).map((h) => h.id)).toEqual(['old-1']);
      expect((await t.client.encounter.list({ cause: 'dvt' })).total).toBe(1);
      // Migration 3 compressed the stored assessment with a dictionary kept in the database.
      const stored = t.store.db.prepare('SELECT hash, dictionary_id, length(body) AS bytes FROM assessments').all() as { hash: string; dictionary_id: number; bytes: number }[];
      expect(stored).toHaveLength(1);
      expect(stored[0]!.hash).toBe(hash);
      expect(stored[0]!.bytes).toBeLessThan(json.length / 4);
      expect(t.store.db.prepare('SELECT count(*) AS n FROM assessment_dictionaries').get()).toEqual({ n: 1 });
      // And it takes new revisions like any other.
      expect((await t.client.encounter.save({ ...sampleDraft(), id: 'old-1', baseRevision: 1 })).revision).toBe(2);
    } finally {
      t.close();
    }
  });

  it('upgrades a version 4 database: its search index stops merging inside commits and keeps every document', async () => {
    const v4 = openTestServices({ dataDir: dir.path });
    const saved = [];
    for (let i = 0; i < 5; i++) saved.push(await v4.client.encounter.save(sampleDraft({ notes: `zygapophyseal visit ${i}` })));
    // Back to what version 4 left: FTS5's default merge settings, user_version 4.
    v4.store.db.exec(`
      INSERT INTO encounter_search (encounter_search, rank) VALUES ('automerge', 4);
      INSERT INTO encounter_search (encounter_search, rank) VALUES ('crisismerge', 16);
      PRAGMA user_version = 4;
    `);
    v4.close();

    const t = openTestServices({ dataDir: dir.path });
    try {
      expect(pragmaValue(t.store.db, 'user_version')).toBe(SCHEMA_VERSION);
      const config = Object.fromEntries(
        (t.store.db.prepare('SELECT k, v FROM encounter_search_config').all() as { k: string; v: unknown }[]).map((r) => [r.k, r.v]),
      );
      expect(config).toMatchObject({ automerge: 0, crisismerge: 64, rank: 'bm25(10.0, 10.0, 4.0, 1.0, 2.0, 3.0)' });
      const hits = await t.client.encounter.search({ query: 'zygapophyseal' });
      expect(hits.map((h) => h.id).sort()).toEqual(saved.map((s) => s.id).sort());
      checkSearchIndex(t.store.db);
    } finally {
      t.close();
    }
  });

  it('upgrades a version 6 database: the search index is built again with four-letter prefixes and finds exactly what it found before', async () => {
    const path = join(dir.path, DATABASE_FILE);
    const db = openConnection(path);
    db.exec('PRAGMA journal_mode = WAL');
    expect(migrate(db, 6)).toEqual([1, 2, 3, 4, 5, 6]);
    const notes = ['Calf pain after tennis', 'Zygapophyseal joint pain, painful to walk', 'Calves cramp when walking; pain eases at rest', 'Knee swelling', 'Thrombosis excluded'];
    db.exec('BEGIN');
    notes.forEach((text, i) => {
      const fields = pickFields(EncounterDraft.parse(sampleDraft({ notes: text, seenAt: `2026-0${i + 1}-10T09:00:00.000Z` })));
      const revision = { revision: 1, savedAt: '2026-06-01T00:00:00.000Z', savedBy: 'Dr Old', fields, assessment: assessEncounter(fields) };
      insertEncounter(db, { id: `v6-${i}`, createdAt: revision.savedAt, status: 'draft', signedRevision: null, signedAt: null, signedBy: null, revisions: [revision], addenda: [] });
    });
    db.exec('COMMIT');
    const tableSql = () => String((db.prepare("SELECT sql FROM sqlite_schema WHERE name = 'encounter_search'").get() as { sql: string }).sql);
    expect(tableSql()).toMatch(/prefix = '2 3'\s/);
    const queries = ['calf', 'pain', 'pain after', 'zyga', 'zygapophyseal', 'walk', 'thro', 'Ada', 'MRN 0042', 'kn', 'cal'];
    const before = queries.map((q) => search(db, q, 50));
    expect(before.every((hits) => hits.length > 0)).toBe(true);

    expect(migrate(db)).toEqual([7]);
    expect(tableSql()).toMatch(/prefix = '2 3 4'/);
    expect(queries.map((q) => search(db, q, 50))).toEqual(before);
    const config = Object.fromEntries((db.prepare('SELECT k, v FROM encounter_search_config').all() as { k: string; v: unknown }[]).map((r) => [r.k, r.v]));
    expect(config).toMatchObject({ automerge: 0, crisismerge: 64, rank: 'bm25(10.0, 10.0, 4.0, 1.0, 2.0, 3.0)' });
    expect(db.prepare("SELECT name FROM sqlite_schema WHERE name LIKE 'encounter_search_rebuilt%'").all()).toEqual([]);
    checkSearchIndex(db);
    db.close();

    // And the app keeps the index up to date from there.
    const t = openTestServices({ dataDir: dir.path });
    try {
      await t.client.encounter.save({ ...sampleDraft({ notes: 'Zygote of a note' }), id: 'v6-1', baseRevision: 1 });
      expect((await t.client.encounter.search({ query: 'zyga' })).map((h) => h.id)).toEqual([]);
      expect((await t.client.encounter.search({ query: 'zygo' })).map((h) => h.id)).toEqual(['v6-1']);
      checkSearchIndex(t.store.db);
    } finally {
      t.close();
    }
  });

  it('applies pending migrations in one transaction: a failing one leaves the database as it was', () => {
    const path = join(dir.path, DATABASE_FILE);
    const db = openConnection(path);
    migrate(db, 1);
    // Its last statement will fail: the search table and the first indexes must not survive.
    db.exec('CREATE INDEX encounters_patient ON encounters (id)');
    expect(() => migrate(db)).toThrow(/already exists/);
    expect(pragmaValue(db, 'user_version')).toBe(1);
    const created = db.prepare("SELECT name FROM sqlite_schema WHERE name IN ('encounter_search', 'encounters_status')").all();
    expect(created).toEqual([]);
    db.close();
  });

  it('refuses a database from a newer version with a clear message, and leaves the file untouched', () => {
    const first = openTestServices({ dataDir: dir.path });
    first.close();
    const path = join(dir.path, DATABASE_FILE);
    const db = openConnection(path);
    db.exec(`PRAGMA user_version = ${SCHEMA_VERSION + 7}`);
    db.close();
    const before = sha(path);
    expect(existsSync(`${path}-wal`)).toBe(false);

    let error: unknown;
    try {
      openServices({ dataDir: dir.path });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(NewerDatabaseError);
    expect((error as Error).message).toMatch(/newer version of Leg Pain DDx/);
    expect((error as Error).message).toMatch(/has not been changed/);
    expect(sha(path)).toBe(before);
  });

  it('a garbage file is never mistaken for a newer version', () => {
    writeFileSync(join(dir.path, DATABASE_FILE), 'not a database at all, just text '.repeat(200));
    const t = openServices({ dataDir: dir.path });
    expect(t.startupNotice).toMatch(/moved to/);
    t.close();
  });
});
