import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { checkSearchIndex, openTestServices, sampleDraft, type TestServices } from '../helpers.ts';

/**
 * A revision writes only what changed (the list columns whose value moved, the search document
 * when its text moved); the history list, its filters and the search must show the latest
 * revision all the same, whichever parts changed.
 */

describe('revisions keep the list and the search in step', () => {
  let t: TestServices;
  beforeEach(() => (t = openTestServices()));
  afterEach(() => t.dispose());

  const row = (id: string) => t.store.db.prepare('SELECT * FROM encounters WHERE id = ?').get(id);

  it('a revision of the notes only: new words found, old words gone, list entry unchanged but for the revision', async () => {
    const first = await t.client.encounter.save(sampleDraft({ notes: 'Ankle oedema since Tuesday.' }));
    const before = row(first.id) as Record<string, unknown>;
    const second = await t.client.encounter.save({ ...sampleDraft({ notes: 'Popliteal tenderness on palpation.' }), id: first.id, baseRevision: 1 });
    expect(second.revision).toBe(2);
    // The hit's snippet is the new notes and nothing else: a draft has no addenda to add to them.
    expect((await t.client.encounter.search({ query: 'popliteal' })).map((h) => [h.id, h.snippet])).toEqual([[first.id, '[[Popliteal]] tenderness on palpation.']]);
    expect(await t.client.encounter.search({ query: 'oedema' })).toEqual([]);
    expect(row(first.id)).toEqual({ ...before, revision: 2 });
    checkSearchIndex(t.store.db);
  });

  it('a revision of the patient, the date and the findings moves the list entry, its filters and the search', async () => {
    const first = await t.client.encounter.save(sampleDraft());
    const other = await t.client.encounter.save(sampleDraft({ seenAt: '2026-11-20T08:00:00.000Z', patient: { ...sampleDraft().patient, name: 'Other Person', identifier: 'MRN 1' } }));
    expect((await t.client.encounter.list({ limit: 10, offset: 0 })).items.map((i) => i.id)).toEqual([first.id, other.id]);
    expect((await t.client.encounter.list({ cause: 'dvt', limit: 10, offset: 0 })).total).toBe(2);
    // The calf findings raise a red flag; the history's red-flag filter and badges show it on both.
    const flags = other.assessment.redFlags.map((f) => f.id);
    expect(flags.length).toBeGreaterThan(0);
    expect((await t.client.encounter.list({ redFlags: true, limit: 10, offset: 0 })).items.map((i) => [i.id, i.redFlags])).toEqual([
      [first.id, flags],
      [other.id, flags],
    ]);
    expect((await t.client.encounter.list({ redFlags: false, limit: 10, offset: 0 })).total).toBe(0);

    await t.client.encounter.save({
      ...sampleDraft({
        seenAt: '2026-11-01T08:00:00.000Z',
        patient: { name: 'Bea Renamed', birthDate: '1958-03-14', sex: 'female', identifier: 'MRN 777' },
        findings: ['loc-calf', 'char-cramping', 'exertional-relieved-by-rest'],
        workingDiagnosis: 'pad',
      }),
      id: first.id,
      baseRevision: 1,
    });
    const list = await t.client.encounter.list({ limit: 10, offset: 0 });
    expect(list.items.map((i) => i.id)).toEqual([other.id, first.id]);
    expect(list.items[1]).toMatchObject({ patientName: 'Bea Renamed', patientIdentifier: 'MRN 777', workingDiagnosis: 'pad' });
    expect((await t.client.encounter.list({ cause: 'pad', limit: 10, offset: 0 })).items.map((i) => i.id)).toContain(first.id);
    expect((await t.client.encounter.list({ cause: 'dvt', limit: 10, offset: 0 })).items.map((i) => i.id)).toEqual([other.id]);
    // The claudication findings raise none: the revised encounter leaves the red-flag filter and loses its badge.
    expect(list.items[1]!.redFlags).toEqual([]);
    expect((await t.client.encounter.list({ redFlags: true, limit: 10, offset: 0 })).items.map((i) => i.id)).toEqual([other.id]);
    expect((await t.client.encounter.list({ redFlags: false, limit: 10, offset: 0 })).items.map((i) => i.id)).toEqual([first.id]);
    expect((await t.client.encounter.list({ patientIdentifier: 'MRN 777', limit: 10, offset: 0 })).total).toBe(1);
    expect((await t.client.encounter.list({ patientIdentifier: 'MRN 004211', limit: 10, offset: 0 })).total).toBe(0);
    expect((await t.client.encounter.search({ query: 'Bea Renamed' })).map((h) => h.id)).toEqual([first.id]);
    expect(await t.client.encounter.search({ query: 'Ada Example' })).toEqual([]);
    checkSearchIndex(t.store.db);
  });

  it('a revision of fields the search does not hold keeps the encounter findable', async () => {
    const first = await t.client.encounter.save(sampleDraft({ notes: 'Varicose veins noted.' }));
    await t.client.encounter.save({ ...sampleDraft({ notes: 'Varicose veins noted.', pain: { intensity: 3, duration: '5 days', side: 'left' } }), id: first.id, baseRevision: 1 });
    expect((await t.client.encounter.get({ id: first.id })).pain).toMatchObject({ intensity: 3 });
    expect((await t.client.encounter.search({ query: 'varicose' })).map((h) => h.id)).toEqual([first.id]);
    checkSearchIndex(t.store.db);
  });

  it("an addendum's text is found by the search, with the signed revision's", async () => {
    const { id } = await t.client.encounter.save(sampleDraft({ notes: 'Varicose veins noted.' }));
    await t.client.encounter.sign({ id, baseRevision: 1 });
    await t.client.encounter.addAddendum({ id, text: 'Duplex scan: popliteal thrombus.' });
    expect((await t.client.encounter.search({ query: 'thrombus' })).map((h) => h.id)).toEqual([id]);
    expect((await t.client.encounter.search({ query: 'varicose' })).map((h) => h.id)).toEqual([id]);
    checkSearchIndex(t.store.db);
  });

  it('an imported encounter of three revisions is listed and found as its latest revision', async () => {
    const first = await t.client.encounter.save(sampleDraft({ notes: 'Ankle oedema since Tuesday.' }));
    await t.client.encounter.save({ ...sampleDraft({ notes: 'Varicose veins noted.' }), id: first.id, baseRevision: 1 });
    await t.client.encounter.save({
      ...sampleDraft({ notes: 'Popliteal tenderness on palpation.', patient: { name: 'Bea Renamed', birthDate: '1958-03-14', sex: 'female', identifier: 'MRN 777' } }),
      id: first.id,
      baseRevision: 2,
    });
    const { json } = await t.client.data.exportJson({ ids: [first.id] });
    const other = openTestServices();
    try {
      expect((await other.client.data.importJson({ json })).imported).toBe(1);
      const { items } = await other.client.encounter.list({ limit: 10, offset: 0 });
      expect(items.map((i) => [i.id, i.patientName, i.patientIdentifier])).toEqual([[first.id, 'Bea Renamed', 'MRN 777']]);
      expect((await other.client.encounter.search({ query: 'popliteal' })).map((h) => h.id)).toEqual([first.id]);
      expect(await other.client.encounter.search({ query: 'varicose' })).toEqual([]);
      expect((await other.client.encounter.get({ id: first.id })).revision).toBe(3);
      checkSearchIndex(other.store.db);
    } finally {
      other.dispose();
    }
  });
});
