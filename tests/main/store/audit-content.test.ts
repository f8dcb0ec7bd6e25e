import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { entryHash, type AuditInput, type AuditRow } from '../../../electron/main/store/audit.ts';
import { computeSeal, loadOrCreateAuditKey, writeSeal } from '../../../electron/main/store/audit-seal.ts';
import { encounterContentDetail } from '../../../electron/main/store/content-hash.ts';
import { pickFields, type Fields, type NewEncounter } from '../../../electron/main/store/encounters.ts';
import { openConnection, type Db } from '../../../electron/main/store/database.ts';
import { migrate, SCHEMA_VERSION } from '../../../electron/main/store/migrations/index.ts';
import { DATABASE_FILE } from '../../../electron/main/store/open.ts';
import { openTestServices, sampleDraft, tempDir, type TestServices } from '../helpers.ts';

/**
 * Issue 11, item 2: the audit log vouches for clinical content, and its head is anchored outside
 * the rows it protects (a keyed seal, checkpoints with backups and exports). Tampering is done as
 * someone holding the database file would: with another SQLite tool, triggers dropped first.
 */

/**
 * Closes `session`, changes its database file with another connection (as someone holding the file
 * would), opens the data folder again and runs `then` on the new session, which is closed after.
 */
async function editFileThenReopen<T>(session: TestServices, edit: (db: Db) => void, then: (reopened: TestServices) => Promise<T>): Promise<T> {
  const path = session.store.path;
  session.close();
  const db = openConnection(path);
  try {
    edit(db);
  } finally {
    db.close();
  }
  const reopened = openTestServices({ dataDir: session.dataDir });
  try {
    return await then(reopened);
  } finally {
    reopened.close();
  }
}

