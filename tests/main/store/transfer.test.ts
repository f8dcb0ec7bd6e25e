import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { KB_VERSION } from '../../../shared/clinical/index.ts';
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

  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  type Entry = any;
  /** A copy of an exported encounter under another id (its revisions and addenda follow), changed by `change`. */
  function variant(base: Entry, id: string, change: (e: Entry) => void): Entry {
    const e = structuredClone(base);
    e.id = id;
    for (const r of e.revisions) r.encounter.id = id;
    for (const a of e.addenda) a.id = `${id}-${a.id}`;
    change(e);
    return e;
  }

  it('refuses what encounter.save and addAddendum would refuse: invalid times, empty or huge addenda, a forged signer', async () => {
    const { signed } = await history();
    const doc = JSON.parse((await source.client.data.exportJson({ ids: [signed] })).json);
    const [good] = doc.encounters;
    const entries = [
      variant(good, 'bad-created', (e) => (e.createdAt = '2026-13-45T99:00:00Z')),
      variant(good, 'bad-saved', (e) => (e.revisions[0].savedAt = 'yesterday')),
      variant(good, 'feb-31', (e) => (e.signedAt = '2026-02-31T10:00:00.000Z')),
      variant(good, 'empty-addendum', (e) => (e.addenda[0].text = '   ')),
      variant(good, 'huge-addendum', (e) => (e.addenda[0].text = 'x'.repeat(20_001))),
      variant(good, 'forged-signer', (e) => {
        e.signedBy = 'Dr Mallory';
        for (const r of e.revisions) r.encounter.signedBy = 'Dr Mallory';
      }),
      variant(good, 'signed-before-saved', (e) => (e.signedAt = '2020-01-01T00:00:00.000Z')),
      variant(good, 'control-signer', (e) => (e.signedBy = 'Dr Lee\u0007')),
      variant(good, 'findings-overlap', (e) => (e.revisions[1].encounter.absent = ['loc-calf'])),
      variant(good, 'ok', () => {}),
    ];
    const result = await target.client.data.importJson({ json: JSON.stringify({ ...doc, encounters: entries }) });
    expect(result.imported).toBe(1);
    const reasons = Object.fromEntries(result.skipped.map((s) => [s.id, s.reason]));
    expect(Object.keys(reasons)).toEqual(entries.slice(0, -1).map((e) => e.id));
    expect(reasons['bad-created']).toMatch(/createdAt.*ISO 8601/);
    expect(reasons['bad-saved']).toMatch(/revisions\.0\.savedAt.*ISO 8601/);
    expect(reasons['feb-31']).toMatch(/signedAt.*real ISO 8601 date and time/);
    expect(reasons['empty-addendum']).toMatch(/addenda\.0\.text.*The addendum is empty/);
    expect(reasons['huge-addendum']).toMatch(/addenda\.0\.text.*under 20000 characters/);
    expect(reasons['forged-signer']).toMatch(/signedBy: "Dr Mallory" saved no revision of this encounter/);
    expect(reasons['signed-before-saved']).toMatch(/signed before its signed revision was saved/);
    expect(reasons['control-signer']).toMatch(/signedBy.*control characters/);
    expect(reasons['findings-overlap']).toMatch(/loc-calf/);
    for (const id of Object.keys(reasons)) expect((await failure(target.client.encounter.get({ id }))).code).toBe('not-found');
  });

  it('recomputes an assessment that names this knowledge base, and keeps one of another labelled as imported', async () => {
    const { signed } = await history();
    const doc = JSON.parse((await source.client.data.exportJson({ ids: [signed] })).json);
    const [good] = doc.encounters;
    const truth = await source.client.encounter.revisions({ id: signed });
    const forged = variant(good, 'forged-assessment', (e) => {
      for (const r of e.revisions) {
        r.encounter.assessment.differential[0].label = 'Nothing to worry about';
        r.encounter.assessment.differential[0].mustNotMiss = false;
        r.encounter.assessment.scores.wellsDvt.category = 'unlikely';
      }
    });
    const older = variant(good, 'older-kb', (e) => {
      for (const r of e.revisions) r.encounter.assessment.knowledgeBase = '2019.1-elsewhere';
    });
    expect(truth[0]!.encounter.assessment.knowledgeBase).toBe(KB_VERSION);
    expect(truth[1]!.encounter.assessment.differential[0]!.label).not.toBe('Nothing to worry about');
    expect(await target.client.data.importJson({ json: JSON.stringify({ ...doc, encounters: [forged, older] }) })).toEqual({ imported: 2, skipped: [] });

    const recomputed = await target.client.encounter.revisions({ id: 'forged-assessment' });
    expect(recomputed.map((r) => r.encounter.assessment)).toEqual(truth.map((r) => r.encounter.assessment));
    expect(recomputed[1]!.encounter.assessment.origin).toBeUndefined();

    const kept = await target.client.encounter.get({ id: 'older-kb' });
    expect(kept.assessment).toEqual({ ...truth[1]!.encounter.assessment, knowledgeBase: '2019.1-elsewhere', origin: 'imported' });
    // The comparison puts today's engine beside it.
    const comparison = await target.client.review.compare({ id: 'older-kb' });
    expect(comparison.stored.origin).toBe('imported');
    expect(comparison.current.knowledgeBase).toBe(KB_VERSION);
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
