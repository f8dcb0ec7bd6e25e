import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openConnection } from '../../../electron/main/store/database.ts';
import { openTestServices, sampleDraft, tempDir, type TestServices } from '../helpers.ts';

/** The append-only, hash-chained audit log: who did what, when; tampering shows. */

describe('audit log', () => {
  let t: TestServices;
  let dir: ReturnType<typeof tempDir>;
  beforeEach(() => {
    t = openTestServices();
    dir = tempDir('legpain-audit-');
  });
  afterEach(() => {
    t.dispose();
    dir.remove();
  });

  async function someHistory(): Promise<string> {
    await t.client.profile.save({ name: 'Dr Lee' });
    const { id } = await t.client.encounter.save(sampleDraft());
    await t.client.encounter.save({ ...sampleDraft({ notes: 'more' }), id, baseRevision: 1 });
    await t.client.encounter.sign({ id, baseRevision: 2 });
    await t.client.encounter.addAddendum({ id, text: 'Called the patient.' });
    await t.client.data.exportJson({});
    await t.client.backup.create({ path: `${dir.path}/backup.sqlite` });
    return id;
  }

  it('records create, save, sign, addendum, export and backup with who and when, newest first', async () => {
    const id = await someHistory();
    const entries = await t.client.audit.list({});
    expect(entries.map((e) => e.action)).toEqual(['backup', 'export', 'addendum', 'sign', 'save', 'create', 'profile']);
    expect(entries.slice(0, 6).every((e) => e.who === 'Dr Lee')).toBe(true);
    // The profile entry names who was there before the change.
    expect(entries[6]!.who).toBe('unknown user');
    expect(entries.map((e) => e.seq)).toEqual([7, 6, 5, 4, 3, 2, 1]);
    const times = entries.map((e) => Date.parse(e.at));
    expect([...times].sort((a, b) => b - a)).toEqual(times);
    expect(entries.find((e) => e.action === 'save')!.detail).toEqual({ revision: 2, content: expect.stringMatching(/^[0-9a-f]{64}$/) });
    expect(entries.find((e) => e.action === 'backup')!.detail).toMatchObject({ path: `${dir.path}/backup.sqlite` });
    // One encounter's trail, and paging.
    expect((await t.client.audit.list({ encounterId: id })).map((e) => e.action)).toEqual(['addendum', 'sign', 'save', 'create']);
    expect((await t.client.audit.list({ limit: 2, beforeSeq: 4 })).map((e) => e.seq)).toEqual([3, 2]);
    expect(await t.client.audit.verify({})).toMatchObject({ intact: true, entries: 7, revisions: 2, addenda: 1 });
  });

  it("checks out a new installation's empty log as intact: it was sealed when the database was made", async () => {
    expect(await t.client.audit.list({})).toEqual([]);
    expect(await t.client.audit.verify({})).toEqual({
      intact: true,
      entries: 0,
      revisions: 0,
      addenda: 0,
      summary: 'Audit log intact: all 0 entries check out against their hash chain and seal, and so do the 0 revisions and 0 addenda they recorded.',
    });
  });

  it('keeps no clinical text in the log', async () => {
    await someHistory();
    const text = JSON.stringify(await t.client.audit.list({}));
    for (const secret of ['Ada Example', 'MRN 004211', 'Long-haul', 'Called the patient']) expect(text).not.toContain(secret);
  });

  it('cannot be changed through SQL while its triggers stand', async () => {
    await someHistory();
    expect(() => t.store.db.exec("UPDATE audit SET who = 'someone else' WHERE seq = 2")).toThrow(/append-only/);
    expect(() => t.store.db.exec('DELETE FROM audit WHERE seq = 2')).toThrow(/append-only/);
  });

  /** Tampering as someone editing the file with another tool would: triggers dropped first. */
  function tamper(sql: string): void {
    const path = t.store.path;
    t.close();
    const db = openConnection(path);
    db.exec('DROP TRIGGER audit_append_only_update; DROP TRIGGER audit_append_only_delete;');
    db.exec(sql);
    db.close();
  }

  /** The problems the Data screen lists, one string each (none when intact). */
  const problemsOf = (result: Awaited<ReturnType<typeof verifyAfterReopen>>): string[] => (result.intact ? [] : result.problems);

  async function verifyAfterReopen() {
    const reopened = openTestServices({ dataDir: t.dataDir });
    try {
      return await reopened.client.audit.verify({});
    } finally {
      reopened.close();
    }
  }

  it('detects an edited entry, and names it and the signature it no longer matches', async () => {
    const id = await someHistory();
    tamper("UPDATE audit SET who = 'Dr Impostor' WHERE seq = 4");
    const result = await verifyAfterReopen();
    expect(result).toMatchObject({ intact: false, firstBadEntry: 4 });
    expect(problemsOf(result)).toEqual([
      expect.stringMatching(/^Entry 4 of the audit log \(sign, 2026-[^)]+\) does not match its hash chain: it, or the entry before it, was changed outside the app\.$/),
      `The signature of encounter ${id} is not the one recorded in audit entry 4: it was changed outside the app.`,
    ]);
    expect(result.summary).toBe('The audit log or the records it vouches for were changed outside the app: 2 problems found.');
  });

  it.each([
    ['text', 'not json'],
    ['a list', '[1]'],
  ])('detects an entry whose detail cannot be read any more (%s)', async (_what, detail) => {
    const id = await someHistory();
    tamper(`UPDATE audit SET detail = '${detail}' WHERE seq = 3`);
    const result = await verifyAfterReopen();
    expect(result).toMatchObject({ intact: false, firstBadEntry: 3 });
    // The save's fingerprint went with it, so revision 2 is no longer vouched for either.
    expect(problemsOf(result)).toEqual([
      'Entry 3 of the audit log cannot be read: it was changed outside the app.',
      `Revision 2 of encounter ${id} is not in the audit log: it was added outside the app.`,
    ]);
  });

  it("reports an import's entry whose addenda and signature were edited to null, and goes on checking", async () => {
    const other = openTestServices();
    let json: string;
    try {
      await other.client.encounter.save(sampleDraft());
      ({ json } = await other.client.data.exportJson({}));
    } finally {
      other.dispose();
    }
    expect((await t.client.data.importJson({ json })).imported).toBe(1);
    const [entry] = await t.client.audit.list({ limit: 1 });
    expect(entry!.action).toBe('import');
    tamper(`UPDATE audit SET detail = json_set(detail, '$.addenda', json('null'), '$.signed', json('null')) WHERE seq = ${entry!.seq}`);
    expect(problemsOf(await verifyAfterReopen())).toEqual([
      `Entry ${entry!.seq} of the audit log (import, ${entry!.at}) does not match its hash chain: it, or the entry before it, was changed outside the app.`,
    ]);
  });

  /** The chain's own problem for an entry edited in place, as the Data screen words it. */
  async function chainProblem(seq: number): Promise<string> {
    const entry = (await t.client.audit.list({})).find((e) => e.seq === seq)!;
    return `Entry ${seq} of the audit log (${entry.action}, ${entry.at}) does not match its hash chain: it, or the entry before it, was changed outside the app.`;
  }

  // An entry edited to carry the details of another kind of entry is reported once, by the chain;
  // what it records is still read as what its own kind records, so nothing else is blamed.
  it('reports a signature entry edited to carry a fingerprint and an addendum once, and still holds the signature to it', async () => {
    await someHistory();
    const problem = await chainProblem(4);
    const addendumId = (await t.client.audit.list({})).find((e) => e.action === 'addendum')!.detail.addendum as string;
    tamper(`UPDATE audit SET detail = json_set(detail, '$.content', '${'f'.repeat(64)}', '$.addendum', '${addendumId}') WHERE seq = 4`);
    expect(problemsOf(await verifyAfterReopen())).toEqual([problem]);
  });

  it("reports a save entry whose fingerprint was edited into a list, and the revision it no longer vouches for, but not revision 1", async () => {
    const id = await someHistory();
    const problem = await chainProblem(3);
    tamper(`UPDATE audit SET detail = json_set(detail, '$.content', json('["${'f'.repeat(64)}"]')) WHERE seq = 3`);
    expect(problemsOf(await verifyAfterReopen())).toEqual([problem, `Revision 2 of encounter ${id} is not in the audit log: it was added outside the app.`]);
  });

  it('reports a create entry whose encounter was erased, and the revision it no longer vouches for, naming no encounter "null"', async () => {
    const id = await someHistory();
    const problem = await chainProblem(2);
    tamper('UPDATE audit SET encounter_id = NULL WHERE seq = 2');
    expect(problemsOf(await verifyAfterReopen())).toEqual([problem, `Revision 1 of encounter ${id} is not in the audit log: it was added outside the app.`]);
  });

  it('detects an edited link to the entry before', async () => {
    await someHistory();
    tamper(`UPDATE audit SET prev_hash = '${'f'.repeat(64)}' WHERE seq = 4`);
    const result = await verifyAfterReopen();
    expect(result).toMatchObject({ intact: false, firstBadEntry: 4 });
    expect(problemsOf(result)).toEqual([expect.stringMatching(/^Entry 4 of the audit log \(sign, .*\) does not match its hash chain/)]);
  });

  it('names the first of several edited entries, as the chain is broken from there on', async () => {
    await someHistory();
    tamper("UPDATE audit SET who = 'Dr Impostor' WHERE seq IN (3, 6)");
    const result = await verifyAfterReopen();
    expect(result).toMatchObject({ intact: false, firstBadEntry: 3 });
    expect(problemsOf(result).filter((p) => /hash chain/.test(p))).toEqual([expect.stringMatching(/^Entry 3 of the audit log \(save, /)]);
  });

  it('detects an edited detail', async () => {
    await someHistory();
    tamper(`UPDATE audit SET detail = '{"revision":9}' WHERE seq = 3`);
    expect(await verifyAfterReopen()).toMatchObject({ intact: false, firstBadEntry: 3 });
  });

  it('detects a deleted entry in the middle', async () => {
    await someHistory();
    tamper('DELETE FROM audit WHERE seq = 5');
    const result = await verifyAfterReopen();
    expect(result).toMatchObject({ intact: false, firstBadEntry: 5 });
    expect(problemsOf(result)).toContain('Entry 5 of the audit log is missing: it was deleted outside the app.');
    expect(problemsOf(result)).toContain("The audit log's seal does not match its entries: entries were rewritten, cut off or added outside the app.");
  });

  it('detects entries cut off the end', async () => {
    await someHistory();
    tamper('DELETE FROM audit WHERE seq >= 6');
    const result = await verifyAfterReopen();
    expect(result).toMatchObject({ intact: false, firstBadEntry: 6 });
    // The head kept in meta, and the checkpoints the export (entry 6) and the backup (entry 7) wrote, all show it.
    expect(problemsOf(result)).toEqual([
      'The audit log ends at entry 5 but had reached entry 7: entries were cut off the end outside the app.',
      "The audit log's seal does not match its entries: entries were rewritten, cut off or added outside the app.",
      expect.stringMatching(/^The audit log has 5 entries but had 6 at the export of 2026-\S+: entries were cut off since\.$/),
      expect.stringMatching(/^The audit log has 5 entries but had 7 at the backup of 2026-\S+: entries were cut off since\.$/),
    ]);
  });

  it('detects an entry rewritten with a fresh hash (the next link breaks)', async () => {
    await someHistory();
    const path = t.store.path;
    t.close();
    const { entryHash } = await import('../../../electron/main/store/audit.ts');
    const db = openConnection(path);
    db.exec('DROP TRIGGER audit_append_only_update');
    const row = db.prepare('SELECT * FROM audit WHERE seq = 2').get() as { at: string; action: 'create'; encounter_id: string; detail: string; prev_hash: string };
    const forged = { at: row.at, who: 'Dr Impostor', action: row.action, encounterId: row.encounter_id, detail: JSON.parse(row.detail) };
    db.prepare('UPDATE audit SET who = ?, hash = ? WHERE seq = 2').run('Dr Impostor', entryHash(2, forged, row.prev_hash));
    db.close();
    expect(await verifyAfterReopen()).toMatchObject({ intact: false, firstBadEntry: 3 });
  });
  it('detects the last entry replaced by a forged one with a consistent hash (only the head kept in meta shows it)', async () => {
    await someHistory();
    const path = t.store.path;
    t.close();
    const { entryHash } = await import('../../../electron/main/store/audit.ts');
    const db = openConnection(path);
    db.exec('DROP TRIGGER audit_append_only_update');
    const row = db.prepare('SELECT * FROM audit ORDER BY seq DESC LIMIT 1').get() as { seq: number; at: string; action: 'backup'; encounter_id: string | null; detail: string; prev_hash: string };
    const forged = { at: row.at, who: 'Dr Impostor', action: row.action, encounterId: row.encounter_id, detail: JSON.parse(row.detail) };
    db.prepare('UPDATE audit SET who = ?, hash = ? WHERE seq = ?').run('Dr Impostor', entryHash(row.seq, forged, row.prev_hash), row.seq);
    db.close();
    const result = await verifyAfterReopen();
    expect(result).toMatchObject({ intact: false, firstBadEntry: row.seq });
    expect(result.intact === false && result.problems.join(' ')).toMatch(/last entry .* was replaced outside the app/);
  });
});