describe('audit log over clinical content', () => {
  let t: TestServices;
  let out: ReturnType<typeof tempDir>;
  let id: string;
  beforeEach(async () => {
    t = openTestServices();
    out = tempDir('legpain-audit-content-');
    await t.client.profile.save({ name: 'Dr Lee' });
    ({ id } = await t.client.encounter.save(sampleDraft()));
    await t.client.encounter.save({ ...sampleDraft({ notes: 'Calf tender. Plan: duplex scan today.' }), id, baseRevision: 1 });
    await t.client.encounter.sign({ id, baseRevision: 2 });
    await t.client.encounter.addAddendum({ id, text: 'Scan negative.' });
  });
  afterEach(() => {
    t.dispose();
    out.remove();
  });

  /** Closes the app, runs `change` on the file with triggers dropped, and verifies in a new session. */
  function tamperThenVerify(change: (db: Db) => void) {
    return editFileThenReopen(
      t,
      (db) => {
        db.exec(`DROP TRIGGER revisions_append_only_update; DROP TRIGGER addenda_append_only_update; DROP TRIGGER audit_append_only_update;
                 DROP TRIGGER audit_append_only_delete; DROP TRIGGER encounters_signed_locked; DROP TRIGGER assessments_append_only_update;
                 DROP TRIGGER revisions_append_only_delete; DROP TRIGGER addenda_append_only_delete;`);
        change(db);
      },
      (reopened) => reopened.client.audit.verify({}),
    );
  }

  it('is intact after ordinary use, and says so in words', async () => {
    const result = await t.client.audit.verify({});
    expect(result).toMatchObject({ intact: true, revisions: 2, addenda: 1 });
    expect(result.summary).toMatch(/intact/);
  });

  it("detects a signed revision's notes edited in the file", async () => {
    const result = await tamperThenVerify((db) => {
      const row = db.prepare('SELECT fields FROM revisions WHERE revision = 2').get() as { fields: string };
      const fields = JSON.parse(row.fields) as { notes: string };
      fields.notes = 'Calf tender. Plan: review in a month.';
      db.prepare('UPDATE revisions SET fields = ? WHERE revision = 2').run(JSON.stringify(fields));
    });
    expect(result.intact).toBe(false);
    if (result.intact) return;
    expect(result.firstBadEntry).toBeNull(); // the chain itself holds
    expect(result.problems).toEqual([expect.stringMatching(new RegExp(`Revision 2 of encounter ${id} .*content was changed outside the app`))]);
  });

  it('detects an edited addendum, an edited stored assessment and a removed signature', async () => {
    const result = await tamperThenVerify((db) => {
      db.exec("UPDATE addenda SET text = 'Scan positive.'");
      db.exec("UPDATE encounters SET status = 'draft', signed_revision = NULL, signed_at = NULL, signed_by = NULL");
      const a = db.prepare('SELECT hash FROM assessments LIMIT 1').get() as { hash: string };
      db.prepare("UPDATE assessments SET body = x'00' WHERE hash = ?").run(a.hash);
    });
    expect(result.intact).toBe(false);
    if (result.intact) return;
    const text = result.problems.join('\n');
    expect(text).toMatch(/addendum .* its text was changed outside the app/);
    // Both revisions (the second changed only the notes) share the stored assessment; each is named.
    expect(text).toMatch(new RegExp(`stored assessment of revision \\d of encounter ${id}, revision \\d of encounter ${id} is not the one computed .* changed outside the app`));
    expect(text).toMatch(/was signed .* now shown as a draft/);
  });

  it('hashes and seals the chain in the documented format, so databases written by earlier versions still check out', async () => {
    // Written out here from the formats in audit.ts and audit-seal.ts, not with their functions: a
    // change of either format would report every existing database as tampered with.
    const { createHash, createHmac } = await import('node:crypto');
    const { canonicalJson } = await import('../../../electron/main/store/canonical-json.ts');
    const key = loadOrCreateAuditKey(t.dataDir).key;
    const rows = t.store.db.prepare('SELECT * FROM audit ORDER BY seq').all() as unknown as AuditRow[];
    let prev = '0'.repeat(64);
    let seal = createHmac('sha256', key).update('leg-pain-ddx audit seal v1').digest('hex');
    for (const r of rows) {
      const body = canonicalJson({ seq: r.seq, at: r.at, who: r.who, action: r.action, encounterId: r.encounter_id, detail: JSON.parse(r.detail) });
      const hash = createHash('sha256').update(`${prev}\n${body}`).digest('hex');
      expect([r.seq, r.prev_hash, r.hash]).toEqual([r.seq, prev, hash]);
      seal = createHmac('sha256', key).update(`${seal}\n${hash}`).digest('hex');
      prev = hash;
    }
    const meta = Object.fromEntries((t.store.db.prepare("SELECT key, value FROM meta WHERE key LIKE 'audit_%'").all() as { key: string; value: string }[]).map((m) => [m.key, m.value]));
    // The key's public name beside the seal, which tells this installation's seal from another's.
    const keyName = createHash('sha256').update('leg-pain-ddx audit key id\n').update(key).digest('hex').slice(0, 16);
    expect(meta).toEqual({ audit_head_seq: String(rows.length), audit_head_hash: prev, audit_seal: seal, audit_seal_key: keyName });
  });

  it('fingerprints revisions and addenda in the documented format, so content recorded by earlier versions still checks out', async () => {
    // Written out from the format in content-hash.ts, not with its functions: a change of it would
    // report every revision and addendum saved before as changed outside the app.
    const { createHash } = await import('node:crypto');
    const { canonicalJson } = await import('../../../electron/main/store/canonical-json.ts');
    const sha256 = (value: Parameters<typeof canonicalJson>[0]) => createHash('sha256').update(canonicalJson(value)).digest('hex');
    const db = t.store.db;
    const recorded = (action: string) => (JSON.parse((db.prepare('SELECT detail FROM audit WHERE action = ?').get(action) as { detail: string }).detail) as { content: string }).content;
    const r = db.prepare('SELECT revision, saved_at, saved_by, fields, assessment_hash FROM revisions WHERE revision = 2').get() as Record<string, string | number>;
    expect(recorded('save')).toBe(
      sha256({ kind: 'revision', encounter: id, revision: 2, savedAt: r.saved_at!, savedBy: r.saved_by!, fields: JSON.parse(String(r.fields)), assessment: r.assessment_hash! }),
    );
    const a = db.prepare('SELECT id, created_at, author, text FROM addenda').get() as Record<string, string>;
    expect(recorded('addendum')).toBe(sha256({ kind: 'addendum', encounter: id, id: a.id!, createdAt: a.created_at!, author: a.author!, text: 'Scan negative.' }));
  });

  it('detects a revision added in the file, in one problem', async () => {
    const result = await tamperThenVerify((db) =>
      db.exec(`INSERT INTO revisions (encounter_n, revision, saved_at, saved_by, fields, assessment_hash)
               SELECT encounter_n, 3, saved_at, saved_by, fields, assessment_hash FROM revisions WHERE revision = 2`),
    );
    expect(result).toEqual({
      intact: false,
      firstBadEntry: null,
      problems: [`Revision 3 of encounter ${id} is not in the audit log: it was added outside the app.`],
      summary: 'The audit log or the records it vouches for were changed outside the app: 1 problem found.',
    });
  });

  it.each([
    ['who signed', "UPDATE encounters SET signed_by = 'Dr Impostor'"],
    ['the revision signed', 'UPDATE encounters SET signed_revision = 1'],
    ['when it was signed', "UPDATE encounters SET signed_at = '2020-01-01T00:00:00.000Z'"],
  ])('detects a change of %s in the file', async (_what, sql) => {
    const result = await tamperThenVerify((db) => db.exec(sql));
    expect(result).toMatchObject({
      intact: false,
      firstBadEntry: null,
      problems: [`The signature of encounter ${id} is not the one recorded in audit entry 4: it was changed outside the app.`],
    });
  });

  it('detects an entry added at the end of the chain, with a hash that fits, when the head in meta was left', async () => {
    const result = await tamperThenVerify((db) => {
      const last = db.prepare('SELECT seq, hash FROM audit ORDER BY seq DESC LIMIT 1').get() as { seq: number; hash: string };
      const forged: AuditInput = { at: '2026-11-25T12:00:00.000Z', who: 'Dr Impostor', action: 'export', encounterId: null, detail: {} };
      db.prepare('INSERT INTO audit (seq, at, who, action, encounter_id, detail, prev_hash, hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?)').run(
        last.seq + 1, forged.at, forged.who, forged.action, null, '{}', last.hash, entryHash(last.seq + 1, forged, last.hash),
      );
    });
    expect(result).toMatchObject({
      intact: false,
      firstBadEntry: 6,
      problems: [
        'Entries 6 to 6 of the audit log were added outside the app.',
        "The audit log's seal does not match its entries: entries were rewritten, cut off or added outside the app.",
      ],
    });
  });

  it('detects a draft shown as signed with no signature in the log', async () => {
    const draft = await t.client.encounter.save(sampleDraft());
    const result = await tamperThenVerify((db) =>
      db.prepare("UPDATE encounters SET status = 'signed', signed_revision = 1, signed_at = '2026-11-25T12:00:00.000Z', signed_by = 'Dr Impostor' WHERE id = ?").run(draft.id),
    );
    expect(result).toMatchObject({
      intact: false,
      firstBadEntry: null,
      problems: [`Encounter ${draft.id} is shown as signed, but the audit log records no signature for it.`],
    });
  });

  it('names the revision of an imported encounter deleted from the file', async () => {
    const { json } = await t.client.data.exportJson({ ids: [id] });
    const other = openTestServices();
    try {
      await other.client.data.importJson({ json });
      const entry = (await other.client.audit.list({ encounterId: id }))[0]!;
      expect(entry.action).toBe('import');
      const result = await editFileThenReopen(
        other,
        (db) => db.exec('DROP TRIGGER revisions_append_only_delete; DELETE FROM revisions WHERE revision = 1'),
        (reopened) => reopened.client.audit.verify({}),
      );
      expect(result).toMatchObject({
        intact: false,
        problems: [`Revision 1 of encounter ${id}, recorded in audit entry ${entry.seq}, is missing from the database.`],
      });
    } finally {
      other.dispose();
    }
  });

  it('detects a stored assessment added in the file that no revision uses', async () => {
    const result = await tamperThenVerify((db) =>
      db.exec(`CREATE TEMP TABLE copied AS SELECT * FROM assessments LIMIT 1; UPDATE copied SET hash = '${'f'.repeat(64)}';
               INSERT INTO assessments SELECT * FROM copied;`),
    );
    expect(result).toMatchObject({
      intact: false,
      firstBadEntry: null,
      problems: ['The stored assessment of no revision is not the one computed when it was saved: it was changed outside the app.'],
    });
  });

  it('detects a revision and an addendum deleted from the file', async () => {
    const addendum = (await t.client.encounter.get({ id })).addenda[0]!;
    const result = await tamperThenVerify((db) => db.exec('DELETE FROM addenda; DELETE FROM revisions WHERE revision = 1'));
    expect(result).toMatchObject({
      intact: false,
      firstBadEntry: null,
      problems: [
        `Revision 1 of encounter ${id}, recorded in audit entry 2, is missing from the database.`,
        `The addendum ${addendum.id}, recorded in audit entry 5, is missing from the database.`,
      ],
    });
  });

  it('lists 200 problems of a file changed wholesale, and counts the rest', async () => {
    const result = await tamperThenVerify((db) => {
      const add = db.prepare("INSERT INTO addenda (id, encounter_n, created_at, author, text) VALUES (?, 1, '2026-11-25T12:00:00.000Z', 'Dr Impostor', 'Forged.')");
      for (let i = 0; i < 205; i++) add.run(`forged-${i}`);
    });
    expect(result.intact).toBe(false);
    if (result.intact) return;
    expect(result.problems).toHaveLength(201);
    expect(result.problems[199]).toMatch(/^The addendum of 2026-11-25T12:00:00.000Z to encounter .* is not in the audit log: it was added outside the app\.$/);
    expect(result.problems[200]).toBe('…and 5 more problems of the same kinds.');
    expect(result.summary).toBe('The audit log or the records it vouches for were changed outside the app: 205 problems found.');
  });

  it('detects the seal removed from the file', async () => {
    const result = await tamperThenVerify((db) => db.exec("DELETE FROM meta WHERE key = 'audit_seal'"));
    expect(result).toMatchObject({
      intact: false,
      firstBadEntry: null,
      problems: ["The audit log's seal is missing: it was removed outside the app, so cut-off or rewritten entries cannot be ruled out."],
    });
  });

  it('detects the whole history wiped from the file with the log, its head and its seal (an empty log is sealed too)', async () => {
    const result = await tamperThenVerify((db) =>
      db.exec(`DROP TRIGGER encounters_no_delete; DROP TRIGGER assessments_append_only_delete;
               DELETE FROM addenda; DELETE FROM revisions; DELETE FROM encounter_search; DELETE FROM encounters; DELETE FROM assessments;
               DELETE FROM audit; DELETE FROM meta WHERE key IN ('audit_head_seq', 'audit_head_hash', 'audit_seal', 'audit_seal_key')`),
    );
    expect(result).toEqual({
      intact: false,
      firstBadEntry: null,
      problems: ["The audit log's seal is missing: it was removed outside the app, so cut-off or rewritten entries cannot be ruled out."],
      summary: 'The audit log or the records it vouches for were changed outside the app: 1 problem found.',
    });
  });

  it('keeps the audit key beside the database, readable by its owner only (README, Data safety)', async () => {
    const { readdirSync, statSync } = await import('node:fs');
    expect(statSync(join(t.dataDir, 'audit.key')).mode & 0o777).toBe(0o600);
    expect(readdirSync(t.dataDir).filter((f) => f.startsWith('audit.key'))).toEqual(['audit.key']);
  });

  it.each([
    ['text', 'not a key'],
    ['a character too many', `${'ab'.repeat(32)}0`],
    ['a character before the key', `x${'ab'.repeat(32)}`],
  ])('refuses to open with a damaged key file (%s) rather than sealing on with another key', async (_what, content) => {
    const { writeFileSync } = await import('node:fs');
    t.close();
    writeFileSync(join(t.dataDir, 'audit.key'), `${content}\n`);
    expect(() => openTestServices({ dataDir: t.dataDir })).toThrow(/audit key file .*audit\.key is damaged; restore it/);
  });

  it('detects the whole chain rewritten with recomputed hashes (the seal does not match)', async () => {
    const result = await tamperThenVerify((db) => {
      // An impostor rewrites who signed, then recomputes every hash after it and the head in meta.
      db.exec("UPDATE audit SET who = 'Dr Impostor' WHERE action = 'sign'");
      rechain(db);
    });
    expect(result.intact).toBe(false);
    if (result.intact) return;
    expect(result.firstBadEntry).toBeNull();
    expect(result.problems.join('\n')).toMatch(/seal does not match its entries/);
  });

  it('detects entries cut off the end with the head in meta adjusted to match', async () => {
    const result = await tamperThenVerify((db) => {
      db.exec("DELETE FROM audit WHERE action = 'addendum'");
      rechain(db);
    });
    expect(result.intact).toBe(false);
    if (result.intact) return;
    expect(result.problems.join('\n')).toMatch(/seal does not match/);
    expect(result.problems.join('\n')).toMatch(/addendum .* not in the audit log/);
  });

  it('detects a rewrite by someone holding the key, through the checkpoint written with the backup', async () => {
    await t.client.backup.create({ path: join(out.path, 'b.sqlite') });
    const key = loadOrCreateAuditKey(t.dataDir);
    const result = await tamperThenVerify((db) => {
      db.exec("UPDATE audit SET who = 'Dr Impostor' WHERE action = 'sign'");
      rechain(db);
      writeSeal(db, computeSeal(db, key.key), key);
    });
    expect(result.intact).toBe(false);
    if (result.intact) return;
    expect(result.problems.join('\n')).toMatch(/not the one recorded at the backup of .*: the log was rewritten since/);
  });

  it('writes the chain head outside the database with each backup and each export, JSON and FHIR', async () => {
    const { readCheckpoints } = await import('../../../electron/main/store/audit-seal.ts');
    await t.client.backup.create({ path: join(out.path, 'b.sqlite') });
    await t.client.data.exportJson({});
    await t.client.data.exportFhir({});
    const { checkpoints } = readCheckpoints(t.dataDir);
    expect(checkpoints.map((c) => c.event)).toEqual(['backup', 'export', 'export']);
    // Readable by its owner only, as every file of the data folder (README, Data safety).
    const { statSync } = await import('node:fs');
    expect(statSync(join(t.dataDir, 'audit-checkpoints.jsonl')).mode & 0o777).toBe(0o600);
    const entries = await t.client.audit.list({ limit: 3 });
    // Each names the entry that recorded it, the newest at the time.
    expect(checkpoints.map((c) => c.seq)).toEqual(entries.map((e) => e.seq).reverse());
    expect(checkpoints.map((c) => c.hash)).toEqual(entries.map((e) => e.hash).reverse());
  });

  it('reports the lines of the checkpoint file that cannot be read, and only those (blank lines are not)', async () => {
    const { appendFileSync } = await import('node:fs');
    await t.client.backup.create({ path: join(out.path, 'b.sqlite') });
    const head = (await t.client.audit.list({ limit: 1 }))[0]!;
    const good = { at: '2026-11-25T12:00:00.000Z', event: 'backup', seq: head.seq, hash: head.hash };
    appendFileSync(
      join(t.dataDir, 'audit-checkpoints.jsonl'),
      ['not json', JSON.stringify({ ...good, seq: String(head.seq) }), JSON.stringify({ ...good, hash: 7 }), JSON.stringify({ ...good, at: null }), '', '  ', JSON.stringify(good), ''].join('\n'),
    );
    expect(await t.client.audit.verify({})).toMatchObject({
      intact: false,
      firstBadEntry: null,
      problems: ['4 lines of the audit checkpoint file cannot be read: it was changed outside the app.'],
    });
  });

  it("names this installation's key beside the seal again after its name was removed from the file", async () => {
    const keyName = (db: Db) => (db.prepare("SELECT value FROM meta WHERE key = 'audit_seal_key'").get() as { value: string } | undefined)?.value;
    const before = keyName(t.store.db);
    await editFileThenReopen(
      t,
      (db) => db.exec("DELETE FROM meta WHERE key = 'audit_seal_key'"),
      async (reopened) => {
        await reopened.client.encounter.save(sampleDraft());
        // So a later rewrite is reported as such, not blamed on another installation's key.
        expect(keyName(reopened.store.db)).toBe(before);
        expect(await reopened.client.audit.verify({})).toMatchObject({ intact: true });
      },
    );
  });

  it("says when this installation's key file was replaced, also after later saves", async () => {
    const { rmSync } = await import('node:fs');
    t.close();
    rmSync(join(t.dataDir, 'audit.key'));
    const reopened = openTestServices({ dataDir: t.dataDir });
    try {
      await reopened.client.encounter.save(sampleDraft());
      const result = await reopened.client.audit.verify({});
      expect(result).toMatchObject({ intact: false, firstBadEntry: null, problems: [expect.stringMatching(/sealed with another key .*key file was replaced/)] });
    } finally {
      reopened.close();
    }
  });

  it('reports a backup sealed by another installation when it is restored, and checks on from there', async () => {
    // A checkpoint of this installation's own chain, which the restore replaces: it no longer applies.
    await t.client.backup.create({ path: join(out.path, 'own.sqlite') });
    const other = openTestServices();
    try {
      await other.client.encounter.save(sampleDraft());
      await other.client.backup.create({ path: join(out.path, 'other.sqlite') });
    } finally {
      other.dispose();
    }
    const restored = await t.client.backup.restore({ path: join(out.path, 'other.sqlite') });
    expect(restored.auditIntact).toBe(false);
    expect(restored.auditCheck).toMatch(/changed outside the app|problem/);
    const [entry] = await t.client.audit.list({ limit: 1 });
    expect(entry).toMatchObject({ action: 'restore', detail: { auditProblems: [expect.stringMatching(/sealed with another key/)] } });
    // Sealed again with this installation's key, the chain checks out from here on.
    expect(await t.client.audit.verify({})).toMatchObject({ intact: true });
  });
});

