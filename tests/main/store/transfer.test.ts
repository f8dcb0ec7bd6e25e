import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { failure, openTestServices, sampleDraft, snapshot, type TestServices } from '../helpers.ts';

/** JSON export of encounters with their history, and an import that checks first and never overwrites. */

describe('export and import', () => {
  let source: TestServices;
  let target: TestServices;
  beforeEach(async () => {
    source = openTestServices();
    target = openTestServices();
    await source.client.profile.save({ name: 'Dr Lee' });
  });
  afterEach(() => {
    source.dispose();
    target.dispose();
  });

  async function history(): Promise<{ signed: string; draft: string }> {
    const signed = (await source.client.encounter.save(sampleDraft())).id;
    await source.client.encounter.save({ ...sampleDraft({ notes: 'revised' }), id: signed, baseRevision: 1 });
    await source.client.encounter.sign({ id: signed, baseRevision: 2 });
    await source.client.encounter.addAddendum({ id: signed, text: 'Result: negative.' });
    const draft = (await source.client.encounter.save(sampleDraft({ patient: { name: 'Bob Stone' }, findings: ['loc-buttock'], absent: [] }))).id;
    return { signed, draft };
  }

  it('moves encounters with every revision, signature, addendum and stored assessment to another database', async () => {
    const { signed, draft } = await history();
    const { json, count } = await source.client.data.exportJson({});
    expect(count).toBe(2);
    const doc = JSON.parse(json);
    expect(doc).toMatchObject({ format: 'leg-pain-ddx/encounters', version: 1, appVersion: 'test' });

    expect(await target.client.data.importJson({ json })).toEqual({ imported: 2, skipped: [] });
    for (const id of [signed, draft]) {
      expect(await target.client.encounter.get({ id })).toEqual(await source.client.encounter.get({ id }));
      expect(await target.client.encounter.revisions({ id })).toEqual(await source.client.encounter.revisions({ id }));
    }
    // Imported encounters are searchable and listed; a signed one stays locked.
    expect((await target.client.encounter.search({ query: 'negative' })).map((h) => h.id)).toEqual([signed]);
    expect((await failure(target.client.encounter.save({ ...sampleDraft(), id: signed, baseRevision: 2 }))).code).toBe('locked');
    expect((await target.client.audit.list({})).filter((e) => e.action === 'import').map((e) => e.encounterId).sort()).toEqual([signed, draft].sort());
    expect(await target.client.audit.verify({})).toMatchObject({ intact: true });
  });

  it('exports only the ids asked for, and refuses an unknown id', async () => {
    const { draft } = await history();
    const { json, count } = await source.client.data.exportJson({ ids: [draft] });
    expect(count).toBe(1);
    expect(JSON.parse(json).encounters[0].id).toBe(draft);
    expect((await failure(source.client.data.exportJson({ ids: [draft, 'nope'] }))).code).toBe('not-found');
  });

  it('imports the good entries of a partly invalid file and says why each other one was skipped', async () => {
    const { signed, draft } = await history();
    const doc = JSON.parse((await source.client.data.exportJson({})).json);
    const [good, other] = doc.encounters;
    // Already in the target: must be left as it is.
    await target.client.data.importJson({ json: JSON.stringify({ ...doc, encounters: [other] }) });
    const before = await target.client.encounter.get({ id: draft });

    const badDate = structuredClone(good);
    badDate.id = 'bad-date';
    badDate.revisions.forEach((r: { encounter: { id: string; patient: { birthDate: string } } }) => {
      r.encounter.id = 'bad-date';
      r.encounter.patient.birthDate = '1990-02-31';
    });
    const gap = structuredClone(good);
    gap.id = 'gap';
    gap.revisions = [gap.revisions[1]];
    gap.revisions[0].encounter.id = 'gap';
    const unknownFinding = structuredClone(good);
    unknownFinding.id = 'unknown-finding';
    unknownFinding.revisions.forEach((r: { encounter: { id: string; findings: string[] } }) => {
      r.encounter.id = 'unknown-finding';
      r.encounter.findings = ['loc-calf', 'third-leg'];
    });
    const entries = [good, badDate, 42, gap, { ...other, patient: 'changed' }, good, unknownFinding];
    const result = await target.client.data.importJson({ json: JSON.stringify({ ...doc, encounters: entries }) });

    expect(result.imported).toBe(1);
    expect(result.skipped.map((s) => [s.index, s.id])).toEqual([
      [1, 'bad-date'],
      [2, undefined],
      [3, 'gap'],
      [4, draft],
      [5, signed],
      [6, 'unknown-finding'],
    ]);
    const reasons = result.skipped.map((s) => s.reason);
    expect(reasons[0]).toMatch(/birthDate.*not a real calendar date/);
    expect(reasons[1]).toMatch(/should be an object/);
    expect(reasons[2]).toMatch(/numbered 1, 2, 3/);
    expect(reasons[3]).toMatch(/already stored; it was left as it is/);
    expect(reasons[4]).toMatch(/appears earlier in the file/);
    expect(reasons[5]).toMatch(/third-leg/);
    expect(await target.client.encounter.get({ id: draft })).toEqual(before);
    expect((await target.client.encounter.get({ id: signed })).addenda).toHaveLength(1);
  });

  it('refuses a file that is not JSON or not an export, importing nothing', async () => {
    const before = snapshot(target.store.db);
    for (const json of ['{"format": ', '[]', JSON.stringify({ format: 'something else', version: 1, encounters: [] })]) {
      const error = await failure(target.client.data.importJson({ json }));
      expect(error.code).toBe('invalid');
      expect(error.message).toMatch(/nothing was imported/);
    }
    expect(snapshot(target.store.db)).toBe(before);
  });
});