describe('restoring a backup made before fingerprints existed', () => {
  let t: TestServices;
  let out: ReturnType<typeof tempDir>;
  beforeEach(() => {
    t = openTestServices();
    out = tempDir('legpain-audit-old-backup-');
  });
  afterEach(() => {
    t.dispose();
    out.remove();
  });

  it('is not reported as tampered: its chain is checked, its content fingerprinted as found', async () => {
    const { id } = await t.client.encounter.save(sampleDraft());
    const backup = join(out.path, 'v5.sqlite');
    await t.client.backup.create({ path: backup });
    // As version 5 wrote it: no seal, no fingerprint entries, the search index's prefixes of two and
    // three letters (migration 7 added four), schema version 5. A restore checks the file's
    // structure against its version's, so a copy with today's index under version 5 is refused.
    const db = openConnection(backup);
    db.exec("DELETE FROM meta WHERE key IN ('audit_seal', 'audit_seal_key')");
    searchIndexBeforeMigration7(db);
    db.exec('PRAGMA user_version = 5');
    db.close();
    const restored = await t.client.backup.restore({ path: backup });
    expect(restored.auditIntact).toBe(true);
    expect(restored.auditCheck).toMatch(/older version/);
    expect((await t.client.audit.list({ limit: 2 })).map((e) => e.action)).toEqual(['restore', 'fingerprint']);
    expect(await t.client.audit.verify({})).toMatchObject({ intact: true, revisions: 1 });
    expect((await t.client.encounter.get({ id })).revision).toBe(1);
  });
});

describe('migration 6: fingerprints of content stored before', () => {
  let dir: ReturnType<typeof tempDir>;
  beforeEach(() => (dir = tempDir('legpain-audit-migrate-')));
  afterEach(() => dir.remove());

  it('fingerprints existing revisions and addenda, so later edits are detected', async () => {
    // A database as version 5 left it: entries without fingerprints.
    const t = openTestServices({ dataDir: dir.path });
    const { id } = await t.client.encounter.save(sampleDraft());
    await t.client.encounter.sign({ id, baseRevision: 1 });
    await t.client.encounter.addAddendum({ id, text: 'Older addendum.' });
    t.close();
    const path = join(dir.path, DATABASE_FILE);
    const db = openConnection(path);
    db.exec(`DROP TRIGGER audit_append_only_delete; DELETE FROM audit; DELETE FROM meta WHERE key LIKE 'audit_%'; PRAGMA user_version = 5;`);
    db.exec(`CREATE TRIGGER audit_append_only_delete BEFORE DELETE ON audit BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;`);
    db.close();

    const upgraded = openTestServices({ dataDir: dir.path });
    try {
      const entries = await upgraded.client.audit.list({});
      expect(entries.map((e) => e.action)).toEqual(['fingerprint']);
      expect(entries[0]!.detail).toMatchObject({ revisions: 1, status: 'signed', content: [expect.any(String)] });
      expect(await upgraded.client.audit.verify({})).toMatchObject({ intact: true, revisions: 1, addenda: 1 });
    } finally {
      upgraded.close();
    }
    const again = openConnection(path);
    again.exec("DROP TRIGGER addenda_append_only_update; UPDATE addenda SET text = 'Rewritten addendum.'");
    again.close();
    const reopened = openTestServices({ dataDir: dir.path });
    try {
      expect(await reopened.client.audit.verify({})).toMatchObject({ intact: false, problems: [expect.stringMatching(/text was changed/)] });
    } finally {
      reopened.close();
    }
  });

  it('runs on an empty database', () => {
    const db = openConnection(':memory:');
    expect(migrate(db)).toEqual(Array.from({ length: SCHEMA_VERSION }, (_, i) => i + 1));
    expect(SCHEMA_VERSION).toBeGreaterThanOrEqual(6);
    db.close();
  });
});

/** The search index as migrations 2-6 left it: built again from its own copy of the text with the prefixes '2 3'. */
function searchIndexBeforeMigration7(db: Db): void {
  const settings = db.prepare("SELECT k, v FROM encounter_search_config WHERE k IN ('rank', 'automerge', 'crisismerge')").all() as { k: string; v: string | number }[];
  // Made under its own name, as migration 2 made it: a renamed table's stored SQL reads differently.
  db.exec(`
    CREATE TEMP TABLE search_text AS SELECT id, c0, c1, c2, c3, c4, c5 FROM encounter_search_content;
    DROP TABLE encounter_search;
    CREATE VIRTUAL TABLE encounter_search USING fts5 (
      patient_name, patient_identifier, complaint, notes, findings, diagnoses,
      tokenize = 'unicode61 remove_diacritics 2',
      prefix = '2 3'
    );
    INSERT INTO encounter_search (rowid, patient_name, patient_identifier, complaint, notes, findings, diagnoses)
      SELECT id, c0, c1, c2, c3, c4, c5 FROM search_text;
    DROP TABLE search_text;
  `);
  // Written as literals, as the migrations do: FTS5 wants integers, and a bound JS number is a REAL.
  for (const { k, v } of settings) db.exec(`INSERT INTO encounter_search (encounter_search, rank) VALUES ('${k}', ${typeof v === 'number' ? v : `'${v}'`})`);
}

/** Recomputes every entry's hash and link and the head in meta, as a careful forger would. */
function rechain(db: Db): void {
  const rows = db.prepare('SELECT * FROM audit ORDER BY seq').all() as unknown as {
    seq: number;
    at: string;
    who: string;
    action: AuditInput['action'];
    encounter_id: string | null;
    detail: string;
  }[];
  db.exec('DELETE FROM audit');
  let prev = '0'.repeat(64);
  rows.forEach((r, i) => {
    const seq = i + 1;
    const hash = entryHash(seq, { at: r.at, who: r.who, action: r.action, encounterId: r.encounter_id, detail: JSON.parse(r.detail) }, prev);
    db.prepare('INSERT INTO audit (seq, at, who, action, encounter_id, detail, prev_hash, hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?)').run(
      seq, r.at, r.who, r.action, r.encounter_id, r.detail, prev, hash,
    );
    prev = hash;
  });
  db.prepare("UPDATE meta SET value = ? WHERE key = 'audit_head_seq'").run(String(rows.length));
  db.prepare("UPDATE meta SET value = ? WHERE key = 'audit_head_hash'").run(prev);
}

describe("an import's audit entry", () => {
  // An import is checked in the transfer worker, so the mutation run cannot reach this through
  // data.importJson; the entry it writes is checked here directly.
  let t: TestServices;
  beforeEach(() => (t = openTestServices()));
  afterEach(() => t.dispose());

  async function importable(status: 'draft' | 'signed'): Promise<NewEncounter> {
    const saved = await t.client.encounter.save(sampleDraft());
    const revision = { revision: 1, savedAt: '2026-11-25T10:40:00.000Z', savedBy: 'Dr Sam Reyes', fields: pickFields(sampleDraft() as Fields), assessment: saved.assessment };
    return {
      id: 'imported-1',
      createdAt: '2026-11-25T10:40:00.000Z',
      status,
      signedRevision: status === 'signed' ? 1 : null,
      signedAt: status === 'signed' ? '2026-11-25T10:45:00.000Z' : null,
      signedBy: status === 'signed' ? 'Dr Sam Reyes' : null,
      revisions: [revision],
      addenda: [],
    };
  }

  it('records the signature of a signed encounter, so verification can hold the stored one to it', async () => {
    const detail = encounterContentDetail(await importable('signed'));
    expect(detail).toMatchObject({ revisions: 1, status: 'signed', content: [expect.stringMatching(/^[0-9a-f]{64}$/)], addenda: {} });
    expect(detail.signed).toEqual({ revision: 1, at: '2026-11-25T10:45:00.000Z', by: 'Dr Sam Reyes' });
  });

  it('records no signature for a draft, so one added later in the file is reported', async () => {
    const detail = encounterContentDetail(await importable('draft'));
    expect(detail).toMatchObject({ revisions: 1, status: 'draft' });
    expect('signed' in detail).toBe(false);
  });
});
